import type { PersonalInfoField, VehicleFile } from '@shared/vehicle/vehicle-file'
import type { VehicleFileForm } from '@shared/vehicle/vehicle-file-schema'
import type { AuditAction, AuditEvent } from '@shared/audit/audit-event'
import type { ChainReport } from '@shared/audit/audit-chain'
import type { DealershipSettings } from '@shared/settings/dealership-settings'
import type { Permission, PermissionMatrix } from '@shared/operators/permissions'
import type { SecrecyLevel } from '@shared/operators/secrecy'
import type { Department, Role } from '@shared/operators/roles'
import type { Operator, StaffMember } from '@shared/operators/operator'
import type { Backup, BackupReason, BackupManifest } from '@shared/backup/backup-format'

// The app reads and writes through these interfaces; their types are ours, never the storage's,
// so the archive can move onto a sync engine by replacing one adapter. Every implementation is bound
// to the logged-in operator and checks the permission matrix on every call.

export interface VehicleSearchResult {
  files: VehicleFile[]
  /** True when more files matched than were returned. */
  truncated: boolean
}

/** Files come back with ID numbers and phones masked; `revealPersonalInfo` gives one value in full. */
export interface VehicleFiles {
  /** Command: create a file from a form; validates, checks VIN and archive number are unique, audits. */
  create(form: VehicleFileForm): Promise<VehicleFile>
  /**
   * Command: create many files at once (imports, seeding). All or nothing: one invalid or duplicate
   * row refuses the whole batch, naming the row.
   */
  createMany(forms: readonly VehicleFileForm[]): Promise<number>
  /** Command: write the fields that changed; refused if the file changed since `expectedRev`. */
  update(id: string, form: VehicleFileForm, expectedRev: number): Promise<VehicleFile>
  /** Command: set the secrecy level (普通/机密/绝密), with the reason. */
  setSecrecy(id: string, level: SecrecyLevel, reason: string): Promise<VehicleFile>
  /** Opens one file (logged when it is confidential); refused when the operator may not see it. */
  get(id: string): Promise<VehicleFile | undefined>
  /** The unmasked file for its edit form; logged as a view of personal information. */
  getForEdit(id: string): Promise<VehicleFile | undefined>
  /** Rows for a list: files the operator may not see are left out. */
  getMany(ids: readonly string[]): Promise<VehicleFile[]>
  findByVin(vin: string): Promise<VehicleFile | undefined>
  /** Ids of all live files the operator may see, newest first. */
  listIds(): Promise<string[]>
  count(): Promise<number>
  search(query: string, limit?: number): Promise<VehicleSearchResult>
  /** The archive number the next new file would get, without using it up. */
  previewArchiveNo(origin: VehicleFile['origin'], date?: string): Promise<string>
  /** One personal-information value in full; needs the permission and a reason, and is logged. */
  revealPersonalInfo(id: string, field: PersonalInfoField, reason: string): Promise<string | null>
}

export interface AuditFilter {
  from?: string
  to?: string
  actions?: readonly AuditAction[]
  actorId?: string
  text?: string
  limit?: number
}

export interface AuditLog {
  forEntity(entity: string, entityId: string): Promise<AuditEvent[]>
  recent(limit: number): Promise<AuditEvent[]>
  query(filter: AuditFilter): Promise<AuditEvent[]>
  /** Recomputes every device's hash chain and says where it breaks; the check itself is logged. */
  verify(): Promise<ChainReport>
  /** Who viewed which personal information or confidential file, for a compliance review (CSV text). */
  exportPersonalInfoAccess(filter: AuditFilter): Promise<string>
}

export interface Settings {
  /** Opening the settings to change them: refused (and the attempt logged) without the permission. */
  openForEditing(): Promise<{ dealership: DealershipSettings; matrix: PermissionMatrix; canEditPermissions: boolean }>
  getDealership(): Promise<DealershipSettings>
  saveDealership(settings: DealershipSettings): Promise<DealershipSettings>
  getPermissionMatrix(): Promise<PermissionMatrix>
  savePermissionMatrix(matrix: PermissionMatrix): Promise<PermissionMatrix>
}

export interface NewOperator {
  name: string
  department: Department
  role: Role
  phone: string
  username: string
  password: string
  birthDate?: string
}

export interface OperatorSummary {
  staff: StaffMember
  username: string | null
  accountId: string | null
  disabled: boolean
  lockedUntil: string | null
  passwordChangedAt: string | null
}

export interface Operators {
  list(): Promise<OperatorSummary[]>
  create(input: NewOperator): Promise<OperatorSummary>
  setDisabled(accountId: string, disabled: boolean): Promise<void>
  resetPassword(accountId: string, newPassword: string): Promise<void>
}

export interface IntegrityProblem {
  kind: 'orphan' | 'chain'
  table: string
  id: string
  message: string
}

export interface IntegrityReport {
  at: string
  tables: { name: string; count: number }[]
  problems: IntegrityProblem[]
  chain: ChainReport
}

export interface Integrity {
  /** Counts rows, follows references and verifies the audit chain; reports, never repairs. */
  run(): Promise<IntegrityReport>
}

export interface Backups {
  /** A backup of the whole archive; a manual one is logged as an export. */
  create(reason: Extract<BackupReason, 'manual' | 'daily'>): Promise<Backup>
  /** Verified restore: nothing changes unless the file checks out and the safety backup was saved. */
  restore(bytes: Uint8Array, saveSafetyBackup: (backup: Backup) => Promise<void>): Promise<{ manifest: BackupManifest; safetyBackup: BackupManifest }>
}

export interface Repositories {
  operator: Operator
  can(permission: Permission): Promise<boolean>
  vehicleFiles: VehicleFiles
  auditLog: AuditLog
  settings: Settings
  operators: Operators
  integrity: Integrity
  backups: Backups
}
