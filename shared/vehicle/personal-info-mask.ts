import { maskPhone, maskResidentId, normalizeInput } from '../validation'
import type { FileAccess } from '../operators/file-access'
import { SECRECY_LABELS } from '../operators/secrecy'
import type { PersonalInfoField, VehicleFile } from './vehicle-file'
import { PERSONAL_INFO_FIELDS } from './vehicle-file'
import type { VehicleFileForm } from './vehicle-file-schema'

// PIPL: lists and pages show ID numbers and phones masked; the full value needs a permission and a reason.

export function maskPersonalInfoValue(
  file: Pick<VehicleFile, 'ownerKind'>,
  field: PersonalInfoField,
  value: string | null
): string | null {
  if (value === null) return null
  if (field === 'ownerIdNumber') {
    // An organisation's credit code is public business data, not personal information.
    return file.ownerKind === 'individual' ? maskResidentId(value) : value
  }
  return maskPhone(value)
}

export function maskVehicleFile(file: VehicleFile): VehicleFile {
  return {
    ...file,
    ownerIdNumber: maskPersonalInfoValue(file, 'ownerIdNumber', file.ownerIdNumber),
    ownerPhone: maskPersonalInfoValue(file, 'ownerPhone', file.ownerPhone) ?? '',
    ownerPhone2: maskPersonalInfoValue(file, 'ownerPhone2', file.ownerPhone2),
    contactPhone: maskPersonalInfoValue(file, 'contactPhone', file.contactPhone)
  }
}

/**
 * What stands in for a file the operator may not see (a line of a handover that holds it): its id and
 * secrecy level only, so a sheet keeps its line count without naming the vehicle or its owner.
 */
export function withheldFile(file: VehicleFile): VehicleFile {
  return {
    id: file.id,
    createdAt: file.createdAt,
    createdBy: '',
    updatedAt: file.createdAt,
    updatedBy: '',
    rev: 0,
    deletedAt: null,
    vin: '',
    archiveNo: '—',
    plate: null,
    series: '',
    model: null,
    productCode: null,
    colour: null,
    registrationDate: null,
    origin: file.origin,
    ownerKind: file.ownerKind,
    ownerName: `${SECRECY_LABELS[file.secrecy]}档案（无权查看）`,
    ownerIdNumber: null,
    ownerPhone: '',
    ownerPhone2: null,
    provinceCode: null,
    provinceName: null,
    cityCode: null,
    cityName: null,
    countyCode: null,
    countyName: null,
    street: null,
    postcode: null,
    contactName: null,
    contactPhone: null,
    cabinet: null,
    shelf: null,
    box: null,
    notes: null,
    vinReversed: '',
    plateTail: null,
    nameSuffixes: [],
    phoneTails: [],
    status: file.status,
    secrecy: file.secrecy
  }
}

/** The file as the access decision lets the operator see it. */
export function presentFile(file: VehicleFile, access: FileAccess): VehicleFile {
  if (access.shows === 'none') return withheldFile(file)
  return access.shows === 'full' ? file : maskVehicleFile(file)
}

/**
 * An edit form filled with masked values comes back with the masks wherever nobody typed: an untouched
 * mask means "keep what is stored", never "store the asterisks".
 */
export function keepUntouchedMasks(form: VehicleFileForm, stored: VehicleFile): VehicleFileForm {
  const kept = { ...form }
  for (const field of PERSONAL_INFO_FIELDS) {
    const value = stored[field]
    const shown = maskPersonalInfoValue(stored, field, value)
    if (value !== null && shown !== value && normalizeInput(String(form[field] ?? '')) === shown) kept[field] = value
  }
  return kept
}

// Personal information by its shape, wherever it appears (audit summaries, JSON details, typed notes):
// not inside a longer run of letters or digits, so VINs, hashes and archive numbers are left alone.
const EDGE_BEFORE = '(?<![A-Za-z0-9])'
const EDGE_AFTER = '(?![A-Za-z0-9])'
const RESIDENT_ID = `\\d{17}[\\dXx]|\\d{15}`
const MOBILE = `(?:\\+?86[- ]?)?1[3-9]\\d(?:[- ]?\\d{4}){2}`
const LANDLINE = `0\\d{2,3}[- ]?[2-9]\\d{6,7}(?:(?:-|转|分机)\\d{1,6})?`
const PERSONAL_INFO_SHAPE = new RegExp(`${EDGE_BEFORE}(?:(${RESIDENT_ID})|(${MOBILE})|(${LANDLINE}))${EDGE_AFTER}`, 'g')

/** Masks every resident ID, mobile and landline number in a text, whatever field or JSON it sits in. */
export function maskPersonalInfoText(text: string): string {
  return text.replace(PERSONAL_INFO_SHAPE, (match, residentId: string | undefined) =>
    residentId ? maskResidentId(match) : maskPhone(match)
  )
}
