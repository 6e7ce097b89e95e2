import { describe, it, expect } from 'vitest'
import { addWorkingDays, createWorkingCalendar, isWorkingDay, prcWorkingCalendar } from './index'

const prc = prcWorkingCalendar

describe('2026 Spring Festival (published schedule: off 15–23 Feb, working Saturdays 14 and 28 Feb)', () => {
  it('rests through the whole break, including the weekdays around 除夕', () => {
    for (const date of [
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-23'
    ]) {
      expect(isWorkingDay(date), date).toBe(false)
    }
  })

  it('works on the 调休 Saturdays and again from Tuesday 24 Feb', () => {
    expect(isWorkingDay('2026-02-14')).toBe(true)
    expect(isWorkingDay('2026-02-28')).toBe(true)
    expect(isWorkingDay('2026-02-24')).toBe(true)
    expect(isWorkingDay('2026-02-21')).toBe(false) // an ordinary Saturday inside the break
  })

  it('counts deadlines across the break', () => {
    // Car delivered on Saturday 14 Feb, the last working day before the break: 3 working days is Thursday 26 Feb.
    expect(addWorkingDays('2026-02-14', 1)).toBe('2026-02-24')
    expect(addWorkingDays('2026-02-14', 3)).toBe('2026-02-26')
    // Delivered on Friday 13 Feb: the 调休 Saturday is the first working day.
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14')
    expect(addWorkingDays('2026-02-13', 3)).toBe('2026-02-25')
    expect(prc.workingDaysBetween('2026-02-13', '2026-02-27')).toBe(5)
    expect(addWorkingDays('2026-02-24', -1)).toBe('2026-02-14')
  })
})

describe('2026 Mid-Autumn and National Day (off 25–27 Sep and 1–7 Oct, working Sunday 20 Sep and Saturday 10 Oct)', () => {
  it('knows the holidays and the 调休 weekend days', () => {
    for (const date of ['2026-09-25', '2026-10-01', '2026-10-05', '2026-10-06', '2026-10-07'])
      expect(isWorkingDay(date), date).toBe(false)
    expect(isWorkingDay('2026-09-20')).toBe(true) // Sunday
    expect(isWorkingDay('2026-10-10')).toBe(true) // Saturday
    expect(isWorkingDay('2026-10-11')).toBe(false) // ordinary Sunday
    expect(isWorkingDay('2026-09-30')).toBe(true)
  })

  it('counts a 调休 Sunday as a working day', () => {
    expect(addWorkingDays('2026-09-18', 1)).toBe('2026-09-20')
    expect(prc.nextWorkingDay('2026-09-19')).toBe('2026-09-20')
  })

  it('jumps the Golden Week', () => {
    expect(addWorkingDays('2026-09-30', 1)).toBe('2026-10-08')
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10')
    expect(addWorkingDays('2026-09-24', 1)).toBe('2026-09-28')
    expect(prc.workingDaysBetween('2026-09-30', '2026-10-12')).toBe(4) // 8, 9, 10 and 12 Oct
    expect(prc.workingDaysBetween('2026-10-12', '2026-09-30')).toBe(-4)
  })
})

describe('a year without a published schedule (2027): statutory holidays and weekends', () => {
  it('says the schedule is estimated, so the app can warn', () => {
    expect(prc.scheduleStatus(2027)).toBe('statutory-fallback')
    expect(prc.scheduleStatus(2026)).toBe('official')
    expect(prc.scheduleStatus(2004)).toBe('official')
  })

  it('rests on the statutory days, 春节 taken from the lunar calendar', () => {
    for (const date of [
      '2027-01-01',
      '2027-02-05',
      '2027-02-08',
      '2027-04-05',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01'
    ]) {
      expect(isWorkingDay(date), date).toBe(false)
    }
  })

  it('works on ordinary weekdays, rests on weekends, and guesses no 调休 or 补假', () => {
    expect(isWorkingDay('2027-02-04')).toBe(true) // Thursday before 除夕
    expect(isWorkingDay('2027-02-09')).toBe(true) // 初四, Tuesday
    expect(isWorkingDay('2027-10-04')).toBe(true) // Monday after the 3 statutory days
    expect(isWorkingDay('2027-03-13')).toBe(false) // Saturday
    expect(isWorkingDay('2027-03-14')).toBe(false) // Sunday
    expect(addWorkingDays('2027-02-04', 1)).toBe('2027-02-09')
  })

  it('crosses from the published year into the estimated one', () => {
    expect(addWorkingDays('2026-12-31', 1)).toBe('2027-01-04')
  })
})

describe('addWorkingDays with n = 0', () => {
  it('keeps a working day and rolls a rest day forward', () => {
    expect(addWorkingDays('2026-09-30', 0)).toBe('2026-09-30')
    expect(addWorkingDays('2026-10-01', 0)).toBe('2026-10-08')
  })
})

