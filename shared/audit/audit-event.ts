// 审计事件: who did what to which record and when. Append-only: never updated, never deleted.
// Each event carries the SHA-256 of the previous event of the same device, so tampering shows.

export type AuditAction =
  | 'create'
  | 'update'
  | 'status.change'
  | 'setting.change'
  | 'permissions.change'
  | 'operator.create'
  | 'operator.update'
  | 'password.change'
  | 'login'
  | 'login.failed'
  | 'logout'
  | 'lock'
  | 'unlock'
  | 'access.denied'
  | 'confidential.view'
  | 'personalInfo.reveal'
  | 'print'
  | 'export'
  | 'backup.export'
  | 'backup.restore'
  | 'integrity.check'
  | 'audit.verify'

export interface AuditEvent {
  id: string
  /** ISO instant of the change. */
  at: string
  actorId: string
  actorName: string
  deviceId: string
  /** Per-device sequence from 1, so each PC's chain stays linear when several PCs exist. */
  deviceSeq: number
  action: AuditAction
  /** The kind of record, e.g. 'vehicleFile'. */
  entity: string
  entityId: string
  /** Changed fields as JSON: { field: [before, after] }; for reads, the details (e.g. the reason). */
  changes: string
  /** A one-line human summary, e.g. the archive number. */
  summary: string
  /** Hash of this device's previous event; '' for its first. */
  prevHash: string
  /** SHA-256 (hex) over this event's fields and prevHash. */
  hash: string
}

export type FieldChanges = Record<string, [unknown, unknown]>

/** The fields whose values differ between two versions of a record. */
export function diffFields<T extends object>(before: Partial<T>, after: Partial<T>, keys: readonly (keyof T)[]): FieldChanges {
  const changes: FieldChanges = {}
  for (const key of keys) {
    const a = before[key] ?? null
    const b = after[key] ?? null
    if (a !== b) changes[String(key)] = [a, b]
  }
  return changes
}
