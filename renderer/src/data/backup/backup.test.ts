import Dexie from 'dexie'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Actor } from '@shared/model/sync-meta'
import { newSyncMeta } from '@shared/model/sync-meta'
import { isDomainError } from '@shared/model/domain-error'
import { deriveSearchKeys } from '@shared/vehicle/vehicle-file'
import { parseVehicleFileForm } from '@shared/vehicle/vehicle-file-schema'
import { type BackupManifest, readBackupHeader } from '@shared/backup/backup-format'
import { createBackupKey } from '@shared/backup/backup-crypto'
import { type BackupWriterKey, encryptBackup, openEncryptedBackup, piecesOf } from '@shared/backup/backup-stream'
import { createRandom, makeVehicleFileForm } from '../../../../tests/fixtures/vehicle-generator'
import { ChedangDatabase } from '../dexie/database'
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../dexie/schema-versions'
import { appendAuditEvents } from '../dexie/audit-writer'
import { DexieAuth } from '../dexie/dexie-auth'
import { createDexieRepositories } from '../dexie/open-dexie-repositories'
import { backupBytes, createBackup, readAllTables, readLatestAuditHash } from './create-backup'
import { BACKUP_KEYRING_ID } from './backup-key'
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
 * import writes `count` files with its one hash-chained audit event and the archive-number counters.
 */
async function seedThroughRepositories(db: ChedangDatabase, count: number, seedNo: number): Promise<void> {
  const auth = new DexieAuth(db, OWNER.deviceId, { iterations: 1000 })
  const session = await auth.setup({
    dealershipName: '长春一汽大众4S店',
    name: '王芳',
    username: 'wangfang',
    password: 'Chedang#2026'
  })
  const repositories = createDexieRepositories(db, session, { iterations: 1000 })
  const result = await repositories.vehicleFiles.importBulk({
    source: { fileName: `seed-${seedNo}.csv`, sha256: '0'.repeat(64) },
    rows: generatedForms(count, seedNo)
  })
  expect(result).toMatchObject({ ok: true, created: count })
}

/**
 * A quicker seed for the small cases: the first start (director account, dealership), then `count`
 * generated vehicle files written directly, each with its 'create' audit event (the real
 * hash-chained writer).
 */
async function seed(db: ChedangDatabase, count: number, seedNo: number): Promise<void> {
  const auth = new DexieAuth(db, OWNER.deviceId, { iterations: 1000 })
  await auth.setup({
    dealershipName: `长春一汽大众4S店 ${seedNo}`,
    name: '王芳',
    username: 'wangfang',
    password: 'Chedang#2026'
  })
  const rows: Record<string, unknown>[] = []
  const at = new Date(Date.UTC(2026, 10, 20, 8, seedNo % 60)).toISOString()
  for (const form of generatedForms(count, seedNo)) {
    const parsed = parseVehicleFileForm(form)
    if (!parsed.ok) throw new Error(`generator made an invalid form: ${JSON.stringify(parsed.errors)}`)
    rows.push({
      ...newSyncMeta(crypto.randomUUID(), OWNER, at),
      ...parsed.value,
      ...deriveSearchKeys(parsed.value),
      status: 'active',
      secrecy: 'ordinary'
    })
  }
  await db.transaction('rw', db.tables, async () => {
    await db.table('vehicleFiles').bulkAdd(rows)
    await appendAuditEvents(
      db,
      OWNER,
      rows.map((row) => ({
        action: 'create' as const,
        entity: 'vehicleFile',
        entityId: String(row['id']),
        changes: { vin: [null, row['vin']] },
        summary: `导入车辆档案 ${String(row['archiveNo'])}`
      })),
      at
    )
  })
}

const PASSPHRASE = '长白山下一汽大众2026'
let KEY: BackupWriterKey
beforeAll(async () => {
  KEY = await createBackupKey(PASSPHRASE, { setBy: '王芳', setAt: '2026-11-20T08:00:00.000Z' })
}, 30_000)

