import Dexie from 'dexie'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Actor } from '@shared/model/sync-meta'
import { newSyncMeta } from '@shared/model/sync-meta'
import { isDomainError } from '@shared/model/domain-error'
import { deriveSearchKeys } from '@shared/vehicle/vehicle-file'
import { parseVehicleFileForm } from '@shared/vehicle/vehicle-file-schema'
import { type Backup, decodeBackupBody, encodeBackup, readBackupHeader, verifyBackup } from '@shared/backup/backup-format'
import { createRandom, makeVehicleFileForm } from '../../../../tests/fixtures/vehicle-generator'
import { ChedangDatabase } from '../dexie/database'
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../dexie/schema-versions'
import { appendAuditEvents } from '../dexie/audit-writer'
import { DexieAuth } from '../dexie/dexie-auth'
import { createDexieRepositories } from '../dexie/open-dexie-repositories'
import { createBackup, readAllTables, readLatestAuditHash } from './create-backup'
import { RESTORE_DATABASE_PREFIX, restoreBackup } from './restore-backup'
import { backupBeforeUpgrade } from './backup-before-upgrade'
import { detectLostData } from './detect-lost-data'

const OWNER: Actor = { operatorId: 'acc-1', operatorName: '王芳', deviceId: 'device-A' }
const RESTORER: Actor = { operatorId: 'acc-2', operatorName: '李强', deviceId: 'device-B' }
const APP = '0.1.0'

const opened: Dexie[] = []
let dbCounter = 0
async function freshDb(name = `backup-test-${++dbCounter}-${Date.now()}`): Promise<ChedangDatabase> {
  const db = new ChedangDatabase(name)
  await db.open()
  opened.push(db)
  return db
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete().catch(() => undefined)
})

/** `count` generated forms with distinct VINs (the one data generator). */
function generatedForms(count: number, seedNo: number): ReturnType<typeof makeVehicleFileForm>[] {
  const rnd = createRandom(seedNo)
  const vins = new Set<string>()
  const forms: ReturnType<typeof makeVehicleFileForm>[] = []
  for (let n = 1; forms.length < count; n++) {
    const form = makeVehicleFileForm(rnd, seedNo * 100_000 + n)
    if (vins.has(form.vin)) continue
    vins.add(form.vin)
    forms.push(form)
  }
  return forms
}

/**
 * The app's own path: first start (dealership, first operator and account), then the repository's bulk
 * command writes `count` files with their hash-chained audit events and archive-number counters.
 */
async function seedThroughRepositories(db: ChedangDatabase, count: number, seedNo: number): Promise<void> {
  const auth = new DexieAuth(db, OWNER.deviceId, { iterations: 1000 })
  const session = await auth.setup({ dealershipName: '长春一汽大众4S店', name: '王芳', username: 'wangfang', password: 'Chedang#2026' })
  const repositories = createDexieRepositories(db, session, { iterations: 1000 })
  expect(await repositories.vehicleFiles.createMany(generatedForms(count, seedNo))).toBe(count)
}

/**
 * A quicker seed for the small cases, writing rows directly: `count` generated vehicle files, each
 * with its 'create' audit event (the real hash-chained writer), one settings row, and one row in every
 * other table the database has, whatever they are.
 */
async function seed(db: ChedangDatabase, count: number, seedNo: number): Promise<void> {
  const rows: Record<string, unknown>[] = []
  const at = new Date(Date.UTC(2026, 10, 20, 8, seedNo % 60)).toISOString()
  for (const form of generatedForms(count, seedNo)) {
    const parsed = parseVehicleFileForm(form)
    if (!parsed.ok) throw new Error(`generator made an invalid form: ${JSON.stringify(parsed.errors)}`)
    rows.push({ ...newSyncMeta(crypto.randomUUID(), OWNER, at), ...parsed.value, ...deriveSearchKeys(parsed.value), status: 'active', secrecy: 'ordinary' })
  }
  await db.transaction('rw', db.tables, async () => {
    await db.table('vehicleFiles').bulkAdd(rows)
    await appendAuditEvents(db, OWNER, rows.map((row) => ({
      action: 'create' as const, entity: 'vehicleFile', entityId: String(row['id']),
      changes: { vin: [null, row['vin']] }, summary: `导入车辆档案 ${String(row['archiveNo'])}`
    })), at)
    await db.settings.put({ ...newSyncMeta('dealership', OWNER, at), value: JSON.stringify({ dealershipName: `长春一汽大众4S店 ${seedNo}` }) })
    for (const table of db.tables) {
      if (['vehicleFiles', 'auditEvents', 'counters', 'settings'].includes(table.name)) continue
      await table.add({ ...newSyncMeta(`${table.name}-${seedNo}`, OWNER, at), note: `种子 ${seedNo}` })
    }
  })
}

