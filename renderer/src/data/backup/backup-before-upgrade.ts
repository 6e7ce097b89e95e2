import Dexie from 'dexie'
import { DomainError } from '@shared/model/domain-error'
import { BackupErrorCode, type BackupManifest } from '@shared/backup/backup-format'
import { type BackupFile, createBackup, schemaVersionOf } from './create-backup'
import { type BackupAuthKeyStore, databaseAuthKeyStore, loadWriterKey, readKeyring } from './backup-key'
import type { Actor } from '@shared/model/sync-meta'
import type { ChedangDatabase } from '../dexie/database'
import { recordAuditEvent } from '../dexie/audit-writer'

export interface BeforeUpgradeContext {
  appVersion?: string
  /** Stamped into the manifest; before anyone has logged in this is the device itself. */
  operatorName?: string
  deviceId?: string
  now?: Date
  /** Where this PC keeps K_auth (default: the database, browser mode). */
  authKeys?: BackupAuthKeyStore
}

export type BeforeUpgradeResult =
  | { status: 'absent' }
  | { status: 'current'; version: number }
  | { status: 'empty'; fromVersion: number }
  /** No backup passphrase was ever set: there is no key to encrypt a backup to, so none was made. */
  | { status: 'no-key'; fromVersion: number }
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
 *  - older with rows but no backup key (no passphrase set yet) → 'no-key': upgraded without a backup;
 *  - older with rows → exports it (reason 'before-upgrade', encrypted), awaits `save`, → 'backed-up'.
 *    If the export or `save` fails it throws BACKUP_BEFORE_UPGRADE_FAILED: do not upgrade then.
 */
export async function backupBeforeUpgrade(
  dbName: string,
  currentSchemaVersion: number,
  save: (backup: BackupFile) => Promise<void>,
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
    if ((await readKeyring(probe)) === null) return { status: 'no-key', fromVersion: installed }
    try {
      const backup = await createBackup(probe, {
        key: await loadWriterKey(probe, context.authKeys ?? databaseAuthKeyStore),
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

/**
 * The audit event of a backup made before the upgrade, written once the upgraded database is open
 * (the old one was only read). No operator is logged in yet: the system made it, encrypted to the
 * director's key; 'no-key' is recorded too, so the trail shows an upgrade that went without a backup.
 */
export async function recordBeforeUpgradeBackup(
  db: ChedangDatabase,
  result: BeforeUpgradeResult,
  actor: Actor
): Promise<void> {
  if (result.status === 'backed-up') {
    await recordAuditEvent(db, actor, {
      action: 'backup.export',
      entity: 'database',
      entityId: db.name,
      changes: {
        reason: 'before-upgrade',
        fromVersion: result.fromVersion,
        tables: result.manifest.tables,
        keyId: result.manifest.keyId ?? null
      },
      summary: `升级前自动备份全部档案（数据库版本 ${result.fromVersion}，加密至密钥 ${result.manifest.keyId ?? '—'}）`
    })
  } else if (result.status === 'no-key') {
    await recordAuditEvent(db, actor, {
      action: 'backup.export',
      entity: 'database',
      entityId: db.name,
      changes: { reason: 'before-upgrade', fromVersion: result.fromVersion, skipped: 'no backup passphrase' },
      summary: `升级数据库（版本 ${result.fromVersion}）前未能备份：尚未设置备份密码`
    })
  }
}
