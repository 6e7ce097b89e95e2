import { validateCreditCode, CREDIT_CODE_LENGTH } from './credit-code'
import { normalizeInput } from './normalize-input'
import { validateOrgCode } from './org-code'
import { refuse } from './validation-result'
import type { ValidationResult } from './validation-result'

/** Company identifier on a record: the 18-character credit code, or the 9-character organisation code on older ones. */
export function validateOrganisationId(input: string): ValidationResult {
  const typed = normalizeInput(input)
  if (typed === '') return refuse('ORGANISATION_ID_REQUIRED')
  const length = [...typed].length
  if (length === CREDIT_CODE_LENGTH) return validateCreditCode(typed)
  // 10 covers the printed form XXXXXXXX-X.
  if (length === 9 || (length === 10 && typed.charAt(8) === '-')) return validateOrgCode(typed)
  return refuse('ORGANISATION_ID_LENGTH', { length: String(length) })
}
