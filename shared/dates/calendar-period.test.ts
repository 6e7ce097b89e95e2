import { describe, expect, it } from 'vitest'
import { addCalendarDays, calendarDaysBetween, dayAfterYears, isCalendarDate, lastDayOfYears } from './calendar-period'

// 民法典 第二百零一、二百零二条: the event day is not counted; a period in years ends on the corresponding
// day, or on the last day of that month when there is none.
describe('calendar periods on China dates', () => {
  it('a 5-year period from 2020-03-05 ends on 2025-03-05; the day after is 2025-03-06', () => {
    expect(lastDayOfYears('2020-03-05', 5)).toBe('2025-03-05')
    expect(dayAfterYears('2020-03-05', 5)).toBe('2025-03-06')
  })

  it('from a leap day the period ends on 28 February, or on 29 February in a leap year', () => {
    expect(lastDayOfYears('2024-02-29', 5)).toBe('2029-02-28')
    expect(lastDayOfYears('2024-02-29', 4)).toBe('2028-02-29')
    expect(dayAfterYears('2024-02-29', 1)).toBe('2025-03-01')
  })

  it('adds and counts calendar days across month and year ends', () => {
    expect(addCalendarDays('2026-02-27', 3)).toBe('2026-03-02')
    expect(addCalendarDays('2025-12-30', 3)).toBe('2026-01-02')
    expect(addCalendarDays('2026-03-02', -2)).toBe('2026-02-28')
    expect(calendarDaysBetween('2026-02-27', '2026-03-02')).toBe(3)
    expect(calendarDaysBetween('2026-03-02', '2026-02-27')).toBe(-3)
  })

  it('only real dates written YYYY-MM-DD are dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true)
    expect(isCalendarDate('2023-02-29')).toBe(false)
    expect(isCalendarDate('2026-04-31')).toBe(false)
    expect(isCalendarDate('2026-13-01')).toBe(false)
    expect(isCalendarDate('2026-3-5')).toBe(false)
    expect(isCalendarDate(' 2026-03-05')).toBe(false)
    expect(() => addCalendarDays('2026-02-30', 1)).toThrow(RangeError)
  })
})
