import { isoDateToYyyymmdd, isRealCalendarDate, todayAsYyyymmdd } from './calendar-date'
import { normalizeInput } from './normalize-input'
import { accept, refuse } from './validation-result'
import type { ValidationResult } from './validation-result'

export const RESIDENT_ID_LENGTH = 18
const OLD_RESIDENT_ID_LENGTH = 15
// GB 11643-1999: ISO 7064 MOD 11-2 weights (2^(17-i) mod 11) and the remainder → check character map.
const POSITION_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const CHECK_CHARS = '10X98765432'
// Provincial-level codes in use, plus 81/82/83 (HK/Macau/Taiwan residence permits) and 91 (foreigners' permanent residence).
const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
  '91'
])
const EARLIEST_BIRTH_DATE = '19000101'

export interface ResidentIdOptions {
  /** ISO YYYY-MM-DD; defaults to today in China time. Lets tests pin "today". */
  today?: string
}

/** The 18th character for the first 17 digits of a resident ID. */
export function computeResidentIdCheckChar(first17: string): string {
  if (!/^[0-9]{17}$/.test(first17)) throw new RangeError(`computeResidentIdCheckChar needs 17 digits, got "${first17}"`)
  let sum = 0
  for (let i = 0; i < POSITION_WEIGHTS.length; i++) sum += Number(first17.charAt(i)) * (POSITION_WEIGHTS[i] ?? 0)
  return CHECK_CHARS.charAt(sum % 11)
}

/** Second-generation (18-digit) resident ID per GB 11643-1999; the value is upper-case (x → X). */
export function validateResidentId(input: string, options?: ResidentIdOptions): ValidationResult {
  const id = normalizeInput(input).toUpperCase()
  if (id === '') return refuse('RESIDENT_ID_REQUIRED')

  const length = [...id].length
  if (length === OLD_RESIDENT_ID_LENGTH && /^[0-9]+$/.test(id)) {
    return refuse('RESIDENT_ID_OLD_FORMAT')
  }
  if (length !== RESIDENT_ID_LENGTH) return refuse('RESIDENT_ID_LENGTH', { length: String(length) })
  if (!/^[0-9]{17}[0-9X]$/.test(id)) return refuse('RESIDENT_ID_CHARS')

  const province = id.slice(0, 2)
  if (!PROVINCE_CODES.has(province)) return refuse('RESIDENT_ID_PROVINCE', { province })

  const birthDate = id.slice(6, 14)
  const shownDate = `${birthDate.slice(0, 4)}-${birthDate.slice(4, 6)}-${birthDate.slice(6, 8)}`
  if (!isRealCalendarDate(birthDate)) return refuse('RESIDENT_ID_BIRTH_DATE_INVALID', { date: shownDate })
  if (birthDate < EARLIEST_BIRTH_DATE) return refuse('RESIDENT_ID_BIRTH_DATE_TOO_EARLY', { date: shownDate })
  const today = options?.today === undefined ? todayAsYyyymmdd() : isoDateToYyyymmdd(options.today)
  if (birthDate > today) return refuse('RESIDENT_ID_BIRTH_DATE_FUTURE', { date: shownDate })

  const expected = computeResidentIdCheckChar(id.slice(0, 17))
  const actual = id.charAt(17)
  if (actual !== expected) return refuse('RESIDENT_ID_CHECK_CHAR', { expected, actual })
  return accept(id)
}

/** For display where the full number must not be shown: first 4 and last 4 kept, e.g. 4403**********1234. */
export function maskResidentId(value: string): string {
  const chars = [...normalizeInput(value).toUpperCase()]
  const kept = 4
  if (chars.length <= kept * 2) return '*'.repeat(chars.length)
  return chars.slice(0, kept).join('') + '*'.repeat(chars.length - kept * 2) + chars.slice(-kept).join('')
}
