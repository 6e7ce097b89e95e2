import { refuse, type ValidationResult } from '../validation'
import { isRealIsoDate, todayInChina } from '../time'

/**
 * A past or present date such as a registration date. Accepts 2026/3/5 and 2026.3.5 as typed.
 * FAW-VW service rule: a date is never the DMS placeholder 1900-01-01 (printed as 1900/00/00).
 */
export function validatePastDate(input: string, label: string, today: string = todayInChina()): ValidationResult {
  const compact = input
    .trim()
    .replace(/[./年月]/g, '-')
    .replace(/日$/, '')
  if (compact === '') return refuse('DATE_REQUIRED', { label })
  const parts = compact.split('-')
  if (parts.length !== 3) return refuse('DATE_FORMAT', { label })
  const value = `${parts[0]!.padStart(4, '0')}-${parts[1]!.padStart(2, '0')}-${parts[2]!.padStart(2, '0')}`
  if (!isRealIsoDate(value)) return refuse('DATE_INVALID', { label, input: input.trim() })
  if (value < '1950-01-01') return refuse('DATE_TOO_EARLY', { label })
  if (value > today) return refuse('DATE_FUTURE', { label, today })
  return { ok: true, value }
}
