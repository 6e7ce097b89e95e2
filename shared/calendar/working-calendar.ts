import { calendarOverridesSchema } from './calendar-override'
import type { CalendarOverride, CalendarOverrideKind } from './calendar-override'
import { chinaInstantAt } from '../time'
import { fromDayNumber, toDayNumber } from './day-number'
import { isPrcWorkingDay, scheduleStatusOf } from './prc-rest-days'
import type { ScheduleStatus } from './prc-rest-days'
import { nextWeekday } from './weekday'
import type { Weekday } from './weekday'
import { workingHoursBetween } from './working-hours'
import type { WorkingHours } from './working-hours'

// The PRC calendar (published schedule, else statutory holidays) with the dealership's overrides on top; deadlines count on it.

export interface WorkingCalendarOptions {
  overrides?: readonly CalendarOverride[]
  /**
   * 'prc' (default): the official calendar with its rest days. 'every_day': a department that works every
   * day (FAW-VW 服务部 「每天」), closed only on the days its overrides close.
   */
  base?: 'prc' | 'every_day'
  /** The service department's own closures (and openings), for the calendar serviceDays() returns. */
  serviceDayOverrides?: readonly CalendarOverride[]
}

export interface WorkingCalendar {
  /** True when the dealership works on this ISO date. */
  isWorkingDay(date: string): boolean
  /**
   * The n-th working day after the date (n > 0) or before it (n < 0), never counting the date itself.
   * n = 0 rolls forward: the date if it is a working day, else the next working day.
   */
  addWorkingDays(date: string, n: number): string
  /** The first working day strictly after the date. */
  nextWorkingDay(date: string): string
  /**
   * Working days after `from` up to and including `to`; negative when `to` is earlier (then `to` counts,
   * `from` does not), so that workingDaysBetween(d, addWorkingDays(d, n)) === n for every n.
   */
  workingDaysBetween(from: string, to: string): number
  /** Working hours between two ISO instants, counting only the workday window of working days (China time). */
  workingHoursBetween(startInstant: string, endInstant: string, workday: WorkingHours): number
  /** The ISO instant (+08:00) at a China wall-clock time 'HH:MM' on the date; the date is not moved off holidays. */
  deadlineAtTimeOfDay(date: string, time: string): string
  /** The first such weekday strictly after the date; pass the result to addWorkingDays(…, 0) to skip a holiday. */
  nextWeekday(date: string, weekday: Weekday): string
  /** Whether the year's rest days come from the published schedule or are estimated from the statutory holidays. */
  scheduleStatus(year: number): ScheduleStatus
  /** The dealership's service-day calendar: every day, except the service department's own closures. */
  serviceDays(): WorkingCalendar
}

export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const overrideByDay = overridesByDayNumber(options.overrides ?? [])
  const everyDay = options.base === 'every_day'

  const isWorkingDayNumber = (day: number): boolean => {
    const override = overrideByDay.get(day)
    return override ? override === 'open' : everyDay || isPrcWorkingDay(day)
  }
  let serviceDays: WorkingCalendar | undefined

  const stepToWorkingDay = (day: number, direction: 1 | -1): number => {
    let next = day + direction
    while (!isWorkingDayNumber(next)) next += direction
    return next
  }

  const addWorkingDays = (date: string, n: number): string => {
    if (!Number.isSafeInteger(n)) throw new RangeError(`Expected a whole number of working days, got ${n}`)
    const start = toDayNumber(date)
    if (n === 0) return fromDayNumber(isWorkingDayNumber(start) ? start : stepToWorkingDay(start, 1))
    let day = start
    // Stryker disable next-line EqualityOperator: n is never 0 here (returned above), so n > 0 and n >= 0 agree; remaining >= 0 never ends and times out
    for (let remaining = Math.abs(n); remaining > 0; remaining--) day = stepToWorkingDay(day, n > 0 ? 1 : -1)
    return fromDayNumber(day)
  }

  const countWorkingDays = (firstDay: number, lastDay: number): number => {
    let count = 0
    for (let day = firstDay; day <= lastDay; day++) if (isWorkingDayNumber(day)) count++
    return count
  }

  return {
    isWorkingDay: (date) => isWorkingDayNumber(toDayNumber(date)),
    addWorkingDays,
    nextWorkingDay: (date) => addWorkingDays(date, 1),
    workingDaysBetween: (from, to) => {
      const fromDay = toDayNumber(from)
      const toDay = toDayNumber(to)
      // Stryker disable next-line EqualityOperator: on the same day both branches count 0
      return fromDay <= toDay ? countWorkingDays(fromDay + 1, toDay) : -countWorkingDays(toDay, fromDay - 1)
    },
    workingHoursBetween: (startInstant, endInstant, workday) =>
      workingHoursBetween(startInstant, endInstant, workday, isWorkingDayNumber),
    deadlineAtTimeOfDay: chinaInstantAt,
    nextWeekday,
    scheduleStatus: scheduleStatusOf,
    serviceDays: () =>
      (serviceDays ??= createWorkingCalendar({ base: 'every_day', overrides: options.serviceDayOverrides ?? [] }))
  }
}

function overridesByDayNumber(overrides: readonly CalendarOverride[]): ReadonlyMap<number, CalendarOverrideKind> {
  const parsed = calendarOverridesSchema.safeParse(overrides)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    // Stryker disable next-line OptionalChaining,LogicalOperator,ArrayDeclaration,StringLiteral: a failed parse has at least one issue, so the fallbacks never apply; the message is tested
    throw new RangeError(
      `Invalid calendar override at ${JSON.stringify(issue?.path ?? [])}: ${issue?.message ?? 'unknown'}`
    )
  }
  return new Map(parsed.data.map((override) => [toDayNumber(override.date), override.kind]))
}
