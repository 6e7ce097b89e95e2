import type { AuditAction, AuditEvent, FieldChanges } from '@shared/audit/audit-event'
import type { Actor } from '@shared/model/sync-meta'
import type { ChedangDatabase } from './database'

export interface AuditEntry {
  action: AuditAction
  entity: string
  entityId: string
  changes: FieldChanges
  summary: string
}

/** Appends one audit event. Call only inside a transaction that also covers `auditEvents` and `counters`. */
export async function appendAuditEvent(db: ChedangDatabase, actor: Actor, entry: AuditEntry, at: string): Promise<AuditEvent> {
  const counterId = `auditSeq:${actor.deviceId}`
  const counter = await db.counters.get(counterId)
  const deviceSeq = (counter?.value ?? 0) + 1
  if (counter) {
    await db.counters.update(counterId, { value: deviceSeq, updatedAt: at, updatedBy: actor.operatorId, rev: counter.rev + 1 })
  } else {
    await db.counters.add({ id: counterId, value: deviceSeq, createdAt: at, createdBy: actor.operatorId, updatedAt: at, updatedBy: actor.operatorId, rev: 1, deletedAt: null })
  }
  const event: AuditEvent = {
    id: crypto.randomUUID(),
    at,
    actorId: actor.operatorId,
    actorName: actor.operatorName,
    deviceId: actor.deviceId,
    deviceSeq,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    changes: JSON.stringify(entry.changes),
    summary: entry.summary
  }
  await db.auditEvents.add(event)
  return event
}
