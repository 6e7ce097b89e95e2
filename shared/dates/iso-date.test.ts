import { describe, expect, it } from 'vitest'
import { validatePastDate } from './iso-date'

// A past date as typed on the vehicle file and the handover line (登记日期, 交车日期): the forms people
// type, and the refusals they read.

const TODAY = '2026-03-09'
const check = (typed: string) => validatePastDate(typed, '登记日期', TODAY)

describe('validatePastDate', () => {
  it.each([
    ['2026-03-05', '2026-03-05'],
    ['2026/3/5', '2026-03-05'],
    ['2026.3.5', '2026-03-05'],
    ['2026年3月5日', '2026-03-05'],
    [' 2026-3-5 ', '2026-03-05'],
    ['1950-01-01', '1950-01-01'],
    ['2026-03-09', '2026-03-09']
  ])('reads %s as %s', (typed, value) => {
    expect(check(typed)).toEqual({ ok: true, value })
  })

  it('asks for a date left blank', () => {
    expect(check('  ')).toMatchObject({ ok: false, reason: '请填写登记日期' })
  })

  it('says how to write a date that is not year, month and day', () => {
    expect(check('2026-03')).toMatchObject({ ok: false, reason: '登记日期格式应为 年-月-日，如 2026-03-05' })
    expect(check('2026-03-05-1')).toMatchObject({ ok: false, reason: '登记日期格式应为 年-月-日，如 2026-03-05' })
  })

  it('refuses a day the calendar does not have, quoting it as typed', () => {
    expect(check(' 2026/2/29 ')).toMatchObject({ ok: false, reason: '登记日期“2026/2/29”不是有效日期' })
  })

  it('refuses the DMS placeholder 1900-01-01 and anything before 1950', () => {
    const reason = '登记日期不能早于 1950 年（1900-01-01 是系统占位值，请填写真实日期）'
    expect(check('1900-01-01')).toMatchObject({ ok: false, reason })
    expect(check('1949-12-31')).toMatchObject({ ok: false, reason })
  })

  it('refuses tomorrow, naming today', () => {
    expect(check('2026-03-10')).toMatchObject({ ok: false, reason: '登记日期不能晚于今天（2026-03-09）' })
  })

  it("counts today in China time by default: a day after China's today is refused", () => {
    expect(validatePastDate('2999-01-01', '交车日期').ok).toBe(false)
    expect(validatePastDate('2000-01-01', '交车日期')).toEqual({ ok: true, value: '2000-01-01' })
  })
})
