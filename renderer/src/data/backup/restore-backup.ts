import Dexie from 'dexie'
import type { Actor } from '@shared/model/sync-meta'
import { DomainError } from '@shared/model/domain-error'
import {
  type BackupManifest,
  type BackupRow,
  backupCorrupt,
  BackupErrorCode,
  BACKUP_REASON_LABELS,
  decodeBackupBody,
  encodeBackupBody,
  LEGACY_BACKUP_FORMAT_VERSION,
  latestAuditHashOf,
  readBackupHeaderLine,
  sha256Hex,
  verifyBackup
} from '@shared/backup/backup-format'
import { auditChainHeadsOf, type BackupWriterKey, openEncryptedBackup, piecesOf } from '@shared/backup/backup-stream'
import { assertBackupRow, assertHasActiveDirector } from '@shared/backup/backup-row-schemas'
import type { SettingRow } from '../rows'
import { isQuotaExceeded, mapStorageError, storageFull } from '../storage-errors'
import { isBackupKeyRow } from './backup-key'
import { ChedangDatabase } from '../dexie/database'
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../dexie/schema-versions'
import { appendAuditEvent } from '../dexie/audit-writer'
import { type BackupFile, backupBytes, createBackup, readAllTables } from './create-backup'
import type { BackupSource } from '../../platform'

/** Temporary databases a restore imports into are named with this prefix. */
export const RESTORE_DATABASE_PREFIX = 'chedang-restore-'

export interface RestoreOptions {
  actor: Actor
  appVersion: string
  now?: Date
  /** The backup passphrase the person typed (format 2 files cannot be read without it). */
  passphrase: string
  /** Format 1 (plain, unauthenticated) files are restored only when the person confirmed that. */
  acceptUnauthenticated?: boolean
  /** This PC's backup key, for the safety backup of the current data (not asked when there is no data). */
  writerKey: () => Promise<BackupWriterKey>
  /**
   * Stores the backup of the CURRENT data taken just before it is replaced (reason 'before-restore').
   * If it throws, nothing is replaced.
   */
  saveSafetyBackup: (backup: BackupFile) => Promise<void>
  /** Test seams: called synchronously inside the replacing transaction; a throw aborts the restore. */
  faults?: {
    afterTableCleared?: (table: string) => void
    afterTableReplaced?: (table: string) => void
  }
}

export interface RestoreResult {
  /** The restored backup's manifest. */
  manifest: BackupManifest
  /** The manifest of the safety backup of the data that was replaced; null when there was no data. */
  safetyBackup: BackupManifest | null
  /** Rows now in each table of the live database (before the restore's own audit event). */
  restored: Record<string, number>
}

const verifyFailed = (detail: string) =>
  new DomainError(BackupErrorCode.verifyFailed, '备份导入临时库后核对不符（行数或校验值不一致），未做任何改动', {
    detail
  })

export function legacyBackupUnconfirmed(): DomainError {
  return new DomainError(
    BackupErrorCode.legacyUnconfirmed,
    '这是旧格式的备份：未加密，也无法证明未被改动。只有确认来源可靠并明确同意后才能恢复'
  )
}

/** The tables (name → index spec) a database of `version` has, from the schema history. */
function storesAtVersion(version: number): Record<string, string> {
  const stores: Record<string, string> = {}
  for (const entry of SCHEMA_VERSIONS) {
    if (entry.version > version) continue
    for (const [name, spec] of Object.entries(entry.stores)) {
      if (spec === null) delete stores[name]
      else stores[name] = spec
    }
  }
  return stores
}

/** A source read piece by piece (not bytes). Not `instanceof Uint8Array`: bytes from another realm fail that test. */
export function isBackupSource(source: Uint8Array | BackupSource): source is BackupSource {
  return 'head' in source && typeof (source as BackupSource).pieces === 'function'
}

/** The rows of a backup file, checked as far as the file alone allows (format 1 or 2). */
async function readBackupRows(
  source: Uint8Array | BackupSource,
  options: RestoreOptions
): Promise<{ manifest: BackupManifest; formatVersion: number; tables: Map<string, BackupRow[]> }> {
  const head = isBackupSource(source) ? source.head : source
  const { formatVersion } = readBackupHeaderLine(head)
  if (formatVersion === LEGACY_BACKUP_FORMAT_VERSION) {
    if (options.acceptUnauthenticated !== true) throw legacyBackupUnconfirmed()
    const bytes = isBackupSource(source)
      ? await backupBytes({ manifest: {} as BackupManifest, pieces: source.pieces() })
      : source
    const { manifest, body } = verifyBackup(bytes, CURRENT_SCHEMA_VERSION)
    return { manifest, formatVersion, tables: decodeBackupBody(body, manifest) }
  }
  // Format 2 is read piece by piece: a backup of several GB never sits whole in memory.
  const opened = await openEncryptedBackup(
    isBackupSource(source) ? source.pieces() : piecesOf(source),
    options.passphrase,
    CURRENT_SCHEMA_VERSION
  )
  const tables = new Map<string, BackupRow[]>(Object.keys(opened.manifest.tables).map((name) => [name, []]))
  for await (const { table, row } of opened.rows) tables.get(table)!.push(row)
  return { manifest: opened.manifest, formatVersion, tables }
}

