import { createHash, createHmac } from 'node:crypto'
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
  shortAuditHash,
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

  it('write one line per anchor, skip blank lines, and name a line cut in the middle', () => {
    const counters = [chain(2).counter, { ...chain(3).counter, deviceId: 'pc-2' }]
    const anchors = auditAnchorsOf(counters, 'backup', '2026-11-23T00:30:00.000Z', KEY)
    const lines = auditAnchorLines(anchors)
    expect(lines.split('\n')).toHaveLength(3)
    const cut = JSON.stringify(anchors[0]).slice(0, 40)
    expect(parseAuditAnchorLines(`${lines}  \r\n\n${cut}\n${lines}`)).toEqual({
      anchors: [...anchors, ...anchors],
      unreadableLines: [5]
    })
  })
})

describe('the seal formats stay readable by later versions', () => {
  // Every stored event, counter and anchor is checked against these exact formats: a change to them
  // would report every existing database as tampered with.
  const hmacHex = (parts: unknown[]) =>
    createHmac('sha256', Buffer.from(KEY)).update(JSON.stringify(parts)).digest('hex')

  it('an event: HMAC-SHA-256 over its name and its fields in order', () => {
    const event = unsealed(1, '')
    expect(sealAuditEvent(event, KEY).hash).toBe(
      hmacHex([
        'chedang.audit.event.v2',
        event.id,
        event.at,
        event.actorId,
        event.actorName,
        event.deviceId,
        event.deviceSeq,
        event.action,
        event.entity,
        event.entityId,
        event.changes,
        event.summary,
        event.prevHash
      ])
    )
  })

  it('a counter: its device, sequence and last hash, and the sequence it was found tampered at', () => {
    const counter = { deviceId: PC, seq: 3, lastHash: 'c'.repeat(64), tamperedAt: null }
    expect(sealAuditCounter(counter, KEY)).toBe(hmacHex(['chedang.audit.counter.v2', PC, 3, 'c'.repeat(64)]))
    expect(sealAuditCounter({ ...counter, tamperedAt: 2 }, KEY)).toBe(
      hmacHex(['chedang.audit.counter.v2', PC, 3, 'c'.repeat(64), 2])
    )
  })

  it('an anchor: its device, sequence, hash, time and reason', () => {
    const anchor = sealAuditAnchor(
      { deviceId: PC, seq: 2, hash: 'd'.repeat(64), at: '2026-11-23T10:00:00.000Z', reason: 'start' },
      KEY
    )
    expect(anchor.mac).toBe(
      hmacHex(['chedang.audit.anchor.v2', PC, 2, 'd'.repeat(64), '2026-11-23T10:00:00.000Z', 'start'])
    )
  })

  it('says why a key is refused', () => {
    expect(() =>
      sealAuditCounter({ deviceId: PC, seq: 1, lastHash: '', tamperedAt: null }, new Uint8Array(31))
    ).toThrow('audit key must be 32 bytes')
  })

  it('shows the first 12 hex digits of a hash on printouts', () => {
    expect(shortAuditHash('0123456789abcdef'.repeat(4))).toBe('0123456789ab')
  })
})

