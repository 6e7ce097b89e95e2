import { fromDayNumber, toDayNumber, weekdayIndexOf } from './day-number'

// Weekday names in JavaScript's order (Sunday = 0), for rules such as FAW-VW's Monday hand-in of sales archives.

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const

export type Weekday = (typeof WEEKDAYS)[number]

/** The first given weekday strictly after the date (a Monday's next Monday is 7 days on); holidays are not skipped. */
export function nextWeekday(date: string, weekday: Weekday): string {
  const target = WEEKDAYS.indexOf(weekday)
  if (target < 0) throw new RangeError(`Expected a weekday name such as 'monday', got ${JSON.stringify(weekday)}`)
  const day = toDayNumber(date)
  const daysAhead = ((target - weekdayIndexOf(day) + 6) % 7) + 1
  return fromDayNumber(day + daysAhead)
}
