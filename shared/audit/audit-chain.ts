import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import type { AuditEvent } from './audit-event'

// The hash chain: synchronous SHA-256, so an event can be sealed inside the IndexedDB transaction
// that writes the change it records (an async digest would let the transaction commit early).

const HASHED_FIELDS = ['id', 'at', 'actorId', 'actorName', 'deviceId', 'deviceSeq', 'action', 'entity', 'entityId', 'changes', 'summary', 'prevHash'] as const

export type UnsealedAuditEvent = Omit<AuditEvent, 'hash'>

export function hashAuditEvent(event: UnsealedAuditEvent): string {
  const canonical = JSON.stringify(HASHED_FIELDS.map((field) => event[field]))
  return bytesToHex(sha256(utf8ToBytes(canonical)))
}

export function sealAuditEvent(event: UnsealedAuditEvent): AuditEvent {
  return { ...event, hash: hashAuditEvent(event) }
}

export interface ChainBreak {
  deviceId: string
  deviceSeq: number
  eventId: string | null
  at: string | null
  reason: 'altered' | 'missing' | 'relinked'
  message: string
}

export interface ChainReport {
  ok: boolean
  eventsChecked: number
  devices: number
  breaks: ChainBreak[]
}

/**
 * Checks every device's chain: sequences contiguous from 1 up to the last sequence the device recorded,
 * each event's hash recomputed, each prevHash equal to the previous event's hash. Says where it breaks.
 */
export function verifyAuditChain(events: readonly AuditEvent[], lastSeqByDevice: Readonly<Record<string, number>> = {}): ChainReport {
  const byDevice = new Map<string, AuditEvent[]>()
  for (const event of events) {
    const list = byDevice.get(event.deviceId) ?? []
    list.push(event)
    byDevice.set(event.deviceId, list)
  }
  for (const device of Object.keys(lastSeqByDevice)) if (!byDevice.has(device)) byDevice.set(device, [])
  const breaks: ChainBreak[] = []
  for (const [deviceId, list] of byDevice) {
    list.sort((a, b) => a.deviceSeq - b.deviceSeq)
    let expectedSeq = 1
    let prevHash = ''
    for (const event of list) {
      while (expectedSeq < event.deviceSeq) {
        breaks.push({ deviceId, deviceSeq: expectedSeq, eventId: null, at: null, reason: 'missing', message: `设备 ${deviceId.slice(0, 8)} 的第 ${expectedSeq} 条审计记录缺失（已被删除）` })
        expectedSeq++
        prevHash = '?'
      }
      if (hashAuditEvent(event) !== event.hash) {
        breaks.push({ deviceId, deviceSeq: event.deviceSeq, eventId: event.id, at: event.at, reason: 'altered', message: `第 ${event.deviceSeq} 条审计记录（${event.at.slice(0, 16).replace('T', ' ')}，${event.actorName}）内容被改动` })
      } else if (prevHash !== '?' && event.prevHash !== prevHash) {
        breaks.push({ deviceId, deviceSeq: event.deviceSeq, eventId: event.id, at: event.at, reason: 'relinked', message: `第 ${event.deviceSeq} 条审计记录与前一条的链接不符` })
      }
      prevHash = event.hash
      expectedSeq = event.deviceSeq + 1
    }
    const last = lastSeqByDevice[deviceId] ?? 0
    for (let seq = expectedSeq; seq <= last; seq++) {
      breaks.push({ deviceId, deviceSeq: seq, eventId: null, at: null, reason: 'missing', message: `设备 ${deviceId.slice(0, 8)} 的第 ${seq} 条审计记录缺失（已被删除）` })
    }
  }
  return { ok: breaks.length === 0, eventsChecked: events.length, devices: byDevice.size, breaks }
}
