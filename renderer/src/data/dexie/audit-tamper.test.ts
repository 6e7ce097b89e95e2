import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { hashAuditEvent, sealAuditCounter } from '@shared/audit/audit-chain'
import { AUDIT_CHAIN_KEYED, type AuditEvent } from '@shared/audit/audit-event'
import { createRandom, makeVehicleFileForm } from '../../../../tests/fixtures/vehicle-generator'
import { createBackupKey } from '@shared/backup/backup-crypto'
import { backupBytes, createBackup } from '../backup/create-backup'
import { restoreBackup } from '../backup/restore-backup'
import { browserAuditTrust } from '../../platform/audit-trust.browser'
import { ChedangDatabase } from './database'
import { DexieAuth } from './dexie-auth'
import { createDexieRepositories } from './open-dexie-repositories'
import { attachAuditTrust, auditTrustOf } from './audit-trust'
import { recordAuditAnchor, recordDailyAuditAnchor } from './audit-anchors'
import { auditCounterId } from './audit-writer'
import { firstLogin } from '../../../../tests/fixtures/first-login'

// An insider with the database (its files, developer tools, a copied profile) but not the audit key
// tries to rewrite the audit trail. Every attempt must be reported, naming the record.

const ARCHIVE_ROOM = 'pc-archive-room'
const BACKUP_PASSPHRASE = '长白山下一汽大众2026'
const FRONT_DESK = 'pc-front-desk'

let n = 0
async function archiveWithHistory() {
  const db = new ChedangDatabase(`tamper-${++n}-${Date.now()}`)
  await db.open()
  const now = () => new Date('2026-11-23T01:30:00Z')
  const auth = new DexieAuth(db, ARCHIVE_ROOM, { iterations: 1000, now })
  const session = await auth.setup({
    dealershipName: '吉林省长春市某某汽车销售服务有限公司',
    name: '张丽',
    username: 'zhangli',
    password: 'Chedang#2026'
  })
  const repos = createDexieRepositories(db, session, { iterations: 1000, now })
  const rnd = createRandom(11)
  await repos.operators.create({
    name: '陈杰',
    role: 'archive_manager',
    department: 'customer_care',
    phone: '',
    username: 'chenjie',
    password: 'Service#88x'
  })
  for (let i = 1; i <= 3; i++) await repos.vehicleFiles.create(makeVehicleFileForm(rnd, i))
  // A second PC has written to the same archive.
  // The new operator replaces the director's initial password first, as every new operator must.
  const desk = {
    session: await firstLogin(new DexieAuth(db, FRONT_DESK, { iterations: 1000, now }), 'chenjie', 'Service#88x')
  }
  await createDexieRepositories(db, desk.session, { iterations: 1000, now }).vehicleFiles.create(
    makeVehicleFileForm(rnd, 4)
  )
  // The day's first start anchors every device's head outside the database...
  await recordDailyAuditAnchor(db, new Date('2026-11-23T00:30:00Z'))
  // ...and the archive room keeps working afterwards.
  for (let i = 5; i <= 6; i++) await repos.vehicleFiles.create(makeVehicleFileForm(rnd, i))
  return { db, repos }
}

type Db = ChedangDatabase

async function chainOf(db: Db, deviceId = ARCHIVE_ROOM): Promise<AuditEvent[]> {
  return (await db.auditEvents.toArray())
    .filter((e) => e.deviceId === deviceId)
    .sort((a, b) => a.deviceSeq - b.deviceSeq)
}

/** The insider's own key: they know the algorithm, not the key. */
const insiderKey = crypto.getRandomValues(new Uint8Array(32))
const reseal = (event: AuditEvent): AuditEvent => ({ ...event, hash: hashAuditEvent(event, insiderKey) })

/** Re-chains `events` from `start` on with the insider's key and points the counter at the new head. */
async function rechainFrom(db: Db, events: AuditEvent[], start: number): Promise<number> {
  let prevHash = start > 0 ? events[start - 1]!.hash : ''
  for (let i = start; i < events.length; i++) {
    const resealed = reseal({ ...events[i]!, prevHash })
    events[i] = resealed
    prevHash = resealed.hash
    await db.auditEvents.put(resealed)
  }
  const head = events.at(-1)!
  await db.counters.update(auditCounterId(head.deviceId), {
    value: head.deviceSeq,
    lastHash: head.hash,
    mac: sealAuditCounter(
      { deviceId: head.deviceId, seq: head.deviceSeq, lastHash: head.hash, tamperedAt: null },
      insiderKey
    )
  })
  return events[start]?.deviceSeq ?? head.deviceSeq
}

