import { validatePastDate } from '../dates/iso-date'
import { problemDetails } from '../validation'
import { chinaDate } from '../time'
import { DomainError } from '../model/domain-error'
import type { ArchiveKind } from '../policy'

// The day a handover line's deadline counts from: the car's delivery (sales) or the day the serviced
// car was handed back (service). Typed by the person receiving the file; the hand-in deadline and the
// fines depend on it, so it is never assumed to be today.

export const HANDOVER_ANCHOR_LABELS: Record<ArchiveKind, string> = {
  sales: '交车日期',
  service: '维修完毕交车日期'
}

/** The China calendar day as an instant: the deadline rules count whole days, the time is nominal. */
export function anchorInstant(date: string): string {
  return new Date(`${date}T09:00:00+08:00`).toISOString()
}

/**
 * Checks the typed date (年-月-日; 2026/3/5 and 2026.3.5 accepted) — required, real, not in the future —
 * and returns it with its instant, or throws HANDOVER_INVALID with a Chinese sentence.
 */
export function readHandoverAnchorDate(
  kind: ArchiveKind,
  typed: string | undefined,
  now: Date
): { date: string; at: string } {
  const label = HANDOVER_ANCHOR_LABELS[kind]
  const result = validatePastDate(typed ?? '', label, chinaDate(now))
  if (!result.ok)
    throw new DomainError('HANDOVER_INVALID', result.reason, { field: 'anchorDate', ...problemDetails(result) })
  return { date: result.value, at: anchorInstant(result.value) }
}