describe('verifyAuditChain: a chain edited in the middle', () => {
  const check = (events: AuditEvent[], counters: AuditCounterState[], anchors: AuditAnchor[] = []) =>
    verifyAuditChain({ events, counters, anchors, key: KEY })

  it('names a removed event once, and does not blame the event after it for the gap', () => {
    const { events, counter } = chain(5)
    const report = check([...events.slice(0, 2), ...events.slice(3)], [counter])
    expect(report.ok).toBe(false)
    expect(report.eventsChecked).toBe(4)
    expect(report.breaks).toEqual([
      {
        deviceId: PC,
        deviceSeq: 3,
        eventId: null,
        at: null,
        reason: 'missing',
        message: '设备 pc-archi 的第 3 条审计记录缺失（已被删除）'
      }
    ])
  })

  it('names an event whose content was edited, and the event after an event put in its place', () => {
    const { events, counter } = chain(5)
    const edited = events.map((e) => (e.deviceSeq === 3 ? { ...e, summary: '修改车辆档案 XS2026-99999' } : e))
    expect(check(edited, [counter]).breaks.map((b) => b.message)).toEqual([
      '第 3 条审计记录（2026-11-23 11:00，张丽）内容被改动或签名无效'
    ])
    // Event 3 replaced by a well-sealed event of another chain: its own seal holds, its successor's link does not.
    const other = sealAuditEvent({ ...unsealed(3, events[1]!.hash), summary: '另一条' }, KEY)
    const relinked = events.map((e) => (e.deviceSeq === 3 ? other : e))
    expect(check(relinked, [counter]).breaks.map((b) => b.message)).toEqual([
      '第 4 条审计记录（2026-11-23 12:00，张丽）与前一条的链接不符'
    ])
  })

  it('names a reordered pair: two events that swapped their places in the chain', () => {
    const { events, counter } = chain(5)
    const swapped = events.map((e) =>
      e.deviceSeq === 2 ? { ...events[2]!, deviceSeq: 2 } : e.deviceSeq === 3 ? { ...events[1]!, deviceSeq: 3 } : e
    )
    expect(reasonsOf(check(swapped, [counter]))).toEqual([
      ['altered', 2],
      ['altered', 3],
      ['relinked', 4]
    ])
  })

  it('reports the same copy as the duplicate whatever order the events are read in', () => {
    const { events, counter } = chain(3)
    const copy = { ...events[1]!, id: 'z-copy' }
    for (const list of [
      [...events, copy],
      [copy, ...events]
    ]) {
      const report = check(list, [counter])
      expect(report.breaks.map((b) => [b.reason, b.eventId])).toEqual([['duplicate', 'z-copy']])
    }
  })

  it('checks nothing as sound under another key, and never an event of a chain version it does not know', () => {
    const { events, counter } = chain(3)
    expect(reasonsOf(verifyAuditChain({ events, counters: [counter], key: OTHER_KEY }))).toEqual([
      ['altered', 1],
      ['altered', 2],
      ['altered', 3],
      ['counter', 3]
    ])
    // A first event claiming an unknown chain version: neither an empty hash nor a plain SHA-256 makes it sound.
    const unknown = { ...unsealed(1, ''), chain: 3 as unknown as typeof AUDIT_CHAIN_KEYED }
    const plain = createHash('sha256')
      .update(JSON.stringify([unknown.id, unknown.at, unknown.actorId, unknown.actorName, PC, 1]))
      .digest('hex')
    for (const hash of ['', plain, hashAuditEvent({ ...unknown, chain: undefined }, KEY)]) {
      const forged = { ...unknown, hash }
      const legacyCounter = { deviceId: PC, seq: 1, lastHash: hash, mac: null, tamperedAt: null }
      expect(reasonsOf(check([forged], [legacyCounter]))).toEqual([['altered', 1]])
    }
  })
})

