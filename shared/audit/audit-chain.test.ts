import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  type AuditAnchor,
  type AuditCounterState,
  auditAnchorsOf,
  checkAuditCounter,
  hashAuditEvent,
  sealAuditAnchor,
  sealAuditCounter,
  sealAuditEvent,
  type UnsealedAuditEvent,
  verifyAuditChain
} from './audit-chain'
import { AUDIT_CHAIN_KEYED, type AuditAction, type AuditEvent } from './audit-event'
import { auditAnchorLines, parseAuditAnchorLines } from './audit-anchor-schema'

const KEY = new Uint8Array(32).map((_, i) => i + 1)
const OTHER_KEY = new Uint8Array(32).map((_, i) => 200 - i)
const PC = 'pc-archive-room'

function unsealed(
  seq: number,
  prevHash: string,
  action: AuditAction = 'update',
  at = `2026-11-23T0${Math.min(seq, 9)}:00:00.000Z`
): UnsealedAuditEvent {
  return {
    id: `e${seq}`,
    at,
    actorId: 'acc-zhangli',
    actorName: '张丽',
    deviceId: PC,
    deviceSeq: seq,
    action,
    entity: 'vehicleFile',
    entityId: 'vf-1',
    changes: '{"plate":["吉A12345","吉A54321"]}',
    summary: `修改车辆档案 XS2026-0000${seq}`,
    prevHash
  }
}

/** A keyed chain of `length` events, its sealed counter, and the key's anchor at its head. */
function chain(length: number, key = KEY): { events: AuditEvent[]; counter: AuditCounterState } {
  const events: AuditEvent[] = []
  for (let seq = 1; seq <= length; seq++) events.push(sealAuditEvent(unsealed(seq, events.at(-1)?.hash ?? ''), key))
  const head = events.at(-1)!
  const counter = { deviceId: PC, seq: head.deviceSeq, lastHash: head.hash, tamperedAt: null }
  return { events, counter: { ...counter, mac: sealAuditCounter(counter, key) } }
}

const reasonsOf = (report: ReturnType<typeof verifyAuditChain>) => report.breaks.map((b) => [b.reason, b.deviceSeq])

