import { z } from 'zod'
import {
  validateVin,
  validatePlate,
  validateResidentId,
  validateOrganisationId,
  validatePhone,
  validatePersonName,
  normalizeInput,
  problem,
  refuse
} from '../validation'
import { checkFreeText } from '../validation/free-text'
import type { ValidationProblem, ValidationResult } from '../validation'
import { validatePastDate } from '../dates/iso-date'
import { validateOrganisationName } from './organisation-name'
import { ARCHIVE_NO_CHARS } from './archive-number'
import type { PersonalInfoField, VehicleFileFields } from './vehicle-file'
import { PERSONAL_INFO_FIELDS, VEHICLE_ORIGINS, OWNER_KINDS } from './vehicle-file'
import type { VehicleFieldRequirement } from './vehicle-field-requirement'
import { VEHICLE_FIELD_LABELS } from './vehicle-field-requirement'

// The one definition of a valid vehicle file: the form resolves with it while typing,
// and the repository parses with it again before anything is written.

type Check = (input: string) => ValidationResult

/** A field that must be filled: its check decides. */
const required = (check: Check): Check => check

/** A field that may stay empty (stored as null); when filled, its check decides. */
function optional(check: Check): (input: string) => ValidationResult | null {
  return (raw) => (raw.trim() === '' ? null : check(raw))
}

function text(label: string, max: number, multiline = false): Check {
  return (raw) => checkFreeText(raw, { label, max, multiline })
}

export const validateArchiveNo: Check = (raw) => {
  const value = normalizeInput(raw).toUpperCase()
  if (value === '') return refuse('ARCHIVE_NO_REQUIRED')
  if (!ARCHIVE_NO_CHARS.test(value)) return refuse('ARCHIVE_NO_CHARS')
  return { ok: true, value }
}

const validatePostcode: Check = (raw) => {
  const value = normalizeInput(raw)
  return /^[1-8]\d{5}$/.test(value) ? { ok: true, value } : refuse('POSTCODE_FORMAT')
}

const validateLocationPart =
  (label: string): Check =>
  (raw) => {
    const value = normalizeInput(raw).toUpperCase()
    if (value.length > 12) return refuse('LOCATION_PART_TOO_LONG', { label })
    return { ok: true, value }
  }

/** What the form holds: every field as the text a person typed. */
export type VehicleFileForm = {
  [K in keyof VehicleFileFields]: K extends 'origin' | 'ownerKind' ? VehicleFileFields[K] : string
}

export const EMPTY_VEHICLE_FILE_FORM: VehicleFileForm = {
  vin: '',
  archiveNo: '',
  plate: '',
  series: '',
  model: '',
  productCode: '',
  colour: '',
  registrationDate: '',
  origin: 'sold_here',
  ownerKind: 'individual',
  ownerName: '',
  ownerIdNumber: '',
  ownerPhone: '',
  ownerPhone2: '',
  provinceCode: '',
  provinceName: '',
  cityCode: '',
  cityName: '',
  countyCode: '',
  countyName: '',
  street: '',
  postcode: '',
  contactName: '',
  contactPhone: '',
  customerCategory: '',
  customerRatingCategory: '',
  cabinet: '',
  shelf: '',
  box: '',
  notes: ''
}

type TextField = Exclude<keyof VehicleFileFields, 'origin' | 'ownerKind' | 'ownerName' | 'ownerIdNumber'>

const FIELD_CHECKS: Record<TextField, (input: string) => ValidationResult | null> = {
  vin: required(validateVin),
  archiveNo: required(validateArchiveNo),
  plate: optional(validatePlate),
  series: required(text('车系', 40)),
  model: optional(text('车型', 60)),
  productCode: optional((raw) => {
    const value = normalizeInput(raw).toUpperCase()
    return /^[A-Z0-9-]{1,20}$/.test(value) ? { ok: true, value } : refuse('PRODUCT_CODE_FORMAT')
  }),
  colour: optional(text('颜色', 20)),
  registrationDate: optional((raw) => validatePastDate(raw, '登记日期')),
  ownerPhone: required(validatePhone),
  ownerPhone2: optional(validatePhone),
  provinceCode: optional(text('省份', 12)),
  provinceName: optional(text('省份', 20)),
  cityCode: optional(text('城市', 12)),
  cityName: optional(text('城市', 20)),
  countyCode: optional(text('区县', 12)),
  countyName: optional(text('区县', 20)),
  street: optional(text('详细地址', 100)),
  postcode: optional(validatePostcode),
  contactName: optional(validatePersonName),
  contactPhone: optional(validatePhone),
  customerCategory: optional(text('客户类别', 30)),
  customerRatingCategory: optional(text('客户评价类别', 30)),
  cabinet: optional(validateLocationPart('柜')),
  shelf: optional(validateLocationPart('层')),
  box: optional(validateLocationPart('盒')),
  notes: optional(text('备注', 500, true))
}

export type VehicleFileParseResult =
  | { ok: true; value: VehicleFileFields }
  | {
      ok: false
      /** Each field's Chinese sentence. */
      errors: Partial<Record<keyof VehicleFileFields, string>>
      /** The same, as codes with parameters, for a screen to word in its operator's language. */
      problems: Partial<Record<keyof VehicleFileFields, ValidationProblem>>
    }

