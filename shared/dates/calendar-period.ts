// Whole-day and whole-year periods on China calendar dates ('YYYY-MM-DD'), for retention and loans.
// Periods follow 民法典 第二百零一、二百零二条: the day of the event is not counted, and a period in
// years ends on the corresponding day of the last year, or on the month's last day when there is none
// (a file created on 2024-02-29 and kept 5 years is kept through 2029-02-28).

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

function toUtcMs(date: string): number {
  const m = CALENDAR_DATE.exec(date)
  if (!m) throw new RangeError(`not a calendar date: ${date}`)
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const ms = Date.UTC(y, mo - 1, d)
  const back = new Date(ms)
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`not a calendar date: ${date}`)
  }
  return ms
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

/** True when `value` is a real calendar date written as YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  try {
    toUtcMs(value)
    return true
  } catch {
    return false
  }
}

/** The date `days` calendar days after `date` (negative for before). */
export function addCalendarDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS)
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS)
}

/** The last day of a period of `years` years that starts with the event on `eventDate`. */
export function lastDayOfYears(eventDate: string, years: number): string {
  const start = new Date(toUtcMs(eventDate))
  const year = start.getUTCFullYear() + years
  const month = start.getUTCMonth()
  const lastOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return fromUtcMs(Date.UTC(year, month, Math.min(start.getUTCDate(), lastOfMonth)))
}

/** The first day after a period of `years` years that starts with the event on `eventDate`. */
export function dayAfterYears(eventDate: string, years: number): string {
  return addCalendarDays(lastDayOfYears(eventDate, years), 1)
}
