import { normalizeInput } from './normalize-input'
import { accept, refuse } from './validation-result'
import type { ValidationResult } from './validation-result'

export const VIN_LENGTH = 17
// ISO 3779 / GB 16735: position 9 carries the check character and has weight 0.
const CHECK_DIGIT_INDEX = 8
const POSITION_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const
// I, O and Q are excluded so they cannot be mistaken for 1 and 0.
const LETTER_VALUES: Readonly<Record<string, number>> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9
}
const FORBIDDEN_LETTERS: Readonly<Record<string, string>> = { I: '1', O: '0', Q: '0' }

/** The value a VIN character carries in the check-digit sum, or undefined if it may not appear in a VIN. */
export function vinCharValue(ch: string): number | undefined {
  if (ch.length === 1 && ch >= '0' && ch <= '9') return Number(ch)
  return LETTER_VALUES[ch]
}

/** The check character (position 9) for a 17-character VIN; the character currently at position 9 is ignored. */
export function computeVinCheckDigit(vin17: string): string {
  const vin = vin17.toUpperCase()
  if (vin.length !== VIN_LENGTH) throw new RangeError(`computeVinCheckDigit needs 17 characters, got ${vin.length}`)
  let sum = 0
  for (let i = 0; i < VIN_LENGTH; i++) {
    if (i === CHECK_DIGIT_INDEX) continue
    const value = vinCharValue(vin.charAt(i))
    if (value === undefined)
      throw new RangeError(`computeVinCheckDigit: illegal VIN character "${vin.charAt(i)}" at position ${i + 1}`)
    sum += value * (POSITION_WEIGHTS[i] ?? 0)
  }
  const remainder = sum % 11
  return remainder === 10 ? 'X' : String(remainder)
}

/** GB 16735 makes the check digit mandatory in China, so a wrong one is an error, not a warning. */
export function validateVin(input: string): ValidationResult {
  const vin = normalizeInput(input).toUpperCase()
  if (vin === '') return refuse('VIN_REQUIRED')

  const chars = [...vin]
  const illegalIndex = chars.findIndex((ch) => !/^[A-Z0-9]$/.test(ch))
  if (illegalIndex >= 0) {
    return refuse('VIN_ILLEGAL_CHAR', { position: String(illegalIndex + 1), char: chars[illegalIndex] ?? '' })
  }
  const forbiddenIndex = chars.findIndex((ch) => ch in FORBIDDEN_LETTERS)
  if (forbiddenIndex >= 0) {
    const letter = chars[forbiddenIndex] ?? ''
    return refuse('VIN_FORBIDDEN_LETTER', {
      position: String(forbiddenIndex + 1),
      letter,
      digit: FORBIDDEN_LETTERS[letter] ?? ''
    })
  }
  if (chars.length !== VIN_LENGTH) {
    return refuse('VIN_LENGTH', { length: String(chars.length) })
  }

  const expected = computeVinCheckDigit(vin)
  const actual = vin.charAt(CHECK_DIGIT_INDEX)
  if (actual !== expected) {
    return refuse('VIN_CHECK_DIGIT', { expected, actual })
  }
  return accept(vin)
}
