import type { AuditAction, AuditEvent, FieldChanges } from '@shared/audit/audit-event'
import { sealAuditEvent } from '@shared/audit/audit-chain'
import type { Actor } from '@shared/model/sync-meta'
import type { ChedangDatabase } from './database'

export interface AuditEntry {
  action: AuditAction
  entity: string
  entityId: string
  changes: FieldChanges | Record<string, unknown>
  summary: string
}

export const auditCounterId = (deviceId: string) => `auditSeq:${deviceId}`

/**
 * Appends events with consecutive device sequence numbers, each sealed with the previous one's hash.
 * Call only inside a read-write transaction that also covers `auditEvents` and `counters`.
 */
export async function appendAuditEvents(db: ChedangDatabase, actor: Actor, entries: readonly AuditEntry[], at: string): Promise<AuditEvent[]> {
  if (entries.length === 0) return []
  const counterId = auditCounterId(actor.deviceId)
  const counter = await db.counters.get(counterId)
  let seq = counter?.value ?? 0
  let prevHash = counter?.lastHash ?? ''
  const events = entries.map((entry) => {
    seq += 1
    const event = sealAuditEvent({
      id: crypto.randomUUID(),
      at,
      actorId: actor.operatorId,
      actorName: actor.operatorName,
      deviceId: actor.deviceId,
      deviceSeq: seq,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      changes: JSON.stringify(entry.changes),
      summary: entry.summary,
      prevHash
    })
    prevHash = event.hash
    return event
  })
  if (counter) {
    await db.counters.update(counterId, { value: seq, lastHash: prevHash, updatedAt: at, updatedBy: actor.operatorId, rev: counter.rev + 1 })
  } else {
    await db.counters.add({ id: counterId, value: seq, lastHash: prevHash, createdAt: at, createdBy: actor.operatorId, updatedAt: at, updatedBy: actor.operatorId, rev: 1, deletedAt: null })
  }
  await db.auditEvents.bulkAdd(events)
  return events
}

/** Appends one audit event; same transaction rule. */
export async function appendAuditEvent(db: ChedangDatabase, actor: Actor, entry: AuditEntry, at: string): Promise<AuditEvent> {
  const [event] = await appendAuditEvents(db, actor, [entry], at)
  return event!
}

/** Records something that changed no data (a login, a view, a refusal) in a transaction of its own. */
export function recordAuditEvent(db: ChedangDatabase, actor: Actor, entry: AuditEntry, at: string = new Date().toISOString()): Promise<AuditEvent> {
  return db.transaction('rw', [db.auditEvents, db.counters], () => appendAuditEvent(db, actor, entry, at))
}
