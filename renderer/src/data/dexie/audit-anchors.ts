import type Dexie from 'dexie'
import {
  type AuditAnchor,
  type AuditAnchorReason,
  type AuditChainEvidence,
  type AuditCounterState,
  auditAnchorsOf
} from '@shared/audit/audit-chain'
import type { AuditEvent } from '@shared/audit/audit-event'
import { chinaDate } from '@shared/time'
import type { CounterRow } from '../rows'
import { auditTrustOf } from './audit-trust'

const COUNTER_PREFIX = 'auditSeq:'

function counterStates(rows: readonly CounterRow[]): AuditCounterState[] {
  return rows.map(auditCounterStateOf)
}

/** A counter row as the chain rules read it. */
export function auditCounterStateOf(row: CounterRow): AuditCounterState {
  return {
    deviceId: row.id.slice(COUNTER_PREFIX.length),
    seq: row.value,
    lastHash: row.lastHash ?? '',
    mac: row.mac ?? null,
    tamperedAt: row.tamperedAt ?? null
  }
}

/** Every device's counter, as the chain check reads it. */
function readAuditCounters(db: Dexie): Promise<AuditCounterState[]> {
  return db.table<CounterRow, string>('counters').where('id').startsWith(COUNTER_PREFIX).toArray().then(counterStates)
}

/**
 * Writes every device's chain head outside the database (desktop: the anchor file in the app-data
 * folder; browser mode: its fallback store). Call outside any transaction. Never throws: a backup must
 * not fail because its anchor could not be written; the problem is returned (Chinese) instead.
 */
export async function recordAuditAnchor(
  db: Dexie,
  reason: AuditAnchorReason,
  now: Date = new Date()
): Promise<{ anchors: AuditAnchor[]; problem: string | null }> {
  try {
    if (!db.isOpen()) await db.open()
    if (!db.tables.some((table) => table.name === 'counters')) return { anchors: [], problem: null }
    const trust = auditTrustOf(db)
    const anchors = auditAnchorsOf(await readAuditCounters(db), reason, now.toISOString(), trust.key)
    if (anchors.length > 0) await trust.appendAnchors(anchors)
    return { anchors, problem: null }
  } catch (error) {
    return { anchors: [], problem: `未能记录审计链锚点：${error instanceof Error ? error.message : String(error)}` }
  }
}

/** The first start of each China calendar day anchors the chain; later starts that day do nothing. */
export async function recordDailyAuditAnchor(
  db: Dexie,
  now: Date = new Date()
): Promise<{ anchors: AuditAnchor[]; problem: string | null }> {
  const today = chinaDate(now)
  try {
    const { anchors } = await auditTrustOf(db).readAnchors()
    if (anchors.some((anchor) => anchor.reason === 'start' && chinaDate(anchor.at) === today))
      return { anchors: [], problem: null }
  } catch (error) {
    return { anchors: [], problem: `未能读取审计链锚点：${error instanceof Error ? error.message : String(error)}` }
  }
  return recordAuditAnchor(db, 'start', now)
}

/** Everything the chain check needs: events and counters in one read, then the anchors and the key. */
export async function readAuditChainEvidence(
  db: Dexie,
  snapshot?: { events: AuditEvent[]; counters: CounterRow[] }
): Promise<AuditChainEvidence> {
  const read =
    snapshot ??
    (await db.transaction('r', ['auditEvents', 'counters'], async () => ({
      events: await db.table<AuditEvent, string>('auditEvents').toArray(),
      counters: await db.table<CounterRow, string>('counters').where('id').startsWith(COUNTER_PREFIX).toArray()
    })))
  const trust = auditTrustOf(db)
  const { anchors, unreadableLines } = await trust.readAnchors()
  return {
    events: read.events,
    counters: counterStates(read.counters),
    anchors,
    unreadableAnchorLines: unreadableLines,
    key: trust.key
  }
}
