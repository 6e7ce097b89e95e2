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

/** Appends events for many records at once, with consecutive device sequence numbers. Same transaction rule. */
export async function appendAuditEvents(db: ChedangDatabase, actor: Actor, entries: readonly AuditEntry[], at: string): Promise<void> {
  if (entries.length === 0) return
  const counterId = `auditSeq:${actor.deviceId}`
  const counter = await db.counters.get(counterId)
  const start = (counter?.value ?? 0) + 1
  const last = start + entries.length - 1
  if (counter) {
    await db.counters.update(counterId, { value: last, updatedAt: at, updatedBy: actor.operatorId, rev: counter.rev + 1 })
  } else {
    await db.counters.add({ id: counterId, value: last, createdAt: at, createdBy: actor.operatorId, updatedAt: at, updatedBy: actor.operatorId, rev: 1, deletedAt: null })
  }
  await db.auditEvents.bulkAdd(entries.map((entry, i) => toEvent(actor, entry, at, start + i)))
}

function toEvent(actor: Actor, entry: AuditEntry, at: string, deviceSeq: number): AuditEvent {
  return {
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
}

/** Appends one audit event. Call only inside a transaction that also covers `auditEvents` and `counters`. */
export async function appendAuditEvent(db: ChedangDatabase, actor: Actor, entry: AuditEntry, at: string): Promise<void> {
  await appendAuditEvents(db, actor, [entry], at)
}