/**
 * Imports the backup's rows into a new database `name` created at the backup's own schema version,
 * then checks counts, the latest audit hash, each device's audit chain head (format 2) and — format 1,
 * re-encoding what was stored — the content hash.
 */
async function importIntoTemporary(
  name: string,
  manifest: BackupManifest,
  tables: Map<string, BackupRow[]>
): Promise<Record<string, unknown[]>> {
  const known = storesAtVersion(manifest.schemaVersion)
  for (const table of tables.keys()) {
    if (!Object.hasOwn(known, table)) {
      throw new DomainError(
        BackupErrorCode.corrupt,
        `备份中有本软件不认识的表（${table.slice(0, 100)}），未做任何改动`,
        {
          detail: `unknown table for schema version ${manifest.schemaVersion}`,
          table: table.slice(0, 100),
          variant: 'unknownTable'
        }
      )
    }
  }
  const temp = new Dexie(name)
  for (const entry of SCHEMA_VERSIONS) {
    if (entry.version <= manifest.schemaVersion) temp.version(entry.version).stores(entry.stores)
  }
  try {
    await temp.open()
    await temp
      .transaction('rw', temp.tables, async () => {
        for (const [table, rows] of tables) if (rows.length > 0) await temp.table(table).bulkAdd(rows)
      })
      .catch((error: unknown) => {
        if (isQuotaExceeded(error)) throw storageFull()
        throw backupCorrupt(
          `import failed: ${error instanceof Error ? `${error.name} ${error.message}` : String(error)}`
        )
      })
    const stored = await readAllTables(temp)
    const declared: Record<string, unknown[]> = {}
    for (const [table, count] of Object.entries(manifest.tables)) {
      const rows = stored[table] ?? []
      if (rows.length !== count) throw verifyFailed(`${table}: ${rows.length} ≠ ${count}`)
      declared[table] = rows
    }
    if (latestAuditHashOf(stored['auditEvents'] ?? []) !== manifest.latestAuditHash)
      throw verifyFailed('latest audit hash')
    if (
      manifest.auditHeads !== undefined &&
      JSON.stringify(auditChainHeadsOf(stored['auditEvents'] ?? [])) !== JSON.stringify(manifest.auditHeads)
    ) {
      throw verifyFailed('audit chain heads')
    }
    if (manifest.contentSha256 !== undefined && sha256Hex(encodeBackupBody(declared)) !== manifest.contentSha256)
      throw verifyFailed('content hash after import')
    return stored
  } finally {
    temp.close()
  }
}

/** Every row of the data about to become the archive, against its table's schema; and a director. */
function assertRestorable(incoming: Record<string, unknown[]>): void {
  for (const [table, rows] of Object.entries(incoming)) rows.forEach((row, i) => assertBackupRow(table, row, i))
  assertHasActiveDirector(incoming)
}

/**
 * Restores a backup file over the live database. Order, each step only if the previous succeeded:
 *  1. format 2: header, passphrase, header MAC, every chunk (nothing is touched on failure);
 *     format 1: only with `acceptUnauthenticated`, then header, length and SHA-256;
 *  2. import into a temporary database at the backup's schema version; verify counts and hashes;
 *  3. for a backup from an older schema, reopen the temporary database with the app's schema, which
 *     runs the upgrades (the same ones a user's database goes through);
 *  4. check every row against its table's schema, and that an active director account exists;
 *  5. back up the live data (reason 'before-restore') and hand it to `saveSafetyBackup`;
 *  6. replace every table of the live database in ONE read-write transaction (clear + bulkAdd), keep
 *     this PC's backup key row, and append a 'backup.restore' audit event in it: an interruption
 *     rolls back to the old data.
 * The temporary database is deleted in every case.
 */
