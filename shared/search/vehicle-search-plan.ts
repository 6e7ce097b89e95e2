import { normalizeInput, validateOrganisationId, validateResidentId } from '../validation'
import { nameContains, namePartKey, nameSearchText, phoneTailQuery, wholePhoneQuery } from './search-keys'

// How a search box entry is looked up: staff type a whole VIN, the last 6–8 characters of it read
// off the windscreen, a plate with or without its province, any part of an owner's name, a whole phone
// number or its last four digits, a whole ID number or credit code, an archive number.

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
  | 'phoneTails'
  | 'ownerIdNumber'
  | 'archiveNo'

export type VehicleSearchLookup =
  | { index: VehicleSearchIndex; mode: 'equals' | 'startsWith'; value: string }
  /** Part of a name: the files with a name suffix (shared/search/search-keys.ts) starting with `key`, kept when a name contains `value`. */
  | { index: 'nameSuffixes'; mode: 'contains'; value: string; key: string }

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼'
const HAN = /^[\u3400-\u9fff]+$/u
const HAS_HAN = /[\u3400-\u9fff]/u
const PHONE_INDEXES = ['ownerPhone', 'ownerPhone2', 'contactPhone'] as const

/** The index lookups for one search entry, most specific first; an empty list means "show all". */
export function planVehicleSearch(raw: string): VehicleSearchLookup[] {
  const text = normalizeInput(raw).replace(/[·•・.]/g, '')
  if (text === '') return []
  const upper = text.toUpperCase()
  const lookups: VehicleSearchLookup[] = []

  const plateLike = PROVINCES.includes(upper[0]!) && /^.[A-Z0-9]*$/u.test(upper) && upper.length >= 2
  if (plateLike) lookups.push({ index: 'plate', mode: 'startsWith', value: upper })
  if (HAN.test(text) && [...text].length === 1) {
    // One character is a surname: the names that start with it.
    lookups.push({ index: 'ownerName', mode: 'startsWith', value: text })
    lookups.push({ index: 'contactName', mode: 'startsWith', value: text })
    return lookups
  }
  if (HAS_HAN.test(text)) {
    if (!plateLike || HAN.test(text)) {
      // Names that start with it straight from the name indexes (the whole name first); then a part inside.
      lookups.push({ index: 'ownerName', mode: 'startsWith', value: text })
      lookups.push({ index: 'contactName', mode: 'startsWith', value: text })
      lookups.push({ index: 'nameSuffixes', mode: 'contains', value: text, key: namePartKey(text) })
    }
    return lookups
  }

  // A phone matches whole (as the form would store it) or by its last four digits; never by a prefix.
  const phone = wholePhoneQuery(raw)
  if (phone !== null) {
    for (const index of PHONE_INDEXES) lookups.push({ index, mode: 'equals', value: phone })
    // A landline typed without its extension still finds 0431-85551234-123.
    if (/^0\d{2,3}-\d{7,8}$/.test(phone))
      for (const index of PHONE_INDEXES) lookups.push({ index, mode: 'startsWith', value: `${phone}-` })
  }
  const tail = phoneTailQuery(text)
  if (tail !== null) lookups.push({ index: 'phoneTails', mode: 'equals', value: tail })
  if (!/^[A-Z0-9\-_/]+$/.test(upper)) return lookups

  // An ID number or credit code matches whole only, like a phone.
  const idNumber = validateResidentId(upper)
  const orgId = idNumber.ok ? idNumber : validateOrganisationId(upper)
  if (orgId.ok) lookups.push({ index: 'ownerIdNumber', mode: 'equals', value: orgId.value })
  if (upper.length === 17) lookups.push({ index: 'vin', mode: 'equals', value: upper })
  if (/^[A-Z0-9]{4,16}$/.test(upper)) {
    lookups.push({ index: 'vinReversed', mode: 'startsWith', value: [...upper].reverse().join('') })
  }
  if (/^[A-Z][A-Z0-9]{1,6}$/.test(upper)) lookups.push({ index: 'plateTail', mode: 'startsWith', value: upper })
  lookups.push({ index: 'archiveNo', mode: 'startsWith', value: upper })
  return lookups
}

/** Whether a file read through a `contains` lookup really holds the typed text in a name. */
export function fileMatchesNameQuery(file: { ownerName: string; contactName: string | null }, typed: string): boolean {
  return nameContains(file.ownerName, typed) || nameContains(file.contactName, typed)
}

/**
 * The order of files found by a part of a name: the name itself first (owner, then contact), then names
 * that start with it, then names that hold it elsewhere; within each, by archive number.
 */
export function orderNameMatches<F extends { ownerName: string; contactName: string | null; archiveNo: string }>(
  files: readonly F[],
  typed: string
): F[] {
  const wanted = nameSearchText(typed)
  const rank = (file: F): number => {
    const owner = nameSearchText(file.ownerName)
    const contact = file.contactName === null ? '' : nameSearchText(file.contactName)
    if (owner === wanted) return 0
    if (contact === wanted) return 1
    if (owner.startsWith(wanted) || contact.startsWith(wanted)) return 2
    return 3
  }
  return files
    .map((file) => ({ file, rank: rank(file) }))
    .sort(
      (a, b) =>
        a.rank - b.rank || (a.file.archiveNo < b.file.archiveNo ? -1 : a.file.archiveNo > b.file.archiveNo ? 1 : 0)
    )
    .map(({ file }) => file)
}
