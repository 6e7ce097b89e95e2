import type { AuditEvent } from '@shared/audit/audit-event'
import type { AuditEntry } from '@shared/audit/audit-entry'
import { checkAuditCounter, sealAuditCounter, sealAuditEvent } from '@shared/audit/audit-chain'
import type { Actor } from '@shared/model/sync-meta'
import type { ChedangDatabase } from './database'
import { auditTrustOf } from './audit-trust'
import { auditCounterStateOf } from './audit-anchors'

export type { AuditEntry }

export const auditCounterId = (deviceId: string) => `auditSeq:${deviceId}`

/**
 * Appends events with consecutive device sequence numbers, each sealed with the audit key over its
 * fields and the previous one's hash (a device's first keyed event chains onto its last unkeyed one);
 * the counter is sealed too. Call only inside a read-write transaction that also covers `auditEvents`
 * and `counters`.
 */
export async function appendAuditEvents(
  db: ChedangDatabase,
  actor: Actor,
  entries: readonly AuditEntry[],
  at: string
): Promise<AuditEvent[]> {
  if (entries.length === 0) return []
  const { key } = auditTrustOf(db)
  const counterId = auditCounterId(actor.deviceId)
  const counter = await db.counters.get(counterId)
  // A counter found tampered with (seal wrong or stripped) is chained onto, but marked for good: the
  // next event must not make a wound-back counter look sound again.
  let tamperedAt: number | null = null
  if (counter) {
    const state = auditCounterStateOf(counter)
    const lastEvent =
      state.mac === null
        ? await db.auditEvents
            .where('at')
            .equals(counter.updatedAt)
            .filter((e) => e.deviceId === actor.deviceId && e.deviceSeq === counter.value)
            .first()
        : undefined
    tamperedAt = checkAuditCounter(state, lastEvent ?? null, key).tamperedAt
  }
  let seq = counter?.value ?? 0
  let prevHash = counter?.lastHash ?? ''
  const events = entries.map((entry) => {
    seq += 1
    const event = sealAuditEvent(
      {
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
      },
      key
    )
    prevHash = event.hash
    return event
  })
  const mac = sealAuditCounter({ deviceId: actor.deviceId, seq, lastHash: prevHash, tamperedAt }, key)
  const marked = tamperedAt === null ? {} : { tamperedAt }
  if (counter) {
    await db.counters.update(counterId, {
      value: seq,
      lastHash: prevHash,
      mac,
      ...marked,
      updatedAt: at,
      updatedBy: actor.operatorId,
      rev: counter.rev + 1
    })
  } else {
    await db.counters.add({
      id: counterId,
      value: seq,
      lastHash: prevHash,
      mac,
      ...marked,
      createdAt: at,
      createdBy: actor.operatorId,
      updatedAt: at,
      updatedBy: actor.operatorId,
      rev: 1,
      deletedAt: null
    })
  }
  await db.auditEvents.bulkAdd(events)
  return events
}

/** Appends one audit event; same transaction rule. */
export async function appendAuditEvent(
  db: ChedangDatabase,
  actor: Actor,
  entry: AuditEntry,
  at: string
): Promise<AuditEvent> {
  const [event] = await appendAuditEvents(db, actor, [entry], at)
  return event!
}

/** Records something that changed no data (a login, a view, a refusal) in a transaction of its own. */
export function recordAuditEvent(
  db: ChedangDatabase,
  actor: Actor,
  entry: AuditEntry,
  at: string = new Date().toISOString()
): Promise<AuditEvent> {
  return db.transaction('rw', [db.auditEvents, db.counters], () => appendAuditEvent(db, actor, entry, at))
}
