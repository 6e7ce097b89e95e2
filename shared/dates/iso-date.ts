import type { ValidationResult } from '../validation'
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
  if (compact === '') return { ok: false, reason: `请填写${label}` }
  const parts = compact.split('-')
  if (parts.length !== 3) return { ok: false, reason: `${label}格式应为 年-月-日，如 2026-03-05` }
  const value = `${parts[0]!.padStart(4, '0')}-${parts[1]!.padStart(2, '0')}-${parts[2]!.padStart(2, '0')}`
  if (!isRealIsoDate(value)) return { ok: false, reason: `${label}“${input.trim()}”不是有效日期` }
  if (value < '1950-01-01')
    return { ok: false, reason: `${label}不能早于 1950 年（1900-01-01 是系统占位值，请填写真实日期）` }
  if (value > today) return { ok: false, reason: `${label}不能晚于今天（${today}）` }
  return { ok: true, value }
}
