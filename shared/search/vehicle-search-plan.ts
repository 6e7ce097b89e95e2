import { normalizeInput } from '../validation'

// How a search box entry is looked up: staff type a whole VIN, the last 6–8 characters of it read
// off the windscreen, a plate with or without its province, an owner's name, a phone, an archive number.

export type VehicleSearchIndex =
  | 'vin'
  | 'vinReversed'
  | 'plate'
  | 'plateTail'
  | 'ownerName'
  | 'contactName'
  | 'ownerPhone'
  | 'ownerPhone2'
  | 'contactPhone'
  | 'archiveNo'

export interface VehicleSearchLookup {
  index: VehicleSearchIndex
  mode: 'equals' | 'startsWith'
  value: string
}

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼'
const HAN = /^[\u3400-\u9fff·]+$/u

/** The index lookups for one search entry, most specific first; an empty list means "show all". */
export function planVehicleSearch(raw: string): VehicleSearchLookup[] {
  const text = normalizeInput(raw).replace(/[·•・.]/g, '')
  if (text === '') return []
  const upper = text.toUpperCase()
  const lookups: VehicleSearchLookup[] = []

  if (PROVINCES.includes(upper[0]!) && /^.[A-Z0-9]*$/u.test(upper) && upper.length >= 2) {
    lookups.push({ index: 'plate', mode: 'startsWith', value: upper })
  }
  if (HAN.test(text)) {
    lookups.push({ index: 'ownerName', mode: 'startsWith', value: text })
    lookups.push({ index: 'contactName', mode: 'startsWith', value: text })
    return lookups
  }
  if (!/^[A-Z0-9\-_/]+$/.test(upper)) return lookups

  if (upper.length === 17) lookups.push({ index: 'vin', mode: 'equals', value: upper })
  if (/^[A-Z0-9]{4,16}$/.test(upper)) {
    lookups.push({ index: 'vinReversed', mode: 'startsWith', value: [...upper].reverse().join('') })
  }
  if (/^[A-Z][A-Z0-9]{1,6}$/.test(upper)) lookups.push({ index: 'plateTail', mode: 'startsWith', value: upper })
  // Phones are stored normalised: mobiles as 11 digits, landlines as 0431-85551234.
  if (/^\d{3,11}$/.test(upper) || /^0\d{2,3}-\d{1,8}$/.test(upper)) {
    for (const index of ['ownerPhone', 'ownerPhone2', 'contactPhone'] as const) lookups.push({ index, mode: 'startsWith', value: upper })
  }
  lookups.push({ index: 'archiveNo', mode: 'startsWith', value: upper })
  return lookups
}
