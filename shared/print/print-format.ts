// How dates and small values read on paper: China Standard Time (UTC+8, no DST), Chinese date words.

export { chinaDateText, chinaDateTimeText } from '../time'

/** A blank, or a dash where a value is absent, so an empty cell is never mistaken for a forgotten one. */
export function orDash(value: string | null | undefined): string {
  const v = value?.trim() ?? ''
  return v === '' ? '—' : v
}
