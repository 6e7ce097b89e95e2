import { isRealIsoDate } from '../dates/iso-date'
import { MS_PER_DAY, toDayNumber } from './day-number'
import { minutesOfTimeOfDay } from './time-of-day'

// Instants are ISO strings with an explicit offset; China Standard Time is UTC+8 all year (no DST since 1991).

export { CHINA_UTC_OFFSET_MS } from '../dates/china-time'

const INSTANT =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/

/** Milliseconds since the epoch for an ISO instant with offset, e.g. 2026-10-08T09:15:00+08:00 or …Z. */
export function parseInstant(instant: string): number {
  const match = typeof instant === 'string' ? INSTANT.exec(instant) : null
  // Stryker disable next-line ArrayDeclaration: without a match the next line throws before any part is read
  const [, date, hours, minutes, seconds, fraction, zulu, sign, offsetHours, offsetMinutes] = match ?? []
  if (!match || !date || !isRealIsoDate(date) || (!zulu && (Number(offsetHours) > 14 || Number(offsetMinutes) > 59))) {
    throw new RangeError(
      `Expected an ISO instant with offset, e.g. 2026-10-08T09:15:00+08:00, got ${JSON.stringify(instant)}`
    )
  }
  const wallClock =
    toDayNumber(date) * MS_PER_DAY +
    ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds ?? 0)) * 1000 +
    // Stryker disable next-line StringLiteral: without a fraction, `0.` and `0.0` both read as 0; the fraction itself is tested
    Math.floor(Number(`0.${fraction ?? '0'}`) * 1000)
  const offsetMs = zulu ? 0 : (sign === '-' ? -1 : 1) * (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000
  return wallClock - offsetMs
}

/** The instant at a China wall-clock time on an ISO date, written with its +08:00 offset. */
export function chinaInstantAt(date: string, time: string): string {
  toDayNumber(date) // throws on a bad date
  minutesOfTimeOfDay(time) // throws on a bad time
  return `${date}T${time}:00+08:00`
}
