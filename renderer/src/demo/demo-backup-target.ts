import type { Platform } from '../platform'
import { createBrowserBackupTarget } from '../data/backup'
import type { BackupTarget } from '../data/backup'

/**
 * Backups in demo mode: never automatic and never into the backup folder (a desktop target would run
 * the daily backup there), only a manual download; what was saved is remembered in this window's
 * session, never where the real archive's start-up check reads its last backup from.
 */
export function createDemoBackupTarget(platform: Platform, storage: Storage = sessionStorage): BackupTarget {
  return createBrowserBackupTarget(platform, storage)
}
