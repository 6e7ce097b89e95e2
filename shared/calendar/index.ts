// The public face of shared/calendar: other code imports from here, never from the files behind it.
import { createWorkingCalendar } from './working-calendar'

export { createWorkingCalendar } from './working-calendar'
export type { WorkingCalendar, WorkingCalendarOptions } from './working-calendar'
export { calendarOverrideSchema, calendarOverridesSchema } from './calendar-override'
export type { CalendarOverride, CalendarOverrideKind } from './calendar-override'
export type { ScheduleStatus } from './prc-rest-days'
export { statutoryHolidays } from './statutory-holidays'
export type { StatutoryHoliday, StatutoryHolidayName } from './statutory-holidays'
export { WEEKDAYS } from './weekday'
export type { Weekday } from './weekday'
export type { WorkingHours } from './working-hours'
export { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from './supported-years'

/** The PRC calendar without dealership overrides. */
export const prcWorkingCalendar = createWorkingCalendar()

/** True when the ISO date is a working day in the PRC calendar (调休 included, no dealership overrides). */
export function isWorkingDay(date: string): boolean {
  return prcWorkingCalendar.isWorkingDay(date)
}

/** The n-th PRC working day after (n > 0) or before (n < 0) the date; n = 0 rolls a rest day forward. */
export function addWorkingDays(date: string, n: number): string {
  return prcWorkingCalendar.addWorkingDays(date, n)
}