describe('verifyAuditChain: the counter', () => {
  const check = (events: AuditEvent[], counters: AuditCounterState[], anchors: AuditAnchor[] = []) =>
    verifyAuditChain({ events, counters, anchors, key: KEY })
  const sealed = (c: Omit<AuditCounterState, 'mac'>) => ({ ...c, mac: sealAuditCounter(c, KEY) })
  const legacyChain = (length: number) => {
    const events: AuditEvent[] = []
    for (let seq = 1; seq <= length; seq++) {
      const event = { ...unsealed(seq, events.at(-1)?.hash ?? ''), hash: '' }
      event.hash = hashAuditEvent(event, KEY)
      events.push(event)
    }
    return events
  }

  it('says in Chinese what is wrong with it', () => {
    const { events, counter } = chain(4)
    const messages = (counters: AuditCounterState[]) => check(events, counters).breaks.map((b) => b.message)
    expect(messages([])).toEqual(['设备 pc-archi 有第 1–4 条审计记录，但它的审计计数器不存在（被删除）'])
    expect(messages([{ ...counter, seq: 5 }])).toEqual([
      '设备 pc-archi 的审计计数器（记到第 5 条）签名无效：计数器被改动',
      '设备 pc-archi 的第 5 条审计记录缺失（已被删除）'
    ])
    expect(messages([sealed({ ...counter, tamperedAt: 2 })])).toEqual([
      '设备 pc-archi 的审计计数器曾被改动（改为第 2 条，签名不符）：第 2 条之后原有的审计记录可能已被删除'
    ])
    expect(messages([sealed({ ...counter, seq: 3, lastHash: events[2]!.hash })])).toEqual([
      '设备 pc-archi 的审计计数器只记到第 3 条，却存在第 4 条审计记录（计数器被改小或记录被伪造）'
    ])
  })

  it('keeps the mark of an earlier tampering: clearing it breaks the counter’s seal', () => {
    const { events, counter } = chain(4)
    const marked = sealed({ ...counter, tamperedAt: 2 })
    expect(reasonsOf(check(events, [{ ...marked, tamperedAt: null }]))).toEqual([['counter', 4]])
  })

  it('checks a sealed counter even when every event is from before keyed chains', () => {
    const events = legacyChain(2)
    const counter = { deviceId: PC, seq: 2, lastHash: events[1]!.hash, tamperedAt: null }
    expect(check(events, [sealed(counter)]).ok).toBe(true)
    expect(reasonsOf(check(events, [{ ...sealed(counter), mac: 'e'.repeat(64) }]))).toEqual([['counter', 2]])
  })

  it('names an unkeyed last event rewritten and re-hashed behind its counter', () => {
    const events = legacyChain(2)
    const counter = { deviceId: PC, seq: 2, lastHash: events[1]!.hash, mac: null, tamperedAt: null }
    const rewritten = { ...events[1]!, summary: '改写', hash: '' }
    rewritten.hash = hashAuditEvent(rewritten, KEY)
    const report = check([events[0]!, rewritten], [counter])
    expect(report.breaks.map((b) => [b.reason, b.deviceSeq, b.message])).toEqual([
      ['counter', 2, '设备 pc-archi 的审计计数器记下的最后一条与第 2 条审计记录不符']
    ])
  })

  it('names the deleted last events once each, not the counter that still remembers them', () => {
    const { events, counter } = chain(6)
    expect(reasonsOf(check(events.slice(0, 4), [counter]))).toEqual([
      ['missing', 5],
      ['missing', 6]
    ])
  })

  it('accepts a device that has a counter at 0 and no events yet', () => {
    const counter = { deviceId: PC, seq: 0, lastHash: '', tamperedAt: null }
    expect(check([], [sealed(counter)])).toMatchObject({ ok: true, devices: 1, breaks: [] })
  })
})