/** Each case tampers and returns the sequence number the report must name. */
const TAMPER_CASES: [string, (db: Db) => Promise<number>][] = [
  // The six that plain SHA-256 without key or anchor missed:
  [
    'deleting the newest event and winding the counter back',
    async (db) => {
      const chain = await chainOf(db)
      const newest = chain.at(-1)!
      const previous = chain.at(-2)!
      await db.auditEvents.delete(newest.id)
      await db.counters.update(auditCounterId(ARCHIVE_ROOM), { value: previous.deviceSeq, lastHash: previous.hash })
      return previous.deviceSeq
    }
  ],
  [
    'deleting every event and the counter',
    async (db) => {
      const anchored = (await auditTrustOf(db).readAnchors()).anchors.find((a) => a.deviceId === ARCHIVE_ROOM)!
      await db.auditEvents.clear()
      await db.counters.where('id').startsWith('auditSeq:').delete()
      return anchored.seq
    }
  ],
  [
    'appending a forged event with a recomputed hash',
    async (db) => {
      const chain = await chainOf(db)
      const head = chain.at(-1)!
      const forged = reseal({
        ...head,
        id: crypto.randomUUID(),
        deviceSeq: head.deviceSeq + 1,
        prevHash: head.hash,
        action: 'login',
        summary: '登录'
      })
      await db.auditEvents.add(forged)
      await db.counters.update(auditCounterId(ARCHIVE_ROOM), { value: forged.deviceSeq, lastHash: forged.hash })
      return forged.deviceSeq
    }
  ],
  [
    'editing an event and re-chaining the rest',
    async (db) => {
      const chain = await chainOf(db)
      const index = chain.findIndex((e) => e.action === 'create')
      chain[index] = { ...chain[index]!, summary: '新建车辆档案 XS2026-99999' }
      return rechainFrom(db, chain, index)
    }
  ],
  [
    'deleting an event, renumbering the later ones and re-chaining',
    async (db) => {
      const chain = await chainOf(db)
      const index = chain.findIndex((e) => e.action === 'create')
      await db.auditEvents.delete(chain[index]!.id)
      const rest = chain.filter((_, i) => i !== index).map((e, i) => ({ ...e, deviceSeq: i + 1 }))
      return rechainFrom(db, rest, index)
    }
  ],
  [
    'dropping one device’s events and its counter',
    async (db) => {
      const desk = await chainOf(db, FRONT_DESK)
      await db.auditEvents.bulkDelete(desk.map((e) => e.id))
      await db.counters.delete(auditCounterId(FRONT_DESK))
      return desk.at(-1)!.deviceSeq
    }
  ],
  // Eight that the chain caught already, and still must:
  [
    'editing a field of an event',
    async (db) => {
      const victim = (await chainOf(db)).find((e) => e.action === 'create')!
      await db.auditEvents.update(victim.id, { summary: '新建车辆档案 XS2026-99999' })
      return victim.deviceSeq
    }
  ],
  [
    'editing an event’s stored hash',
    async (db) => {
      const victim = (await chainOf(db))[2]!
      await db.auditEvents.update(victim.id, { hash: 'f'.repeat(64) })
      return victim.deviceSeq
    }
  ],
  [
    'deleting an event in the middle',
    async (db) => {
      const victim = (await chainOf(db))[3]!
      await db.auditEvents.delete(victim.id)
      return victim.deviceSeq
    }
  ],
  [
    'reordering two events by swapping their sequence numbers',
    async (db) => {
      const chain = await chainOf(db)
      const [a, b] = [chain[2]!, chain[4]!]
      await db.auditEvents.update(a.id, { deviceSeq: b.deviceSeq })
      await db.auditEvents.update(b.id, { deviceSeq: a.deviceSeq })
      return a.deviceSeq
    }
  ],
  [
    'changing who did it',
    async (db) => {
      const victim = (await chainOf(db)).find((e) => e.action === 'create')!
      await db.auditEvents.update(victim.id, { actorName: '陈杰', actorId: 'someone-else' })
      return victim.deviceSeq
    }
  ],
  [
    'inserting an event in the middle',
    async (db) => {
      const original = (await chainOf(db))[3]!
      await db.auditEvents.add({
        ...original,
        id: crypto.randomUUID(),
        summary: '打印档案交接表 JJ20261123-001',
        action: 'print'
      })
      return original.deviceSeq
    }
  ],
  [
    'deleting the newest event and leaving the counter',
    async (db) => {
      const newest = (await chainOf(db)).at(-1)!
      await db.auditEvents.delete(newest.id)
      return newest.deviceSeq
    }
  ],
  [
    'backdating an event',
    async (db) => {
      const victim = (await chainOf(db)).find((e) => e.action === 'create')!
      await db.auditEvents.update(victim.id, { at: '2026-11-01T01:00:00.000Z' })
      return victim.deviceSeq
    }
  ]
]

