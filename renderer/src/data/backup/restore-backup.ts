import Dexie from 'dexie'
import type { Actor } from '@shared/model/sync-meta'
import { DomainError } from '@shared/model/domain-error'
import {
  type Backup,
  type BackupManifest,
  type BackupRow,
  backupCorrupt,
  BackupErrorCode,
  BACKUP_REASON_LABELS,
  decodeBackupBody,
  encodeBackupBody,
  latestAuditHashOf,
  sha256Hex,
  verifyBackup
} from '@shared/backup/backup-format'
import { ChedangDatabase } from '../dexie/database'
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../dexie/schema-versions'
import { appendAuditEvent } from '../dexie/audit-writer'
import { createBackup, readAllTables } from './create-backup'

/** Temporary databases a restore imports into are named with this prefix. */
export const RESTORE_DATABASE_PREFIX = 'chedang-restore-'

export interface RestoreOptions {
  actor: Actor
  appVersion: string
  now?: Date
  /**
   * Stores the backup of the CURRENT data taken just before it is replaced (reason 'before-restore').
   * If it throws, nothing is replaced.
   */
  saveSafetyBackup: (backup: Backup) => Promise<void>
  /** Test seams: called synchronously inside the replacing transaction; a throw aborts the restore. */
  faults?: {
    afterTableCleared?: (table: string) => void
    afterTableReplaced?: (table: string) => void
  }
}

export interface RestoreResult {
  /** The restored backup's manifest. */
  manifest: BackupManifest
  /** The manifest of the safety backup of the data that was replaced. */
  safetyBackup: BackupManifest
  /** Rows now in each table of the live database (before the restore's own audit event). */
  restored: Record<string, number>
}

const verifyFailed = (detail: string) =>
  new DomainError(BackupErrorCode.verifyFailed, '备份导入临时库后核对不符（行数或校验值不一致），未做任何改动', { detail })

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

/**
 * Imports the backup's rows into a new database `name` created at the backup's own schema version,
 * then checks counts, the latest audit hash and — re-encoding what was stored — the content hash.
 */
async function importIntoTemporary(name: string, manifest: BackupManifest, tables: Map<string, BackupRow[]>): Promise<Record<string, unknown[]>> {
  const known = storesAtVersion(manifest.schemaVersion)
  for (const table of tables.keys()) {
    if (!(table in known)) throw backupCorrupt(`unknown table ${table} for schema version ${manifest.schemaVersion}`)
  }
  const temp = new Dexie(name)
  for (const entry of SCHEMA_VERSIONS) {
    if (entry.version <= manifest.schemaVersion) temp.version(entry.version).stores(entry.stores)
  }
  try {
    await temp.open()
    await temp.transaction('rw', temp.tables, async () => {
      for (const [table, rows] of tables) if (rows.length > 0) await temp.table(table).bulkAdd(rows)
    }).catch((error: unknown) => {
      throw backupCorrupt(`import failed: ${error instanceof Error ? `${error.name} ${error.message}` : String(error)}`)
    })
    const stored = await readAllTables(temp)
    const declared: Record<string, unknown[]> = {}
    for (const [table, count] of Object.entries(manifest.tables)) {
      const rows = stored[table] ?? []
      if (rows.length !== count) throw verifyFailed(`${table}: ${rows.length} ≠ ${count}`)
      declared[table] = rows
    }
    if (latestAuditHashOf(stored['auditEvents'] ?? []) !== manifest.latestAuditHash) throw verifyFailed('latest audit hash')
    if (sha256Hex(encodeBackupBody(declared)) !== manifest.contentSha256) throw verifyFailed('content hash after import')
    return stored
  } finally {
    temp.close()
  }
}

/**
 * Restores a backup file over the live database. Order, each step only if the previous succeeded:
 *  1. header, schema version, length and SHA-256 of the file (nothing is touched on failure);
 *  2. import into a temporary database at the backup's schema version; verify counts and hashes;
 *  3. for a backup from an older schema, reopen the temporary database with the app's schema, which
 *     runs the upgrades (the same ones a user's database goes through);
 *  4. back up the live data (reason 'before-restore') and hand it to `saveSafetyBackup`;
 *  5. replace every table of the live database in ONE read-write transaction (clear + bulkAdd) and
 *     append a 'backup.restore' audit event in it: an interruption rolls back to the old data.
 * The temporary database is deleted in every case.
 */
export async function restoreBackup(db: ChedangDatabase, bytes: Uint8Array, options: RestoreOptions): Promise<RestoreResult> {
  const now = options.now ?? new Date()
  const { manifest, body } = verifyBackup(bytes, CURRENT_SCHEMA_VERSION)
  const tables = decodeBackupBody(body, manifest)

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
    const missing = db.tables.filter((table) => !(table.name in incoming)).map((table) => table.name)
    if (missing.length > 0) throw new Error(`restore: temporary database lacks ${missing.join(', ')}`)

    const safety = await createBackup(db, { actor: options.actor, appVersion: options.appVersion, reason: 'before-restore', now })
    try {
      await options.saveSafetyBackup(safety)
    } catch (error) {
      throw new DomainError(BackupErrorCode.safetyFailed, '未能先备份当前数据，恢复已取消，当前数据没有任何改动', {
        reason: error instanceof Error ? error.message : String(error)
      })
    }

    const restored: Record<string, number> = {}
    await db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) {
        await table.clear()
        options.faults?.afterTableCleared?.(table.name)
        const rows = incoming[table.name]!
        if (rows.length > 0) await table.bulkAdd(rows)
        restored[table.name] = rows.length
        options.faults?.afterTableReplaced?.(table.name)
      }
      await appendAuditEvent(db, options.actor, {
        action: 'backup.restore',
        entity: 'backup',
        entityId: manifest.contentSha256,
        changes: {
          backupCreatedAt: manifest.createdAt,
          backupCreatedBy: manifest.createdBy,
          backupReason: manifest.reason,
          backupAppVersion: manifest.appVersion,
          backupSchemaVersion: manifest.schemaVersion,
          backupTables: manifest.tables,
          safetyBackupSha256: safety.manifest.contentSha256
        },
        summary: `从${BACKUP_REASON_LABELS[manifest.reason]}恢复数据（备份于 ${manifest.createdAt}，${manifest.createdBy}）`
      }, now.toISOString())
    })
    return { manifest, safetyBackup: safety.manifest, restored }
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
