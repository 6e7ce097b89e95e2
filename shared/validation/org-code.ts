import { normalizeInput } from './normalize-input'
import { accept, refuse } from './validation-result'
import type { ValidationResult } from './validation-result'

export const ORG_CODE_LENGTH = 9
// GB 11714-1997: 8-character body (digits, upper-case letters A=10…Z=35) and a MOD 11 check character.
const POSITION_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const
const BODY = /^[0-9A-Z]{8}$/
// Certificates print the code as XXXXXXXX-X; the hyphen is typography, not part of the code.
const PRINTED_FORM = /^([0-9A-Z]{8})-(.)$/

/** The 9th character for the 8-character body of an organisation code: 0–9 or X. */
export function computeOrgCodeCheckChar(first8: string): string {
  if (!BODY.test(first8))
    throw new RangeError(`computeOrgCodeCheckChar needs 8 digits or upper-case letters, got "${first8}"`)
  let sum = 0
  for (let i = 0; i < POSITION_WEIGHTS.length; i++) sum += parseInt(first8.charAt(i), 36) * (POSITION_WEIGHTS[i] ?? 0)
  const check = 11 - (sum % 11)
  if (check === 10) return 'X'
  return check === 11 ? '0' : String(check)
}

/** The 9-character organisation code that preceded the credit code (still on older records); value without hyphen. */
export function validateOrgCode(input: string): ValidationResult {
  const typed = normalizeInput(input).toUpperCase()
  if (typed === '') return refuse('ORG_CODE_REQUIRED')

  const code = typed.replace(PRINTED_FORM, '$1$2')
  const chars = [...code]
  const illegalIndex = chars.findIndex((ch) => !/^[0-9A-Z]$/.test(ch))
  if (illegalIndex >= 0) return refuse('ORG_CODE_ILLEGAL_CHAR', { char: chars[illegalIndex] ?? '' })
  if (chars.length !== ORG_CODE_LENGTH) return refuse('ORG_CODE_LENGTH', { length: String(chars.length) })

  const expected = computeOrgCodeCheckChar(code.slice(0, 8))
  const actual = code.charAt(8)
  if (actual !== expected) return refuse('ORG_CODE_CHECK_CHAR', { expected, actual })
  return accept(code)
}