describe('verifyAuditChain: anchors', () => {
  const AT = '2026-11-23T10:00:00.000Z'
  const anchorOf = (seq: number, hash: string, at = AT, reason: 'start' | 'backup' = 'backup') =>
    sealAuditAnchor({ deviceId: PC, seq, hash, at, reason }, KEY)
  const check = (events: AuditEvent[], counters: AuditCounterState[], anchors: AuditAnchor[]) =>
    verifyAuditChain({ events, counters, anchors, key: KEY })

  it('remembers a device whose events and counter were all deleted', () => {
    const { events } = chain(3)
    const report = check([], [], [anchorOf(3, events[2]!.hash, AT, 'start')])
    expect(report).toMatchObject({ ok: false, devices: 1, anchorsChecked: 1 })
    expect(report.breaks.map((b) => b.message)).toEqual([
      '设备 pc-archi 的第 3 条审计记录在2026-11-23 18:00 的每日启动锚点中有记录，现已缺失（被删除）'
    ])
  })

  it('reports each anchor that no longer matches, but one event named by several anchors once', () => {
    const { events, counter } = chain(5)
    const later = '2026-11-24T00:30:00.000Z'
    const without = events.filter((e) => e.deviceSeq !== 2)
    const report = check(
      without,
      [counter],
      [anchorOf(2, events[1]!.hash), anchorOf(2, events[1]!.hash, later, 'start'), anchorOf(4, 'f'.repeat(64))]
    )
    expect(reasonsOf(report)).toEqual([
      ['missing', 2],
      ['anchor', 2],
      ['anchor', 4]
    ])
  })

  it('names an event rewritten after an anchor taken at the very moment it was written', () => {
    const { events, counter } = chain(4)
    const at = events[3]!.at
    expect(reasonsOf(check(events, [counter], [anchorOf(4, 'f'.repeat(64), at)]))).toEqual([['anchor', 4]])
  })

  it('lets a restore replace the anchored event at its own sequence, also in the anchor’s own millisecond', () => {
    const { events } = chain(3)
    const restore = sealAuditEvent(unsealed(4, events[2]!.hash, 'backup.restore', AT), KEY)
    const counter = { deviceId: PC, seq: 4, lastHash: restore.hash, tamperedAt: null }
    const counters = [{ ...counter, mac: sealAuditCounter(counter, KEY) }]
    expect(check([...events, restore], counters, [anchorOf(4, 'a'.repeat(64))]).ok).toBe(true)
  })

  it('does not let a restore made before the anchor was taken excuse a later rewrite', () => {
    const { events } = chain(3)
    const restore = sealAuditEvent(unsealed(4, events[2]!.hash, 'backup.restore', '2026-11-23T09:00:00.000Z'), KEY)
    const next = sealAuditEvent(unsealed(5, restore.hash, 'update', '2026-11-23T09:30:00.000Z'), KEY)
    const counter = { deviceId: PC, seq: 5, lastHash: next.hash, tamperedAt: null }
    const counters = [{ ...counter, mac: sealAuditCounter(counter, KEY) }]
    expect(reasonsOf(check([...events, restore, next], counters, [anchorOf(5, 'a'.repeat(64))]))).toEqual([
      ['anchor', 5]
    ])
  })

  it('does not let an unkeyed "restore" in a chain rewritten without the key escape the anchors', () => {
    const { events: keyed } = chain(4)
    const forged: AuditEvent[] = []
    for (let seq = 1; seq <= 4; seq++) {
      const action = seq === 1 ? 'backup.restore' : 'update'
      const event = { ...unsealed(seq, forged.at(-1)?.hash ?? '', action, '2026-11-23T12:00:00.000Z'), hash: '' }
      event.hash = hashAuditEvent(event, KEY)
      forged.push(event)
    }
    const counter = { deviceId: PC, seq: 4, lastHash: forged[3]!.hash, mac: null, tamperedAt: null }
    expect(reasonsOf(check(forged, [counter], [anchorOf(4, keyed[3]!.hash)]))).toEqual([['anchor', 4]])
  })

  it('names no device for a damaged line of the anchor file', () => {
    const report = verifyAuditChain({ events: [], counters: [], unreadableAnchorLines: [2, 5], key: KEY })
    expect(report.ok).toBe(false)
    expect(report.breaks).toEqual(
      [2, 5].map((line) => ({
        deviceId: '',
        deviceSeq: 0,
        eventId: null,
        at: null,
        reason: 'anchor',
        message: `审计链锚点文件第 ${line} 行无法读取（被改动或写入中断）`
      }))
    )
  })
})

describe('the writer’s counter check, case by case', () => {
  const legacy = { ...unsealed(1, ''), hash: '' }
  legacy.hash = hashAuditEvent(legacy, KEY)
  const unkeyed = (seq: number, lastHash: string): AuditCounterState => ({
    deviceId: PC,
    seq,
    lastHash,
    mac: null,
    tamperedAt: null
  })

  it('keeps a counter marked as tampered marked, even with a sound seal', () => {
    const counter = { deviceId: PC, seq: 3, lastHash: 'c'.repeat(64), tamperedAt: 2 }
    expect(checkAuditCounter({ ...counter, mac: sealAuditCounter(counter, KEY) }, null, KEY)).toEqual({
      tamperedAt: 2
    })
  })

  it('accepts a new device’s unsealed counter at 0', () => {
    expect(checkAuditCounter(unkeyed(0, ''), null, KEY)).toEqual({ tamperedAt: null })
  })

  it('marks an unsealed counter whose last event is gone or is not the one it names', () => {
    expect(checkAuditCounter(unkeyed(1, legacy.hash), null, KEY)).toEqual({ tamperedAt: 1 })
    expect(checkAuditCounter(unkeyed(1, 'f'.repeat(64)), legacy, KEY)).toEqual({ tamperedAt: 1 })
  })
})

describe('anchors of the counters', () => {
  it('one per device that has written events; none for a device still at 0', () => {
    const counters = [
      { deviceId: 'pc-b', seq: 2, lastHash: 'b'.repeat(64), mac: null, tamperedAt: null },
      { deviceId: 'pc-new', seq: 0, lastHash: '', mac: null, tamperedAt: null }
    ]
    expect(auditAnchorsOf(counters, 'backup', '2026-11-23T10:00:00.000Z', KEY).map((a) => [a.deviceId, a.seq])).toEqual(
      [['pc-b', 2]]
    )
  })
})