/** A backup file of `db` as the app writes it, in memory. */
interface TestBackup {
  manifest: BackupManifest
  bytes: Uint8Array
}
async function backupOf(
  db: Dexie,
  reason: 'manual' | 'daily' = 'manual',
  now = new Date('2026-11-22T01:30:00.000Z'),
  key = KEY
): Promise<TestBackup> {
  const file = await createBackup(db, { actor: OWNER, appVersion: APP, reason, now, key })
  return { manifest: file.manifest, bytes: await backupBytes(file) }
}

type Snapshot = Record<string, unknown[]>
const snapshot = (db: Dexie): Promise<Snapshot> => readAllTables(db)

/** The snapshot minus what a restore by RESTORER adds: its audit event and its device counter. */
function withoutRestoreTrail(tables: Snapshot): Snapshot {
  return {
    ...tables,
    auditEvents: tables['auditEvents']!.filter(
      (e) => (e as { action: string; deviceId: string }).deviceId !== RESTORER.deviceId
    ),
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

/** A genuine (well keyed) backup whose header names a schema newer than the app's. */
async function newerSchemaBackup(schemaVersion = CURRENT_SCHEMA_VERSION + 1): Promise<Uint8Array> {
  const { pieces } = await encryptBackup(
    {
      appVersion: '9.0.0',
      schemaVersion,
      createdAt: '2026-11-22T01:30:00.000Z',
      createdBy: '王芳',
      deviceId: 'device-A',
      reason: 'manual',
      tables: { futureTable: 1 },
      latestAuditHash: null,
      auditHeads: []
    },
    [{ table: 'futureTable', rows: [{ id: 'f' }] }],
    KEY
  )
  return backupBytes({ manifest: {} as BackupManifest, pieces })
}

const restoreOptions = (saved: TestBackup[] = []) => ({
  actor: RESTORER,
  appVersion: APP,
  now: new Date('2026-11-22T02:00:00.000Z'),
  passphrase: PASSPHRASE,
  writerKey: async () => KEY,
  saveSafetyBackup: async (file: { manifest: BackupManifest; pieces: AsyncIterable<Uint8Array> }) => {
    saved.push({ manifest: file.manifest, bytes: await backupBytes(file) })
  }
})

describe('export → wipe → restore', () => {
  it('gives identical data at 10 000 vehicle files', async () => {
    let db = await freshDb()
    await seedThroughRepositories(db, 10_000, 1)
    const before = await snapshot(db)
    expect(before['vehicleFiles']).toHaveLength(10_000)
    // One import: one audit event listing the 10 000 ids, which the backup must carry whole.
    expect(before['auditEvents']!.filter((e) => (e as { action: string }).action === 'import')).toHaveLength(1)
    expect(before['accounts']).toHaveLength(1)

    const backup = await backupOf(db)
    expect(backup.manifest).toMatchObject({
      appVersion: APP,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      createdBy: '王芳',
      deviceId: 'device-A',
      reason: 'manual',
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

    const saved: TestBackup[] = []
    const result = await restoreBackup(db, backup.bytes, restoreOptions(saved))
    expect(result.manifest).toEqual(backup.manifest)
    const after = await snapshot(db)
    expect(withoutRestoreTrail(after)).toEqual(before)

    const [event] = after['auditEvents']!.filter((e) => (e as { action: string }).action === 'backup.restore') as {
      actorName: string
      entityId: string
      changes: string
    }[]
    expect(event).toMatchObject({ actorName: '李强', entityId: `device-A@${backup.manifest.createdAt}` })
    expect(JSON.parse(event!.changes)).toMatchObject({ backupAuthenticated: true, backupKeyId: KEY.keyring.keyId })
    // The live archive was empty: there was nothing to save first.
    expect(saved).toHaveLength(0)
    expect(result.safetyBackup).toBeNull()
    expect((await detectLostData(db, backup)).lost).toBe(false)
    expect(await leftoverRestoreDatabases()).toEqual([])
  }, 180_000)
})

describe('a bad file is refused with the database untouched', () => {
  async function setUp() {
    const db = await freshDb()
    await seed(db, 40, 2)
    const source = await freshDb()
    await seed(source, 25, 3)
    const good = await backupOf(source)
    return { db, good, before: await snapshot(db) }
  }

  it.each([
    [
      'one byte flipped in the body',
      'BACKUP_NOT_AUTHENTIC',
      (good: Uint8Array) => {
        const bad = good.slice()
        const at = good.indexOf(0x0a) + 1 + Math.floor((good.byteLength - good.indexOf(0x0a)) / 2)
        bad[at] = bad[at]! ^ 0x20
        return bad
      }
    ],
    [
      'truncated (a copy that stopped half way)',
      'BACKUP_TRUNCATED',
      (good: Uint8Array) => good.slice(0, Math.floor(good.byteLength / 2))
    ],
    [
      'a random JSON file',
      'BACKUP_NOT_OURS',
      () => new TextEncoder().encode('{"vehicles":[{"vin":"LFV2A21K0P3000001"}]}\n')
    ],
    ['a PDF', 'BACKUP_NOT_OURS', () => new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n')],
    ['a backup from a newer schema', 'BACKUP_NEWER_SCHEMA', async () => newerSchemaBackup()]
  ])('%s → %s', async (_label, code, make) => {
    const { db, good, before } = await setUp()
    const saved: TestBackup[] = []
    const refusal = await refusalOf(restoreBackup(db, await make(good.bytes), restoreOptions(saved)))
    expect(refusal.code).toBe(code)
    expect(refusal.message).toMatch(/[\u4e00-\u9fff]/)
    expect(saved).toEqual([]) // refused before even the safety backup
    expect(await snapshot(db)).toEqual(before)
    expect(await leftoverRestoreDatabases()).toEqual([])
  })

  it('says why in Chinese: not ours, wrong passphrase, failed authentication, truncated', async () => {
    const { db, good } = await setUp()
    expect((await refusalOf(restoreBackup(db, new TextEncoder().encode('{}\n'), restoreOptions()))).message).toBe(
      '这不是车档的备份文件'
    )
    expect(
      (await refusalOf(restoreBackup(db, good.bytes, { ...restoreOptions(), passphrase: '别人的备份密码不对不对' })))
        .message
    ).toBe('备份密码不正确，未做任何改动')
    const flipped = good.bytes.slice()
    flipped[flipped.byteLength - 3] = flipped[flipped.byteLength - 3]! ^ 1
    expect((await refusalOf(restoreBackup(db, flipped, restoreOptions()))).message).toBe(
      '备份文件未通过真实性校验，可能被篡改，未做任何改动'
    )
    expect(
      (await refusalOf(restoreBackup(db, good.bytes.slice(0, good.bytes.byteLength - 40), restoreOptions()))).message
    ).toBe('备份文件不完整（可能没有复制完或被截断），未做任何改动')
  })

  it('a newer-schema file is refused from its header, naming the version', async () => {
    const { db, before } = await setUp()
    const newer = await newerSchemaBackup(99)
    expect(readBackupHeader(newer).schemaVersion).toBe(99)
    expect((await refusalOf(restoreBackup(db, newer, restoreOptions()))).message).toBe(
      '该备份来自更新版本的车档（数据库版本 99），请先升级本软件'
    )
    expect(await snapshot(db)).toEqual(before)
  })
})

describe('an interrupted restore leaves the old data in place', () => {
  async function setUp() {
    const db = await freshDb()
    await seed(db, 30, 4)
    const other = await freshDb()
    await seed(other, 45, 5)
    const backup = await backupOf(other)
    return { db, backup, before: await snapshot(db) }
  }

  it('fails after the first table was cleared', async () => {
    const { db, backup, before } = await setUp()
    const first = db.tables[0]!.name
    await expect(
      restoreBackup(db, backup.bytes, {
        ...restoreOptions(),
        faults: {
          afterTableCleared: (table) => {
            if (table === first) throw new Error('power lost')
          }
        }
      })
    ).rejects.toThrow('power lost')
    expect(await snapshot(db)).toEqual(before)
    expect(await leftoverRestoreDatabases()).toEqual([])
  })

  it('fails after the vehicle files were already replaced', async () => {
    const { db, backup, before } = await setUp()
    await expect(
      restoreBackup(db, backup.bytes, {
        ...restoreOptions(),
        faults: {
          afterTableReplaced: (table) => {
            if (table === 'vehicleFiles') throw new Error('crash')
          }
        }
      })
    ).rejects.toThrow('crash')
    expect(await snapshot(db)).toEqual(before)
  })

  it('refuses to replace anything when the safety backup cannot be saved', async () => {
    const { db, backup, before } = await setUp()
    const refusal = await refusalOf(
      restoreBackup(db, backup.bytes, {
        ...restoreOptions(),
        saveSafetyBackup: () => Promise.reject(new Error('磁盘已满'))
      })
    )
    expect(refusal).toEqual({
      code: 'BACKUP_SAFETY_FAILED',
      message: '未能先备份当前数据，恢复已取消，当前数据没有任何改动（磁盘已满）'
    })
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
    const incoming = await backupOf(other)

    const order: string[] = []
    const saved: TestBackup[] = []
    await restoreBackup(db, incoming.bytes, {
      ...restoreOptions(),
      saveSafetyBackup: async (backup) => {
        order.push('safety saved')
        expect(await snapshot(db)).toEqual(before) // still the old data at that moment
        saved.push({ manifest: backup.manifest, bytes: await backupBytes(backup) })
      },
      faults: {
        afterTableCleared: () => {
          order.push('replacing')
        }
      }
    })
    expect(order[0]).toBe('safety saved')
    expect(order.length).toBeGreaterThan(1)
    expect(withoutRestoreTrail(await snapshot(db))).toEqual(await snapshot(other))

    const safety = saved[0]!
    expect(safety.manifest.reason).toBe('before-restore')
    expect(safety.manifest.createdBy).toBe('李强')
    const opened = await openEncryptedBackup(piecesOf(safety.bytes), PASSPHRASE, CURRENT_SCHEMA_VERSION)
    const rows: Record<string, unknown[]> = Object.fromEntries(
      Object.keys(opened.manifest.tables).map((name) => [name, []])
    )
    for await (const { table, row } of opened.rows) rows[table]!.push(row)
    expect(rows).toEqual(before)

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
    expect(refusal.message).toBe(
      `本机档案库版本（${CURRENT_SCHEMA_VERSION + 1}）比本软件新，请安装新版车档；为保护数据，本软件不会打开它`
    )
    expect(save).not.toHaveBeenCalled()

    const probe = new Dexie(name)
    await probe.open()
    expect(probe.verno).toBe(CURRENT_SCHEMA_VERSION + 1)
    expect(probe.tables.map((t) => t.name).sort()).toEqual(['holograms', 'vehicleFiles'])
    expect(await probe.table('holograms').get('h1')).toEqual({ id: 'h1', shape: '立体' })
    await probe.delete()
  })

  /** A version-1 database holding two realistic vehicle files, an audit event and (optionally) the backup key. */
  async function versionOneDatabase(name: string, withKey: boolean): Promise<Record<string, unknown>[]> {
    const v1 = new Dexie(name)
    v1.version(1).stores(SCHEMA_VERSIONS[0]!.stores)
    const at = '2025-01-01T00:00:00.000Z'
    const files = generatedForms(2, 9).map((form) => {
      const parsed = parseVehicleFileForm(form)
      if (!parsed.ok) throw new Error('invalid generated form')
      return {
        ...newSyncMeta(crypto.randomUUID(), OWNER, at),
        ...parsed.value,
        ...deriveSearchKeys(parsed.value),
        status: 'active'
      }
    })
    await v1.table('vehicleFiles').bulkAdd(files)
    await v1.table('auditEvents').add({
      id: 'e1',
      at,
      actorId: OWNER.operatorId,
      actorName: OWNER.operatorName,
      deviceId: OWNER.deviceId,
      deviceSeq: 1,
      action: 'create',
      entity: 'vehicleFile',
      entityId: String(files[0]!['id']),
      changes: '{}',
      summary: '新建车辆档案',
      prevHash: '',
      hash: 'a'.repeat(64)
    })
    if (withKey) {
      await v1.table('settings').add({
        ...newSyncMeta(BACKUP_KEYRING_ID, OWNER, at),
        value: JSON.stringify({ keyring: KEY.keyring, localAuthKey: btoa(String.fromCharCode(...KEY.authKey)) })
      })
    }
    v1.close()
    return files
  }

  it('backs up an older database BEFORE it is upgraded, encrypted to the backup key', async () => {
    expect(CURRENT_SCHEMA_VERSION).toBeGreaterThan(1)
    const name = uniqueName()
    const files = await versionOneDatabase(name, true)

    const saved: TestBackup[] = []
    const result = await backupBeforeUpgrade(
      name,
      CURRENT_SCHEMA_VERSION,
      async (backup) => {
        // At the moment of saving, the database is still at version 1.
        const probe = new Dexie(name)
        await probe.open()
        expect(probe.verno).toBe(1)
        probe.close()
        saved.push({ manifest: backup.manifest, bytes: await backupBytes(backup) })
      },
      { appVersion: APP, deviceId: 'device-A' }
    )
    expect(result).toMatchObject({ status: 'backed-up', fromVersion: 1 })
    expect(saved).toHaveLength(1)
    // The key row itself is not in the backup.
    expect(saved[0]!.manifest).toMatchObject({
      reason: 'before-upgrade',
      schemaVersion: 1,
      appVersion: APP,
      keyId: KEY.keyring.keyId,
      tables: { vehicleFiles: 2, auditEvents: 1, settings: 0, counters: 0 }
    })
    const opened = await openEncryptedBackup(piecesOf(saved[0]!.bytes), PASSPHRASE, CURRENT_SCHEMA_VERSION)
    const rows: unknown[] = []
    for await (const { table, row } of opened.rows) if (table === 'vehicleFiles') rows.push(row)
    // Rows come in primary-key order.
    expect(rows).toEqual([...files].sort((x, y) => (String(x['id']) < String(y['id']) ? -1 : 1)))

    // The app now opens (and upgrades) it; a second start finds it current.
    const upgraded = await freshDb(name)
    expect(upgraded.verno).toBe(CURRENT_SCHEMA_VERSION)
    expect(await backupBeforeUpgrade(name, CURRENT_SCHEMA_VERSION, async () => undefined)).toEqual({
      status: 'current',
      version: CURRENT_SCHEMA_VERSION
    })

    // A version-1 archive had no operators: restoring it would leave nobody to run the archive.
    const target = await freshDb()
    expect((await refusalOf(restoreBackup(target, saved[0]!.bytes, restoreOptions()))).code).toBe('BACKUP_NO_DIRECTOR')
    expect(await target.vehicleFiles.count()).toBe(0)
  })

  it('upgrades without a backup (and says so) when no backup passphrase was ever set', async () => {
    const name = uniqueName()
    await versionOneDatabase(name, false)
    const save = vi.fn()
    expect(await backupBeforeUpgrade(name, CURRENT_SCHEMA_VERSION, save)).toEqual({ status: 'no-key', fromVersion: 1 })
    expect(save).not.toHaveBeenCalled()
    await Dexie.delete(name)
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
    await versionOneDatabase(name, true)
    const refusal = await refusalOf(
      backupBeforeUpgrade(name, CURRENT_SCHEMA_VERSION, () => Promise.reject(new Error('EACCES')))
    )
    expect(refusal.code).toBe('BACKUP_BEFORE_UPGRADE_FAILED')
    await Dexie.delete(name)
  })
})

describe('detectLostData', () => {
  it('is true only when the database is empty and the last backup was not', async () => {
    const db = await freshDb()
    const source = await freshDb()
    await seed(source, 3, 8)
    const withData = await backupOf(source, 'daily')
    const empty = await backupOf(db, 'daily')

    const backupRows = Object.values(withData.manifest.tables).reduce((sum, n) => sum + n, 0)
    expect(await detectLostData(db, withData)).toEqual({
      lost: true,
      liveRows: 0,
      backupRows,
      lastBackup: withData.manifest
    })
    expect((await detectLostData(db, empty)).lost).toBe(false)
    expect((await detectLostData(db, null)).lost).toBe(false)
    expect((await detectLostData(source, withData)).lost).toBe(false)
    // A first-run seed (e.g. the first administrator) can be left out of the comparison.
    await db.settings.put({ ...newSyncMeta('dealership', OWNER, '2026-11-22T00:00:00.000Z'), value: '{}' })
    expect((await detectLostData(db, withData)).lost).toBe(false)
    expect((await detectLostData(db, withData, { ignoreTables: ['settings'] })).lost).toBe(true)
  })
})
