import type { Backup, BackupReason } from '@shared/backup/backup-format'
import { createBackup } from '../backup/create-backup'
import type { RestoreResult } from '../backup/restore-backup'
import { restoreBackup } from '../backup/restore-backup'
import type { Backups } from '../repositories'
import { actorOf } from '../session'
import type { ChedangDatabase } from './database'
import type { AccessGuard } from './access-guard'
import { recordAuditEvent } from './audit-writer'

/** Backups through the permission matrix: making one needs 备份与导出, restoring one 从备份恢复. */
export class DexieBackups implements Backups {
  constructor(
    private readonly db: ChedangDatabase,
    private readonly guard: AccessGuard,
    private readonly appVersion: string,
    private readonly now: () => Date = () => new Date()
  ) {}

  async create(reason: Extract<BackupReason, 'manual' | 'daily'>): Promise<Backup> {
    // The daily backup runs for whoever is logged in: it goes only to the configured backup folder.
    if (reason === 'manual') await this.guard.require('backup.export')
    const actor = actorOf(this.guard.session)
    const backup = await createBackup(this.db, { actor, appVersion: this.appVersion, reason, now: this.now() })
    // Daily backups run by themselves; a manual one is an export of the whole archive and is logged.
    if (reason === 'manual') {
      await recordAuditEvent(this.db, actor, {
        action: 'backup.export', entity: 'database', entityId: this.db.name,
        changes: { tables: backup.manifest.tables, contentSha256: backup.manifest.contentSha256 },
        summary: `手动备份全部档案（${Object.values(backup.manifest.tables).reduce((a, b) => a + b, 0)} 行）`
      }, this.now().toISOString())
    }
    return backup
  }

  async restore(bytes: Uint8Array, saveSafetyBackup: (backup: Backup) => Promise<void>): Promise<RestoreResult> {
    await this.guard.require('backup.restore')
    return restoreBackup(this.db, bytes, { actor: actorOf(this.guard.session), appVersion: this.appVersion, now: this.now(), saveSafetyBackup })
  }
}