type Snapshot = Record<string, unknown[]>
const snapshot = (db: Dexie): Promise<Snapshot> => readAllTables(db)

/** The snapshot minus what a restore by RESTORER adds: its audit event and its device counter. */
function withoutRestoreTrail(tables: Snapshot): Snapshot {
  return {
    ...tables,
    auditEvents: tables['auditEvents']!.filter((e) => (e as { action: string }).action !== 'backup.restore'),
    counters: tables['counters']!.filter((c) => (c as { id: string }).id !== `auditSeq:${RESTORER.deviceId}`)
  }
}

async function refusalOf(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, message: error.message }
    throw error
  }
  throw new Error('expected a refusal')
}

async function leftoverRestoreDatabases(): Promise<string[]> {
  return (await Dexie.getDatabaseNames()).filter((name) => name.startsWith(RESTORE_DATABASE_PREFIX))
}

const restoreOptions = (saved: Backup[] = []) => ({
  actor: RESTORER,
  appVersion: APP,
  now: new Date('2026-11-22T02:00:00.000Z'),
  saveSafetyBackup: async (backup: Backup) => {
    saved.push(backup)
  }
})

describe('export → wipe → restore', () => {
  it('gives identical data at 10 000 vehicle files', async () => {
    let db = await freshDb()
    await seedThroughRepositories(db, 10_000, 1)
    const before = await snapshot(db)
    expect(before['vehicleFiles']).toHaveLength(10_000)
    expect(before['auditEvents']!.length).toBeGreaterThanOrEqual(10_000)
    expect(before['accounts']).toHaveLength(1)

    const backup = await createBackup(db, { actor: OWNER, appVersion: APP, reason: 'manual', now: new Date('2026-11-22T01:30:00.000Z') })
    expect(backup.manifest).toMatchObject({
      appVersion: APP, schemaVersion: CURRENT_SCHEMA_VERSION, createdBy: '王芳', deviceId: 'device-A', reason: 'manual',
      latestAuditHash: await readLatestAuditHash(db)
    })
    expect(backup.manifest.latestAuditHash).toMatch(/^[0-9a-f]{64}$/)
    expect(Object.keys(backup.manifest.tables).sort()).toEqual(db.tables.map((t) => t.name).sort())
    for (const [name, rows] of Object.entries(before)) expect(backup.manifest.tables[name]).toBe(rows.length)

    // Wipe: the whole IndexedDB database is gone; the app starts on an empty one.
    const name = db.name
    await db.delete()
    opened.splice(opened.indexOf(db), 1)
    db = await freshDb(name)
    expect(Object.values(await snapshot(db)).every((rows) => rows.length === 0)).toBe(true)
    expect((await detectLostData(db, backup)).lost).toBe(true)

    const saved: Backup[] = []
    const result = await restoreBackup(db, backup.bytes, restoreOptions(saved))
    expect(result.manifest).toEqual(backup.manifest)
    const after = await snapshot(db)
    expect(withoutRestoreTrail(after)).toEqual(before)

    const [event] = after['auditEvents']!.filter((e) => (e as { action: string }).action === 'backup.restore') as { actorName: string; entityId: string }[]
    expect(event).toMatchObject({ actorName: '李强', entityId: backup.manifest.contentSha256 })
    expect(saved).toHaveLength(1)
    expect(saved[0]!.manifest.reason).toBe('before-restore')
    expect((await detectLostData(db, backup)).lost).toBe(false)
    expect(await leftoverRestoreDatabases()).toEqual([])
  }, 60_000)
})

