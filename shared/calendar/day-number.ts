import { isRealIsoDate } from '../time'

// Dates become whole days since 1970-01-01 in UTC, so no arithmetic ever meets a local time zone or DST.

export const MS_PER_DAY = 86_400_000

/** Days since 1970-01-01 for an ISO 'YYYY-MM-DD' date; anything else is a programming error. */
export function toDayNumber(date: string): number {
  if (typeof date !== 'string' || !isRealIsoDate(date)) {
    throw new RangeError(`Expected an ISO date YYYY-MM-DD, got ${JSON.stringify(date)}`)
  }
  return dayNumberOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)))
}

/** Days since 1970-01-01 for a year, month (1–12) and day of month. */
export function dayNumberOf(year: number, month: number, day: number): number {
  const utc = new Date(0)
  utc.setUTCFullYear(year, month - 1, day)
  return Math.round(utc.getTime() / MS_PER_DAY)
}

/** The ISO 'YYYY-MM-DD' date of a day number. */
export function fromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10)
}

/** The Gregorian year a day number falls in. */
export function yearOfDayNumber(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCFullYear()
}

/** 0 = Sunday … 6 = Saturday, like Date.getUTCDay (1970-01-01 was a Thursday). */
export function weekdayIndexOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7
}

/** Saturday or Sunday. */
export function isWeekend(dayNumber: number): boolean {
  const weekday = weekdayIndexOf(dayNumber)
  return weekday === 0 || weekday === 6
}
