import type { ValidationResult } from '../validation'
import { normalizeInput, refuse } from '../validation'
import { cleanFreeText } from '../validation/free-text'

const PLACEHOLDER = /某|XX|xx|未知|待定|^无$|^公司$/

/** An organisation owner's registered name as on its business licence (e.g. 长春市恒通物流有限公司). */
export function validateOrganisationName(input: string): ValidationResult {
  const value = cleanFreeText(input)
  if (value === '') return refuse('ORGANISATION_NAME_REQUIRED')
  if (PLACEHOLDER.test(normalizeInput(value))) return refuse('ORGANISATION_NAME_PLACEHOLDER')
  if (value.length < 4) return refuse('ORGANISATION_NAME_TOO_SHORT')
  if ([...value].length > 60) return refuse('ORGANISATION_NAME_TOO_LONG')
  return { ok: true, value }
}
