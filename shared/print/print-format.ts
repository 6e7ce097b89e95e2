// How dates and small values read on paper: China Standard Time (UTC+8, no DST), Chinese date words.

const CHINA_OFFSET_MS = 8 * 3600_000

function chinaParts(iso: string): { y: number; mo: number; d: number; hh: string; mm: string } | null {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return null
  const c = new Date(t + CHINA_OFFSET_MS)
  return {
    y: c.getUTCFullYear(),
    mo: c.getUTCMonth() + 1,
    d: c.getUTCDate(),
    hh: String(c.getUTCHours()).padStart(2, '0'),
    mm: String(c.getUTCMinutes()).padStart(2, '0')
  }
}

/** 2026-11-22T06:05:00Z → "2026年11月22日 14:05" (China time). Text that is no instant is printed as it is. */
export function chinaDateTimeText(iso: string): string {
  const p = chinaParts(iso)
  return p === null ? iso : `${p.y}年${p.mo}月${p.d}日 ${p.hh}:${p.mm}`
}

/** 2026-11-22T06:05:00Z → "2026年11月22日" (China time). */
export function chinaDateText(iso: string): string {
  const p = chinaParts(iso)
  return p === null ? iso : `${p.y}年${p.mo}月${p.d}日`
}

/** A blank, or a dash where a value is absent, so an empty cell is never mistaken for a forgotten one. */
export function orDash(value: string | null | undefined): string {
  const v = value?.trim() ?? ''
  return v === '' ? '—' : v
}
