import Dexie from 'dexie'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { sealAuditEvent } from '@shared/audit/audit-chain'
import type { AuditEvent } from '@shared/audit/audit-event'
import { type BackupManifest, encodeBackup, latestAuditHashOf } from '@shared/backup/backup-format'
import { createBackupKey, type NewBackupKey } from '@shared/backup/backup-crypto'
import { auditChainHeadsOf, type BackupWriterKey, encryptBackup } from '@shared/backup/backup-stream'
import { isDomainError } from '@shared/model/domain-error'
import { newSyncMeta } from '@shared/model/sync-meta'
import { createRandom, makeVehicleFileForm } from '../../../../tests/fixtures/vehicle-generator'
import { ChedangDatabase } from '../dexie/database'
import { DexieAuth } from '../dexie/dexie-auth'
import { createDexieRepositories } from '../dexie/open-dexie-repositories'
import { CURRENT_SCHEMA_VERSION } from '../dexie/schema-versions'
import { backupBytes, createBackup, readAllTables } from './create-backup'
import { restoreBackup, RESTORE_DATABASE_PREFIX } from './restore-backup'
import { allManualChecksPassed, FAW_VW_SALES_EXAMPLE } from '../../../../tests/fixtures/example-archives'
import { getPreset } from '@shared/policy'

// Backups an insider could bring to the restore screen. Each is refused with the archive untouched:
// no safety backup taken, no row changed, no temporary database left behind.

const PASSPHRASE = '长白山下一汽大众2026'
const RESTORER = { operatorId: 'acc-r', operatorName: '李强', deviceId: 'device-B' }
const APP = '0.1.0'
let KEY: NewBackupKey
let OTHER_DEALER: NewBackupKey
let db: ChedangDatabase
let dbNo = 0

beforeAll(async () => {
  KEY = await createBackupKey(PASSPHRASE, { setBy: '王芳', setAt: '2026-11-20T08:00:00.000Z' })
  OTHER_DEALER = await createBackupKey('另一家店的备份密码-2026', {
    setBy: '赵主管',
    setAt: '2026-11-20T08:00:00.000Z'
  })
})

async function seededDb(): Promise<ChedangDatabase> {
  const fresh = new ChedangDatabase(`forged-${++dbNo}-${Date.now()}`)
  await fresh.open()
  const session = await new DexieAuth(fresh, 'device-A', { iterations: 1000 }).setup({
    dealershipName: '长春一汽大众4S店',
    name: '王芳',
    username: 'wangfang',
    password: 'Chedang#2026'
  })
  const repositories = createDexieRepositories(fresh, session, { iterations: 1000 })
  const rnd = createRandom(77)
  const imported = await repositories.vehicleFiles.importBulk({
    source: { fileName: 'forged.csv', sha256: '0'.repeat(64) },
    rows: Array.from({ length: 12 }, (_, i) => makeVehicleFileForm(rnd, 7700 + i))
  })
  expect(imported.ok).toBe(true)
  return fresh
}

afterEach(async () => {
  await db?.delete().catch(() => undefined)
})

type Tables = Record<string, Record<string, unknown>[]>

/** A complete, self-consistent backup of `tables`, encrypted to the PC's public key with `key`'s K_auth. */
async function encryptTables(tables: Tables, key: BackupWriterKey, chunkBytes?: number): Promise<Uint8Array> {
  const events = tables['auditEvents'] ?? []
  const names = Object.keys(tables).sort()
  const { pieces } = await encryptBackup(
    {
      appVersion: APP,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      createdAt: '2026-11-22T01:30:00.000Z',
      createdBy: '王芳',
      deviceId: 'device-A',
      reason: 'manual',
      tables: Object.fromEntries(names.map((name) => [name, tables[name]!.length])),
      latestAuditHash: latestAuditHashOf(events),
      auditHeads: auditChainHeadsOf(events)
    },
    names.map((table) => ({ table, rows: tables[table]! })),
    key,
    chunkBytes
  )
  return backupBytes({ manifest: {} as BackupManifest, pieces })
}

const forgerKey = (): BackupWriterKey => ({ keyring: KEY.keyring, authKey: crypto.getRandomValues(new Uint8Array(32)) })

async function tablesOf(source: Dexie): Promise<Tables> {
  return (await readAllTables(source)) as Tables
}

