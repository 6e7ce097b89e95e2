import type { VehicleFile } from '@shared/vehicle/vehicle-file'
import type { VehicleFileForm } from '@shared/vehicle/vehicle-file-schema'
import type { AuditEvent } from '@shared/audit/audit-event'
import type { Actor } from '@shared/model/sync-meta'
import type { DealershipSettings } from '@shared/settings/dealership-settings'

// The app reads and writes through these interfaces; their types are ours, never the storage's,
// so the archive can move onto a sync engine by replacing one adapter.

export interface VehicleSearchResult {
  files: VehicleFile[]
  /** True when more files matched than were returned. */
  truncated: boolean
}

export interface VehicleFiles {
  /** Command: create a file from a form; validates, checks VIN and archive number are unique, audits. */
  create(form: VehicleFileForm, actor: Actor): Promise<VehicleFile>
  /**
   * Command: create many files at once (imports, seeding). All or nothing: one invalid or duplicate
   * row refuses the whole batch, naming the row.
   */
  createMany(forms: readonly VehicleFileForm[], actor: Actor): Promise<number>
  /** Command: write the fields that changed; refused if the file changed since `expectedRev`. */
  update(id: string, form: VehicleFileForm, expectedRev: number, actor: Actor): Promise<VehicleFile>
  get(id: string): Promise<VehicleFile | undefined>
  getMany(ids: readonly string[]): Promise<VehicleFile[]>
  findByVin(vin: string): Promise<VehicleFile | undefined>
  /** Ids of all live files, newest first. */
  listIds(): Promise<string[]>
  count(): Promise<number>
  search(query: string, limit?: number): Promise<VehicleSearchResult>
  /** The archive number the next new file would get, without using it up. */
  previewArchiveNo(origin: VehicleFile['origin'], date?: string): Promise<string>
}

export interface AuditLog {
  forEntity(entity: string, entityId: string): Promise<AuditEvent[]>
  recent(limit: number): Promise<AuditEvent[]>
}

export interface Settings {
  getDealership(): Promise<DealershipSettings>
  saveDealership(settings: DealershipSettings, actor: Actor): Promise<DealershipSettings>
}

export interface Repositories {
  vehicleFiles: VehicleFiles
  auditLog: AuditLog
  settings: Settings
}
