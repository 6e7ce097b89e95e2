import { leadingSurname, SINGLE_SURNAMES } from './chinese-surnames'
import { toHalfWidth } from './normalize-input'
import { accept, refuse } from './validation-result'
import type { ValidationResult } from './validation-result'

const MIDDLE_DOT = '·'
// Every shape of the middle dot users type for 少数民族/外国译名 (． has already become '.' by then).
const MIDDLE_DOT_VARIANTS = /[·•・‧･∙⋅.\u0387\u2e31]/g
const INVISIBLES = /[\u200b-\u200d\u2060\ufeff]/g
const HAN = /\p{Script=Han}/u
const HAN_ONLY = /^\p{Script=Han}+$/u
const LATIN_LETTER = /\p{Script=Latin}/u
const DIGIT = /[0-9]/
// Records must name a real person; these stand in for a name the staff did not ask for.
const PLACEHOLDER_PARTS = ['某', 'XX', '无', '未知', '不详', '客户', '车主']
// Forms of address ("王先生", "李总") rather than names.
const HONORIFIC_SUFFIXES = [
  '先生',
  '女士',
  '小姐',
  '太太',
  '师傅',
  '老板',
  '总',
  '经理',
  '夫人',
  '同志',
  '阿姨',
  '大哥',
  '姐',
  '老师'
]
// "老王" / "小李": a nickname made of 老/小 + surname.
const NICKNAME_PREFIXES = ['老', '小']
const MAX_CHINESE_NAME_LENGTH = 20
const MAX_TRANSLITERATED_NAME_LENGTH = 30
const MAX_LATIN_NAME_LENGTH = 60
const LATIN_WORD = "\\p{Script=Latin}+(?:['-]\\p{Script=Latin}+)*"
const LATIN_NAME = new RegExp(`^${LATIN_WORD}(?: ${LATIN_WORD})+$`, 'u')
const LATIN_TITLES = new Set(['MR', 'MRS', 'MS', 'MISS', 'DR', 'SIR', 'MADAM'])
const LATIN_PLACEHOLDERS = /^(?:X+|UNKNOWN|CUSTOMER)$/

/** A customer's real name: Chinese (surname + given name), 少数民族/外国译名 with “·”, or a Latin-script name. */
export function validatePersonName(input: string): ValidationResult {
  const name = toHalfWidth(input)
    .normalize('NFC')
    .replace(INVISIBLES, '')
    .replace(/[’‘`]/g, "'")
    .trim()
    .replace(/\s+/g, ' ')
  if (name === '') return refuse('PERSON_NAME_REQUIRED')
  if (DIGIT.test(name)) return refuse('PERSON_NAME_DIGITS')
  return HAN.test(name) ? validateChineseName(name) : validateLatinName(name)
}

function validateChineseName(typed: string): ValidationResult {
  const name = typed.replace(/ /g, '').replace(MIDDLE_DOT_VARIANTS, MIDDLE_DOT)
  if (PLACEHOLDER_PARTS.some((part) => name.toUpperCase().includes(part))) {
    return refuse('PERSON_NAME_PLACEHOLDER')
  }
  if (LATIN_LETTER.test(name)) return refuse('PERSON_NAME_MIXED_SCRIPT')
  if (isFormOfAddress(name)) return refuse('PERSON_NAME_FORM_OF_ADDRESS', { name })

  const chars = [...name]
  if (name.includes(MIDDLE_DOT)) {
    const parts = name.split(MIDDLE_DOT)
    if (!parts.every((part) => HAN_ONLY.test(part))) {
      return refuse('PERSON_NAME_MIDDLE_DOT')
    }
    if (chars.length > MAX_TRANSLITERATED_NAME_LENGTH)
      return refuse('PERSON_NAME_TOO_LONG', { length: String(chars.length) })
    return accept(name)
  }
  if (!HAN_ONLY.test(name)) {
    return refuse('PERSON_NAME_NOT_HAN')
  }
  if (chars.length > MAX_CHINESE_NAME_LENGTH) return refuse('PERSON_NAME_TOO_LONG', { length: String(chars.length) })

  const surname = leadingSurname(name)
  // Tibetan and Mongolian names have no surname and are often written without “·” (扎西多吉, 次仁旺堆):
  // a name of four or more characters that passed the placeholder and title checks is accepted as written.
  if (surname === undefined && chars.length >= 4) return accept(name)
  if (surname === undefined) return refuse('PERSON_NAME_UNKNOWN_SURNAME', { char: chars[0] ?? '' })
  // "欧阳" alone is 欧 + 阳, a complete name; "令狐" alone is only a surname.
  const isOnlySurname = name === surname && !(chars.length === 2 && SINGLE_SURNAMES.has(chars[0] ?? ''))
  if (isOnlySurname) return refuse('PERSON_NAME_SURNAME_ONLY', { name })
  return accept(name)
}

function isFormOfAddress(name: string): boolean {
  if (HONORIFIC_SUFFIXES.some((suffix) => name.endsWith(suffix))) return true
  const chars = [...name]
  return chars.length === 2 && NICKNAME_PREFIXES.includes(chars[0] ?? '') && SINGLE_SURNAMES.has(chars[1] ?? '')
}

function validateLatinName(name: string): ValidationResult {
  if (!/^[\p{Script=Latin}' -]+$/u.test(name)) {
    return refuse('LATIN_NAME_CHARS')
  }
  const words = name.split(' ')
  if (words.some((word) => LATIN_PLACEHOLDERS.test(word.toUpperCase()))) {
    return refuse('LATIN_NAME_PLACEHOLDER')
  }
  if (words.some((word) => LATIN_TITLES.has(word.toUpperCase()))) {
    return refuse('LATIN_NAME_TITLE')
  }
  if (!LATIN_NAME.test(name)) return refuse('LATIN_NAME_PARTS')
  if (name.length > MAX_LATIN_NAME_LENGTH) return refuse('LATIN_NAME_TOO_LONG', { max: String(MAX_LATIN_NAME_LENGTH) })
  return accept(name)
}
