import type { WorkingCalendar } from '../calendar'
import { isRealIsoDate } from '../time'
import type { ReconciliationCadence } from '../policy/reconciliation-policy'
import { DEFAULT_RECONCILIATION_CADENCE } from '../policy/reconciliation-policy'
import type { ReconciliationPeriod } from './reconcile'

// Is a count against the system due? FAW-VW 五(一)3(1) counts weekly, on Monday against the week's AAK
// scan; SVW-Skoda 二.5 keeps its register every day. A count day that falls on a rest day moves to the
// next working day of the dealership's calendar.

export interface ReconciliationReminder {
  readonly due: boolean
  /** The count day the reminder is for (YYYY-MM-DD). */
  readonly dueOn: string
  /** The days that count covers, both included. */
  readonly period: ReconciliationPeriod
  readonly clause?: string
}

function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`)
  at.setUTCDate(at.getUTCDate() + days)
  return at.toISOString().slice(0, 10)
}

/** 1 = Monday … 7 = Sunday. */
function isoWeekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7
}

function assertDate(value: string, name: string): void {
  if (!isRealIsoDate(value)) throw new RangeError(`${name} must be a YYYY-MM-DD date, got ${JSON.stringify(value)}`)
}

/** The latest count day on or before `today`, and the period it covers. */
function latestCountDay(
  cadence: ReconciliationCadence,
  today: string,
  calendar: WorkingCalendar
): { dueOn: string; period: ReconciliationPeriod } {
  if (cadence.kind === 'daily') {
    const dueOn = calendar.isWorkingDay(today) ? today : calendar.addWorkingDays(today, -1)
    // The files of the previous working day and of the rest days after it.
    return { dueOn, period: { from: calendar.addWorkingDays(dueOn, -1), to: addDays(dueOn, -1) } }
  }
  // Stryker disable next-line ArithmeticOperator: a nominal day in the future is stepped back by the loop below
  let nominal = addDays(today, -((isoWeekday(today) - cadence.weekday + 7) % 7))
  let dueOn = calendar.addWorkingDays(nominal, 0)
  while (dueOn > today) {
    nominal = addDays(nominal, -7)
    dueOn = calendar.addWorkingDays(nominal, 0)
  }
  return { dueOn, period: { from: addDays(nominal, -7), to: addDays(nominal, -1) } }
}

/** Whether a count is due today, given the day of the last one (null: never counted). */
export function reconciliationReminder(
  cadence: ReconciliationCadence | undefined,
  lastReconciledOn: string | null,
  today: string,
  calendar: WorkingCalendar
): ReconciliationReminder {
  assertDate(today, 'today')
  if (lastReconciledOn !== null) assertDate(lastReconciledOn, 'lastReconciledOn')
  const rule = cadence ?? DEFAULT_RECONCILIATION_CADENCE
  const { dueOn, period } = latestCountDay(rule, today, calendar)
  const due = lastReconciledOn === null || lastReconciledOn < dueOn
  return rule.clause === undefined ? { due, dueOn, period } : { due, dueOn, period, clause: rule.clause }
}
