// China Standard Time (UTC+8, no daylight saving since 1991): how every date and clock time in the
// archive is read and written, whatever time zone the computer is set to.

export const CHINA_UTC_OFFSET_MS = 8 * 3_600_000

function shifted(at: string | Date): Date | null {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime()
  return Number.isNaN(ms) ? null : new Date(ms + CHINA_UTC_OFFSET_MS)
}

/** The China calendar date of an instant: YYYY-MM-DD. */
export function chinaDate(at: string | Date): string {
  return (shifted(at) ?? new Date(NaN)).toISOString().slice(0, 10)
}

/** The China wall-clock time of an instant: HH:MM. */
export function chinaClock(at: string | Date): string {
  return (shifted(at) ?? new Date(NaN)).toISOString().slice(11, 16)
}

/** YYYY-MM-DD HH:MM in China time, for stamps and exports. */
export function chinaMinute(at: string | Date): string {
  return `${chinaDate(at)} ${chinaClock(at)}`
}

/** YYYYMMDD in China time, for document numbers (JJ20261122-001). */
export function chinaDayStamp(at: string | Date): string {
  return chinaDate(at).replace(/-/g, '')
}

/** "2026-11-22" in China time, the one date form the app shows and prints; text that is no instant is returned as it is. */
export function chinaDateText(at: string): string {
  return shifted(at) === null ? at : chinaDate(at)
}

/** "2026-11-22 14:05" in China time; text that is no instant is returned as it is. */
export function chinaDateTimeText(at: string): string {
  return shifted(at) === null ? at : chinaMinute(at)
}
