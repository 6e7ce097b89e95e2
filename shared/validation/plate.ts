import { normalizeInput } from './normalize-input'
import { accept, refuse } from './validation-result'
import type { ValidationResult } from './validation-result'

// GA 36-2018: the 31 provincial-level abbreviations that open a civilian plate.
export const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼'
// I and O are never issued, so they cannot be confused with 1 and 0.
const AUTHORITY_LETTER = /^[A-HJ-NP-Z]$/
const SERIAL_CHAR = /^[A-HJ-NP-Z0-9]$/
// Special-use plates end in one of these characters instead of a fifth letter or digit.
const SPECIAL_SUFFIXES = '挂学警港澳领试超'
const HONG_KONG_MACAU_SUFFIXES = '港澳'
const HONG_KONG_MACAU_PREFIX = '粤Z'
// Plates print a dot between authority letter and serial; users type it in many shapes.
const SEPARATORS = '·•・‧･∙⋅.-'
const ORDINARY_SERIAL_LENGTH = 5
const NEW_ENERGY_SERIAL_LENGTH = 6
// Small new-energy: D/A/B/C/E pure electric, F/G/H/J/K other; 2nd may be a letter, last 4 are digits.
const SMALL_NEW_ENERGY_SERIAL = /^[A-HJK][A-HJ-NP-Z0-9][0-9]{4}$/
// Large new-energy: five digits then D (pure electric) or F (other).
const LARGE_NEW_ENERGY_SERIAL = /^[0-9]{5}[DF]$/
// Embassy plates: 使 + 3-digit country code + 3-digit serial, e.g. 使224-009.
const EMBASSY_PLATE = /^使[0-9]{6}$/

/** Civilian plates per GA 36-2018, normalised to the compact form, e.g. 吉A12345 or 粤BD12345. */
export function validatePlate(input: string): ValidationResult {
  const plate = normalizeInput(input).toUpperCase()
  if (plate === '') return refuse('PLATE_REQUIRED')

  const chars = [...plate]
  const first = chars[0] ?? ''
  if (first === '使') return validateEmbassyPlate(chars)
  if (!PLATE_PROVINCES.includes(first)) {
    return /^[A-Z0-9]$/.test(first) ? refuse('PLATE_NO_PROVINCE') : refuse('PLATE_UNKNOWN_PROVINCE', { char: first })
  }

  const authority = chars[1]
  if (authority === undefined) return refuse('PLATE_INCOMPLETE')
  if (authority === 'I' || authority === 'O') return refuse('PLATE_AUTHORITY_I_O')
  if (!AUTHORITY_LETTER.test(authority)) return refuse('PLATE_AUTHORITY_LETTER', { province: first })

  const rest = chars.slice(2)
  const serial = rest[0] !== undefined && SEPARATORS.includes(rest[0]) ? rest.slice(1) : rest
  if (serial.length === 0) return refuse('PLATE_SERIAL_MISSING')

  for (let i = 0; i < serial.length; i++) {
    const ch = serial[i] ?? ''
    if (SERIAL_CHAR.test(ch)) continue
    const isLast = i === serial.length - 1
    if (isLast && serial.length === ORDINARY_SERIAL_LENGTH && SPECIAL_SUFFIXES.includes(ch)) continue
    if (ch === 'I' || ch === 'O') return refuse('PLATE_SERIAL_I_O')
    return refuse('PLATE_SERIAL_CHAR', { char: ch })
  }

  if (serial.length === ORDINARY_SERIAL_LENGTH) {
    const suffix = serial[ORDINARY_SERIAL_LENGTH - 1] ?? ''
    if (HONG_KONG_MACAU_SUFFIXES.includes(suffix) && first + authority !== HONG_KONG_MACAU_PREFIX) {
      return refuse('PLATE_HONG_KONG_MACAU')
    }
  } else if (serial.length === NEW_ENERGY_SERIAL_LENGTH) {
    const text = serial.join('')
    if (!SMALL_NEW_ENERGY_SERIAL.test(text) && !LARGE_NEW_ENERGY_SERIAL.test(text)) {
      return refuse('PLATE_NEW_ENERGY')
    }
  } else {
    return refuse('PLATE_SERIAL_LENGTH', { length: String(serial.length) })
  }
  return accept(first + authority + serial.join(''))
}

function validateEmbassyPlate(chars: readonly string[]): ValidationResult {
  const compact = chars.filter((ch) => !SEPARATORS.includes(ch)).join('')
  if (compact === '使') return refuse('PLATE_SERIAL_MISSING')
  if (!EMBASSY_PLATE.test(compact)) return refuse('PLATE_EMBASSY')
  return accept(compact)
}
