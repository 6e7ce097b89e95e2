import type { ArchiveKind as ArchiveDepartment } from '../archive/archive-kind'
import { isRealIsoDate } from '../time'
import { normalizeInput, toHalfWidth } from '../validation/normalize-input'
import { validateVin } from '../validation/vin'
import type { ColumnMapping } from './column-mapping'
import { resolveColumnMapping } from './column-mapping'
import type { SystemField, SystemRecord } from './system-record'
import { reconciliationKey, systemFieldLabel } from './system-record'

// Rows of the system's export into typed records. Every row is checked and every problem reported, so
// the preview lists them all at once; a row with a problem is left out of the count.

/** A problem with one row, in Chinese, with a stable code and the variable parts in `details`. */
export interface SystemRowIssue {
  /** The spreadsheet row (the header is row 1). */
  readonly row: number
  readonly field: SystemField
  readonly code:
    'SYSTEM_ROW_VIN_INVALID' | 'SYSTEM_ROW_DATE_INVALID' | 'SYSTEM_ROW_REPAIR_ORDER_MISSING' | 'SYSTEM_ROW_DUPLICATE'
  readonly message: string
  readonly details: Readonly<Record<string, string>>
}

export interface ParsedSystemRows {
  readonly records: readonly SystemRecord[]
  readonly issues: readonly SystemRowIssue[]
  /** Rows with no text at all, skipped. */
  readonly blankRows: number
}

export interface SystemTable {
  readonly headers: readonly string[]
  readonly rows: readonly (readonly string[])[]
}

const DATE = /^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/
// DMS exports print an empty date as 1900-01-01 (FAW-VW 五(二): "不能出现1900/00/00").
const EARLIEST_DATE = '1950-01-01'

/** A system's date as YYYY-MM-DD (2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, 20260305, with or without a time), or null. */
export function parseSystemDate(text: string): string | null {
  const value = toHalfWidth(text).trim()
  const m = DATE.exec(value) ?? COMPACT_DATE.exec(value)
  if (!m) return null
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`
  return isRealIsoDate(date) && date >= EARLIEST_DATE ? date : null
}

/** Checks and types every row; never stops at the first problem. */
export function parseSystemRows(
  table: SystemTable,
  mapping: ColumnMapping,
  department: ArchiveDepartment
): ParsedSystemRows {
  const columns = resolveColumnMapping(table.headers, mapping, department)
  const records: SystemRecord[] = []
  const issues: SystemRowIssue[] = []
  const firstRowByKey = new Map<string, number>()
  let blankRows = 0
  table.rows.forEach((cells, index) => {
    const row = index + 2
    if (cells.every((cell) => cell.trim() === '')) {
      blankRows++
      return
    }
    const cell = (field: SystemField): string => {
      return (cells[columns[field] ?? -1] ?? '').trim()
    }
    const issue = (
      field: SystemField,
      code: SystemRowIssue['code'],
      message: string,
      details: Record<string, string>
    ) => issues.push({ row, field, code, message, details: { row: String(row), ...details } })

    const vinText = cell('vin')
    const vin = validateVin(vinText)
    if (!vin.ok)
      issue('vin', 'SYSTEM_ROW_VIN_INVALID', `第${row}行车架号“${vinText}”有误：${vin.reason}`, {
        vin: vinText,
        reason: vin.reason
      })
    const dateText = cell('date')
    const date = parseSystemDate(dateText)
    if (date === null) {
      const label = systemFieldLabel('date', department)
      issue(
        'date',
        'SYSTEM_ROW_DATE_INVALID',
        `第${row}行${label}“${dateText}”无法识别，应为 年-月-日，如 2026-03-05`,
        {
          field: label,
          value: dateText
        }
      )
    }
    const repairOrderNo = department === 'service' ? normalizeInput(cell('repairOrderNo')).toUpperCase() : ''
    const repairOrderMissing = department === 'service' && repairOrderNo === ''
    if (repairOrderMissing)
      issue('repairOrderNo', 'SYSTEM_ROW_REPAIR_ORDER_MISSING', `第${row}行没有委托书号，无法与服务档案核对`, {})
    if (!vin.ok || date === null || repairOrderMissing) return

    const key = reconciliationKey(department, vin.value, repairOrderNo)
    const first = firstRowByKey.get(key)
    if (first !== undefined) {
      const what = department === 'sales' ? `车架号 ${vin.value}` : `车架号 ${vin.value} 委托书号 ${repairOrderNo}`
      issue('vin', 'SYSTEM_ROW_DUPLICATE', `第${row}行与第${first}行重复（${what}）`, {
        first: String(first),
        key: what
      })
      return
    }
    firstRowByKey.set(key, row)
    records.push({
      row,
      vin: vin.value,
      date,
      advisor: cell('advisor'),
      repairOrderNo,
      customer: cell('customer'),
      plate: cell('plate'),
      model: cell('model'),
      status: cell('status')
    })
  })
  return { records, issues, blankRows }
}
