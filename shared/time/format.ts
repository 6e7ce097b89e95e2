import { chinaClock, chinaDate, chinaWallClock } from './china-date'

// The one date form the app shows, prints and exports: 2026-11-29 and 2026-11-29 14:05, in China time.

/** 'YYYY-MM-DD HH:MM' in China time, for stamps, screens and exports. */
export function chinaMinute(at: string | Date): string {
  return `${chinaDate(at)} ${chinaClock(at)}`
}

/** 'YYYYMMDD' in China time, for document numbers (JJ20261122-001). */
export function chinaDayStamp(at: string | Date): string {
  return chinaDate(at).replace(/-/g, '')
}

/** "2026-11-22" in China time; text that is no instant is returned as it is. */
export function chinaDateText(at: string): string {
  return chinaWallClock(at) === null ? at : chinaDate(at)
}

/** "2026-11-22 14:05" in China time; text that is no instant is returned as it is. */
export function chinaDateTimeText(at: string): string {
  return chinaWallClock(at) === null ? at : chinaMinute(at)
}
