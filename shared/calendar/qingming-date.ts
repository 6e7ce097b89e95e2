import { dayNumberOf, fromDayNumber } from './day-number'

// chinese-days' own 寿星 formula for 清明 (C = 5.59 / 4.81), redone in UTC: its getSolarTermDate answers a day early west of UTC.

/** The ISO date of the 清明 solar term (sun at 15° ecliptic longitude, China time) in a year 1901–2099. */
export function qingmingDate(year: number): string {
  const yearInCentury = year % 100
  const c = year >= 2000 ? 4.81 : 5.59
  const day = Math.floor(yearInCentury * 0.2422 + c) - Math.floor(yearInCentury / 4)
  return fromDayNumber(dayNumberOf(year, 4, day))
}
