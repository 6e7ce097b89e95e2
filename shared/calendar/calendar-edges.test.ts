import { describe, expect, it } from 'vitest'
import { calendarOverrideSchema } from './calendar-override'
import { parseInstant } from '../time'
import { isWeekend, toDayNumber } from './day-number'
import { qingmingDate } from './qingming-date'
import { statutoryHolidays } from './statutory-holidays'
import { assertSupportedYear } from './supported-years'
import { minutesOfTimeOfDay } from './time-of-day'
import { nextWeekday } from './weekday'
import { createWorkingCalendar } from './working-calendar'

// The edges of the calendar that deadlines stand on: first and last supported years, the 清明 formula's
// change of century, festivals that fall inside the National Day week, and values that are not what they claim.

describe('supported years 1901–2099', () => {
  it('answers for the first and the last year and refuses the years around them', () => {
    expect(() => assertSupportedYear(1901)).not.toThrow()
    expect(() => assertSupportedYear(2099)).not.toThrow()
    expect(() => assertSupportedYear(1900)).toThrow(
      'Year 1900 is outside the years the working calendar supports (1901–2099)'
    )
    expect(() => assertSupportedYear(2100)).toThrow(RangeError)
    expect(() => assertSupportedYear(2026.5)).toThrow(RangeError)
  })

  it('lets Settings save an override in the first and the last supported year only', () => {
    const message = (date: string) =>
      calendarOverrideSchema.safeParse({ date, kind: 'closed', note: '盘点' }).error?.issues[0]?.message
    expect(message('1901-01-01')).toBeUndefined()
    expect(message('2099-12-31')).toBeUndefined()
    expect(message('1900-12-31')).toBe('日期应在 1901 年至 2099 年之间')
    expect(message('2100-01-01')).toBe('日期应在 1901 年至 2099 年之间')
  })
})

describe('清明 on both sides of 2000', () => {
  it('uses the 20th-century constant up to 1999 and the 21st-century one from 2000', () => {
    expect(qingmingDate(1999)).toBe('1999-04-05')
    expect(qingmingDate(2000)).toBe('2000-04-04')
    expect(qingmingDate(1901)).toBe('1901-04-05')
  })
})

describe('statutory holidays in date order', () => {
  it('puts 中秋 after the National Day days when it falls on 6 October (2025)', () => {
    expect(statutoryHolidays(2025).slice(-4)).toEqual([
      { date: '2025-10-01', name: '国庆节' },
      { date: '2025-10-02', name: '国庆节' },
      { date: '2025-10-03', name: '国庆节' },
      { date: '2025-10-06', name: '中秋节' }
    ])
  })

  it('lists a day twice when 中秋 and 国庆 meet on 1 October (2020)', () => {
    expect(statutoryHolidays(2020).slice(-4)).toEqual([
      { date: '2020-10-01', name: '中秋节' },
      { date: '2020-10-01', name: '国庆节' },
      { date: '2020-10-02', name: '国庆节' },
      { date: '2020-10-03', name: '国庆节' }
    ])
  })
})

describe('weekends and weekdays', () => {
  it('knows Saturday and Sunday as the weekend', () => {
    expect(isWeekend(toDayNumber('2026-11-21'))).toBe(true)
    expect(isWeekend(toDayNumber('2026-11-22'))).toBe(true)
    expect(isWeekend(toDayNumber('2026-11-23'))).toBe(false)
    expect(isWeekend(toDayNumber('2026-11-20'))).toBe(false)
  })

  it('finds the next Sunday, the first weekday name', () => {
    expect(nextWeekday('2026-11-18', 'sunday')).toBe('2026-11-22')
    expect(nextWeekday('2026-11-22', 'sunday')).toBe('2026-11-29')
  })

  it('names what it refuses', () => {
    expect(() => nextWeekday('2026-11-18', 'Sunday' as never)).toThrow(
      `Expected a weekday name such as 'monday', got "Sunday"`
    )
    expect(() => minutesOfTimeOfDay('9:00')).toThrow('Expected a time of day HH:MM (00:00–23:59), got "9:00"')
    expect(() => createWorkingCalendar().addWorkingDays('2026-11-18', 0.5)).toThrow(
      'Expected a whole number of working days, got 0.5'
    )
  })
})

describe('values that only look like dates and times', () => {
  it('refuses a list holding a date, time or instant instead of the text itself', () => {
    expect(() => toDayNumber(['2026-10-08'] as never)).toThrow(RangeError)
    expect(() => minutesOfTimeOfDay(['10:00'] as never)).toThrow(RangeError)
    expect(() => parseInstant(['2026-10-08T09:15+08:00'] as never)).toThrow(RangeError)
  })
})

describe('a calendar with the dealership’s own days', () => {
  it('counts no working hours on a day it closes, and full hours on a Sunday it opens', () => {
    const calendar = createWorkingCalendar({
      overrides: [
        { date: '2026-11-20', kind: 'closed', note: '盘点' },
        { date: '2026-11-22', kind: 'open', note: '车展' }
      ]
    })
    const workday = { start: '08:30', end: '17:30' }
    expect(calendar.workingHoursBetween('2026-11-20T00:00:00+08:00', '2026-11-21T00:00:00+08:00', workday)).toBe(0)
    expect(calendar.workingHoursBetween('2026-11-22T00:00:00+08:00', '2026-11-23T00:00:00+08:00', workday)).toBe(9)
  })

  it('refuses a bad override, saying which entry and why', () => {
    expect(() => createWorkingCalendar({ overrides: [{ date: '2026-02-30', kind: 'closed', note: '盘点' }] })).toThrow(
      'Invalid calendar override at [0,"date"]: “2026-02-30”不是有效日期，格式应为 年-月-日，如 2026-10-01'
    )
  })
})
