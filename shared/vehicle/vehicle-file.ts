import type { Actor, SyncMeta } from '../model/sync-meta'
import { newSyncMeta } from '../model/sync-meta'
import type { SecrecyLevel } from '../operators/secrecy'
import { nameSuffixes, phoneTails } from '../search/search-keys'

// 车辆档案: the unit of the archive, one per vehicle (一车一档), keyed by VIN.

export type VehicleOrigin = 'sold_here' | 'serviced_only'
export const VEHICLE_ORIGINS: readonly VehicleOrigin[] = ['sold_here', 'serviced_only']

export type OwnerKind = 'individual' | 'organisation'
export const OWNER_KINDS: readonly OwnerKind[] = ['individual', 'organisation']

export type VehicleFileStatus = 'active' | 'sealed' | 'destroyed'

/** The facts a person enters; every optional text is null when absent, never an empty string. */
export interface VehicleFileFields {
  vin: string
  archiveNo: string
  plate: string | null
  series: string
  model: string | null
  productCode: string | null
  colour: string | null
  registrationDate: string | null
  origin: VehicleOrigin
  ownerKind: OwnerKind
  ownerName: string
  /** Resident ID (individual) or unified social credit / organisation code (organisation). */
  ownerIdNumber: string | null
  ownerPhone: string
  ownerPhone2: string | null
  provinceCode: string | null
  provinceName: string | null
  cityCode: string | null
  cityName: string | null
  countyCode: string | null
  countyName: string | null
  street: string | null
  postcode: string | null
  contactName: string | null
  contactPhone: string | null
  /** 客户类别 and 客户评价类别 as the dealer's DMS names them (FAW-VW 五(二)3); free text, as each DMS has its own list. */
  customerCategory?: string | null
  customerRatingCategory?: string | null
  cabinet: string | null
  shelf: string | null
  box: string | null
  notes: string | null
}

/** Search keys the repository derives from the fields; stored flat beside them for the indexes. */
export interface VehicleFileSearchKeys {
  /** The VIN reversed, so a suffix search (last 6/7/8 chars) is a prefix range on one index. */
  vinReversed: string
  /** The plate without its province character, for "A12345" typed without 吉. */
  plateTail: string | null
  /** The owner's and contact's names from each character on, for a search by any part of a name. */
  nameSuffixes: string[]
  /** Last four digits of each mobile and landline (尾号). */
  phoneTails: string[]
}

export interface VehicleFile extends SyncMeta, VehicleFileFields, VehicleFileSearchKeys {
  status: VehicleFileStatus
  /** 密级: 机密/绝密 files are listed only to those allowed and every opening is logged. */
  secrecy: SecrecyLevel
  /** Sealed files (封存): when, in which batch, and where in the archive store; absent on files never sealed. */
  sealedAt?: string | null
  sealBatchId?: string | null
  sealLocation?: string | null
}

/** Personal information a list or a page shows masked (PIPL): ID numbers and phones. */
export const PERSONAL_INFO_FIELDS = ['ownerIdNumber', 'ownerPhone', 'ownerPhone2', 'contactPhone'] as const
export type PersonalInfoField = (typeof PERSONAL_INFO_FIELDS)[number]

/** The fields the search keys are made from: a change to any of them re-derives the keys. */
export const SEARCH_KEY_SOURCES = [
  'vin',
  'plate',
  'ownerName',
  'contactName',
  'ownerPhone',
  'ownerPhone2',
  'contactPhone'
] as const

export function deriveSearchKeys(
  fields: Pick<VehicleFileFields, (typeof SEARCH_KEY_SOURCES)[number]>
): VehicleFileSearchKeys {
  return {
    vinReversed: [...fields.vin].reverse().join(''),
    plateTail: fields.plate ? fields.plate.slice(1) : null,
    nameSuffixes: nameSuffixes(fields.ownerName, fields.contactName),
    phoneTails: phoneTails(fields.ownerPhone, fields.ownerPhone2, fields.contactPhone)
  }
}

/** A new file as it is stored: its metadata, the fields, the search keys made from them; ordinary, active. */
export function newVehicleFile(id: string, fields: VehicleFileFields, actor: Actor, at: string): VehicleFile {
  return {
    ...newSyncMeta(id, actor, at),
    ...fields,
    ...deriveSearchKeys(fields),
    status: 'active',
    secrecy: 'ordinary'
  }
}

export const VEHICLE_FILE_FIELD_NAMES: readonly (keyof VehicleFileFields)[] = [
  'vin',
  'archiveNo',
  'plate',
  'series',
  'model',
  'productCode',
  'colour',
  'registrationDate',
  'origin',
  'ownerKind',
  'ownerName',
  'ownerIdNumber',
  'ownerPhone',
  'ownerPhone2',
  'provinceCode',
  'provinceName',
  'cityCode',
  'cityName',
  'countyCode',
  'countyName',
  'street',
  'postcode',
  'contactName',
  'contactPhone',
  'customerCategory',
  'customerRatingCategory',
  'cabinet',
  'shelf',
  'box',
  'notes'
]