/** An injected director: a staff member and an account the forger knows the password of. */
function withInjectedDirector(tables: Tables): Tables {
  const at = '2026-11-21T00:00:00.000Z'
  const actor = { operatorId: 'x', operatorName: '内鬼', deviceId: 'device-X' }
  return {
    ...tables,
    staff: [
      ...tables['staff']!,
      {
        ...newSyncMeta('staff-evil', actor, at),
        name: '孙内鬼',
        department: 'customer_care',
        role: 'cc_director',
        phone: null,
        active: true
      }
    ],
    accounts: [
      ...tables['accounts']!,
      {
        ...newSyncMeta('acc-evil', actor, at),
        staffId: 'staff-evil',
        username: 'sunneigui',
        passwordHash: tables['accounts']![0]!['passwordHash'],
        passwordChangedAt: at,
        failedAttempts: 0,
        lockedUntil: null,
        disabled: false
      }
    ]
  }
}

/** The forger knows how the chain is sealed, not this PC's audit key. */
const FORGER_AUDIT_KEY = crypto.getRandomValues(new Uint8Array(32))

/** The audit history rewritten (a file's creation now names someone else) and re-chained so it verifies. */
function rechained(tables: Tables): Tables {
  let prevHash = ''
  const events = (tables['auditEvents'] as unknown as AuditEvent[]).map((event, i) => {
    const { hash: _old, ...rest } = event
    const sealed = sealAuditEvent({ ...rest, actorName: i === 2 ? '张三' : rest.actorName, prevHash }, FORGER_AUDIT_KEY)
    prevHash = sealed.hash
    return sealed
  })
  return { ...tables, auditEvents: events as unknown as Record<string, unknown>[] }
}

const withSecrecy = (tables: Tables, secrecy: string): Tables => ({
  ...tables,
  vehicleFiles: tables['vehicleFiles']!.map((file, i) => (i === 0 ? { ...file, secrecy } : file))
})

function frames(bytes: Uint8Array): [number, number][] {
  const first = bytes.indexOf(0x0a)
  const list: [number, number][] = []
  for (let o = bytes.indexOf(0x0a, first + 1) + 1; o < bytes.byteLength;) {
    const length = new DataView(bytes.buffer, bytes.byteOffset + o, 4).getUint32(0)
    list.push([o, 4 + length])
    o += 4 + length
  }
  return list
}

async function attempt(bytes: Uint8Array, extra: { passphrase?: string; acceptUnauthenticated?: boolean } = {}) {
  const before = await readAllTables(db)
  let safetyTaken = false
  let code = 'RESTORED'
  let message = ''
  try {
    await restoreBackup(db, bytes, {
      actor: RESTORER,
      appVersion: APP,
      passphrase: extra.passphrase ?? PASSPHRASE,
      ...(extra.acceptUnauthenticated ? { acceptUnauthenticated: true } : {}),
      writerKey: async () => KEY,
      saveSafetyBackup: async () => {
        safetyTaken = true
      }
    })
  } catch (error) {
    if (!isDomainError(error)) throw error
    code = error.code
    message = error.message
  }
  const untouched = JSON.stringify(await readAllTables(db)) === JSON.stringify(before)
  const leftovers = (await Dexie.getDatabaseNames()).filter((name) => name.startsWith(RESTORE_DATABASE_PREFIX))
  return { code, message, untouched, safetyTaken, leftovers }
}

