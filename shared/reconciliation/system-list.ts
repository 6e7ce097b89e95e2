import type { ArchiveKind as ArchiveDepartment } from '../archive/archive-kind'
import type { Actor, SyncMeta } from '../model/sync-meta'
import { newSyncMeta } from '../model/sync-meta'
import type { ParsedSystemRows } from './parse-system-rows'
import type { SystemRecord } from './system-record'
import { reconciliationKey } from './system-record'

// The dealer systems' lists kept in the archive: deliveries (sales, from CRM/DSERP/AAK) and closed repair
// orders (service, from the DMS/小R3), one row per line, each tied to the import that brought it. The weekly
// export overlaps the last one: a line already kept (same VIN, same repair order) is not kept twice.

/** Where a system list comes from, as the import screen offers it. */
export type SystemListSource = 'deliveries' | 'repairOrders'

export const SYSTEM_LIST_SOURCES: readonly SystemListSource[] = ['deliveries', 'repairOrders']

export const SYSTEM_LIST_DEPARTMENT: Readonly<Record<SystemListSource, ArchiveDepartment>> = {
  deliveries: 'sales',
  repairOrders: 'service'
}

export const SYSTEM_LIST_LABELS: Readonly<Record<SystemListSource, string>> = {
  deliveries: '交车清单',
  repairOrders: '已结算维修工单'
}

/** One kept line of a system list. */
export interface SystemListRow extends SyncMeta, Omit<SystemRecord, 'row'> {
  department: ArchiveDepartment
  /** department:VIN (sales) or department:VIN/RO (service): unique, so a line is kept once. */
  recordKey: string
  importId: string
  /** The line's row in the file it came from. */
  sourceRow: number
}

/** One import of a file: what it was, what came of it. */
export interface ImportBatchRow extends SyncMeta {
  /** 'deliveries' | 'repairOrders' | 'vehicleFiles'. */
  source: string
  fileName: string
  sha256: string
  /** Lines read (blank lines not counted), lines kept, lines already kept by an earlier import. */
  rows: number
  created: number
  alreadyKept: number
  importedAt: string
  importedBy: string
}

export function systemListRecordKey(department: ArchiveDepartment, vin: string, repairOrderNo: string): string {
  return `${department}:${reconciliationKey(department, vin, repairOrderNo)}`
}

/** What an import of a system list would do: the keys to ask the archive about first. */
export function systemListKeys(department: ArchiveDepartment, parsed: ParsedSystemRows): string[] {
  return parsed.records.map((record) => systemListRecordKey(department, record.vin, record.repairOrderNo))
}

export interface SystemListPlan {
  rows: SystemListRow[]
  /** Lines the archive already keeps from an earlier import. */
  alreadyKept: number
}

/** The rows to write: every good line whose key the archive does not hold yet, tied to the import. */
export function planSystemListImport(
  department: ArchiveDepartment,
  parsed: ParsedSystemRows,
  kept: ReadonlySet<string>,
  options: { importId: string; actor: Actor; at: string; newId: () => string }
): SystemListPlan {
  const rows: SystemListRow[] = []
  let alreadyKept = 0
  for (const { row, ...record } of parsed.records) {
    const recordKey = systemListRecordKey(department, record.vin, record.repairOrderNo)
    if (kept.has(recordKey)) {
      alreadyKept++
      continue
    }
    rows.push({
      ...newSyncMeta(options.newId(), options.actor, options.at),
      ...record,
      department,
      recordKey,
      importId: options.importId,
      sourceRow: row
    })
  }
  return { rows, alreadyKept }
}

/** A kept line as the count reads it. */
export function systemRecordOf(row: SystemListRow): SystemRecord {
  return {
    row: row.sourceRow,
    vin: row.vin,
    date: row.date,
    advisor: row.advisor,
    repairOrderNo: row.repairOrderNo,
    customer: row.customer,
    plate: row.plate,
    model: row.model,
    status: row.status
  }
}
