import Dexie from 'dexie'
import { DomainError } from '@shared/model/domain-error'
import { type Backup, BackupErrorCode, type BackupManifest } from '@shared/backup/backup-format'
import { createBackup, schemaVersionOf } from './create-backup'

export interface BeforeUpgradeContext {
  appVersion?: string
  /** Stamped into the manifest; before anyone has logged in this is the device itself. */
  operatorName?: string
  deviceId?: string
  now?: Date
}

export type BeforeUpgradeResult =
  | { status: 'absent' }
  | { status: 'current'; version: number }
  | { status: 'empty'; fromVersion: number }
  | { status: 'backed-up'; fromVersion: number; manifest: BackupManifest }

export function databaseNewerThanApp(installed: number, current: number): DomainError {
  return new DomainError(
    BackupErrorCode.databaseNewerThanApp,
    `本机档案库版本（${installed}）比本软件新，请安装新版车档；为保护数据，本软件不会打开它`,
    { installedVersion: String(installed), appSchemaVersion: String(current) }
  )
}

/**
 * Call at start, BEFORE the app opens `dbName` with its schema. Opens the existing database in
 * Dexie's dynamic mode (no versions declared: nothing is upgraded) to read its version, and:
 *  - no database yet → 'absent';
 *  - same version → 'current';
 *  - NEWER than `currentSchemaVersion` → throws DATABASE_NEWER_THAN_APP (the app must not open it);
 *  - older and empty → 'empty';
 *  - older with rows → exports it (reason 'before-upgrade'), awaits `save`, → 'backed-up'.
 *    If the export or `save` fails it throws BACKUP_BEFORE_UPGRADE_FAILED: do not upgrade then.
 */
export async function backupBeforeUpgrade(
  dbName: string,
  currentSchemaVersion: number,
  save: (backup: Backup) => Promise<void>,
  context: BeforeUpgradeContext = {}
): Promise<BeforeUpgradeResult> {
  const probe = new Dexie(dbName)
  try {
    await probe.open()
  } catch (error) {
    if (error instanceof Dexie.DexieError && error.name === Dexie.errnames.NoSuchDatabase) return { status: 'absent' }
    throw error
  }
  try {
    const installed = schemaVersionOf(probe)
    if (installed > currentSchemaVersion) throw databaseNewerThanApp(installed, currentSchemaVersion)
    if (installed === currentSchemaVersion) return { status: 'current', version: installed }
    const counts = await Promise.all(probe.tables.map((table) => table.count()))
    if (counts.every((count) => count === 0)) return { status: 'empty', fromVersion: installed }
    try {
      const backup = await createBackup(probe, {
        actor: { operatorName: context.operatorName ?? '系统', deviceId: context.deviceId ?? '' },
        appVersion: context.appVersion ?? 'unknown',
        reason: 'before-upgrade',
        ...(context.now ? { now: context.now } : {})
      })
      await save(backup)
      return { status: 'backed-up', fromVersion: installed, manifest: backup.manifest }
    } catch (error) {
      throw new DomainError(
        BackupErrorCode.beforeUpgradeFailed,
        '升级前未能备份本机档案库；为保护数据，本次不升级，请检查备份文件夹后重新启动车档',
        { reason: error instanceof Error ? error.message : String(error) }
      )
    }
  } finally {
    probe.close()
  }
}