describe('tampering with the audit trail', () => {
  it('an untouched archive with two devices verifies, anchors included', async () => {
    const { repos } = await archiveWithHistory()
    const report = await repos.auditLog.verify()
    expect(report.breaks).toEqual([])
    expect(report.devices).toBe(2)
    expect(report.anchorsChecked).toBe(2)
  })

  it.each(TAMPER_CASES)('is detected and named: %s', async (_name, tamper) => {
    const { db, repos } = await archiveWithHistory()
    const seq = await tamper(db)
    const report = await repos.auditLog.verify()
    expect(report.ok).toBe(false)
    expect(report.breaks.map((b) => b.message).join('\n')).toContain(`第 ${seq} 条`)
    // The same finding reaches the integrity check.
    const integrity = await repos.integrity.run()
    expect(integrity.problems.some((p) => p.kind === 'chain' && p.message.includes(`第 ${seq} 条`))).toBe(true)
  })

  it('a replaced key makes every sealed event and the counter fail', async () => {
    const { db, repos } = await archiveWithHistory()
    const sealed = (await db.auditEvents.toArray()).length
    attachAuditTrust(db.name, { ...auditTrustOf(db), key: crypto.getRandomValues(new Uint8Array(32)) })
    const report = await repos.auditLog.verify()
    expect(report.breaks.filter((b) => b.reason === 'altered')).toHaveLength(sealed)
    expect(report.breaks.some((b) => b.reason === 'counter')).toBe(true)
    expect(report.breaks.some((b) => b.reason === 'anchor' && b.message.includes('签名无效'))).toBe(true)
  })
})

describe('the switch from unkeyed to keyed events', () => {
  it('keeps yesterday’s unkeyed events valid and chains the first keyed event onto the last of them', async () => {
    const db = new ChedangDatabase(`tamper-legacy-${++n}`)
    await db.open()
    const legacy: AuditEvent[] = []
    let prevHash = ''
    for (let seq = 1; seq <= 3; seq++) {
      const event = {
        id: `legacy-${seq}`,
        at: `2026-11-20T0${seq}:00:00.000Z`,
        actorId: 'a1',
        actorName: '张丽',
        deviceId: ARCHIVE_ROOM,
        deviceSeq: seq,
        action: 'login' as const,
        entity: 'account',
        entityId: 'a1',
        changes: '{}',
        summary: '登录',
        prevHash
      }
      // Written before keyed chains: plain SHA-256, no `chain` mark (the key is not used for these).
      const sealed = { ...event, hash: hashAuditEvent(event, new Uint8Array(32)) }
      legacy.push(sealed)
      prevHash = sealed.hash
    }
    await db.auditEvents.bulkAdd(legacy)
    await db.counters.add({
      id: auditCounterId(ARCHIVE_ROOM),
      value: 3,
      lastHash: prevHash,
      createdAt: legacy[0]!.at,
      createdBy: 'a1',
      updatedAt: legacy[2]!.at,
      updatedBy: 'a1',
      rev: 3,
      deletedAt: null
    })

    const auth = new DexieAuth(db, ARCHIVE_ROOM, { iterations: 1000 })
    const session = await auth.setup({
      dealershipName: '某某汽车销售服务有限公司',
      name: '张丽',
      username: 'zhangli',
      password: 'Chedang#2026'
    })
    const repos = createDexieRepositories(db, session, { iterations: 1000 })
    const chain = await chainOf(db)
    expect(chain[3]).toMatchObject({ deviceSeq: 4, chain: AUDIT_CHAIN_KEYED, prevHash: legacy[2]!.hash })
    expect((await repos.auditLog.verify()).breaks).toEqual([])

    // An unkeyed event slipped in after the keyed ones is a forgery, even with a correct SHA-256.
    const head = (await chainOf(db)).at(-1)!
    const { chain: _keyed, ...unkeyed } = {
      ...head,
      id: 'forged',
      deviceSeq: head.deviceSeq + 1,
      prevHash: head.hash,
      summary: '登录'
    }
    await db.auditEvents.add({ ...unkeyed, hash: hashAuditEvent(unkeyed, new Uint8Array(32)) })
    const report = await repos.auditLog.verify()
    expect(report.breaks).toContainEqual(
      expect.objectContaining({ reason: 'downgraded', deviceSeq: head.deviceSeq + 1 })
    )
  })
})

