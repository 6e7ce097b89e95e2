import { hmac } from '@noble/hashes/hmac.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import { chinaMinute } from '../time'
import { AUDIT_CHAIN_KEYED, type AuditEvent } from './audit-event'

// The hash chain: synchronous, so an event can be sealed inside the IndexedDB transaction that writes
// the change it records (an async digest would let the transaction commit early). Since chain
// version 2 every event, the per-device counter and every anchor are sealed with HMAC-SHA-256 under
// the installation's audit key, which lives outside the database: whoever edits the database alone
// cannot recompute a seal. Unkeyed events from before the switch are still checked with plain SHA-256.

const HASHED_FIELDS = [
  'id',
  'at',
  'actorId',
  'actorName',
  'deviceId',
  'deviceSeq',
  'action',
  'entity',
  'entityId',
  'changes',
  'summary',
  'prevHash'
] as const

/** Length of an audit key in bytes. */
export const AUDIT_KEY_BYTES = 32

export type UnsealedAuditEvent = Omit<AuditEvent, 'hash' | 'chain'>

function assertKey(key: Uint8Array): void {
  if (key.byteLength !== AUDIT_KEY_BYTES) throw new Error(`audit key must be ${AUDIT_KEY_BYTES} bytes`)
}

/** HMAC-SHA-256 (hex) over the JSON of `parts`; the first part names what is sealed, so seals never cross. */
function seal(key: Uint8Array, parts: readonly unknown[]): string {
  assertKey(key)
  return bytesToHex(hmac(sha256, key, utf8ToBytes(JSON.stringify(parts))))
}

/**
 * The hash `event` must carry: HMAC under `key` for keyed events, plain SHA-256 for unkeyed ones; ''
 * for a chain version this app does not know, which verifyAuditChain never takes as sound.
 */
export function hashAuditEvent(event: Omit<AuditEvent, 'hash'>, key: Uint8Array): string {
  const fields = HASHED_FIELDS.map((field) => event[field])
  if (event.chain === AUDIT_CHAIN_KEYED) return seal(key, ['chedang.audit.event.v2', ...fields])
  // Stryker disable next-line StringLiteral: verifyAuditChain refuses an unknown version whatever text comes back (it refuses '' itself)
  if (event.chain !== undefined) return ''
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(fields))))
}

/** Seals a new event (always keyed). */
export function sealAuditEvent(event: UnsealedAuditEvent, key: Uint8Array): AuditEvent {
  const keyed: Omit<AuditEvent, 'hash'> = { ...event, chain: AUDIT_CHAIN_KEYED }
  return { ...keyed, hash: hashAuditEvent(keyed, key) }
}

/** Where a device's chain ends, as its counter row records it. */
export interface AuditCounterState {
  deviceId: string
  /** The device's last sequence number. */
  seq: number
  /** The hash of that last event. */
  lastHash: string
  /** The counter's seal (sealAuditCounter); null for counters written before keyed chains. */
  mac: string | null
  /**
   * Set by the writer when it found this counter tampered with (its seal wrong or stripped): the
   * sequence the tampered counter claimed. Sealed with the counter, so it cannot be cleared.
   */
  tamperedAt: number | null
}

/** The seal of a device's counter: without the key, nobody can wind it back or forward. */
export function sealAuditCounter(counter: Omit<AuditCounterState, 'mac'>, key: Uint8Array): string {
  const parts: unknown[] = ['chedang.audit.counter.v2', counter.deviceId, counter.seq, counter.lastHash]
  if (counter.tamperedAt !== null) parts.push(counter.tamperedAt)
  return seal(key, parts)
}

/**
 * What the writer makes of a device's counter before appending to it: sound (sealed correctly, or an
 * unkeyed counter that still points at its unkeyed last event), or tampered with at the sequence it
 * claims. `lastEvent` is the event the counter says is last (found by its sequence), if any.
 */
export function checkAuditCounter(
  counter: AuditCounterState,
  lastEvent: AuditEvent | null,
  key: Uint8Array
): { tamperedAt: number | null } {
  if (counter.tamperedAt !== null) return { tamperedAt: counter.tamperedAt }
  if (counter.mac !== null) return { tamperedAt: counter.mac === sealAuditCounter(counter, key) ? null : counter.seq }
  const legacyHead = lastEvent !== null && lastEvent.chain === undefined && lastEvent.hash === counter.lastHash
  return { tamperedAt: legacyHead || counter.seq === 0 ? null : counter.seq }
}

export type AuditAnchorReason = 'start' | 'backup'

/** A device's chain head written outside the database (each day's first start, every backup). */
export interface AuditAnchor {
  deviceId: string
  seq: number
  hash: string
  /** ISO instant the anchor was taken. */
  at: string
  reason: AuditAnchorReason
  mac: string
}