/**
 * Personal information as the edit form was filled with it (masked for those who may not see it in full):
 * a value left exactly as loaded is not checked again in the form; the repository keeps the stored one.
 */
export type LoadedPersonalInfo = Partial<Record<PersonalInfoField, string>>

/**
 * Parse a whole form: every field is checked, so a person sees all that is wrong at once. `required`: the
 * fields the policy in force says must be maintained (FAW-VW 五(二)3), refused when empty.
 */
export function parseVehicleFileForm(
  form: VehicleFileForm,
  loaded: LoadedPersonalInfo = {},
  required: VehicleFieldRequirement | null = null
): VehicleFileParseResult {
  const errors: Partial<Record<keyof VehicleFileFields, ValidationProblem>> = {}
  const values: Partial<Record<keyof VehicleFileFields, string | null>> = {}
  const untouched = (key: keyof VehicleFileFields) => {
    const as = (PERSONAL_INFO_FIELDS as readonly string[]).includes(key) ? loaded[key as PersonalInfoField] : undefined
    return as !== undefined && as !== '' && form[key] === as
  }
  for (const [key, check] of Object.entries(FIELD_CHECKS) as [
    TextField,
    (input: string) => ValidationResult | null
  ][]) {
    if (untouched(key)) {
      values[key] = form[key]
      continue
    }
    const result = check(String(form[key] ?? ''))
    if (result === null) values[key] = null
    else if (result.ok) values[key] = result.value
    else errors[key] = result
  }
  if (!VEHICLE_ORIGINS.includes(form.origin)) errors.origin = problem('VEHICLE_ORIGIN_REQUIRED')
  if (!OWNER_KINDS.includes(form.ownerKind)) errors.ownerKind = problem('OWNER_KIND_REQUIRED')
  // Owner name and ID depend on whether the owner is a person or an organisation.
  const organisation = form.ownerKind === 'organisation'
  const name = organisation
    ? validateOrganisationName(String(form.ownerName ?? ''))
    : validatePersonName(String(form.ownerName ?? ''))
  if (name.ok) values.ownerName = name.value
  else errors.ownerName = name
  const id = untouched('ownerIdNumber')
    ? { ok: true as const, value: form.ownerIdNumber }
    : optional(organisation ? validateOrganisationId : validateResidentId)(String(form.ownerIdNumber ?? ''))
  if (id === null) values.ownerIdNumber = null
  else if (id.ok) values.ownerIdNumber = id.value
  else errors.ownerIdNumber = id
  // A contact person is a name and a number together (FAW-VW DMS fields: 联系人, 联系人电话).
  if (values.contactName && !values.contactPhone && !errors.contactPhone)
    errors.contactPhone = problem('CONTACT_PHONE_NEEDED')
  if (values.contactPhone && !values.contactName && !errors.contactName)
    errors.contactName = problem('CONTACT_NAME_NEEDED')
  if (values.cityCode && !values.provinceCode) errors.provinceCode = problem('PROVINCE_FIRST')
  if (values.countyCode && !values.cityCode) errors.cityCode = problem('CITY_FIRST')
  for (const key of required?.fields ?? []) {
    const value = values[key]
    if ((value === null || value === undefined || value === '') && !errors[key])
      errors[key] = problem('FIELD_REQUIRED_BY_POLICY', { label: VEHICLE_FIELD_LABELS[key], clause: required!.clause })
  }
  if (Object.keys(errors).length > 0) {
    const sentences = Object.fromEntries(Object.entries(errors).map(([key, refused]) => [key, refused.reason]))
    return { ok: false, errors: sentences, problems: errors }
  }
  return {
    ok: true,
    value: {
      ...(values as Omit<VehicleFileFields, 'origin' | 'ownerKind'>),
      origin: form.origin,
      ownerKind: form.ownerKind
    }
  }
}

/** The same parse as a zod schema, for the form's resolver: one definition of a valid file. */
export function vehicleFileFormSchemaFor(loaded: LoadedPersonalInfo, required: VehicleFieldRequirement | null = null) {
  return z
    .custom<VehicleFileForm>((input) => typeof input === 'object' && input !== null, '档案内容无效')
    .transform((form, ctx): VehicleFileFields => {
      const result = parseVehicleFileForm(form, loaded, required)
      if (result.ok) return result.value
      for (const [path, refused] of Object.entries(result.problems))
        ctx.addIssue({
          code: 'custom',
          path: [path],
          message: refused.reason,
          params: { reasonCode: refused.code, ...refused.params }
        })
      return z.NEVER
    })
}

export const vehicleFileFormSchema = vehicleFileFormSchemaFor({})

/** The form text for stored fields, for editing. */
export function toVehicleFileForm(fields: VehicleFileFields): VehicleFileForm {
  const form = { ...EMPTY_VEHICLE_FILE_FORM }
  const texts: Record<string, string> = {}
  for (const key of Object.keys(form) as (keyof VehicleFileFields)[]) texts[key] = fields[key] ?? ''
  return { ...form, ...texts, origin: fields.origin, ownerKind: fields.ownerKind }
}
