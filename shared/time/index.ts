// The one clock: instants, China calendar dates and months, and the one way they are written.
// China time is UTC+8 all year (no daylight saving since 1991), whatever the computer's zone.
export type { Clock } from './clock'
export { fixedClock, systemClock } from './clock'
export type { ChinaDate } from './china-date'
export {
  addChinaDays,
  asChinaDate,
  chinaClock,
  chinaDate,
  chinaInstantAt,
  chinaMidnightMs,
  isRealIsoDate,
  todayInChina
} from './china-date'
export { daysInMonth, isLeapYear } from './gregorian'
export type { Instant } from './instant'
export { CHINA_UTC_OFFSET_MS, instantMs, instantOf, isInstant, parseInstant } from './instant'
export type { ChinaMonth } from './china-month'
export {
  addChinaMonths,
  chinaMonthOf,
  chinaMonthWindow,
  firstDayOfChinaMonth,
  isChinaMonth,
  isInChinaMonth,
  lastDayOfChinaMonth,
  monthOfChinaDate
} from './china-month'
export { chinaDateText, chinaDateTimeText, chinaDayStamp, chinaMinute } from './format'