describe('dealership overrides', () => {
  const dealership = createWorkingCalendar({
    overrides: [
      { date: '2026-10-01', kind: 'open', note: '国庆车展' },
      { date: '2026-11-24', kind: 'closed', note: '年度盘点' }
    ]
  })

  it("makes a holiday a working day with 'open' and a weekday a rest day with 'closed'", () => {
    expect(dealership.isWorkingDay('2026-10-01')).toBe(true)
    expect(dealership.isWorkingDay('2026-11-24')).toBe(false)
    expect(dealership.isWorkingDay('2026-10-02')).toBe(false)
    expect(isWorkingDay('2026-10-01')).toBe(false) // the default calendar is untouched
  })

  it('counts deadlines with them', () => {
    expect(dealership.addWorkingDays('2026-09-30', 1)).toBe('2026-10-01')
    expect(dealership.addWorkingDays('2026-09-30', 2)).toBe('2026-10-08')
    expect(dealership.addWorkingDays('2026-11-23', 1)).toBe('2026-11-25')
    expect(dealership.workingDaysBetween('2026-11-20', '2026-11-27')).toBe(4)
  })

  it('refuses an invalid override list with the reason', () => {
    expect(() => createWorkingCalendar({ overrides: [{ date: '2026-02-30', kind: 'open', note: '值班' }] })).toThrow(
      RangeError
    )
    expect(() => createWorkingCalendar({ overrides: [{ date: '2026-02-30', kind: 'open', note: '值班' }] })).toThrow(
      '不是有效日期'
    )
  })
})

describe('nextWeekday (FAW-VW: sales archives handed in every Monday)', () => {
  it('finds the coming Monday, strictly after the date', () => {
    expect(prc.nextWeekday('2026-11-22', 'monday')).toBe('2026-11-23') // from a Sunday
    expect(prc.nextWeekday('2026-11-23', 'monday')).toBe('2026-11-30') // from a Monday
    expect(prc.nextWeekday('2026-11-28', 'friday')).toBe('2026-12-04')
  })

  it('leaves holidays to addWorkingDays(…, 0)', () => {
    const monday = prc.nextWeekday('2026-10-01', 'monday')
    expect(monday).toBe('2026-10-05')
    expect(prc.addWorkingDays(monday, 0)).toBe('2026-10-08')
  })

  it('refuses an unknown weekday', () => {
    expect(() => prc.nextWeekday('2026-11-22', 'Monday' as never)).toThrow(RangeError)
  })
})

describe('deadlineAtTimeOfDay', () => {
  it('returns the China-time instant', () => {
    const deadline = prc.deadlineAtTimeOfDay('2026-10-08', '10:00')
    expect(deadline).toBe('2026-10-08T10:00:00+08:00')
    expect(Date.parse(deadline)).toBe(Date.UTC(2026, 9, 8, 2, 0))
    expect(prc.deadlineAtTimeOfDay(addWorkingDays('2026-09-30', 1), '15:00')).toBe('2026-10-08T15:00:00+08:00')
  })

  it('refuses a time or date that is not one', () => {
    for (const time of ['24:00', '9:00', '10:60', '10:00:00', ''])
      expect(() => prc.deadlineAtTimeOfDay('2026-10-08', time)).toThrow(RangeError)
    expect(() => prc.deadlineAtTimeOfDay('2026-10-32', '10:00')).toThrow(RangeError)
  })
})

describe('workingHoursBetween (08:30–17:30)', () => {
  const workday = { start: '08:30', end: '17:30' }

  it('skips the night', () => {
    // Thursday 16:30 to Friday 09:30: 1 h before closing and 1 h after opening.
    expect(prc.workingHoursBetween('2026-11-19T16:30:00+08:00', '2026-11-20T09:30:00+08:00', workday)).toBe(2)
  })

  it('skips a weekend: 64 hours on the clock, 1 working hour', () => {
    expect(prc.workingHoursBetween('2026-11-20T17:00:00+08:00', '2026-11-23T09:00:00+08:00', workday)).toBe(1)
    // The same instants written in UTC.
    expect(prc.workingHoursBetween('2026-11-20T09:00:00Z', '2026-11-23T01:00:00Z', workday)).toBe(1)
  })

  it('skips the Golden Week and counts the 调休 Saturday', () => {
    expect(prc.workingHoursBetween('2026-09-30T17:00:00+08:00', '2026-10-08T09:30:00+08:00', workday)).toBe(1.5)
    expect(prc.workingHoursBetween('2026-10-09T17:00:00+08:00', '2026-10-12T08:30:00+08:00', workday)).toBe(9.5)
  })

  it('counts nothing outside opening hours and is negative when the end is earlier', () => {
    expect(prc.workingHoursBetween('2026-11-20T18:00:00+08:00', '2026-11-20T23:00:00+08:00', workday)).toBe(0)
    expect(prc.workingHoursBetween('2026-11-20T09:30:00+08:00', '2026-11-20T08:45:00+08:00', workday)).toBe(-0.75)
  })

  it('refuses an instant without offset and a workday that ends before it starts', () => {
    expect(() => prc.workingHoursBetween('2026-11-20T09:00:00', '2026-11-20T10:00:00+08:00', workday)).toThrow(
      RangeError
    )
    expect(() =>
      prc.workingHoursBetween('2026-11-20T09:00:00+08:00', '2026-11-20T10:00:00+08:00', {
        start: '17:30',
        end: '08:30'
      })
    ).toThrow(RangeError)
  })
})

describe('input validation', () => {
  it('throws a RangeError naming the bad date', () => {
    expect(() => isWorkingDay('2026-10-1')).toThrow('Expected an ISO date YYYY-MM-DD, got "2026-10-1"')
    expect(() => addWorkingDays('下周一', 1)).toThrow(RangeError)
    expect(() => prc.workingDaysBetween('2026-10-01', '2026-02-29')).toThrow(RangeError)
  })

  it('throws on a fractional day count and on years it cannot answer for', () => {
    expect(() => addWorkingDays('2026-10-01', 1.5)).toThrow(RangeError)
    expect(() => addWorkingDays('2026-10-01', Number.NaN)).toThrow(RangeError)
    expect(() => isWorkingDay('2100-01-04')).toThrow('outside the years')
    expect(() => prc.scheduleStatus(2100)).toThrow(RangeError)
  })
})
