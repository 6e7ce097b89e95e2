// Dates are handled as YYYYMMDD strings so comparisons are plain string comparisons, free of time zones.

/** True when the 8 digits name a day that exists in the Gregorian calendar (leap years included). */
export function isRealCalendarDate(yyyymmdd: string): boolean {
  if (!/^[0-9]{8}$/.test(yyyymmdd)) return false
  const year = Number(yyyymmdd.slice(0, 4))
  const month = Number(yyyymmdd.slice(4, 6))
  const day = Number(yyyymmdd.slice(6, 8))
  if (month < 1 || month > 12 || day < 1) return false
  return day <= daysInMonth(year, month)
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** Today's local date as YYYYMMDD; local because the user's "today" is the one on the wall calendar. */
export function todayAsYyyymmdd(now: Date = new Date()): string {
  const yyyy = String(now.getFullYear()).padStart(4, '0')
  const mm = String(now.getMonth() + 1).padStart(2, '0')
  const dd = String(now.getDate()).padStart(2, '0')
  return yyyy + mm + dd
}

/** Converts an ISO YYYY-MM-DD date to YYYYMMDD, throwing on anything else since it comes from code, not users. */
export function isoDateToYyyymmdd(iso: string): string {
  const compact = iso.replace(/^([0-9]{4})-([0-9]{2})-([0-9]{2})$/, '$1$2$3')
  if (compact === iso || !isRealCalendarDate(compact))
    throw new RangeError(`Expected an ISO date YYYY-MM-DD, got "${iso}"`)
  return compact
}
