import type { ValidationResult } from '../validation'
import { normalizeInput } from '../validation'
import { cleanFreeText } from '../validation/free-text'

const PLACEHOLDER = /某|XX|xx|未知|待定|^无$|^公司$/

/** An organisation owner's registered name as on its business licence (e.g. 长春市恒通物流有限公司). */
export function validateOrganisationName(input: string): ValidationResult {
  const value = cleanFreeText(input)
  if (value === '') return { ok: false, reason: '请填写单位名称' }
  if (PLACEHOLDER.test(normalizeInput(value)))
    return { ok: false, reason: '请填写营业执照上的单位全称，不能用“某公司”等代称' }
  if (value.length < 4) return { ok: false, reason: '单位名称过短，请填写营业执照上的全称' }
  if ([...value].length > 60) return { ok: false, reason: '单位名称不能超过 60 个字' }
  return { ok: true, value }
}
