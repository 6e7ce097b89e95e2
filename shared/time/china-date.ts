// A China calendar date, 'YYYY-MM-DD': the day on the wall calendar in Changchun (UTC+8, no daylight saving
// since 1991), whatever time zone the computer is set to. All arithmetic is in UTC, so no local zone is met.

import { type Clock, systemClock } from './clock'
import { daysInMonth } from './gregorian'
import { CHINA_UTC_OFFSET_MS, type Instant, instantMs } from './instant'

declare const chinaDateBrand: unique symbol

/** 'YYYY-MM-DD', a real Gregorian date read in China time. Not an instant: it has no time of day. */
export type ChinaDate = string & { readonly [chinaDateBrand]: true }

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True when `value` is a real calendar date written as YYYY-MM-DD. */
export function isRealIsoDate(value: unknown): value is ChinaDate {
  const m = typeof value === 'string' ? ISO_DATE.exec(value) : null
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)
}

/** The text as a ChinaDate; anything else is a programming error. */
export function asChinaDate(value: string): ChinaDate {
  if (!isRealIsoDate(value)) throw new RangeError(`Expected an ISO date YYYY-MM-DD, got ${JSON.stringify(value)}`)
  return value
}

/** The instant shifted to China wall-clock time, read with the UTC getters; null when it is no instant. */
export function chinaWallClock(at: string | Date): Date | null {
  const ms = instantMs(at)
  return Number.isNaN(ms) ? null : new Date(ms + CHINA_UTC_OFFSET_MS)
}

function requireWallClock(at: string | Date): Date {
  const shifted = chinaWallClock(at)
  if (shifted === null) throw new RangeError(`Expected an instant, got ${JSON.stringify(at)}`)
  return shifted
}

/** The China calendar date of an instant: YYYY-MM-DD. */
export function chinaDate(at: string | Date): ChinaDate {
  return requireWallClock(at).toISOString().slice(0, 10) as ChinaDate
}

/** The China wall-clock time of an instant: HH:MM. */
export function chinaClock(at: string | Date): string {
  return requireWallClock(at).toISOString().slice(11, 16)
}

/** Today's date in China, by the given clock (the computer's by default). */
export function todayInChina(clock: Clock = systemClock): ChinaDate {
  return chinaDate(clock())
}

/** The date `days` calendar days after (or before, when negative) `date`. */
export function addChinaDays(date: ChinaDate, days: number): ChinaDate {
  const ms = Date.parse(`${asChinaDate(date)}T00:00:00Z`) + days * 86_400_000
  return new Date(ms).toISOString().slice(0, 10) as ChinaDate
}

/** The instant at a China wall-clock time 'HH:MM' on a China date, written with its +08:00 offset. */
export function chinaInstantAt(date: string, time: string): Instant {
  asChinaDate(date)
  if (typeof time !== 'string' || !/^([01]\d|2[0-3]):([0-5]\d)$/.test(time)) {
    throw new RangeError(`Expected a time of day HH:MM (00:00–23:59), got ${JSON.stringify(time)}`)
  }
  return `${date}T${time}:00+08:00` as Instant
}

/** Milliseconds since the epoch of China midnight starting `date`. */
export function chinaMidnightMs(date: string): number {
  return Date.parse(`${asChinaDate(date)}T00:00:00Z`) - CHINA_UTC_OFFSET_MS
}
