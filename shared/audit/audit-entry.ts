import type { AuditAction, FieldChanges } from './audit-event'

/** An audit event as a command decides it; the writer adds who, when, the sequence and the seal. */
export interface AuditEntry {
  action: AuditAction
  entity: string
  entityId: string
  changes: FieldChanges | Record<string, unknown>
  summary: string
}
