import { describe, expect, it } from 'vitest'
import {
  type ChinaDate,
  type ChinaMonth,
  addChinaDays,
  addChinaMonths,
  asChinaDate,
  chinaDate,
  chinaInstantAt,
  chinaMonthOf,
  chinaMonthWindow,
  firstDayOfChinaMonth,
  fixedClock,
  instantOf,
  isChinaMonth,
  isInChinaMonth,
  isInstant,
  isRealIsoDate,
  lastDayOfChinaMonth,
  monthOfChinaDate,
  parseInstant,
  todayInChina
} from '.'
import { chinaMidnightMs, chinaWallClock } from './china-date'
import { chinaDateTimeText } from './format'

// China calendar days and months as the monthly fines, notices and deadlines count them, in the zone the
// tests run in (time.test.ts runs the same answers with the computer set to six other zones).

const month = (text: string) => text as ChinaMonth
const date = (text: string) => text as ChinaDate

describe('China months (fines are counted per month)', () => {
  it('knows a month written YYYY-MM and nothing else', () => {
    expect(isChinaMonth('2026-11')).toBe(true)
    expect(isChinaMonth('2026-12')).toBe(true)
    expect(['2026-13', '2026-00', '2026-1', '2026-11-01', 202611, null].map(isChinaMonth)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false
    ])
  })

  it('steps across the turn of the year both ways', () => {
    expect(addChinaMonths(month('2026-12'), 1)).toBe('2027-01')
    expect(addChinaMonths(month('2026-01'), -1)).toBe('2025-12')
    expect(addChinaMonths(month('2026-03'), 14)).toBe('2027-05')
    expect(addChinaMonths(month('2026-03'), 0)).toBe('2026-03')
  })

  it('names the first and last day, February of a leap year included', () => {
    expect(firstDayOfChinaMonth(month('2026-02'))).toBe('2026-02-01')
    expect(lastDayOfChinaMonth(month('2026-02'))).toBe('2026-02-28')
    expect(lastDayOfChinaMonth(month('2028-02'))).toBe('2028-02-29')
    expect(lastDayOfChinaMonth(month('2026-11'))).toBe('2026-11-30')
  })

  it('refuses a month that is not YYYY-MM as a programming error', () => {
    expect(() => firstDayOfChinaMonth(month('2026-13'))).toThrow(
      new RangeError('Expected a month YYYY-MM, got "2026-13"')
    )
    expect(() => lastDayOfChinaMonth(month('26-1'))).toThrow(RangeError)
  })

  it('runs a month from China midnight on the 1st to China midnight on the next 1st', () => {
    expect(chinaMonthWindow(month('2026-11'))).toEqual({
      start: '2026-10-31T16:00:00.000Z',
      end: '2026-11-30T16:00:00.000Z'
    })
    expect(chinaMonthWindow(month('2026-12'))).toEqual({
      start: '2026-11-30T16:00:00.000Z',
      end: '2026-12-31T16:00:00.000Z'
    })
  })

  it('puts 2026-11-30T16:00Z into December, the minute before into November', () => {
    expect(chinaMonthOf('2026-11-30T16:00:00Z')).toBe('2026-12')
    expect(chinaMonthOf('2026-11-30T15:59:59.999Z')).toBe('2026-11')
    expect(isInChinaMonth('2026-11-30T16:00:00Z', month('2026-12'))).toBe(true)
    expect(isInChinaMonth('2026-11-30T16:00:00Z', month('2026-11'))).toBe(false)
    expect(monthOfChinaDate(date('2026-11-30'))).toBe('2026-11')
  })
})

describe('China days', () => {
  it('knows a real date and refuses the 0th, the 32nd and the 13th month', () => {
    expect(isRealIsoDate('2026-02-28')).toBe(true)
    expect(isRealIsoDate('2028-02-29')).toBe(true)
    expect(['2026-02-29', '2026-00-10', '2026-13-10', '2026-03-00', '2026-03-32', 20260301].map(isRealIsoDate)).toEqual(
      [false, false, false, false, false, false]
    )
    expect(() => asChinaDate('2026-02-30')).toThrow(new RangeError('Expected an ISO date YYYY-MM-DD, got "2026-02-30"'))
  })

  it('counts calendar days forward and back across months and years', () => {
    expect(addChinaDays(date('2026-12-30'), 3)).toBe('2027-01-02')
    expect(addChinaDays(date('2026-03-01'), -1)).toBe('2026-02-28')
    expect(addChinaDays(date('2026-03-01'), 0)).toBe('2026-03-01')
  })

  it('starts a China day at 16:00 UTC the day before', () => {
    expect(chinaMidnightMs('2026-11-30')).toBe(Date.parse('2026-11-29T16:00:00Z'))
    expect(() => chinaMidnightMs('2026-11-31')).toThrow(RangeError)
  })

  it('writes a wall-clock time only as HH:MM from 00:00 to 23:59', () => {
    expect(chinaInstantAt('2026-11-30', '23:59')).toBe('2026-11-30T23:59:00+08:00')
    expect(() => chinaInstantAt('2026-11-30', '24:00')).toThrow(
      new RangeError('Expected a time of day HH:MM (00:00–23:59), got "24:00"')
    )
    expect(() => chinaInstantAt('2026-11-30', 930 as unknown as string)).toThrow(RangeError)
  })

  it('has no wall-clock time for what is not an instant, and refuses to read a date from it', () => {
    expect(chinaWallClock('2026-11-30 09:00')).toBeNull()
    expect(chinaWallClock(new Date(Number.NaN))).toBeNull()
    expect(chinaWallClock('2026-11-30T01:00:00Z')?.toISOString()).toBe('2026-11-30T09:00:00.000Z')
    expect(chinaDateTimeText('2026-11-30')).toBe('2026-11-30')
    expect(() => chinaDate('2026-11-30')).toThrow(new RangeError('Expected an instant, got "2026-11-30"'))
  })
})

describe('instants', () => {
  it('refuses the 0th and 13th month and the 0th day', () => {
    expect(['2026-00-10T09:00Z', '2026-13-10T09:00Z', '2026-03-00T09:00Z', 1_700_000_000_000].map(isInstant)).toEqual([
      false,
      false,
      false,
      false
    ])
    expect(isInstant('2026-03-01T09:00Z')).toBe(true)
    expect(() => parseInstant('2026-13-10T09:00Z')).toThrow(RangeError)
  })

  it('writes a Date in UTC as the archive stores it', () => {
    expect(instantOf(new Date(Date.UTC(2026, 10, 30, 1, 2, 3)))).toBe('2026-11-30T01:02:03.000Z')
  })
})

describe('clocks', () => {
  it('a fixed clock always says its instant, given as text or as a Date', () => {
    const clock = fixedClock('2026-11-30T16:00:00Z')
    expect(clock().toISOString()).toBe('2026-11-30T16:00:00.000Z')
    expect(clock().toISOString()).toBe('2026-11-30T16:00:00.000Z')
    const fromDate = fixedClock(new Date(Date.UTC(2026, 0, 1)))
    expect(fromDate().toISOString()).toBe('2026-01-01T00:00:00.000Z')
    expect(todayInChina(clock)).toBe('2026-12-01')
  })

  it('a fixed clock refuses what is no instant', () => {
    expect(() => fixedClock('next Monday')).toThrow(new RangeError('Expected an instant, got "next Monday"'))
    expect(() => fixedClock(new Date(Number.NaN))).toThrow(RangeError)
  })

  it("today by the computer's clock is a real China date", () => {
    expect(isRealIsoDate(todayInChina())).toBe(true)
  })
})
