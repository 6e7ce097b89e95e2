import type { ExportTable } from '../export/xlsx-export'
import type { ExceptedLine, ReconciliationLine, ReconciliationResult } from './reconcile'
import type { ReconciliationOutcome } from './reconciliation-run'
import { systemFieldLabel } from './system-record'

// A count's lines as an XLSX sheet, every outcome on one sheet with its own column, Chinese headers. No
// customer names: the vehicle identifies the file.

export const RECONCILIATION_EXPORT_TITLE = '档案核对结果'

export const OUTCOME_LABELS: Readonly<Record<ReconciliationOutcome, string>> = {
  matched: '已收档案',
  missing: '缺失',
  excepted: '未上报（允许例外）',
  extra: '系统中无记录'
}

export function reconciliationResultTable(result: ReconciliationResult): ExportTable {
  const { department } = result
  const service = department === 'service'
  const headers = [
    '核对结果',
    systemFieldLabel('vin', department),
    ...(service ? [systemFieldLabel('repairOrderNo', department)] : []),
    systemFieldLabel('date', department),
    systemFieldLabel('advisor', department),
    systemFieldLabel('plate', department),
    systemFieldLabel('model', department),
    '系统清单行号',
    '未上报原因',
    '核对期间',
    '核对系统'
  ]
  const row = (outcome: ReconciliationOutcome, line: ReconciliationLine | ExceptedLine): string[] => {
    const exception = 'exception' in line ? line.exception : null
    return [
      OUTCOME_LABELS[outcome],
      line.vin,
      ...(service ? [line.repairOrderNo] : []),
      line.date ?? '',
      line.advisor,
      line.plate,
      line.model,
      line.sourceRow === null ? '' : String(line.sourceRow),
      exception ? (exception.note ? `${exception.label}（${exception.note}）` : exception.label) : '',
      `${result.period.from} 至 ${result.period.to}`,
      result.system
    ]
  }
  return {
    sheetName: RECONCILIATION_EXPORT_TITLE,
    headers,
    rows: [
      ...result.missing.map((line) => row('missing', line)),
      ...result.excepted.map((line) => row('excepted', line)),
      ...result.extra.map((line) => row('extra', line)),
      ...result.matched.map((line) => row('matched', line))
    ]
  }
}
