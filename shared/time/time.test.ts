import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backupFileName } from '../backup/backup-format'
import { todayAsYyyymmdd } from '../validation/calendar-date'
import {
  type ChinaDate,
  type ChinaMonth,
  addChinaDays,
  addChinaMonths,
  asChinaDate,
  chinaClock,
  chinaDate,
  chinaDateText,
  chinaDateTimeText,
  chinaDayStamp,
  chinaInstantAt,
  chinaMinute,
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

// Every answer is China time (UTC+8, no daylight saving), whatever zone the PC is set to. Node re-reads
// process.env.TZ when it is assigned, so each block below runs with the computer in another zone; a slip
// into local time shows up in at least one of them.
const ZONES: [zone: string, januaryOffset: string][] = [
  ['UTC', '+0000'],
  ['Asia/Shanghai', '+0800'],
  ['America/Los_Angeles', '-0800'], // with daylight saving in summer
  ['Pacific/Kiritimati', '+1400'],
  ['America/St_Johns', '-0330'],
  ['Asia/Kolkata', '+0530']
]

const month = (text: string) => text as ChinaMonth
const date = (text: string) => text as ChinaDate

describe.each(ZONES)('with the computer set to %s', (zone, januaryOffset) => {
  const before = process.env.TZ
  beforeAll(() => {
    process.env.TZ = zone
  })
  afterAll(() => {
    if (before === undefined) delete process.env.TZ
    else process.env.TZ = before
  })

  it('runs in that zone', () => {
    expect(String(new Date('2026-01-15T00:00:00Z'))).toContain(`GMT${januaryOffset}`)
  })

  it('turns the China day at 16:00 UTC: 23:59 is 15:59 UTC, 00:00 is 16:00 UTC', () => {
    expect(chinaDate('2026-11-29T15:59:00.000Z')).toBe('2026-11-29')
    expect(chinaClock('2026-11-29T15:59:00.000Z')).toBe('23:59')
    expect(chinaDate('2026-11-29T16:00:00.000Z')).toBe('2026-11-30')
    expect(chinaClock('2026-11-29T16:00:00.000Z')).toBe('00:00')
    expect(chinaDate(new Date('2026-11-29T16:00:00.000Z'))).toBe('2026-11-30')
    expect(parseInstant(chinaInstantAt('2026-11-29', '23:59'))).toBe(Date.parse('2026-11-29T15:59:00Z'))
    expect(parseInstant(chinaInstantAt('2026-11-30', '00:00'))).toBe(Date.parse('2026-11-29T16:00:00Z'))
  })

  it('writes the one date form: 2026-11-29 14:05 and 2026-11-29', () => {
    expect(chinaMinute('2026-11-29T06:05:00.000Z')).toBe('2026-11-29 14:05')
    expect(chinaMinute(new Date('2026-11-29T15:59:59.999Z'))).toBe('2026-11-29 23:59')
    expect(chinaDateTimeText('2026-11-29T14:05:00+08:00')).toBe('2026-11-29 14:05')
    expect(chinaDateText('2026-11-29T16:00:00Z')).toBe('2026-11-30')
    expect(chinaDayStamp('2026-12-31T16:00:00Z')).toBe('20270101')
  })

  it('never reads a time without offset in the computer’s zone', () => {
    expect(isInstant('2026-11-29T14:05:00')).toBe(false)
    expect(chinaDateTimeText('2026-11-29T14:05:00')).toBe('2026-11-29T14:05:00')
    expect(() => chinaDate('2026-11-29T14:05:00')).toThrow(RangeError)
    expect(() => chinaMinute('not a date')).toThrow(RangeError)
  })

  it('says today in China from an injected clock', () => {
    expect(todayInChina(fixedClock('2026-11-29T15:59:00Z'))).toBe('2026-11-29')
    expect(todayInChina(fixedClock('2026-11-29T16:00:00Z'))).toBe('2026-11-30')
    expect(todayAsYyyymmdd(new Date('2026-11-29T16:00:00Z'))).toBe('20261130')
    expect(instantOf(fixedClock('2026-11-29T14:05:00+08:00')())).toBe('2026-11-29T06:05:00.000Z')
  })

  it('puts month ends in the right China month', () => {
    expect(chinaMonthOf('2026-11-30T15:59:59.999Z')).toBe('2026-11')
    expect(chinaMonthOf('2026-11-30T16:00:00.000Z')).toBe('2026-12')
    expect(chinaMonthOf('2026-12-31T16:00:00.000Z')).toBe('2027-01')
    expect(isInChinaMonth('2026-10-31T16:00:00.000Z', month('2026-11'))).toBe(true)
    expect(isInChinaMonth('2026-10-31T15:59:59.999Z', month('2026-11'))).toBe(false)
    expect(monthOfChinaDate(date('2026-11-30'))).toBe('2026-11')
    expect(lastDayOfChinaMonth(month('2026-04'))).toBe('2026-04-30')
    expect(lastDayOfChinaMonth(month('2026-12'))).toBe('2026-12-31')
    expect(firstDayOfChinaMonth(month('2026-12'))).toBe('2026-12-01')
  })

  it('gives a month as a window of instants from China midnight to China midnight', () => {
    expect(chinaMonthWindow(month('2026-11'))).toEqual({
      start: '2026-10-31T16:00:00.000Z',
      end: '2026-11-30T16:00:00.000Z'
    })
    expect(chinaMonthWindow(month('2026-12')).end).toBe('2026-12-31T16:00:00.000Z')
    expect(addChinaMonths(month('2026-12'), 1)).toBe('2027-01')
    expect(addChinaMonths(month('2026-01'), -1)).toBe('2025-12')
    expect(addChinaMonths(month('2026-03'), -14)).toBe('2025-01')
    expect(isChinaMonth('2026-13')).toBe(false)
    expect(() => firstDayOfChinaMonth(month('2026-00'))).toThrow(RangeError)
  })

  it('knows leap days: 2028-02-29 exists, 2026-02-29 and 2100-02-29 do not', () => {
    expect(lastDayOfChinaMonth(month('2028-02'))).toBe('2028-02-29')
    expect(lastDayOfChinaMonth(month('2026-02'))).toBe('2026-02-28')
    expect(lastDayOfChinaMonth(month('2000-02'))).toBe('2000-02-29')
    expect(lastDayOfChinaMonth(month('2100-02'))).toBe('2100-02-28')
    expect(isRealIsoDate('2028-02-29')).toBe(true)
    expect(isRealIsoDate('2026-02-29')).toBe(false)
    expect(isRealIsoDate('2100-02-29')).toBe(false)
    expect(addChinaDays(date('2028-02-28'), 1)).toBe('2028-02-29')
    expect(addChinaDays(date('2028-02-29'), 1)).toBe('2028-03-01')
    expect(addChinaDays(date('2028-03-01'), -1)).toBe('2028-02-29')
    expect(chinaDate('2028-02-29T15:59:00Z')).toBe('2028-02-29')
    expect(chinaDate('2028-02-29T16:00:00Z')).toBe('2028-03-01')
    expect(chinaMonthWindow(month('2028-02')).end).toBe('2028-02-29T16:00:00.000Z')
    expect(() => parseInstant('2026-02-29T09:00+08:00')).toThrow(RangeError)
    expect(() => asChinaDate('2026-02-29')).toThrow(RangeError)
  })

  it('names backup files by the China date and time', () => {
    expect(backupFileName('2026-11-29T16:05:00.000Z', 'daily')).toBe('车档备份-2026-11-30-0005-daily.chedang-backup')
  })
})
