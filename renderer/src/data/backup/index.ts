// Backups of the Dexie database: create, restore (verified, via a temporary database), the backup
// before a schema upgrade, lost-data detection at start, and where backup files go.
export {
  backupBytes,
  createBackup,
  readAllTables,
  readLatestAuditHash,
  schemaVersionOf,
  type BackupFile,
  type CreateBackupOptions
} from './create-backup'
export {
  BACKUP_KEYRING_ID,
  databaseAuthKeyStore,
  detectAuthKeyStore,
  loadWriterKey,
  readKeyring,
  type BackupAuthKeyStore
} from './backup-key'
export {
  legacyBackupUnconfirmed,
  restoreBackup,
  deleteStaleRestoreDatabases,
  RESTORE_DATABASE_PREFIX,
  type RestoreOptions,
  type RestoreResult
} from './restore-backup'
export {
  backupBeforeUpgrade,
  databaseNewerThanApp,
  recordBeforeUpgradeBackup,
  type BeforeUpgradeContext,
  type BeforeUpgradeResult
} from './backup-before-upgrade'
export { detectLostData, type LostDataCheck } from './detect-lost-data'
// Where backup files go reaches the OS, so it lives in platform/; re-exported here for the app's use.
export {
  createBrowserBackupTarget,
  createDesktopBackupTarget,
  detectBackupTarget,
  LAST_BACKUP_KEY,
  LAST_BACKUP_WITH_DATA_KEY,
  type BackupSource,
  type BackupTarget,
  type SavedBackup
} from '../../platform'
