import { validateCreditCode, CREDIT_CODE_LENGTH } from './credit-code'
import { normalizeInput } from './normalize-input'
import { validateOrgCode } from './org-code'
import { refuse } from './validation-result'
import type { ValidationResult } from './validation-result'

/** Company identifier on a record: the 18-character credit code, or the 9-character organisation code on older ones. */
export function validateOrganisationId(input: string): ValidationResult {
  const typed = normalizeInput(input)
  if (typed === '') return refuse('请填写统一社会信用代码（18位）或旧的组织机构代码（9位）')
  const length = [...typed].length
  if (length === CREDIT_CODE_LENGTH) return validateCreditCode(typed)
  // 10 covers the printed form XXXXXXXX-X.
  if (length === 9 || (length === 10 && typed.charAt(8) === '-')) return validateOrgCode(typed)
  return refuse(`应填写18位统一社会信用代码或9位组织机构代码，现在填了${length}位，请核对`)
}
