import { DomainError } from '../model/domain-error'
import { toHalfWidth } from '../validation/normalize-input'
import type { OwnerKind, VehicleFileFields, VehicleOrigin } from './vehicle-file'
import { VEHICLE_FILE_FIELD_NAMES } from './vehicle-file'
import { VEHICLE_FIELD_LABELS } from './vehicle-field-requirement'
import type { VehicleFileForm } from './vehicle-file-schema'
import { EMPTY_VEHICLE_FILE_FORM } from './vehicle-file-schema'

// 导入车辆档案 from a spreadsheet: which column holds which field of the file (named by header, so a
// remembered mapping still fits when columns move), and each row as the form a person would have typed.

export type VehicleField = keyof VehicleFileFields
export type VehicleColumnMapping = Readonly<Partial<Record<VehicleField, string>>>

/** Header names spreadsheets and DSERP exports use, besides the form's own label; best first. */
const SYNONYMS: Readonly<Partial<Record<VehicleField, readonly string[]>>> = {
  vin: ['车架号', 'vin', 'vin码', '底盘号', '车辆识别代号', '车辆识别码'],
  archiveNo: ['档案编号', '档案号'],
  plate: ['车牌号', '车牌号码', '车牌'],
  ownerName: ['车主', '车主姓名', '客户名称', '客户姓名', '车主名称'],
  ownerIdNumber: ['证件号码', '身份证号', '身份证号码', '证件号', '统一社会信用代码'],
  ownerPhone: ['手机', '手机号', '联系电话', '客户电话', '电话', '客户固定电话/手机'],
  ownerPhone2: ['备用电话', '电话2'],
  registrationDate: ['登记日期', '上牌日期', '注册日期'],
  origin: ['车辆来源', '来源'],
  ownerKind: ['车主类型', '客户类型'],
  street: ['地址', '详细地址'],
  postcode: ['邮编', '邮政编码'],
  contactName: ['联系人', '联系人姓名'],
  contactPhone: ['联系人电话', '联系人联系方式']
}

/** The fields the mapping must give: the rest of a file may stay empty or is checked by the form. */
export const REQUIRED_VEHICLE_COLUMNS: readonly VehicleField[] = ['vin', 'series', 'ownerName', 'ownerPhone']

/** Fields read from text that is not a form's free text: origin and owner kind from their Chinese words. */
const ORIGIN_WORDS: Readonly<Record<string, VehicleOrigin>> = {
  本店销售: 'sold_here',
  本店: 'sold_here',
  sold_here: 'sold_here',
  外店售车本店维修: 'serviced_only',
  外店售车: 'serviced_only',
  外店: 'serviced_only',
  serviced_only: 'serviced_only'
}
const OWNER_KIND_WORDS: Readonly<Record<string, OwnerKind>> = {
  个人: 'individual',
  individual: 'individual',
  单位: 'organisation',
  企业: 'organisation',
  公司: 'organisation',
  organisation: 'organisation'
}

const plain = (text: string) =>
  toHalfWidth(text)
    .replace(/[\s·・]/g, '')
    .toLowerCase()

/** The ways a header may be read: whole, without its bracketed part, and the bracketed part alone. */
function headerReadings(header: string): string[] {
  const whole = plain(header)
  const bracket = /(.*?)\((.*)\)$/.exec(whole)
  return bracket ? [whole, bracket[1]!, bracket[2]!] : [whole]
}

/** A first guess from the header names; a field no header names is left out. */
export function guessVehicleColumns(headers: readonly string[]): VehicleColumnMapping {
  const readings = headers.map(headerReadings)
  const taken = new Set<number>()
  const mapping: Partial<Record<VehicleField, string>> = {}
  for (const field of VEHICLE_FILE_FIELD_NAMES) {
    // Region codes share their label with the region's name (省份…): a header names the name.
    if (field === 'provinceCode' || field === 'cityCode' || field === 'countyCode') continue
    const names = [...(SYNONYMS[field] ?? []), VEHICLE_FIELD_LABELS[field]].map(plain)
    for (const name of names) {
      const index = readings.findIndex((forms, i) => !taken.has(i) && forms.includes(name))
      if (index >= 0) {
        taken.add(index)
        mapping[field] = headers[index]!
        break
      }
    }
  }
  return mapping
}

/** Column positions for a mapping; refuses a required field left unmapped or a header the table lacks. */
export function resolveVehicleColumns(
  headers: readonly string[],
  mapping: VehicleColumnMapping
): Partial<Record<VehicleField, number>> {
  for (const field of REQUIRED_VEHICLE_COLUMNS)
    if (!mapping[field]?.trim()) {
      const label = VEHICLE_FIELD_LABELS[field]
      throw new DomainError('IMPORT_COLUMN_REQUIRED', `请指定“${label}”所在的列`, { field: label })
    }
  const trimmed = headers.map((header) => header.trim())
  const columns: Partial<Record<VehicleField, number>> = {}
  for (const field of VEHICLE_FILE_FIELD_NAMES) {
    const header = mapping[field]?.trim()
    if (!header) continue
    const index = trimmed.indexOf(header)
    if (index < 0) {
      const label = VEHICLE_FIELD_LABELS[field]
      throw new DomainError('IMPORT_COLUMN_NOT_FOUND', `表格中没有“${header}”列（对应“${label}”），请重新选择`, {
        header,
        field: label
      })
    }
    columns[field] = index
  }
  return columns
}

/**
 * Each non-blank row as a vehicle form, with its line in the file (the header is line 1). An origin or owner
 * kind in words the app does not know is passed on as typed, so the form's check reports it on that row.
 */
export function vehicleFormsFromTable(
  table: { headers: readonly string[]; rows: readonly (readonly string[])[] },
  mapping: VehicleColumnMapping
): { forms: VehicleFileForm[]; lines: number[] } {
  const columns = resolveVehicleColumns(table.headers, mapping)
  const forms: VehicleFileForm[] = []
  const lines: number[] = []
  table.rows.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === '')) return
    const cell = (field: VehicleField) => (columns[field] === undefined ? '' : (cells[columns[field]] ?? '').trim())
    const form: Record<string, string> = { ...EMPTY_VEHICLE_FILE_FORM }
    for (const field of VEHICLE_FILE_FIELD_NAMES) {
      if (field === 'origin' || field === 'ownerKind' || columns[field] === undefined) continue
      form[field] = cell(field)
    }
    const origin = cell('origin')
    const ownerKind = cell('ownerKind')
    if (origin !== '') form.origin = ORIGIN_WORDS[plain(origin)] ?? origin
    if (ownerKind !== '') form.ownerKind = OWNER_KIND_WORDS[plain(ownerKind)] ?? ownerKind
    forms.push(form as VehicleFileForm)
    lines.push(index + 2)
  })
  return { forms, lines }
}
