import { chinaDate, daysInMonth } from '../time'

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

/** Today's date as YYYYMMDD on the dealership's wall calendar (China time), whatever the computer's zone. */
export function todayAsYyyymmdd(now: Date = new Date()): string {
  return chinaDate(now).replace(/-/g, '')
}

/** Converts an ISO YYYY-MM-DD date to YYYYMMDD, throwing on anything else since it comes from code, not users. */
export function isoDateToYyyymmdd(iso: string): string {
  const compact = iso.replace(/^([0-9]{4})-([0-9]{2})-([0-9]{2})$/, '$1$2$3')
  if (compact === iso || !isRealCalendarDate(compact))
    throw new RangeError(`Expected an ISO date YYYY-MM-DD, got "${iso}"`)
  return compact
}
