// 审计事件: who did what to which record and when. Append-only: never updated, never deleted.

export type AuditAction = 'create' | 'update' | 'setting.change'

export interface AuditEvent {
  id: string
  /** ISO instant of the change. */
  at: string
  actorId: string
  actorName: string
  deviceId: string
  /** Per-device sequence, so each PC's chain stays linear when several PCs exist. */
  deviceSeq: number
  action: AuditAction
  /** The kind of record, e.g. 'vehicleFile'. */
  entity: string
  entityId: string
  /** Changed fields as JSON: { field: [before, after] }. */
  changes: string
  /** A one-line human summary, e.g. the archive number. */
  summary: string
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
