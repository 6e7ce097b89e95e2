import { describe, it, expect } from 'vitest'
import { isoDateToYyyymmdd, isRealCalendarDate, todayAsYyyymmdd } from './calendar-date'

describe('isRealCalendarDate', () => {
  it('accepts ordinary dates and month ends', () => {
    expect(isRealCalendarDate('19900101')).toBe(true)
    expect(isRealCalendarDate('19901231')).toBe(true)
    expect(isRealCalendarDate('19900430')).toBe(true)
  })

  it('refuses days that do not exist', () => {
    expect(isRealCalendarDate('19900431')).toBe(false)
    expect(isRealCalendarDate('19901301')).toBe(false)
    expect(isRealCalendarDate('19900001')).toBe(false)
    expect(isRealCalendarDate('19900100')).toBe(false)
  })

  it('knows the leap-year rules, including centuries', () => {
    expect(isRealCalendarDate('19960229')).toBe(true)
    expect(isRealCalendarDate('19950229')).toBe(false)
    expect(isRealCalendarDate('20000229')).toBe(true)
    expect(isRealCalendarDate('19000229')).toBe(false)
  })

  it('refuses anything that is not 8 digits', () => {
    expect(isRealCalendarDate('1990-01-01')).toBe(false)
    expect(isRealCalendarDate('199001011')).toBe(false)
  })
})

describe('todayAsYyyymmdd', () => {
  it('uses the China calendar date, whatever the computer’s zone', () => {
    // 23:59 and 00:00 China time are 15:59 and 16:00 UTC.
    expect(todayAsYyyymmdd(new Date('2024-02-29T15:59:00Z'))).toBe('20240229')
    expect(todayAsYyyymmdd(new Date('2024-02-29T16:00:00Z'))).toBe('20240301')
    expect(todayAsYyyymmdd(new Date('2024-12-31T16:00:00Z'))).toBe('20250101')
  })
})

describe('isoDateToYyyymmdd', () => {
  it('converts an ISO date', () => {
    expect(isoDateToYyyymmdd('2025-06-30')).toBe('20250630')
  })

  it('throws on anything else, since it comes from code rather than users', () => {
    expect(() => isoDateToYyyymmdd('20250630')).toThrow(RangeError)
    expect(() => isoDateToYyyymmdd('2025-02-30')).toThrow(RangeError)
    expect(() => isoDateToYyyymmdd('2025/06/30')).toThrow(RangeError)
  })
})