describe('forged and damaged backups are refused with the archive untouched', () => {
  const cases: [
    string,
    string,
    () => Promise<{ bytes: Uint8Array; extra?: { passphrase?: string; acceptUnauthenticated?: boolean } }>
  ][] = [
    [
      'an injected director account (complete file, made with the public key but without K_auth)',
      'BACKUP_NOT_AUTHENTIC',
      async () => ({ bytes: await encryptTables(withInjectedDirector(await tablesOf(db)), forgerKey()) })
    ],
    [
      'a rewritten audit history, re-chained so the chain verifies',
      'BACKUP_NOT_AUTHENTIC',
      async () => ({ bytes: await encryptTables(rechained(await tablesOf(db)), forgerKey()) })
    ],
    [
      'an emptied accounts table (to bring back first start)',
      'BACKUP_NOT_AUTHENTIC',
      async () => ({ bytes: await encryptTables({ ...(await tablesOf(db)), accounts: [] }, forgerKey()) })
    ],
    [
      'a secrecy value of "public"',
      'BACKUP_NOT_AUTHENTIC',
      async () => ({ bytes: await encryptTables(withSecrecy(await tablesOf(db), 'public'), forgerKey()) })
    ],
    [
      'an edited header (who made it)',
      'BACKUP_NOT_AUTHENTIC',
      async () => {
        const good = await encryptTables(await tablesOf(db), KEY)
        const end = good.indexOf(0x0a)
        const header = new TextDecoder()
          .decode(good.subarray(0, end))
          .replace('"createdBy":"王芳"', '"createdBy":"王芬"')
        const edited = new TextEncoder().encode(header)
        const bytes = new Uint8Array(edited.byteLength + good.byteLength - end)
        bytes.set(edited)
        bytes.set(good.subarray(end), edited.byteLength)
        return { bytes }
      }
    ],
    [
      'a truncated file',
      'BACKUP_TRUNCATED',
      async () => {
        const good = await encryptTables(await tablesOf(db), KEY, 2048)
        return { bytes: good.subarray(0, frames(good).at(-1)![0]) }
      }
    ],
    [
      'reordered chunks',
      'BACKUP_NOT_AUTHENTIC',
      async () => {
        const good = await encryptTables(await tablesOf(db), KEY, 2048)
        const list = frames(good)
        const [a, b] = [list[1]!, list[2]!]
        expect(a[1]).toBe(b[1])
        const bytes = good.slice()
        bytes.set(good.subarray(b[0], b[0] + b[1]), a[0])
        bytes.set(good.subarray(a[0], a[0] + a[1]), b[0])
        return { bytes }
      }
    ],
    [
      'a genuine file of another dealership (another passphrase)',
      'BACKUP_WRONG_PASSPHRASE',
      async () => ({ bytes: await encryptTables(await tablesOf(db), OTHER_DEALER) })
    ],
    [
      'the right file with a wrong passphrase',
      'BACKUP_WRONG_PASSPHRASE',
      async () => ({
        bytes: await encryptTables(await tablesOf(db), KEY),
        extra: { passphrase: '长白山下一汽大众2025' }
      })
    ],
    [
      'a genuine key but a secrecy value of "public" (rows are type-checked all the same)',
      'BACKUP_ROW_INVALID',
      async () => ({ bytes: await encryptTables(withSecrecy(await tablesOf(db), 'public'), KEY) })
    ],
    [
      'a genuine key but no active director',
      'BACKUP_NO_DIRECTOR',
      async () => {
        const tables = await tablesOf(db)
        return {
          bytes: await encryptTables(
            { ...tables, accounts: tables['accounts']!.map((a) => ({ ...a, disabled: true })) },
            KEY
          )
        }
      }
    ],
    [
      'an old-format (plain) file without the explicit confirmation',
      'BACKUP_LEGACY_UNCONFIRMED',
      async () => ({ bytes: legacy(await tablesOf(db)) })
    ],
    [
      'an old-format file, confirmed, with an injected bad enum',
      'BACKUP_ROW_INVALID',
      async () => ({ bytes: legacy(withSecrecy(await tablesOf(db), 'public')), extra: { acceptUnauthenticated: true } })
    ],
    [
      'an old-format file, confirmed, with the accounts emptied',
      'BACKUP_NO_DIRECTOR',
      async () => ({ bytes: legacy({ ...(await tablesOf(db)), accounts: [] }), extra: { acceptUnauthenticated: true } })
    ],
    [
      'an old-format file, confirmed, with a table named toString',
      'BACKUP_CORRUPT',
      async () => ({
        bytes: legacy({ ...(await tablesOf(db)), toString: [{ id: 'x' }] }),
        extra: { acceptUnauthenticated: true }
      })
    ]
  ]

  it.each(cases)('%s → %s', async (_label, code, make) => {
    db = await seededDb()
    const { bytes, extra } = await make()
    const result = await attempt(bytes, extra)
    expect(result).toMatchObject({ code, untouched: true, safetyTaken: false, leftovers: [] })
    expect(result.message).toMatch(/[\u4e00-\u9fff]/)
    expect(result.message).not.toMatch(/损坏/) // a forgery is not "damaged"; it failed authentication
  })

  it('counts: fifteen kinds of bad backup, every one refused', () => {
    expect(cases).toHaveLength(15)
  })

  it('a genuine encrypted backup of the same data restores (the refusals above are not blanket ones)', async () => {
    db = await seededDb()
    const file = await createBackup(db, { actor: RESTORER, appVersion: APP, reason: 'manual', key: KEY })
    const bytes = await backupBytes(file)
    const result = await attempt(bytes)
    expect(result.code).toBe('RESTORED')
    expect(result.safetyTaken).toBe(true)
  })

  it('rows the app itself writes in every table (policies, handovers, archives, inspections) pass the row schemas', async () => {
    db = await seededDb()
    const session = await new DexieAuth(db, 'device-A', { iterations: 1000 }).login('wangfang', 'Chedang#2026')
    const repos = createDexieRepositories(db, session.session, { iterations: 1000 })
    const [fileId] = await repos.vehicleFiles.listIds()
    const file = (await repos.vehicleFiles.get(fileId!))!
    const handover = await repos.handovers.open({ department: 'sales', handedByName: '李明' })
    const view = await repos.handovers.addArchive(handover.id, {
      scan: file.vin,
      kind: 'sales',
      advisorName: '李明',
      anchorDate: '2026-03-05',
      documentsPresent: Object.keys(FAW_VW_SALES_EXAMPLE.documents)
    })
    await repos.handovers.submit(handover.id)
    await repos.handovers.markSigned(handover.id)
    await repos.archives.completeInspection(
      view.archive.id,
      FAW_VW_SALES_EXAMPLE,
      allManualChecksPassed(getPreset('faw-vw').archiveTemplates.sales)
    )
    const tables = await tablesOf(db)
    for (const table of ['policies', 'handovers', 'archives', 'inspections'])
      expect(tables[table]!.length).toBeGreaterThan(0)
    const result = await attempt(await encryptTables(tables, KEY))
    expect(result.code).toBe('RESTORED')
  })

  it('a backup opened from the folder is read piece by piece and restores', async () => {
    db = await seededDb()
    const bytes = await backupBytes(
      await createBackup(db, { actor: RESTORER, appVersion: APP, reason: 'manual', key: KEY })
    )
    let reads = 0
    const source = {
      name: '车档备份-2026-11-22-0930-manual.chedang-backup',
      head: bytes.slice(0, 4096),
      async *pieces() {
        for (let at = 0; at < bytes.byteLength; at += 1000) {
          reads += 1
          yield bytes.slice(at, at + 1000)
        }
      }
    }
    await restoreBackup(db, source, {
      actor: RESTORER,
      appVersion: APP,
      passphrase: PASSPHRASE,
      writerKey: async () => KEY,
      saveSafetyBackup: async () => undefined
    })
    expect(reads).toBe(Math.ceil(bytes.byteLength / 1000))
    expect((await db.auditEvents.toArray()).some((event) => event.action === 'backup.restore')).toBe(true)
  })

  it('an old-format file restores once confirmed, and the audit trail says it was unencrypted', async () => {
    db = await seededDb()
    const tables = await tablesOf(db)
    expect((await attempt(legacy(tables), { acceptUnauthenticated: true })).code).toBe('RESTORED')
    const restore = (await db.auditEvents.toArray()).find((event) => event.action === 'backup.restore')!
    expect(restore.summary).toContain('旧格式未加密')
    expect(JSON.parse(restore.changes)).toMatchObject({ backupFormat: 1, backupAuthenticated: false })
  })

  it('a restore that runs out of disk space says so, and replaces nothing', async () => {
    db = await seededDb()
    const other = await seededDb()
    const bytes = await backupBytes(
      await createBackup(other, { actor: RESTORER, appVersion: APP, reason: 'manual', key: KEY })
    )
    await other.delete()
    const before = await readAllTables(db)
    const error = await restoreBackup(db, bytes, {
      actor: RESTORER,
      appVersion: APP,
      passphrase: PASSPHRASE,
      writerKey: async () => KEY,
      saveSafetyBackup: async () => undefined,
      faults: {
        afterTableReplaced: (table) => {
          if (table === 'vehicleFiles') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
        }
      }
    }).then(
      () => null,
      (e: unknown) => e
    )
    expect(isDomainError(error) && error.code).toBe('STORAGE_FULL')
    expect((error as Error).message).toContain('存储空间不足')
    expect(await readAllTables(db)).toEqual(before)
  })
})

/** A format-1 file: plain JSON with a SHA-256, which anyone can recompute. */
function legacy(tables: Tables): Uint8Array {
  return encodeBackup(tables, {
    appVersion: APP,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    createdAt: '2026-11-22T01:30:00.000Z',
    createdBy: '王芳',
    deviceId: 'device-A',
    reason: 'manual'
  }).bytes
}
