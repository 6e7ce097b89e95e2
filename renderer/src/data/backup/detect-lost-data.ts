import type Dexie from 'dexie'
import type { BackupManifest } from '@shared/backup/backup-format'

export interface LostDataCheck {
  /** True when the live database holds no rows while the last backup held some: offer the restore. */
  lost: boolean
  liveRows: number
  backupRows: number
  lastBackup: BackupManifest | null
}

/**
 * Compares the live database with the last backup known to hold data. Call at start, before anything
 * writes (a first-run seed would make the database look non-empty); tables a first run seeds can be
 * left out of the comparison with `ignoreTables`.
 */
export async function detectLostData(
  db: Dexie,
  lastKnownBackup: { manifest: BackupManifest } | null,
  options: { ignoreTables?: readonly string[] } = {}
): Promise<LostDataCheck> {
  const ignored = new Set(options.ignoreTables ?? [])
  if (!db.isOpen()) await db.open()
  const tables = db.tables.filter((table) => !ignored.has(table.name))
  const counts =
    tables.length === 0
      ? []
      : await db.transaction('r', tables, () => Promise.all(tables.map((table) => table.count())))
  const liveRows = counts.reduce((sum, count) => sum + count, 0)
  const manifest = lastKnownBackup?.manifest ?? null
  const backupRows =
    manifest === null
      ? 0
      : Object.entries(manifest.tables)
          .filter(([name]) => !ignored.has(name))
          .reduce((sum, [, count]) => sum + count, 0)
  return { lost: liveRows === 0 && backupRows > 0, liveRows, backupRows, lastBackup: manifest }
}