describe('anchors', () => {
  it('are written at the first start of each China day only, and at every backup', async () => {
    const { db } = await archiveWithHistory()
    const trust = auditTrustOf(db)
    const startsBefore = (await trust.readAnchors()).anchors.length
    expect((await recordDailyAuditAnchor(db, new Date('2026-11-23T09:00:00Z'))).anchors).toEqual([])
    // 2026-11-23T16:30Z is already the 24th in China.
    expect((await recordDailyAuditAnchor(db, new Date('2026-11-23T16:30:00Z'))).anchors).toHaveLength(2)
    const key = await createBackupKey(BACKUP_PASSPHRASE, { setBy: '张丽', setAt: '2026-11-20T08:00:00.000Z' })
    await createBackup(db, {
      actor: { operatorName: '张丽', deviceId: ARCHIVE_ROOM },
      appVersion: '0.1.0',
      reason: 'manual',
      now: new Date('2026-11-24T02:00:00Z'),
      key
    })
    const { anchors } = await trust.readAnchors()
    expect(anchors).toHaveLength(startsBefore + 4)
    const head = (await chainOf(db)).at(-1)!
    expect(anchors.at(-1)).toMatchObject({ reason: 'backup', deviceId: expect.any(String) })
    expect(anchors.filter((a) => a.reason === 'backup')).toContainEqual(
      expect.objectContaining({ deviceId: ARCHIVE_ROOM, seq: head.deviceSeq, hash: head.hash })
    )
  })

  it('a restore of an older backup is no tampering: the anchors it rolls back over do not count against it', async () => {
    const { db, repos } = await archiveWithHistory()
    const actor = { operatorId: 'director', operatorName: '张丽', deviceId: ARCHIVE_ROOM }
    const key = await createBackupKey(BACKUP_PASSPHRASE, { setBy: '张丽', setAt: '2026-11-20T08:00:00.000Z' })
    const backup = await backupBytes(
      await createBackup(db, {
        actor,
        appVersion: '0.1.0',
        reason: 'manual',
        now: new Date('2026-11-23T03:00:00Z'),
        key
      })
    )
    const more = createRandom(4242)
    for (let i = 71; i <= 72; i++) await repos.vehicleFiles.create(makeVehicleFileForm(more, i))
    await recordDailyAuditAnchor(db, new Date('2026-11-24T00:30:00Z'))
    await restoreBackup(db, backup, {
      actor,
      appVersion: '0.1.0',
      now: new Date('2026-11-24T02:00:00Z'),
      passphrase: BACKUP_PASSPHRASE,
      writerKey: async () => key,
      saveSafetyBackup: async () => undefined
    })
    expect((await repos.auditLog.verify()).breaks).toEqual([])
  })

  it('a damaged anchor store is reported line by line, and an anchor that fails its seal is named', async () => {
    const { db, repos } = await archiveWithHistory()
    const store = new Map<string, string>()
    const trust = browserAuditTrust('anchor-store-under-test', {
      getItem: (k) => store.get(k) ?? null,
      setItem: (k, v) => void store.set(k, v)
    })
    attachAuditTrust(db.name, { ...trust, key: auditTrustOf(db).key })
    await recordAuditAnchor(db, 'backup')
    const item = 'chedang.auditAnchors.anchor-store-under-test'
    const [line] = store.get(item)!.split('\n')
    const edited = JSON.parse(line!) as { seq: number }
    store.set(item, `${JSON.stringify({ ...edited, seq: edited.seq + 5 })}\nnot an anchor\n`)
    const messages = (await repos.auditLog.verify()).breaks.map((b) => b.message)
    expect(messages).toContain('审计链锚点文件第 2 行无法读取（被改动或写入中断）')
    expect(messages.some((m) => m.includes(`第 ${edited.seq + 5} 条`) && m.includes('签名无效'))).toBe(true)
  })
})