export function sealAuditAnchor(anchor: Omit<AuditAnchor, 'mac'>, key: Uint8Array): AuditAnchor {
  const { deviceId, seq, hash, at, reason } = anchor
  return {
    deviceId,
    seq,
    hash,
    at,
    reason,
    mac: seal(key, ['chedang.audit.anchor.v2', deviceId, seq, hash, at, reason])
  }
}

/** One anchor per device that has written events: the heads its counters record. */
export function auditAnchorsOf(
  counters: readonly AuditCounterState[],
  reason: AuditAnchorReason,
  at: string,
  key: Uint8Array
): AuditAnchor[] {
  return counters
    .filter((counter) => counter.seq > 0)
    .map((counter) =>
      sealAuditAnchor({ deviceId: counter.deviceId, seq: counter.seq, hash: counter.lastHash, at, reason }, key)
    )
}

/** The audit event a printout records: its sequence on the printing device and its hash. */
export interface AuditHead {
  deviceSeq: number
  hash: string
}

/** The first 12 hex digits of a hash: enough to compare a printout with the chain by eye. */
export function shortAuditHash(hash: string): string {
  return hash.slice(0, 12)
}

export type ChainBreakReason = 'altered' | 'missing' | 'relinked' | 'duplicate' | 'downgraded' | 'counter' | 'anchor'

export interface ChainBreak {
  deviceId: string
  deviceSeq: number
  eventId: string | null
  at: string | null
  reason: ChainBreakReason
  message: string
}

export interface ChainReport {
  ok: boolean
  eventsChecked: number
  devices: number
  /** Anchors compared with the chain. */
  anchorsChecked: number
  breaks: ChainBreak[]
}

export interface AuditChainEvidence {
  events: readonly AuditEvent[]
  /** Every device's counter row. */
  counters: readonly AuditCounterState[]
  /** The heads written outside the database. */
  anchors?: readonly AuditAnchor[]
  /** Lines of the anchor store that are no readable anchor (1-based). */
  unreadableAnchorLines?: readonly number[]
  key: Uint8Array
}

const ANCHOR_LABELS: Record<AuditAnchorReason, string> = { start: '每日启动', backup: '备份' }
const device = (deviceId: string) => `设备 ${deviceId.slice(0, 8)}`

/**
 * Checks every device's chain: sequences contiguous from 1, each event's seal recomputed, each prevHash
 * equal to the previous event's hash, no unkeyed event after a keyed one; the device's counter sealed
 * and equal to its last event; every anchor sealed and still matching the event it names (unless a
 * keyed restore since then replaced that part of the chain). Says where it breaks, in Chinese.
 */