describe('sealing', () => {
  it('keys every new event: another key gives another hash, and the event says it is keyed', () => {
    const event = sealAuditEvent(unsealed(1, ''), KEY)
    expect(event.chain).toBe(AUDIT_CHAIN_KEYED)
    expect(event.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(sealAuditEvent(unsealed(1, ''), OTHER_KEY).hash).not.toBe(event.hash)
  })

  it('still checks events written before keyed chains with the plain SHA-256 they were written with', () => {
    const old = unsealed(1, '')
    const fields = [
      old.id,
      old.at,
      old.actorId,
      old.actorName,
      old.deviceId,
      old.deviceSeq,
      old.action,
      old.entity,
      old.entityId,
      old.changes,
      old.summary,
      old.prevHash
    ]
    expect(hashAuditEvent(old, KEY)).toBe(createHash('sha256').update(JSON.stringify(fields)).digest('hex'))
  })

  it('refuses a key of the wrong length', () => {
    expect(() => sealAuditEvent(unsealed(1, ''), new Uint8Array(16))).toThrow()
  })
})

describe('verifyAuditChain', () => {
  it('accepts an intact keyed chain, its counter and its anchors', () => {
    const { events, counter } = chain(5)
    const anchors = auditAnchorsOf([counter], 'start', '2026-11-23T10:00:00.000Z', KEY)
    const report = verifyAuditChain({ events, counters: [counter], anchors, key: KEY })
    expect(report).toMatchObject({ ok: true, eventsChecked: 5, devices: 1, anchorsChecked: 1, breaks: [] })
  })

  it('accepts unkeyed events followed by keyed ones that chain onto the last unkeyed hash', () => {
    const legacy1 = { ...unsealed(1, ''), hash: '' }
    legacy1.hash = hashAuditEvent(legacy1, KEY)
    const legacy2 = { ...unsealed(2, legacy1.hash), hash: '' }
    legacy2.hash = hashAuditEvent(legacy2, KEY)
    const keyed = sealAuditEvent(unsealed(3, legacy2.hash), KEY)
    const counter = { deviceId: PC, seq: 3, lastHash: keyed.hash, tamperedAt: null }
    expect(
      verifyAuditChain({
        events: [legacy1, legacy2, keyed],
        counters: [{ ...counter, mac: sealAuditCounter(counter, KEY) }],
        key: KEY
      }).ok
    ).toBe(true)
    // Unkeyed databases with their unsealed counters verify as they did.
    expect(
      verifyAuditChain({
        events: [legacy1, legacy2],
        counters: [{ deviceId: PC, seq: 2, lastHash: legacy2.hash, mac: null, tamperedAt: null }],
        key: KEY
      }).ok
    ).toBe(true)
  })

  it('names an event re-sealed with another key, and a forged unkeyed event after keyed ones', () => {
    const { events, counter } = chain(4)
    const forged = sealAuditEvent({ ...unsealed(3, events[1]!.hash), summary: '伪造' }, OTHER_KEY)
    expect(
      reasonsOf(
        verifyAuditChain({ events: [events[0]!, events[1]!, forged, events[3]!], counters: [counter], key: KEY })
      )
    ).toEqual([
      ['altered', 3],
      ['relinked', 4]
    ])
    const { chain: _keyed, ...downgraded } = { ...unsealed(5, events[3]!.hash), chain: undefined }
    const unkeyed = { ...downgraded, hash: hashAuditEvent(downgraded, KEY) }
    const report = verifyAuditChain({ events: [...events, unkeyed], counters: [counter], key: KEY })
    expect(reasonsOf(report)).toContainEqual(['downgraded', 5])
    expect(report.breaks.find((b) => b.reason === 'downgraded')!.message).toContain('第 5 条审计记录')
  })

  it('names a sequence number that appears twice', () => {
    const { events, counter } = chain(4)
    const copy = { ...events[1]!, id: 'inserted' }
    const report = verifyAuditChain({ events: [...events, copy], counters: [counter], key: KEY })
    expect(reasonsOf(report)).toEqual([['duplicate', 2]])
    expect(report.breaks[0]!.message).toMatch(/第 2 条审计记录出现了两条/)
  })

  it('checks the counter: missing, wound back, unsealed, re-sealed with another key, marked as tampered', () => {
    const { events, counter } = chain(4)
    const seal = (c: Omit<AuditCounterState, 'mac'>, key = KEY) => ({ ...c, mac: sealAuditCounter(c, key) })
    const check = (counters: AuditCounterState[], list = events) =>
      reasonsOf(verifyAuditChain({ events: list, counters, key: KEY }))
    expect(check([])).toEqual([['counter', 4]])
    expect(check([seal({ ...counter, seq: 3, lastHash: events[2]!.hash })])).toEqual([['counter', 3]])
    expect(check([seal({ ...counter, seq: 3, lastHash: events[2]!.hash })], events.slice(0, 3))).toEqual([])
    expect(check([{ ...counter, mac: null }])).toEqual([['counter', 4]])
    expect(check([seal(counter, OTHER_KEY)])).toEqual([['counter', 4]])
    expect(check([seal({ ...counter, tamperedAt: 2 })])).toEqual([['counter', 2]])
    expect(check([seal({ ...counter, seq: 6 })])).toEqual([
      ['missing', 5],
      ['missing', 6]
    ])
  })

  it('checks anchors: a deleted or rewritten anchored event, a forged anchor, a damaged line', () => {
    const { events, counter } = chain(5)
    const anchor = sealAuditAnchor(
      { deviceId: PC, seq: 4, hash: events[3]!.hash, at: '2026-11-23T10:00:00.000Z', reason: 'backup' },
      KEY
    )
    const check = (list: AuditEvent[], anchors: AuditAnchor[], unreadableAnchorLines: number[] = []) =>
      verifyAuditChain({ events: list, counters: [counter], anchors, unreadableAnchorLines, key: KEY })
        .breaks.filter((b) => b.reason === 'anchor')
        .map((b) => b.message)
    expect(check(events, [anchor])).toEqual([])
    expect(check([], [anchor])).toEqual([
      '设备 pc-archi 的第 4 条审计记录在2026-11-23 18:00 的备份锚点中有记录，现已缺失（被删除）'
    ])
    expect(
      check(
        events.map((e) => (e.deviceSeq === 4 ? { ...e, hash: 'f'.repeat(64) } : e)),
        [anchor]
      )
    ).toEqual(['设备 pc-archi 的第 4 条审计记录与2026-11-23 18:00 的备份锚点不符（被改写）'])
    expect(check(events, [{ ...anchor, seq: 2 }])).toEqual([
      '2026-11-23 18:00 的备份锚点（设备 pc-archi 第 2 条）签名无效：锚点文件被改动'
    ])
    expect(check(events, [], [3])).toEqual(['审计链锚点文件第 3 行无法读取（被改动或写入中断）'])
  })

  it('lets a sealed restore replace the anchored part of the chain after it, and nothing before it', () => {
    const { events } = chain(3)
    const anchorAt5 = sealAuditAnchor(
      { deviceId: PC, seq: 5, hash: 'a'.repeat(64), at: '2026-11-23T10:00:00.000Z', reason: 'backup' },
      KEY
    )
    const anchorAt2 = sealAuditAnchor(
      { deviceId: PC, seq: 2, hash: 'b'.repeat(64), at: '2026-11-23T10:00:00.000Z', reason: 'backup' },
      KEY
    )
    const restore = sealAuditEvent(unsealed(4, events[2]!.hash, 'backup.restore', '2026-11-23T11:00:00.000Z'), KEY)
    const counter = { deviceId: PC, seq: 4, lastHash: restore.hash, tamperedAt: null }
    const report = verifyAuditChain({
      events: [...events, restore],
      counters: [{ ...counter, mac: sealAuditCounter(counter, KEY) }],
      anchors: [anchorAt5, anchorAt2],
      key: KEY
    })
    expect(reasonsOf(report)).toEqual([['anchor', 2]])
  })
})

describe('the writer’s counter check', () => {
  it('accepts a sound counter or an unkeyed one at its unkeyed head, and marks every other', () => {
    const { events, counter } = chain(3)
    expect(checkAuditCounter(counter, null, KEY)).toEqual({ tamperedAt: null })
    expect(checkAuditCounter({ ...counter, seq: 2 }, null, KEY)).toEqual({ tamperedAt: 2 })
    expect(checkAuditCounter({ ...counter, mac: null }, events[2]!, KEY)).toEqual({ tamperedAt: 3 })
    const legacy = { ...unsealed(1, ''), hash: '' }
    legacy.hash = hashAuditEvent(legacy, KEY)
    expect(
      checkAuditCounter({ deviceId: PC, seq: 1, lastHash: legacy.hash, mac: null, tamperedAt: null }, legacy, KEY)
    ).toEqual({ tamperedAt: null })
  })
})

describe('anchor lines', () => {
  it('round-trip and name the lines that are not anchors', () => {
    const anchors = auditAnchorsOf([chain(2).counter], 'start', '2026-11-23T00:30:00.000Z', KEY)
    const text = `${auditAnchorLines(anchors)}{"seq":1}\n`
    expect(parseAuditAnchorLines(text)).toEqual({ anchors, unreadableLines: [2] })
  })
})
