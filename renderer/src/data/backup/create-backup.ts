import type Dexie from 'dexie'
import type { Actor } from '@shared/model/sync-meta'
import { type BackupManifest, type BackupReason, type BackupRow, latestAuditHashOf } from '@shared/backup/backup-format'
import {
  auditChainHeadsOf,
  type BackupSection,
  type BackupWriterKey,
  type EncryptedBackupInfo,
  encryptBackup
} from '@shared/backup/backup-stream'
import { isBackupKeyRow } from './backup-key'
import { collectPieces } from '../../platform/backup-target.browser'
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

/** A backup file as a stream: the manifest (known up front) and the file's bytes, piece by piece. */
export interface BackupFile {
  manifest: BackupManifest
  pieces: AsyncIterable<Uint8Array>
}

/**
 * An encrypted backup of `db` as it is now (see shared/backup/backup-stream.ts), to `key`. Writes
 * nothing. This PC's own backup key row is left out. Rows are read in one read transaction.
 */
export async function createBackup(
  db: Dexie,
  options: CreateBackupOptions & { key: BackupWriterKey }
): Promise<BackupFile> {
  await recordAuditAnchor(db, 'backup', options.now)
  const tables = await readAllTables(db)
  const kept: Record<string, unknown[]> = {}
  for (const name of Object.keys(tables).sort())
    kept[name] = tables[name]!.filter((row) => !isBackupKeyRow(name, row as { id?: unknown }))
  const events = kept['auditEvents'] ?? []
  const info: EncryptedBackupInfo = {
    appVersion: options.appVersion,
    schemaVersion: schemaVersionOf(db),
    createdAt: (options.now ?? new Date()).toISOString(),
    createdBy: options.actor.operatorName,
    deviceId: options.actor.deviceId,
    reason: options.reason,
    tables: Object.fromEntries(Object.entries(kept).map(([name, rows]) => [name, rows.length])),
    latestAuditHash: latestAuditHashOf(events),
    auditHeads: auditChainHeadsOf(events)
  }
  const sections: BackupSection[] = Object.entries(kept).map(([table, rows]) => ({ table, rows: rows as BackupRow[] }))
  return encryptBackup(info, sections, options.key)
}

/** Every piece of a backup file joined into one buffer. */
export function backupBytes(file: BackupFile): Promise<Uint8Array<ArrayBuffer>> {
  return collectPieces(file.pieces)
}

/** The `hash` of the newest audit event of `db` (see latestAuditHashOf), or null. */
export async function readLatestAuditHash(db: Dexie): Promise<string | null> {
  if (!db.isOpen()) await db.open()
  if (!db.tables.some((table) => table.name === 'auditEvents')) return null
  const events = db.table('auditEvents')
  const newest = (await events.orderBy('at').last()) as { at?: string } | undefined
  if (newest?.at === undefined) return null
  return latestAuditHashOf(await events.where('at').equals(newest.at).toArray())
}