export function verifyAuditChain(evidence: AuditChainEvidence): ChainReport {
  const { events, counters, anchors = [], unreadableAnchorLines = [], key } = evidence
  const byDevice = new Map<string, AuditEvent[]>()
  const listOf = (deviceId: string) => {
    let list = byDevice.get(deviceId)
    if (!list) byDevice.set(deviceId, (list = []))
    return list
  }
  for (const event of events) listOf(event.deviceId).push(event)
  for (const counter of counters) listOf(counter.deviceId)
  for (const anchor of anchors) listOf(anchor.deviceId)
  const counterOf = new Map(counters.map((counter) => [counter.deviceId, counter]))

  const sealHolds = (event: AuditEvent) => {
    const expected = hashAuditEvent(event, key)
    return expected !== '' && expected === event.hash
  }
  const breaks: ChainBreak[] = []
  const sound = new Map<string, Map<number, AuditEvent>>()
  for (const [deviceId, list] of byDevice) {
    list.sort((a, b) => a.deviceSeq - b.deviceSeq || (a.id < b.id ? -1 : 1))
    const bySeq = new Map<number, AuditEvent>()
    sound.set(deviceId, bySeq)
    const missing = (seq: number) =>
      breaks.push({
        deviceId,
        deviceSeq: seq,
        eventId: null,
        at: null,
        reason: 'missing',
        message: `${device(deviceId)} 的第 ${seq} 条审计记录缺失（已被删除）`
      })
    let expectedSeq = 1
    let prevHash = ''
    let keyedSeen = false
    let last: AuditEvent | null = null
    for (const event of list) {
      const at = chinaMinute(event.at)
      const found = (reason: ChainBreakReason, message: string) =>
        breaks.push({ deviceId, deviceSeq: event.deviceSeq, eventId: event.id, at: event.at, reason, message })
      if (last !== null && event.deviceSeq === last.deviceSeq) {
        found(
          'duplicate',
          `${device(deviceId)} 的第 ${event.deviceSeq} 条审计记录出现了两条（有记录被插入，${at}，${event.actorName}）`
        )
        continue
      }
      while (expectedSeq < event.deviceSeq) {
        missing(expectedSeq++)
        prevHash = '?'
      }
      if (event.chain !== AUDIT_CHAIN_KEYED && keyedSeen) {
        found(
          'downgraded',
          `第 ${event.deviceSeq} 条审计记录（${at}，${event.actorName}）没有密钥签名，却排在已签名的记录之后（伪造）`
        )
      } else if (!sealHolds(event)) {
        found('altered', `第 ${event.deviceSeq} 条审计记录（${at}，${event.actorName}）内容被改动或签名无效`)
      } else if (prevHash !== '?' && event.prevHash !== prevHash) {
        found('relinked', `第 ${event.deviceSeq} 条审计记录（${at}，${event.actorName}）与前一条的链接不符`)
      } else {
        bySeq.set(event.deviceSeq, event)
      }
      if (event.chain === AUDIT_CHAIN_KEYED) keyedSeen = true
      prevHash = event.hash
      expectedSeq = event.deviceSeq + 1
      last = event
    }

    const counter = counterOf.get(deviceId)
    const counterBreak = (seq: number, message: string) =>
      breaks.push({ deviceId, deviceSeq: seq, eventId: null, at: null, reason: 'counter', message })
    if (!counter) {
      if (last)
        counterBreak(
          last.deviceSeq,
          `${device(deviceId)} 有第 1–${last.deviceSeq} 条审计记录，但它的审计计数器不存在（被删除）`
        )
      continue
    }
    if ((keyedSeen || counter.mac !== null) && counter.mac !== sealAuditCounter(counter, key)) {
      counterBreak(counter.seq, `${device(deviceId)} 的审计计数器（记到第 ${counter.seq} 条）签名无效：计数器被改动`)
    } else if (counter.tamperedAt !== null) {
      counterBreak(
        counter.tamperedAt,
        `${device(deviceId)} 的审计计数器曾被改动（改为第 ${counter.tamperedAt} 条，签名不符）：第 ${counter.tamperedAt} 条之后原有的审计记录可能已被删除`
      )
    }
    for (let seq = expectedSeq; seq <= counter.seq; seq++) missing(seq)
    if (last && counter.seq < last.deviceSeq) {
      counterBreak(
        counter.seq,
        `${device(deviceId)} 的审计计数器只记到第 ${counter.seq} 条，却存在第 ${last.deviceSeq} 条审计记录（计数器被改小或记录被伪造）`
      )
    } else if (last && counter.seq === last.deviceSeq && counter.lastHash !== last.hash) {
      counterBreak(counter.seq, `${device(deviceId)} 的审计计数器记下的最后一条与第 ${last.deviceSeq} 条审计记录不符`)
    }
  }

  const reported = new Set<string>()
  for (const anchor of anchors) {
    const { deviceId, seq } = anchor
    const label = `${chinaMinute(anchor.at)} 的${ANCHOR_LABELS[anchor.reason]}锚点`
    const anchorBreak = (kind: string, message: string) => {
      const id = `${deviceId}#${seq}#${kind}`
      if (reported.has(id)) return
      reported.add(id)
      breaks.push({ deviceId, deviceSeq: seq, eventId: null, at: anchor.at, reason: 'anchor', message })
    }
    if (anchor.mac !== sealAuditAnchor(anchor, key).mac) {
      const forgedMessage = `${label}（${device(deviceId)} 第 ${seq} 条）签名无效：锚点文件被改动`
      // Stryker disable next-line StringLiteral: the kind only tells one anchor's breaks apart; any three distinct names do
      anchorBreak('forged', forgedMessage)
      continue
    }
    const bySeq = sound.get(deviceId)!
    // A restore (itself a sealed event) legitimately replaces the chain from its own sequence onwards.
    const superseded = [...bySeq.values()].some(
      (e) => e.action === 'backup.restore' && e.chain === AUDIT_CHAIN_KEYED && e.deviceSeq <= seq && e.at >= anchor.at
    )
    if (superseded) continue
    const event = byDevice.get(deviceId)!.find((e) => e.deviceSeq === seq)
    const missingMessage = `${device(deviceId)} 的第 ${seq} 条审计记录在${label}中有记录，现已缺失（被删除）`
    const rewrittenMessage = `${device(deviceId)} 的第 ${seq} 条审计记录与${label}不符（被改写）`
    if (!event) {
      // Stryker disable next-line StringLiteral: as above, any distinct kind names do
      anchorBreak('missing', missingMessage)
    } else if (event.hash !== anchor.hash) {
      // Stryker disable next-line StringLiteral: as above, any distinct kind names do
      anchorBreak('rewritten', rewrittenMessage)
    }
  }

  for (const line of unreadableAnchorLines) {
    breaks.push({
      deviceId: '',
      deviceSeq: 0,
      eventId: null,
      at: null,
      reason: 'anchor',
      message: `审计链锚点文件第 ${line} 行无法读取（被改动或写入中断）`
    })
  }

  return {
    ok: breaks.length === 0,
    eventsChecked: events.length,
    devices: byDevice.size,
    anchorsChecked: anchors.length,
    breaks
  }
}
