import { type ChinaDate, asChinaDate, chinaDate, chinaMidnightMs } from './china-date'
import { daysInMonth } from './gregorian'
import type { Instant } from './instant'

// A China calendar month, 'YYYY-MM': monthly windows (fines counted per month) run from China midnight on
// the 1st to China midnight on the 1st of the next month, whatever the computer's zone.

declare const chinaMonthBrand: unique symbol

/** 'YYYY-MM' in China time. */
export type ChinaMonth = string & { readonly [chinaMonthBrand]: true }

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

export function isChinaMonth(value: unknown): value is ChinaMonth {
  return typeof value === 'string' && MONTH.test(value)
}

function partsOf(month: string): [number, number] {
  const m = MONTH.exec(month)
  if (!m) throw new RangeError(`Expected a month YYYY-MM, got ${JSON.stringify(month)}`)
  return [Number(m[1]), Number(m[2])]
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** The month a China date falls in. */
export function monthOfChinaDate(date: ChinaDate): ChinaMonth {
  return asChinaDate(date).slice(0, 7) as ChinaMonth
}

/** The China month an instant falls in (2026-11-30T16:00Z is already December in China). */
export function chinaMonthOf(at: string | Date): ChinaMonth {
  return chinaDate(at).slice(0, 7) as ChinaMonth
}

export function firstDayOfChinaMonth(month: ChinaMonth): ChinaDate {
  const [year, m] = partsOf(month)
  return `${pad(year, 4)}-${pad(m)}-01` as ChinaDate
}

export function lastDayOfChinaMonth(month: ChinaMonth): ChinaDate {
  const [year, m] = partsOf(month)
  return `${pad(year, 4)}-${pad(m)}-${pad(daysInMonth(year, m))}` as ChinaDate
}

/** The month after (n > 0) or before (n < 0) `month`. */
export function addChinaMonths(month: ChinaMonth, n: number): ChinaMonth {
  const [year, m] = partsOf(month)
  const index = year * 12 + (m - 1) + n
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}` as ChinaMonth
}

/** The month as instants: from China midnight on the 1st (inclusive) to China midnight on the next 1st (exclusive). */
export function chinaMonthWindow(month: ChinaMonth): { start: Instant; end: Instant } {
  const start = chinaMidnightMs(firstDayOfChinaMonth(month))
  const end = chinaMidnightMs(firstDayOfChinaMonth(addChinaMonths(month, 1)))
  return { start: new Date(start).toISOString() as Instant, end: new Date(end).toISOString() as Instant }
}

/** True when the instant lies in the China month. */
export function isInChinaMonth(at: string | Date, month: ChinaMonth): boolean {
  return chinaMonthOf(at) === month
}
