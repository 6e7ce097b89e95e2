import { normalizeInput } from './normalize-input'
import { accept, refuse } from './validation-result'
import type { ValidationResult } from './validation-result'

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
const LANDLINE_EXAMPLE = '0431-85551234'

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
  if ('reason' in parsed) return refuse(parsed.reason)
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

function parsePhone(input: string): PhoneKind | { reason: string } {
  const typed = normalizeInput(input).replace(DASHES, '-').replace(BRACKETS, '')
  if (typed === '') return { reason: '请填写联系电话' }

  const byWord = EXTENSION_WORD.exec(typed)
  const main = byWord?.[1] ?? typed
  if (!/^\+?[0-9-]+$/.test(main)) {
    return { reason: `电话号码只能包含数字，固定电话可用“-”分隔区号和分机号，如 ${LANDLINE_EXAMPLE}` }
  }
  const digits = main.replace(/-/g, '')
  const wordExtension = byWord?.[2] ?? ''

  const mobile = MOBILE_WITH_COUNTRY_CODE.exec(digits)?.[1] ?? (MOBILE.test(digits) ? digits : undefined)
  if (mobile !== undefined) {
    if (wordExtension !== '') return { reason: '手机号不带分机号，请删除“转”及后面的数字' }
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

  if (main.startsWith('+'))
    return { reason: `请填写国内号码，不要加国际区号：手机号11位，固定电话如 ${LANDLINE_EXAMPLE}` }
  if (digits.startsWith('1')) return { reason: explainBadMobile(digits) }
  if (/^[48]00/.test(digits)) return { reason: `${digits.slice(0, 3)} 服务电话应为10位，如 400-123-4567` }
  if (!digits.startsWith('0')) return { reason: `固定电话须带区号，如 ${LANDLINE_EXAMPLE}` }
  const landline = splitLandline(digits)
  if ('reason' in landline) return landline
  return { kind: 'landline', ...landline, extension: wordExtension }
}

function parseServiceNumber(digits: string, extension: string): PhoneKind | undefined {
  const match = SERVICE_NUMBER.exec(digits)
  if (!match) return undefined
  return { kind: 'service', prefix: match[1] ?? '', middle: match[2] ?? '', last: match[3] ?? '', extension }
}

function explainBadMobile(digits: string): string {
  if (digits.length !== 11) return `手机号应为11位，现在填了${digits.length}位，请核对`
  return '手机号格式不对：第2位应为3–9，请核对'
}

function splitLandline(digits: string): Landline | { reason: string } {
  const areaLength = THREE_DIGIT_AREA_CODE.test(digits) ? 3 : FOUR_DIGIT_AREA_CODE.test(digits) ? 4 : 0
  if (areaLength === 0)
    return { reason: `区号“${digits.slice(0, 4)}”无效：区号为 010、02X 或 0 加3位数字，如 ${LANDLINE_EXAMPLE}` }
  const areaCode = digits.slice(0, areaLength)
  const localNumber = digits.slice(areaLength)
  if (localNumber.length < 7 || localNumber.length > 8) {
    return { reason: `固定电话区号后应为7–8位号码，现在是${localNumber.length}位，如 ${LANDLINE_EXAMPLE}` }
  }
  if (!LOCAL_NUMBER.test(localNumber)) return { reason: '固定电话号码（区号后的部分）不能以0或1开头，请核对' }
  return { areaCode, localNumber }
}
