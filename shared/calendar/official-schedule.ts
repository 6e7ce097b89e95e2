import chineseDays from 'chinese-days'

// The State Council's published schedules (放假安排, with 调休), as bundled in chinese-days.
// Lookups pass strings: chinese-days keys its table through the same local-time parsing, so only its weekday answer drifts west of UTC.

const WEEKDAY_NAMES: ReadonlySet<string> = new Set([
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday'
])

/** A day the published schedule lists: a holiday (not working) or a 调休 working day. */
export interface ScheduledDay {
  working: boolean
  /** Chinese name of the holiday it belongs to, e.g. 春节 or 国庆节. */
  holiday: string
}

/** The schedule's entry for an ISO date, or null when the schedule does not list it (an ordinary day). */
export function scheduledDay(date: string): ScheduledDay | null {
  const detail = chineseDays.getDayDetail(date)
  if (WEEKDAY_NAMES.has(detail.name)) return null
  // Names read "National Day,国庆节,3": English, Chinese, statutory days.
  return { working: detail.work, holiday: detail.name.split(',')[1] ?? detail.name }
}

/** True when chinese-days holds the State Council schedule for this year. */
export function hasOfficialSchedule(year: number): boolean {
  // Every published schedule lists 元旦 (1 January), so its presence marks a covered year.
  // Stryker disable next-line StringLiteral: supported years have four digits, so the padding never pads; the date text is checked by the schedule tests
  return scheduledDay(`${String(year).padStart(4, '0')}-01-01`) !== null
}