describe('a bad file is refused with the database untouched', () => {
  async function setUp() {
    const db = await freshDb()
    await seed(db, 40, 2)
    const source = await freshDb()
    await seed(source, 25, 3)
    const good = await createBackup(source, { actor: OWNER, appVersion: APP, reason: 'manual' })
    return { db, good, before: await snapshot(db) }
  }

  it.each([
    ['one byte flipped in the body', 'BACKUP_CORRUPT', (good: Uint8Array) => {
      const bad = good.slice()
      const at = good.indexOf(0x0a) + 1 + Math.floor((good.byteLength - good.indexOf(0x0a)) / 2)
      bad[at] = bad[at]! ^ 0x20
      return bad
    }],
    ['truncated (a copy that stopped half way)', 'BACKUP_TRUNCATED', (good: Uint8Array) => good.slice(0, Math.floor(good.byteLength / 2))],
    ['a random JSON file', 'BACKUP_NOT_OURS', () => new TextEncoder().encode('{"vehicles":[{"vin":"LFV2A21K0P3000001"}]}\n')],
    ['a PDF', 'BACKUP_NOT_OURS', () => new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n')],
    ['a backup from a newer schema', 'BACKUP_NEWER_SCHEMA', (good: Uint8Array) => {
      const { manifest, body } = verifyBackup(good, CURRENT_SCHEMA_VERSION)
      const tables = Object.fromEntries(decodeBackupBody(body, manifest))
      return encodeBackup({ ...tables, futureTable: [{ id: 'f' }] }, { ...manifest, schemaVersion: CURRENT_SCHEMA_VERSION + 1 }).bytes
    }]
  ])('%s → %s', async (_label, code, make) => {
    const { db, good, before } = await setUp()
    const saved: Backup[] = []
    const refusal = await refusalOf(restoreBackup(db, make(good.bytes), restoreOptions(saved)))
    expect(refusal.code).toBe(code)
    expect(refusal.message).toMatch(/[\u4e00-\u9fff]/)
    expect(saved).toEqual([]) // refused before even the safety backup
    expect(await snapshot(db)).toEqual(before)
    expect(await leftoverRestoreDatabases()).toEqual([])
  })

  it('says why in Chinese', async () => {
    const { db, good } = await setUp()
    expect((await refusalOf(restoreBackup(db, new TextEncoder().encode('{}\n'), restoreOptions()))).message).toBe('这不是车档的备份文件')
    const flipped = good.bytes.slice()
    flipped[flipped.byteLength - 3] = flipped[flipped.byteLength - 3]! ^ 1
    expect((await refusalOf(restoreBackup(db, flipped, restoreOptions()))).message).toBe('备份文件已损坏或不完整，校验值不符，未做任何改动')
  })

  it('a newer-schema file is refused from its header, naming the version', async () => {
    const { db, good, before } = await setUp()
    const { manifest, body } = verifyBackup(good.bytes, CURRENT_SCHEMA_VERSION)
    const newer = encodeBackup(Object.fromEntries(decodeBackupBody(body, manifest)), { ...manifest, schemaVersion: 99 })
    expect(readBackupHeader(newer.bytes).schemaVersion).toBe(99)
    expect((await refusalOf(restoreBackup(db, newer.bytes, restoreOptions()))).message).toBe('该备份来自更新版本的车档（数据库版本 99），请先升级本软件')
    expect(await snapshot(db)).toEqual(before)
  })
})

describe('an interrupted restore leaves the old data in place', () => {
  async function setUp() {
    const db = await freshDb()
    await seed(db, 30, 4)
    const other = await freshDb()
    await seed(other, 45, 5)
    const backup = await createBackup(other, { actor: OWNER, appVersion: APP, reason: 'manual' })
    return { db, backup, before: await snapshot(db) }
  }

  it('fails after the first table was cleared', async () => {
    const { db, backup, before } = await setUp()
    const first = db.tables[0]!.name
    await expect(restoreBackup(db, backup.bytes, {
      ...restoreOptions(),
      faults: { afterTableCleared: (table) => { if (table === first) throw new Error('power lost') } }
    })).rejects.toThrow('power lost')
    expect(await snapshot(db)).toEqual(before)
    expect(await leftoverRestoreDatabases()).toEqual([])
  })

  it('fails after the vehicle files were already replaced', async () => {
    const { db, backup, before } = await setUp()
    await expect(restoreBackup(db, backup.bytes, {
      ...restoreOptions(),
      faults: { afterTableReplaced: (table) => { if (table === 'vehicleFiles') throw new Error('crash') } }
    })).rejects.toThrow('crash')
    expect(await snapshot(db)).toEqual(before)
  })

  it('refuses to replace anything when the safety backup cannot be saved', async () => {
    const { db, backup, before } = await setUp()
    const refusal = await refusalOf(restoreBackup(db, backup.bytes, {
      ...restoreOptions(),
      saveSafetyBackup: () => Promise.reject(new Error('磁盘已满'))
    }))
    expect(refusal).toEqual({ code: 'BACKUP_SAFETY_FAILED', message: '未能先备份当前数据，恢复已取消，当前数据没有任何改动' })
    expect(await snapshot(db)).toEqual(before)
    expect(await leftoverRestoreDatabases()).toEqual([])
  })
})

describe('the safety backup', () => {
  it('holds the live data as it was just before the replace, and restores it', async () => {
    const db = await freshDb()
    await seed(db, 20, 6)
    const before = await snapshot(db)
    const other = await freshDb()
    await seed(other, 35, 7)
    const incoming = await createBackup(other, { actor: OWNER, appVersion: APP, reason: 'manual' })

    const order: string[] = []
    const saved: Backup[] = []
    await restoreBackup(db, incoming.bytes, {
      ...restoreOptions(),
      saveSafetyBackup: async (backup) => {
        order.push('safety saved')
        expect(await snapshot(db)).toEqual(before) // still the old data at that moment
        saved.push(backup)
      },
      faults: { afterTableCleared: () => { order.push('replacing') } }
    })
    expect(order[0]).toBe('safety saved')
    expect(order.length).toBeGreaterThan(1)
    expect(withoutRestoreTrail(await snapshot(db))).toEqual(await snapshot(other))

    const safety = saved[0]!
    expect(safety.manifest.reason).toBe('before-restore')
    expect(safety.manifest.createdBy).toBe('李强')
    const { manifest, body } = verifyBackup(safety.bytes, CURRENT_SCHEMA_VERSION)
    expect(Object.fromEntries(decodeBackupBody(body, manifest))).toEqual(before)

    await restoreBackup(db, safety.bytes, restoreOptions())
    const back = await snapshot(db)
    expect(withoutRestoreTrail(back)).toEqual(before)
  })
})

describe('backupBeforeUpgrade', () => {
  const uniqueName = () => `upgrade-test-${++dbCounter}-${Date.now()}`

  it('does nothing (and creates nothing) when there is no database yet', async () => {
    const name = uniqueName()
    const save = vi.fn()
    expect(await backupBeforeUpgrade(name, CURRENT_SCHEMA_VERSION, save)).toEqual({ status: 'absent' })
    expect(save).not.toHaveBeenCalled()
    expect(await Dexie.exists(name)).toBe(false)
  })

  it('refuses a database newer than the app without opening it with the old schema', async () => {
    const name = uniqueName()
    const newer = new Dexie(name)
    newer.version(CURRENT_SCHEMA_VERSION + 1).stores({ vehicleFiles: 'id, vin', holograms: 'id' })
    await newer.table('holograms').add({ id: 'h1', shape: '立体' })
    newer.close()

    const save = vi.fn()
    const refusal = await refusalOf(backupBeforeUpgrade(name, CURRENT_SCHEMA_VERSION, save))
    expect(refusal.code).toBe('DATABASE_NEWER_THAN_APP')
    expect(refusal.message).toBe(`本机档案库版本（${CURRENT_SCHEMA_VERSION + 1}）比本软件新，请安装新版车档；为保护数据，本软件不会打开它`)
    expect(save).not.toHaveBeenCalled()

    const probe = new Dexie(name)
    await probe.open()
    expect(probe.verno).toBe(CURRENT_SCHEMA_VERSION + 1)
    expect(probe.tables.map((t) => t.name).sort()).toEqual(['holograms', 'vehicleFiles'])
    expect(await probe.table('holograms').get('h1')).toEqual({ id: 'h1', shape: '立体' })
    await probe.delete()
  })

  it('backs up an older database BEFORE it is upgraded; the backup restores into the new schema', async () => {
    expect(CURRENT_SCHEMA_VERSION).toBeGreaterThan(1)
    const name = uniqueName()
    const v1 = new Dexie(name)
    v1.version(1).stores(SCHEMA_VERSIONS[0]!.stores)
    await v1.table('vehicleFiles').bulkAdd([
      { id: 'f1', vin: 'LFV2A21K0P3000001', archiveNo: 'XS2024-000001', ownerName: '张伟', deletedAt: null },
      { id: 'f2', vin: 'LSVAA2180N2000002', archiveNo: 'XS2024-000002', ownerName: '刘洋', deletedAt: null }
    ])
    await v1.table('auditEvents').add({ id: 'e1', at: '2025-01-01T00:00:00.000Z', deviceSeq: 1, action: 'create' })
    v1.close()

    const saved: Backup[] = []
    const result = await backupBeforeUpgrade(name, CURRENT_SCHEMA_VERSION, async (backup) => {
      // At the moment of saving, the database is still at version 1.
      const probe = new Dexie(name)
      await probe.open()
      expect(probe.verno).toBe(1)
      probe.close()
      saved.push(backup)
    }, { appVersion: APP, deviceId: 'device-A' })
    expect(result).toMatchObject({ status: 'backed-up', fromVersion: 1 })
    expect(saved).toHaveLength(1)
    expect(saved[0]!.manifest).toMatchObject({ reason: 'before-upgrade', schemaVersion: 1, appVersion: APP, tables: { vehicleFiles: 2, auditEvents: 1, settings: 0, counters: 0 } })

    // The app now opens (and upgrades) it; a second start finds it current.
    const upgraded = await freshDb(name)
    expect(upgraded.verno).toBe(CURRENT_SCHEMA_VERSION)
    expect(await backupBeforeUpgrade(name, CURRENT_SCHEMA_VERSION, async () => undefined)).toEqual({ status: 'current', version: CURRENT_SCHEMA_VERSION })

    // The version-1 backup restores into a current database, upgraded on the way (the v2 upgrade adds secrecy).
    const target = await freshDb()
    await restoreBackup(target, saved[0]!.bytes, restoreOptions())
    expect(await target.vehicleFiles.get('f1')).toMatchObject({ ownerName: '张伟', secrecy: 'ordinary' })
    expect(await target.vehicleFiles.count()).toBe(2)
  })

  it('does not back up an older database that is empty', async () => {
    const name = uniqueName()
    const v1 = new Dexie(name)
    v1.version(1).stores(SCHEMA_VERSIONS[0]!.stores)
    await v1.open()
    v1.close()
    const save = vi.fn()
    expect(await backupBeforeUpgrade(name, CURRENT_SCHEMA_VERSION, save)).toEqual({ status: 'empty', fromVersion: 1 })
    expect(save).not.toHaveBeenCalled()
    await Dexie.delete(name)
  })

  it('stops the upgrade when the backup cannot be saved', async () => {
    const name = uniqueName()
    const v1 = new Dexie(name)
    v1.version(1).stores(SCHEMA_VERSIONS[0]!.stores)
    await v1.table('settings').add({ id: 'dealership', value: '{}' })
    v1.close()
    const refusal = await refusalOf(backupBeforeUpgrade(name, CURRENT_SCHEMA_VERSION, () => Promise.reject(new Error('EACCES'))))
    expect(refusal.code).toBe('BACKUP_BEFORE_UPGRADE_FAILED')
    await Dexie.delete(name)
  })
})

describe('detectLostData', () => {
  it('is true only when the database is empty and the last backup was not', async () => {
    const db = await freshDb()
    const source = await freshDb()
    await seed(source, 3, 8)
    const withData = await createBackup(source, { actor: OWNER, appVersion: APP, reason: 'daily' })
    const empty = await createBackup(db, { actor: OWNER, appVersion: APP, reason: 'daily' })

    const backupRows = Object.values(withData.manifest.tables).reduce((sum, n) => sum + n, 0)
    expect(await detectLostData(db, withData)).toEqual({ lost: true, liveRows: 0, backupRows, lastBackup: withData.manifest })
    expect((await detectLostData(db, empty)).lost).toBe(false)
    expect((await detectLostData(db, null)).lost).toBe(false)
    expect((await detectLostData(source, withData)).lost).toBe(false)
    // A first-run seed (e.g. the first administrator) can be left out of the comparison.
    await db.settings.put({ ...newSyncMeta('dealership', OWNER, '2026-11-22T00:00:00.000Z'), value: '{}' })
    expect((await detectLostData(db, withData)).lost).toBe(false)
    expect((await detectLostData(db, withData, { ignoreTables: ['settings'] })).lost).toBe(true)
  })
})
