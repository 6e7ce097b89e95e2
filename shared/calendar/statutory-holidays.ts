import { dayNumberOf, fromDayNumber, toDayNumber } from './day-number'
import { solarDateOfLunar } from './lunar-date'
import { qingmingDate } from './qingming-date'
import { assertSupportedYear } from './supported-years'

// The days off the law fixes, for years whose State Council schedule is not yet published: 《全国年节及纪念日放假办法》第二条 (2024 修订, 2025 施行).
// 第六条 补假 and 调休 are left out, since the State Council picks their dates; that can only make a deadline earlier.

export type StatutoryHolidayName = '元旦' | '春节' | '清明节' | '劳动节' | '端午节' | '中秋节' | '国庆节'

export interface StatutoryHoliday {
  date: string
  name: StatutoryHolidayName
}

/** The statutory days off in a Gregorian year, in date order (a date appears twice if two festivals meet). */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  assertSupportedYear(year)
  const lunarNewYear = toDayNumber(solarDateOfLunar(year, 1, 1))
  const holidays: StatutoryHoliday[] = [
    { date: fromDayNumber(dayNumberOf(year, 1, 1)), name: '元旦' },
    // 春节: 除夕 (the last day of the lunar year, 29th or 30th of 腊月) and 正月初一 to 初三.
    ...[-1, 0, 1, 2].map((offset): StatutoryHoliday => ({ date: fromDayNumber(lunarNewYear + offset), name: '春节' })),
    { date: qingmingDate(year), name: '清明节' },
    { date: fromDayNumber(dayNumberOf(year, 5, 1)), name: '劳动节' },
    { date: fromDayNumber(dayNumberOf(year, 5, 2)), name: '劳动节' },
    { date: solarDateOfLunar(year, 5, 5), name: '端午节' },
    { date: solarDateOfLunar(year, 8, 15), name: '中秋节' },
    { date: fromDayNumber(dayNumberOf(year, 10, 1)), name: '国庆节' },
    { date: fromDayNumber(dayNumberOf(year, 10, 2)), name: '国庆节' },
    { date: fromDayNumber(dayNumberOf(year, 10, 3)), name: '国庆节' }
  ]
  // Stryker disable next-line ConditionalExpression,EqualityOperator: for these short, nearly sorted lists V8's sort decides on a < b alone; the order is tested on 2020 and 2025
  return holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}
