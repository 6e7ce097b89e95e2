// 审计事件: who did what to which record and when. Append-only: never updated, never deleted.
// Each event carries the hash of the previous event of the same device, so tampering shows; since
// chain version 2 that hash is an HMAC-SHA-256 under the installation's audit key (see audit-chain.ts).

export type AuditAction =
  | 'create'
  | 'import'
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
  | 'loan.lend'
  | 'loan.return'
  | 'retention.seal'
  | 'legalHold.place'
  | 'legalHold.release'
  | 'destruction.propose'
  | 'destruction.approve'
  | 'destruction.record'
  | 'storage.inspect'
  | 'file.repair'
  | 'fine.propose'
  | 'fine.decide'
  | 'fine.objection'
  | 'fine.close'
  | 'fine.correct'
  | 'fine.payCut'

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
  /**
   * How `hash` is made. Absent: plain SHA-256 (events written before keyed chains, still verified);
   * 2: HMAC-SHA-256 under the audit key. A device's first keyed event chains onto its last unkeyed one.
   */
  chain?: typeof AUDIT_CHAIN_KEYED
  /** Hex digest over this event's fields and prevHash (see `chain`). */
  hash: string
}

/** The chain version of keyed events. */
export const AUDIT_CHAIN_KEYED = 2 as const

export type FieldChanges = Record<string, [unknown, unknown]>

/** The fields whose values differ between two versions of a record. */
export function diffFields<T extends object>(
  before: Partial<T>,
  after: Partial<T>,
  keys: readonly (keyof T)[]
): FieldChanges {
  const changes: FieldChanges = {}
  for (const key of keys) {
    const a = before[key] ?? null
    const b = after[key] ?? null
    if (a !== b) changes[String(key)] = [a, b]
  }
  return changes
}

/**
 * An event's `changes` read back as an object. Events are evidence and are never upgraded; text that is
 * not a JSON object (a damaged row) reads as no details rather than as something it is not.
 */
export function auditChangesOf(event: Pick<AuditEvent, 'changes'>): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(event.changes)
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {}
  } catch {
    return {}
  }
}
