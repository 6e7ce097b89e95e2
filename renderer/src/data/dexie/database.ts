import Dexie from 'dexie'
import type { Table } from 'dexie'
import type { VehicleFile } from '@shared/vehicle/vehicle-file'
import type { AuditEvent } from '@shared/audit/audit-event'
import type { Account, StaffMember } from '@shared/operators/operator'
import type { ArchiveRecord, InspectionRecord } from '@shared/archive'
import type { Handover } from '@shared/handover/handover'
import type { LoanRecord } from '@shared/loans/loan-record'
import type { FileRepair, LegalHold, SealingBatch, SealingLine, StorageInspection } from '@shared/retention'
import type { DestructionRow } from '@shared/destruction'
import type { SettingRow, CounterRow, PolicyRow, ViolationRow, FineMonthRow } from '../rows'
import type { ImportBatchRow, SystemListRow } from '@shared/reconciliation/system-list'
import type { ReconciliationLineRow, ReconciliationRunRow } from '@shared/reconciliation/reconciliation-run'
import { DATABASE_NAME, SCHEMA_VERSIONS } from './schema-versions'

export class ChedangDatabase extends Dexie {
  vehicleFiles!: Table<VehicleFile, string>
  auditEvents!: Table<AuditEvent, string>
  settings!: Table<SettingRow, string>
  counters!: Table<CounterRow, string>
  staff!: Table<StaffMember, string>
  accounts!: Table<Account, string>
  policies!: Table<PolicyRow, string>
  archives!: Table<ArchiveRecord, string>
  handovers!: Table<Handover, string>
  inspections!: Table<InspectionRecord, string>
  loans!: Table<LoanRecord, string>
  legalHolds!: Table<LegalHold, string>
  sealingBatches!: Table<SealingBatch, string>
  sealingLines!: Table<SealingLine, string>
  destructions!: Table<DestructionRow, string>
  storageInspections!: Table<StorageInspection, string>
  fileRepairs!: Table<FileRepair, string>
  violations!: Table<ViolationRow, string>
  fineMonths!: Table<FineMonthRow, string>
  systemRecords!: Table<SystemListRow, string>
  importBatches!: Table<ImportBatchRow, string>
  reconciliations!: Table<ReconciliationRunRow, string>
  reconciliationLines!: Table<ReconciliationLineRow, string>

  constructor(name: string = DATABASE_NAME) {
    super(name)
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const declared = this.version(version).stores(stores)
      if (upgrade) declared.upgrade(upgrade)
    }
  }
}
