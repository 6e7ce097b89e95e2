import { isRealIsoDate } from '../time'

// Dates are typed and shown in Chinese form, 年-月-日 (2026-11-29), whatever the computer's locale:
// a browser's own date picker follows the system locale (mm/dd/yyyy on an en-US machine).

/** While typing: the hyphens appear after the year and the month; other separators are left as typed. */
export function maskTypedDate(text: string): string {
  const kept = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[^0-9./年月日-]/g, '')
  const digits = /^\d{8}$/.exec(kept)
  if (digits) return `${kept.slice(0, 4)}-${kept.slice(4, 6)}-${kept.slice(6)}`
  return kept
    .replace(/^(\d{4})(\d)$/, '$1-$2')
    .replace(/^(\d{4})-(\d{2})(\d)$/, '$1-$2-$3')
    .slice(0, 11)
}

/** After typing: 2026/3/5, 2026.3.5 and 2026年3月5日 become 2026-03-05; anything else is left for validation. */
export function normalizeTypedDate(text: string): string {
  const m = /^\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?\s*$/.exec(text)
  if (!m) return text.trim()
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`
}

/** A complete, real date in 年-月-日 form (after normalising). */
export function isCompleteTypedDate(text: string): boolean {
  return isRealIsoDate(normalizeTypedDate(text))
}
