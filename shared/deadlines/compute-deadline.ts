import type { DeadlineCalendar, DeadlineRule } from '../policy'
import type { WorkingCalendar } from '../calendar'
import { createWorkingCalendar } from '../calendar'
import { chinaDate } from '../time'

// One implementation of "when is it due": the policy's rule, counted from an instant on the PRC calendar
// with the dealership's overrides. Instants are ISO strings; dates are read in China time (UTC+8).

const WEEKDAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const

function endOfDay(calendar: WorkingCalendar, date: string): string {
  return new Date(calendar.deadlineAtTimeOfDay(date, '23:59')).toISOString()
}

const EVERY_DAY = createWorkingCalendar({ base: 'every_day' })

/** The calendar a rule counts on: working days (the default), every day, or the dealership's service days. */
function countingCalendar(countsOn: DeadlineCalendar | undefined, calendar: WorkingCalendar): WorkingCalendar {
  if (countsOn === 'calendar_days') return EVERY_DAY
  if (countsOn === 'service_days') return calendar.serviceDays()
  return calendar
}

/** The instant by which something counted from `anchor` is due under `rule`. */
export function computeDeadline(rule: DeadlineRule, anchor: string, calendar: WorkingCalendar): string {
  const day = chinaDate(anchor)
  switch (rule.kind) {
    case 'hours_after':
      return new Date(new Date(anchor).getTime() + rule.hours * 3600_000).toISOString()
    case 'calendar_days_after': {
      const date = new Date(`${day}T00:00:00Z`)
      date.setUTCDate(date.getUTCDate() + rule.days)
      return endOfDay(calendar, date.toISOString().slice(0, 10))
    }
    case 'working_days_after':
      // "Within N working days": until the end of the N-th working day after the anchor day.
      return endOfDay(calendar, calendar.addWorkingDays(day, rule.days))
    case 'next_weekday': {
      const counting = countingCalendar(rule.countsOn, calendar)
      const due = counting.addWorkingDays(calendar.nextWeekday(day, WEEKDAY_NAMES[rule.weekday - 1]!), 0)
      return endOfDay(calendar, due)
    }
    case 'days_after_at_time': {
      const counting = countingCalendar(rule.countsOn, calendar)
      // Stryker disable next-line ConditionalExpression: both branches call addWorkingDays(day, 0) when days is 0
      const due = rule.days === 0 ? counting.addWorkingDays(day, 0) : counting.addWorkingDays(day, rule.days)
      return new Date(calendar.deadlineAtTimeOfDay(due, rule.time)).toISOString()
    }
  }
}
