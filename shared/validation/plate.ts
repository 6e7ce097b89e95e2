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
const EXAMPLE = '如 吉A12345'

/** Civilian plates per GA 36-2018, normalised to the compact form, e.g. 吉A12345 or 粤BD12345. */
export function validatePlate(input: string): ValidationResult {
  const plate = normalizeInput(input).toUpperCase()
  if (plate === '') return refuse(`请填写车牌号，${EXAMPLE}`)

  const chars = [...plate]
  const first = chars[0] ?? ''
  if (first === '使') return validateEmbassyPlate(chars)
  if (!PLATE_PROVINCES.includes(first)) {
    return /^[A-Z0-9]$/.test(first)
      ? refuse(`车牌号应以省份简称开头，${EXAMPLE}`)
      : refuse(`车牌号第1位“${first}”不是省份简称，${EXAMPLE}`)
  }

  const authority = chars[1]
  if (authority === undefined) return refuse(`车牌号不完整：缺少发牌机关字母和号码部分，${EXAMPLE}`)
  if (authority === 'I' || authority === 'O') return refuse('车牌号第2位发牌机关字母不使用 I、O，请核对')
  if (!AUTHORITY_LETTER.test(authority)) return refuse(`车牌号第2位应为发牌机关字母（如“${first}A”中的 A）`)

  const rest = chars.slice(2)
  const serial = rest[0] !== undefined && SEPARATORS.includes(rest[0]) ? rest.slice(1) : rest
  if (serial.length === 0) return refuse('车牌号不完整：缺少号码部分')

  for (let i = 0; i < serial.length; i++) {
    const ch = serial[i] ?? ''
    if (SERIAL_CHAR.test(ch)) continue
    const isLast = i === serial.length - 1
    if (isLast && serial.length === ORDINARY_SERIAL_LENGTH && SPECIAL_SUFFIXES.includes(ch)) continue
    if (ch === 'I' || ch === 'O') return refuse('车牌号码中不使用字母 I、O，请核对是否为数字 1 或 0')
    return refuse(`车牌号码中不能有“${ch}”，${EXAMPLE}`)
  }

  if (serial.length === ORDINARY_SERIAL_LENGTH) {
    const suffix = serial[ORDINARY_SERIAL_LENGTH - 1] ?? ''
    if (HONG_KONG_MACAU_SUFFIXES.includes(suffix) && first + authority !== HONG_KONG_MACAU_PREFIX) {
      return refuse('带“港”“澳”字的车牌应以“粤Z”开头，请核对')
    }
  } else if (serial.length === NEW_ENERGY_SERIAL_LENGTH) {
    const text = serial.join('')
    if (!SMALL_NEW_ENERGY_SERIAL.test(text) && !LARGE_NEW_ENERGY_SERIAL.test(text)) {
      return refuse(
        '新能源车牌号码格式不对：小型车为字母 D、F 等开头加5位（如 粤BD12345），大型车为5位数字加 D 或 F（如 粤B12345D）'
      )
    }
  } else {
    return refuse(`车牌号码部分应为5位（新能源车为6位），现为${serial.length}位，请核对`)
  }
  return accept(first + authority + serial.join(''))
}

function validateEmbassyPlate(chars: readonly string[]): ValidationResult {
  const compact = chars.filter((ch) => !SEPARATORS.includes(ch)).join('')
  if (compact === '使') return refuse('车牌号不完整：缺少号码部分')
  if (!EMBASSY_PLATE.test(compact)) return refuse('使馆车牌应为“使”加6位数字，如 使224009')
  return accept(compact)
}
