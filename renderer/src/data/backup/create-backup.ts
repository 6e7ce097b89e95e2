import type Dexie from 'dexie'
import type { Actor } from '@shared/model/sync-meta'
import { type Backup, type BackupReason, encodeBackup, latestAuditHashOf } from '@shared/backup/backup-format'
import { recordAuditAnchor } from '../dexie/audit-anchors'

/** Who and what a backup is stamped with. */
export interface CreateBackupOptions {
  actor: Pick<Actor, 'operatorName' | 'deviceId'>
  appVersion: string
  reason: BackupReason
  now?: Date
}

/** The Dexie schema version of an open database, as an integer (a patched native version 21 → 2). */
export function schemaVersionOf(db: Dexie): number {
  return Math.max(1, Math.floor(db.verno + 1e-9))
}

/**
 * Every row of every table of `db` (whatever tables it has: `db.tables`, never a fixed list), read in
 * ONE read transaction so the dump is a consistent snapshot. Rows come in primary-key order.
 */
export async function readAllTables(db: Dexie): Promise<Record<string, unknown[]>> {
  if (!db.isOpen()) await db.open()
  const tables = db.tables
  for (const table of tables) {
    const { keyPath } = table.schema.primKey
    if (keyPath === null || keyPath === undefined || keyPath === '') {
      // Rows of such a table do not carry their key; the backup format stores rows only.
      throw new Error(`backup: table ${table.name} has an outbound primary key; backups need inbound keys`)
    }
  }
  return db.transaction('r', tables, async () => {
    const dumps = await Promise.all(tables.map((table) => table.toArray()))
    return Object.fromEntries(tables.map((table, i) => [table.name, dumps[i]!]))
  })
}

/** A complete backup of `db` as it is now: the file's bytes and its manifest. Writes nothing. */
export async function createBackup(db: Dexie, options: CreateBackupOptions): Promise<Backup> {
  await recordAuditAnchor(db, 'backup', options.now)
  const tables = await readAllTables(db)
  return encodeBackup(tables, {
    appVersion: options.appVersion,
    schemaVersion: schemaVersionOf(db),
    createdAt: (options.now ?? new Date()).toISOString(),
    createdBy: options.actor.operatorName,
    deviceId: options.actor.deviceId,
    reason: options.reason
  })
}

/** The `hash` of the newest audit event of `db` (see latestAuditHashOf), or null. */
export async function readLatestAuditHash(db: Dexie): Promise<string | null> {
  if (!db.isOpen()) await db.open()
  if (!db.tables.some((table) => table.name === 'auditEvents')) return null
  const events = db.table('auditEvents')
  const newest = await events.orderBy('at').last() as { at?: string } | undefined
  if (newest?.at === undefined) return null
  return latestAuditHashOf(await events.where('at').equals(newest.at).toArray())
}
