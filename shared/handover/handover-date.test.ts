import { describe, expect, it } from 'vitest'
import { isDomainError } from '../model/domain-error'
import { readHandoverAnchorDate } from './handover-date'

const now = new Date('2026-11-29T15:30:00Z') // 2026-11-29 23:30 China time

function refusal(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    if (isDomainError(error)) return error.message
    throw error
  }
  throw new Error('accepted')
}

describe("a handover line's delivery / hand-back date", () => {
  it('is required: nothing defaults to today', () => {
    expect(refusal(() => readHandoverAnchorDate('sales', '', now))).toBe('请填写交车日期')
    expect(refusal(() => readHandoverAnchorDate('service', undefined, now))).toBe('请填写维修完毕交车日期')
  })

  it('may not be in the future, judged by the China calendar', () => {
    expect(refusal(() => readHandoverAnchorDate('sales', '2026-11-30', now))).toBe('交车日期不能晚于今天（2026-11-29）')
    expect(readHandoverAnchorDate('sales', '2026-11-29', now).date).toBe('2026-11-29')
  })

  it('reads 年-月-日 as typed and counts from that China day', () => {
    expect(readHandoverAnchorDate('sales', '2026/3/5', now)).toEqual({
      date: '2026-03-05',
      at: '2026-03-05T01:00:00.000Z'
    })
    expect(refusal(() => readHandoverAnchorDate('sales', '2026-02-30', now))).toContain('不是有效日期')
  })
})
