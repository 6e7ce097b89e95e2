import { daysInMonth } from './gregorian'

// An instant is a moment, stored as an ISO-8601 string with an explicit offset (…Z or …+08:00).

/** China Standard Time is UTC+8 all year (no daylight saving since 1991). */
export const CHINA_UTC_OFFSET_MS = 8 * 3_600_000

declare const instantBrand: unique symbol

/** An ISO-8601 instant with its offset, e.g. 2026-11-29T06:05:00.000Z or 2026-11-29T14:05:00+08:00. */
export type Instant = string & { readonly [instantBrand]: true }

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/

/** Milliseconds since the epoch for an ISO instant with offset, e.g. 2026-10-08T09:15:00+08:00 or …Z. */
export function parseInstant(instant: string): number {
  const match = typeof instant === 'string' ? INSTANT.exec(instant) : null
  // Stryker disable next-line ArrayDeclaration: without a match the next line throws before any part is read
  const [, y, mo, d, hours, minutes, seconds, fraction, zulu, sign, offsetHours, offsetMinutes] = match ?? []
  if (
    !match ||
    Number(mo) < 1 ||
    Number(mo) > 12 ||
    Number(d) < 1 ||
    Number(d) > daysInMonth(Number(y), Number(mo)) ||
    (!zulu && (Number(offsetHours) > 14 || Number(offsetMinutes) > 59))
  ) {
    throw new RangeError(
      `Expected an ISO instant with offset, e.g. 2026-10-08T09:15:00+08:00, got ${JSON.stringify(instant)}`
    )
  }
  const wallClock =
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hours), Number(minutes), Number(seconds ?? 0)) +
    // Stryker disable next-line StringLiteral: without a fraction, `0.` and `0.0` both read as 0; the fraction itself is tested
    Math.floor(Number(`0.${fraction ?? '0'}`) * 1000)
  const offsetMs = zulu ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000
  return wallClock - offsetMs
}

/** True when the text is an ISO instant with its offset. */
export function isInstant(value: unknown): value is Instant {
  if (typeof value !== 'string') return false
  try {
    parseInstant(value)
    return true
  } catch {
    return false
  }
}

/** The instant of a Date, written in UTC (…Z), the form the archive stores. */
export function instantOf(at: Date): Instant {
  return at.toISOString() as Instant
}

/** Milliseconds since the epoch of an instant given as ISO text (with its offset) or a Date; NaN for anything else. */
export function instantMs(at: string | Date): number {
  if (at instanceof Date) return at.getTime()
  return isInstant(at) ? parseInstant(at) : NaN
}
