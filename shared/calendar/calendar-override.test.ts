import { describe, it, expect } from 'vitest'
import { calendarOverrideSchema, calendarOverridesSchema } from './calendar-override'

function firstMessage(result: { success: boolean; error?: { issues: { message: string }[] } }): string | undefined {
  return result.error?.issues[0]?.message
}

describe('calendarOverrideSchema (Settings form)', () => {
  it('accepts an override and trims its fields', () => {
    expect(calendarOverrideSchema.parse({ date: ' 2026-10-01 ', kind: 'open', note: ' 国庆值班 ' })).toEqual({
      date: '2026-10-01',
      kind: 'open',
      note: '国庆值班'
    })
  })

  it('refuses a date that does not exist, in Chinese', () => {
    expect(firstMessage(calendarOverrideSchema.safeParse({ date: '2026-02-30', kind: 'closed', note: '盘点' }))).toBe(
      '“2026-02-30”不是有效日期，格式应为 年-月-日，如 2026-10-01'
    )
    expect(firstMessage(calendarOverrideSchema.safeParse({ date: '', kind: 'closed', note: '盘点' }))).toBe(
      '请填写日期'
    )
    expect(firstMessage(calendarOverrideSchema.safeParse({ date: '2100-01-01', kind: 'closed', note: '盘点' }))).toBe(
      '日期应在 1901 年至 2099 年之间'
    )
  })

  it('refuses an unknown kind and a missing reason', () => {
    expect(firstMessage(calendarOverrideSchema.safeParse({ date: '2026-10-01', kind: 'holiday', note: '值班' }))).toBe(
      '请选择这一天是“照常营业”还是“休息”'
    )
    expect(firstMessage(calendarOverrideSchema.safeParse({ date: '2026-10-01', kind: 'open', note: '  ' }))).toBe(
      '请填写原因，如“国庆值班”'
    )
  })

  it('refuses two overrides for the same day, pointing at the second', () => {
    const result = calendarOverridesSchema.safeParse([
      { date: '2026-10-01', kind: 'open', note: '车展' },
      { date: '2026-10-01', kind: 'closed', note: '休息' }
    ])
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]).toMatchObject({
      path: [1, 'date'],
      message: '2026-10-01 已经设置过例外，同一天只能设置一条'
    })
  })
})
