import type { ArchiveKind as ArchiveDepartment } from '../archive/archive-kind'
import { DomainError } from '../model/domain-error'
import { toHalfWidth } from '../validation/normalize-input'
import type { SystemField } from './system-record'
import { SYSTEM_FIELDS, requiredSystemFields, systemFieldLabel } from './system-record'

// Which column of the system's export holds which field. A mapping names headers, not positions, so the
// one remembered for a source still fits when the export's columns move.

export type ColumnMapping = Readonly<Partial<Record<SystemField, string>>>

// The header names the dealer systems and hand-made spreadsheets use, best first.
const SALES_SYNONYMS: Readonly<Record<SystemField, readonly string[]>> = {
  vin: ['车架号', 'vin', 'vin码', '车架号码', '底盘号', '车辆识别代号', '车辆识别号', '车辆识别码'],
  date: ['交车日期', '交付日期', '开票日期', '发票日期', '销售日期'],
  advisor: ['销售顾问', '顾问', '销售员', '业务员'],
  repairOrderNo: [],
  customer: ['客户名称', '客户姓名', '车主', '车主姓名', '客户', '用户名称', '购车人'],
  plate: ['车牌号', '车牌号码', '车牌'],
  model: ['车型', '车型名称', '车系'],
  status: ['开票状态', '是否开票', '状态']
}

const SERVICE_SYNONYMS: Readonly<Record<SystemField, readonly string[]>> = {
  ...SALES_SYNONYMS,
  date: ['结算日期', '结算时间', '完工日期', '出厂日期', '交车日期'],
  advisor: ['服务顾问', '接待员', '服务接待', '顾问', 'sa'],
  repairOrderNo: ['委托书号', '任务委托书号', '工单号', '维修工单号', '工单编号', '委托书编号', 'ro号'],
  status: ['工单状态', '结算状态', '状态']
}

/** The ways a header may be read: whole, without its bracketed part, and the bracketed part alone. */
function headerReadings(header: string): string[] {
  const plain = toHalfWidth(header).replace(/\s/g, '').toLowerCase()
  const bracket = /(.*?)\((.*)\)$/.exec(plain)
  return bracket ? [plain, bracket[1]!, bracket[2]!] : [plain]
}

/** A first guess from the header names; a field no header names is left out. */
export function guessColumnMapping(headers: readonly string[], department: ArchiveDepartment): ColumnMapping {
  const synonyms = department === 'sales' ? SALES_SYNONYMS : SERVICE_SYNONYMS
  const readings = headers.map(headerReadings)
  const taken = new Set<number>()
  const mapping: Partial<Record<SystemField, string>> = {}
  for (const field of SYSTEM_FIELDS) {
    for (const name of synonyms[field]) {
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

/** Column positions for a mapping; refuses a missing required field or a header the table does not have. */
export function resolveColumnMapping(
  headers: readonly string[],
  mapping: ColumnMapping,
  department: ArchiveDepartment
): Readonly<Partial<Record<SystemField, number>>> {
  for (const field of requiredSystemFields(department)) {
    if (!mapping[field]?.trim()) {
      const label = systemFieldLabel(field, department)
      throw new DomainError('RECONCILIATION_COLUMN_REQUIRED', `请指定“${label}”所在的列`, { field: label })
    }
  }
  const trimmed = headers.map((header) => header.trim())
  const columns: Partial<Record<SystemField, number>> = {}
  for (const field of SYSTEM_FIELDS) {
    const header = mapping[field]?.trim()
    if (!header) continue
    const index = trimmed.indexOf(header)
    if (index < 0) {
      const label = systemFieldLabel(field, department)
      throw new DomainError(
        'RECONCILIATION_COLUMN_NOT_FOUND',
        `表格中没有“${header}”列（对应“${label}”），请重新选择`,
        { header, field: label }
      )
    }
    columns[field] = index
  }
  return columns
}
