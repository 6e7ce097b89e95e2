import type { Repositories } from '../repositories'
import { ChedangDatabase } from './database'
import { DexieVehicleFiles } from './dexie-vehicle-files'
import { DexieSettings } from './dexie-settings'
import { DexieAuditLog } from './dexie-audit-log'

export function createDexieRepositories(db: ChedangDatabase, now?: () => Date): Repositories {
  const settings = new DexieSettings(db, now)
  return {
    settings,
    vehicleFiles: new DexieVehicleFiles(db, settings, now),
    auditLog: new DexieAuditLog(db)
  }
}

/** Opens the browser database and asks the browser not to evict it under storage pressure. */
export async function openDexieRepositories(name?: string): Promise<{ db: ChedangDatabase; repositories: Repositories; persisted: boolean }> {
  const db = new ChedangDatabase(name)
  await db.open()
  let persisted = false
  try {
    persisted = (await navigator.storage?.persist?.()) ?? false
  } catch {
    persisted = false
  }
  return { db, repositories: createDexieRepositories(db), persisted }
}