export async function restoreBackup(
  db: ChedangDatabase,
  bytes: Uint8Array | BackupSource,
  options: RestoreOptions
): Promise<RestoreResult> {
  const now = options.now ?? new Date()
  const { manifest, formatVersion, tables } = await readBackupRows(bytes, options)
  for (const [table, rows] of tables)
    if (table === 'settings')
      tables.set(
        table,
        rows.filter((row) => !isBackupKeyRow(table, row))
      )
  const tempName = `${RESTORE_DATABASE_PREFIX}${crypto.randomUUID()}`
  let upgraded: ChedangDatabase | null = null
  try {
    let incoming = await importIntoTemporary(tempName, manifest, tables)
    tables.clear() // the parsed rows are no longer needed; let them go before the next copy
    if (manifest.schemaVersion < CURRENT_SCHEMA_VERSION) {
      // An older backup: open the temporary database with the app's schema, which runs the upgrades.
      upgraded = new ChedangDatabase(tempName)
      incoming = await readAllTables(upgraded)
      upgraded.close()
    }
    if (!db.isOpen()) await db.open()
    const missing = db.tables.filter((table) => !Object.hasOwn(incoming, table.name)).map((table) => table.name)
    if (missing.length > 0) throw new Error(`restore: temporary database lacks ${missing.join(', ')}`)
    assertRestorable(incoming)

    const live = await readAllTables(db)
    const keyRows = (live['settings'] ?? []).filter((row) => isBackupKeyRow('settings', row as { id?: unknown }))
    const liveRows = Object.entries(live).reduce(
      (sum, [name, rows]) => sum + (name === 'settings' ? rows.length - keyRows.length : rows.length),
      0
    )
    let safety: BackupManifest | null = null
    if (liveRows > 0) {
      try {
        const file = await createBackup(db, {
          actor: options.actor,
          appVersion: options.appVersion,
          reason: 'before-restore',
          now,
          key: await options.writerKey()
        })
        await options.saveSafetyBackup(file)
        safety = file.manifest
      } catch (error) {
        throw new DomainError(
          BackupErrorCode.safetyFailed,
          `未能先备份当前数据，恢复已取消，当前数据没有任何改动（${error instanceof Error ? error.message : String(error)}）`,
          {
            reason: error instanceof Error ? error.message : String(error)
          }
        )
      }
    }

    const restored: Record<string, number> = {}
    await db
      .transaction('rw', db.tables, async () => {
        for (const table of db.tables) {
          await table.clear()
          options.faults?.afterTableCleared?.(table.name)
          const rows = incoming[table.name]!
          if (rows.length > 0) await table.bulkAdd(rows)
          restored[table.name] = rows.length
          options.faults?.afterTableReplaced?.(table.name)
        }
        if (keyRows.length > 0) await db.settings.bulkPut(keyRows as SettingRow[])
        if (safety !== null) {
          await appendAuditEvent(
            db,
            options.actor,
            {
              action: 'backup.export',
              entity: 'backup',
              entityId: `${safety.deviceId}@${safety.createdAt}`,
              changes: { reason: safety.reason, tables: safety.tables, keyId: safety.keyId ?? null },
              summary: `${BACKUP_REASON_LABELS[safety.reason]}（恢复前的全部数据）`
            },
            now.toISOString()
          )
        }
        await appendAuditEvent(
          db,
          options.actor,
          {
            action: 'backup.restore',
            entity: 'backup',
            entityId: manifest.contentSha256 ?? `${manifest.deviceId}@${manifest.createdAt}`,
            changes: {
              backupFormat: formatVersion,
              backupAuthenticated: formatVersion !== LEGACY_BACKUP_FORMAT_VERSION,
              backupKeyId: manifest.keyId ?? null,
              backupCreatedAt: manifest.createdAt,
              backupCreatedBy: manifest.createdBy,
              backupReason: manifest.reason,
              backupAppVersion: manifest.appVersion,
              backupSchemaVersion: manifest.schemaVersion,
              backupTables: manifest.tables,
              backupAuditHeads: manifest.auditHeads ?? null,
              safetyBackup: safety === null ? null : `${safety.deviceId}@${safety.createdAt}`
            },
            summary: `从${BACKUP_REASON_LABELS[manifest.reason]}恢复数据（备份于 ${manifest.createdAt}，${manifest.createdBy}${formatVersion === LEGACY_BACKUP_FORMAT_VERSION ? '，旧格式未加密' : ''}）`
          },
          now.toISOString()
        )
      })
      .catch((error: unknown) => {
        throw mapStorageError(error)
      })
    return { manifest, safetyBackup: safety, restored }
  } finally {
    upgraded?.close()
    await Dexie.delete(tempName).catch(() => undefined)
  }
}

/** Deletes temporary restore databases a crash may have left behind. Call at start, before any restore. */
export async function deleteStaleRestoreDatabases(): Promise<string[]> {
  const names = (await Dexie.getDatabaseNames()).filter((name) => name.startsWith(RESTORE_DATABASE_PREFIX))
  for (const name of names) await Dexie.delete(name)
  return names
}
