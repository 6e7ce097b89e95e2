import { describe, it, expect } from 'vitest'
import { fromDayNumber, isWeekend, toDayNumber, weekdayIndexOf, yearOfDayNumber } from './day-number'

describe('day numbers', () => {
  it('round-trips ISO dates, leap days and years before 1970 included', () => {
    for (const date of ['1970-01-01', '2024-02-29', '2026-12-31', '1901-01-01', '2099-12-31']) {
      expect(fromDayNumber(toDayNumber(date))).toBe(date)
    }
    expect(toDayNumber('1970-01-02')).toBe(1)
    expect(toDayNumber('1969-12-31')).toBe(-1)
  })

  it('knows the weekday and the year', () => {
    expect(weekdayIndexOf(toDayNumber('2026-10-01'))).toBe(4) // Thursday
    expect(weekdayIndexOf(toDayNumber('1960-01-03'))).toBe(0) // Sunday
    expect(isWeekend(toDayNumber('2026-11-22'))).toBe(true)
    expect(isWeekend(toDayNumber('2026-11-23'))).toBe(false)
    expect(yearOfDayNumber(toDayNumber('2026-12-31'))).toBe(2026)
  })

  it('throws a RangeError naming the bad input', () => {
    for (const bad of [
      '2026-02-30',
      '2026-13-01',
      '2026-10-1',
      '26-10-01',
      '2026/10/01',
      'tomorrow',
      '',
      ' 2026-10-01'
    ]) {
      expect(() => toDayNumber(bad)).toThrow(RangeError)
    }
    expect(() => toDayNumber('2026-02-30')).toThrow('Expected an ISO date YYYY-MM-DD, got "2026-02-30"')
  })
})
