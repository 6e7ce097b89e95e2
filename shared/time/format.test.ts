import { describe, expect, it } from 'vitest'
import { chinaClock, chinaDate, chinaDateText, chinaDateTimeText, chinaDayStamp, chinaMinute } from '.'

describe('China time, whatever the computer’s time zone', () => {
  // 2026-11-22 16:30 UTC is already the 23rd in Changchun.
  const lateEvening = '2026-11-22T16:30:00.000Z'

  it('reads the date and clock in UTC+8', () => {
    expect(chinaDate(lateEvening)).toBe('2026-11-23')
    expect(chinaClock(lateEvening)).toBe('00:30')
    expect(chinaMinute(new Date(lateEvening))).toBe('2026-11-23 00:30')
    expect(chinaDayStamp(lateEvening)).toBe('20261123')
  })

  it('writes dates in the one 年-月-日 form, 2026-03-05, with the time to the minute', () => {
    expect(chinaDateText('2026-03-05T02:00:00Z')).toBe('2026-03-05')
    expect(chinaDateTimeText('2026-03-05T02:05:00+08:00')).toBe('2026-03-05 02:05')
    expect(chinaDateTimeText('not a date')).toBe('not a date')
  })
})
