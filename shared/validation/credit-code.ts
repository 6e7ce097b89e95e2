import { normalizeInput } from './normalize-input'
import { accept, refuse } from './validation-result'
import type { ValidationResult } from './validation-result'

export const CREDIT_CODE_LENGTH = 18
// GB 32100-2015 alphabet: 31 characters, I O Z S V left out to avoid confusion with 1 0 2 5 U; index = value.
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
// 3^i mod 31 for positions 1–17.
const POSITION_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const
const MODULUS = 31
const CONFUSABLE_LETTERS: Readonly<Record<string, string>> = { I: '1', O: '0', Z: '2', S: '5', V: 'U' }

/** The 18th character for the first 17 characters of a unified social credit code. */
export function computeCreditCodeCheckChar(first17: string): string {
  if (first17.length !== CREDIT_CODE_LENGTH - 1) {
    throw new RangeError(`computeCreditCodeCheckChar needs 17 characters, got ${first17.length}`)
  }
  let sum = 0
  for (let i = 0; i < POSITION_WEIGHTS.length; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17.charAt(i))
    if (value < 0)
      throw new RangeError(`computeCreditCodeCheckChar: illegal character "${first17.charAt(i)}" at position ${i + 1}`)
    sum += value * (POSITION_WEIGHTS[i] ?? 0)
  }
  return CREDIT_CODE_CHARSET.charAt((MODULUS - (sum % MODULUS)) % MODULUS)
}

/** Unified social credit code per GB 32100-2015, upper-cased. */
export function validateCreditCode(input: string): ValidationResult {
  const code = normalizeInput(input).toUpperCase()
  if (code === '') return refuse('CREDIT_CODE_REQUIRED')

  const chars = [...code]
  const illegalIndex = chars.findIndex((ch) => !CREDIT_CODE_CHARSET.includes(ch))
  if (illegalIndex >= 0) {
    const ch = chars[illegalIndex] ?? ''
    const lookalike = CONFUSABLE_LETTERS[ch]
    return lookalike === undefined
      ? refuse('CREDIT_CODE_ILLEGAL_CHAR', { position: String(illegalIndex + 1), char: ch })
      : refuse('CREDIT_CODE_CONFUSABLE_LETTER', { position: String(illegalIndex + 1), char: ch, lookalike })
  }
  if (chars.length !== CREDIT_CODE_LENGTH) return refuse('CREDIT_CODE_LENGTH', { length: String(chars.length) })
  // Positions 3–8 are the GB/T 2260 administrative division code of the registering authority.
  if (!/^[0-9]{6}$/.test(code.slice(2, 8))) return refuse('CREDIT_CODE_REGION')

  const expected = computeCreditCodeCheckChar(code.slice(0, 17))
  const actual = code.charAt(17)
  if (actual !== expected) return refuse('CREDIT_CODE_CHECK_CHAR', { expected, actual })
  return accept(code)
}
