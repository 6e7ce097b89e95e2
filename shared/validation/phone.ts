import { normalizeInput } from './normalize-input'
import { accept, problem } from './validation-result'
import type { ValidationProblem, ValidationResult } from './validation-result'

const MOBILE = /^1[3-9][0-9]{9}$/
// +86 / 0086 / 86 are dropped only in front of a mobile: elsewhere "86…" may be the start of a real number.
const MOBILE_WITH_COUNTRY_CODE = /^(?:\+86|0086|86)(1[3-9][0-9]{9})$/
// 400/800 numbers are nationwide company numbers: 10 digits, no area code.
const SERVICE_NUMBER = /^([48]00)([0-9]{3})([0-9]{4})$/
// 010 and 02X are the 3-digit area codes; every other area code is 0 + 3 digits starting 3–9.
const THREE_DIGIT_AREA_CODE = /^(?:010|02[0-9])/
const FOUR_DIGIT_AREA_CODE = /^0[3-9][0-9]{2}/
// Local numbers never start with 0 (trunk prefix) or 1 (special services).
const LOCAL_NUMBER = /^[2-9][0-9]{6,7}$/
const MAX_EXTENSION_DIGITS = 6
const EXTENSION_WORD = new RegExp(`^(.*?)(?:转|分机|EXT\\.?|X|#)([0-9]{1,${MAX_EXTENSION_DIGITS}})$`, 'i')
const DASHES = /[‐‑‒–—―−﹣]/g
const BRACKETS = /[()[\]【】]/g

interface Landline {
  areaCode: string
  localNumber: string
}

type PhoneKind =
  | { kind: 'mobile'; digits: string }
  | { kind: 'service'; prefix: string; middle: string; last: string; extension: string }
  | { kind: 'landline'; areaCode: string; localNumber: string; extension: string }

/** A customer contact number: an 11-digit mobile, a landline with area code (and optional extension), or 400/800. */
export function validatePhone(input: string): ValidationResult {
  const parsed = parsePhone(input)
  if ('reason' in parsed) return { ok: false, ...parsed }
  return accept(formatPhone(parsed))
}

/** For display: 138****5678, landlines keep the area code and last 4 (0431-****1234); 400/800 are public. */
export function maskPhone(value: string): string {
  const parsed = parsePhone(value)
  if ('reason' in parsed) return maskAllButLastFour(normalizeInput(value))
  switch (parsed.kind) {
    case 'mobile':
      return parsed.digits.slice(0, 3) + '****' + parsed.digits.slice(-4)
    case 'service':
      return formatPhone(parsed)
    case 'landline':
      return `${parsed.areaCode}-${maskAllButLastFour(parsed.localNumber)}`
  }
}

function maskAllButLastFour(text: string): string {
  const chars = [...text]
  if (chars.length <= 4) return '*'.repeat(chars.length)
  return '*'.repeat(chars.length - 4) + chars.slice(-4).join('')
}

function formatPhone(phone: PhoneKind): string {
  switch (phone.kind) {
    case 'mobile':
      return phone.digits
    case 'service':
      return `${phone.prefix}-${phone.middle}-${phone.last}` + extensionSuffix(phone.extension)
    case 'landline':
      return `${phone.areaCode}-${phone.localNumber}` + extensionSuffix(phone.extension)
  }
}

function extensionSuffix(extension: string): string {
  return extension === '' ? '' : `-${extension}`
}

function parsePhone(input: string): PhoneKind | ValidationProblem {
  const typed = normalizeInput(input).replace(DASHES, '-').replace(BRACKETS, '')
  if (typed === '') return problem('PHONE_REQUIRED')

  const byWord = EXTENSION_WORD.exec(typed)
  const main = byWord?.[1] ?? typed
  if (!/^\+?[0-9-]+$/.test(main)) {
    return problem('PHONE_CHARS')
  }
  const digits = main.replace(/-/g, '')
  const wordExtension = byWord?.[2] ?? ''

  const mobile = MOBILE_WITH_COUNTRY_CODE.exec(digits)?.[1] ?? (MOBILE.test(digits) ? digits : undefined)
  if (mobile !== undefined) {
    if (wordExtension !== '') return problem('PHONE_MOBILE_EXTENSION')
    return { kind: 'mobile', digits: mobile }
  }
  const service = parseServiceNumber(digits, wordExtension)
  if (service) return service

  // A hyphen-written extension (0431-85551234-123): the last group is the extension if the rest is a whole number.
  const groups = main.split('-')
  const lastGroup = groups[groups.length - 1] ?? ''
  if (wordExtension === '' && groups.length >= 2 && lastGroup.length >= 1 && lastGroup.length <= MAX_EXTENSION_DIGITS) {
    const withoutLast = groups.slice(0, -1).join('')
    const serviceWithExtension = parseServiceNumber(withoutLast, lastGroup)
    if (serviceWithExtension) return serviceWithExtension
    const landline = withoutLast.startsWith('0') ? splitLandline(withoutLast) : undefined
    if (landline !== undefined && !('reason' in landline))
      return { kind: 'landline', ...landline, extension: lastGroup }
  }

  if (main.startsWith('+')) return problem('PHONE_COUNTRY_CODE')
  if (digits.startsWith('1')) return explainBadMobile(digits)
  if (/^[48]00/.test(digits)) return problem('PHONE_SERVICE_LENGTH', { prefix: digits.slice(0, 3) })
  if (!digits.startsWith('0')) return problem('PHONE_AREA_CODE_MISSING')
  const landline = splitLandline(digits)
  if ('reason' in landline) return landline
  return { kind: 'landline', ...landline, extension: wordExtension }
}

function parseServiceNumber(digits: string, extension: string): PhoneKind | undefined {
  const match = SERVICE_NUMBER.exec(digits)
  if (!match) return undefined
  return { kind: 'service', prefix: match[1] ?? '', middle: match[2] ?? '', last: match[3] ?? '', extension }
}

function explainBadMobile(digits: string): ValidationProblem {
  if (digits.length !== 11) return problem('PHONE_MOBILE_LENGTH', { length: String(digits.length) })
  return problem('PHONE_MOBILE_PREFIX')
}

function splitLandline(digits: string): Landline | ValidationProblem {
  const areaLength = THREE_DIGIT_AREA_CODE.test(digits) ? 3 : FOUR_DIGIT_AREA_CODE.test(digits) ? 4 : 0
  if (areaLength === 0) return problem('PHONE_AREA_CODE_INVALID', { areaCode: digits.slice(0, 4) })
  const areaCode = digits.slice(0, areaLength)
  const localNumber = digits.slice(areaLength)
  if (localNumber.length < 7 || localNumber.length > 8) {
    return problem('PHONE_LOCAL_LENGTH', { length: String(localNumber.length) })
  }
  if (!LOCAL_NUMBER.test(localNumber)) return problem('PHONE_LOCAL_START')
  return { areaCode, localNumber }
}
