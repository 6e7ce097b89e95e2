import type { ArchiveKind as ArchiveDepartment } from '../archive/archive-kind'

// One line of a dealer system's list (sales: CRM/DSERP/AAK deliveries; service: DMS/小R3 closed repair
// orders), read from an already parsed table.

/** The fields a column of the system's export can be mapped to. */
export type SystemField = 'vin' | 'date' | 'advisor' | 'repairOrderNo' | 'customer' | 'plate' | 'model' | 'status'

export const SYSTEM_FIELDS: readonly SystemField[] = [
  'vin',
  'date',
  'advisor',
  'repairOrderNo',
  'customer',
  'plate',
  'model',
  'status'
]

/** The field names as the import screen and the reports show them, per department. */
export function systemFieldLabel(field: SystemField, department: ArchiveDepartment): string {
  switch (field) {
    case 'vin':
      return '车架号'
    case 'date':
      return department === 'sales' ? '交车日期' : '结算日期'
    case 'advisor':
      return department === 'sales' ? '销售顾问' : '服务顾问'
    case 'repairOrderNo':
      return '委托书号'
    case 'customer':
      return '客户'
    case 'plate':
      return '车牌号'
    case 'model':
      return '车型'
    case 'status':
      return '状态'
  }
}

/** The fields without which a row cannot be counted. */
export function requiredSystemFields(department: ArchiveDepartment): readonly SystemField[] {
  return department === 'sales' ? ['vin', 'date'] : ['vin', 'date', 'repairOrderNo']
}

/** A row of the system's list, checked and typed. */
export interface SystemRecord {
  /** The spreadsheet row it came from (the header is row 1). */
  readonly row: number
  readonly vin: string
  /** YYYY-MM-DD: delivery (sales) or settlement (service). */
  readonly date: string
  readonly advisor: string
  /** Service: 任务委托书号 / 工单号, upper case; sales: ''. */
  readonly repairOrderNo: string
  readonly customer: string
  readonly plate: string
  readonly model: string
  /** The system's own status text, e.g. 未开票, 在修, 未结算. */
  readonly status: string
}

/** The key the count goes by: the VIN for sales, the VIN and the repair order for service. */
export function reconciliationKey(department: ArchiveDepartment, vin: string, repairOrderNo: string | null): string {
  return department === 'sales' ? vin : `${vin}/${repairOrderNo ?? ''}`
}
