import type { BackupReason } from '@shared/backup/backup-format'
import { BACKUP_REASON_LABELS } from '@shared/backup/backup-format'
import { type BackupKeyring, createBackupKey, rewrapBackupKey, unlockBackupKey } from '@shared/backup/backup-crypto'
import { DomainError } from '@shared/model/domain-error'
import { newSyncMeta } from '@shared/model/sync-meta'
import { type BackupFile, createBackup } from '../backup/create-backup'
import type { RestoreResult } from '../backup/restore-backup'
import type { BackupSource } from '../../platform'
import { restoreBackup } from '../backup/restore-backup'
import {
  BACKUP_KEYRING_ID,
  type BackupAuthKeyStore,
  databaseAuthKeyStore,
  keyringRowValueOf,
  loadWriterKey,
  readKeyringRow
} from '../backup/backup-key'
import type { BackupFolderChooser, BackupKeyStatus, Backups } from '../repositories'
import { actorOf } from '../session'
import type { ChedangDatabase } from './database'
import type { AccessGuard } from './access-guard'
import { appendAuditEvent, recordAuditEvent } from './audit-writer'
import { readDealershipSettings } from './dexie-settings'

const statusOf = (keyring: BackupKeyring): BackupKeyStatus => ({
  keyId: keyring.keyId,
  setAt: keyring.setAt,
  setBy: keyring.setBy
})

/**
 * Backups through the permission matrix. Making one — by hand, daily, or as the safety copy before a
 * restore — needs 备份与导出 and is audited; restoring one, and setting the passphrase that opens
 * them, needs 从备份恢复. A backup is encrypted to the backup key, so whoever makes one cannot read
 * it: the archive manager may keep backing up without seeing 绝密 files through a backup.
 */
export class DexieBackups implements Backups {
  constructor(
    private readonly db: ChedangDatabase,
    private readonly guard: AccessGuard,
    private readonly appVersion: string,
    private readonly now: () => Date = () => new Date(),
    private readonly authKeys: BackupAuthKeyStore = databaseAuthKeyStore
  ) {}

  async keyStatus(): Promise<BackupKeyStatus | null> {
    if (!(await this.guard.allows('backup.restore'))) await this.guard.require('backup.export')
    const row = await readKeyringRow(this.db)
    return row && statusOf(row.keyring)
  }

  async setPassphrase(passphrase: string): Promise<BackupKeyStatus> {
    await this.guard.require('backup.restore', {
      entity: 'setting',
      entityId: BACKUP_KEYRING_ID,
      summary: '设置备份密码'
    })
    if ((await readKeyringRow(this.db)) !== null)
      throw new DomainError('BACKUP_KEY_EXISTS', '备份密码已设置；如需更换，请输入原密码后修改')
    const actor = actorOf(this.guard.session)
    const at = this.now().toISOString()
    // The slow key derivation runs before the transaction: nothing but Dexie work is awaited inside it.
    const { keyring, authKey } = await createBackupKey(passphrase, { setBy: actor.operatorName, setAt: at })
    await this.authKeys.save(keyring.keyId, authKey)
    await this.db.transaction('rw', [this.db.settings, this.db.auditEvents, this.db.counters], async () => {
      if (await this.db.settings.get(BACKUP_KEYRING_ID))
        throw new DomainError('BACKUP_KEY_EXISTS', '备份密码已设置；如需更换，请输入原密码后修改')
      await this.db.settings.add({
        ...newSyncMeta(BACKUP_KEYRING_ID, actor, at),
        value: JSON.stringify(keyringRowValueOf(keyring, authKey, this.authKeys))
      })
      await appendAuditEvent(
        this.db,
        actor,
        {
          action: 'setting.change',
          entity: 'setting',
          entityId: BACKUP_KEYRING_ID,
          changes: { backupKeyId: [null, keyring.keyId] },
          summary: `设置备份密码（密钥指纹 ${keyring.keyId}）`
        },
        at
      )
    })
    return statusOf(keyring)
  }

  async changePassphrase(current: string, next: string): Promise<BackupKeyStatus> {
    await this.guard.require('backup.restore', {
      entity: 'setting',
      entityId: BACKUP_KEYRING_ID,
      summary: '更改备份密码'
    })
    const row = await readKeyringRow(this.db)
    if (row === null) throw new DomainError('BACKUP_KEY_NOT_SET', '还没有设置备份密码', { variant: 'notYet' })
    const actor = actorOf(this.guard.session)
    const at = this.now().toISOString()
    const keyring = await rewrapBackupKey(row.keyring, current, next, { setBy: actor.operatorName, setAt: at })
    const { authKey } = await unlockBackupKey(next, keyring)
    // Re-stored each time: typing the passphrase again also brings K_auth back to a PC that lost it.
    await this.authKeys.save(keyring.keyId, authKey)
    await this.db.transaction('rw', [this.db.settings, this.db.auditEvents, this.db.counters], async () => {
      const stored = await this.db.settings.get(BACKUP_KEYRING_ID)
      if (!stored) throw new DomainError('BACKUP_KEY_NOT_SET', '还没有设置备份密码', { variant: 'notYet' })
      await this.db.settings.update(BACKUP_KEYRING_ID, {
        value: JSON.stringify(keyringRowValueOf(keyring, authKey, this.authKeys)),
        updatedAt: at,
        updatedBy: actor.operatorId,
        rev: stored.rev + 1
      })
      await appendAuditEvent(
        this.db,
        actor,
        {
          action: 'setting.change',
          entity: 'setting',
          entityId: BACKUP_KEYRING_ID,
          changes: { backupPassphraseSetAt: [row.keyring.setAt, at], backupKeyId: keyring.keyId },
          summary: `更改备份密码（密钥指纹 ${keyring.keyId} 不变；此前的备份仍需用原密码恢复）`
        },
        at
      )
    })
    return statusOf(keyring)
  }

  async create(reason: Extract<BackupReason, 'manual' | 'daily'>): Promise<BackupFile> {
    await this.guard.require('backup.export', {
      entity: 'database',
      entityId: this.db.name,
      summary: BACKUP_REASON_LABELS[reason]
    })
    const actor = actorOf(this.guard.session)
    const at = this.now()
    const backup = await createBackup(this.db, {
      actor,
      appVersion: this.appVersion,
      reason,
      now: at,
      key: await loadWriterKey(this.db, this.authKeys)
    })
    const rows = Object.values(backup.manifest.tables).reduce((a, b) => a + b, 0)
    await recordAuditEvent(
      this.db,
      actor,
      {
        action: 'backup.export',
        entity: 'database',
        entityId: this.db.name,
        changes: {
          reason,
          tables: backup.manifest.tables,
          keyId: backup.manifest.keyId ?? null,
          auditHeads: backup.manifest.auditHeads ?? []
        },
        summary: `${BACKUP_REASON_LABELS[reason]}全部档案（${rows} 行，加密至密钥 ${backup.manifest.keyId ?? '—'}）`
      },
      at.toISOString()
    )
    return backup
  }

  async restore(
    bytes: Uint8Array | BackupSource,
    options: {
      passphrase: string
      acceptUnauthenticated?: boolean
      saveSafetyBackup: (backup: BackupFile) => Promise<void>
    }
  ): Promise<RestoreResult> {
    await this.guard.require('backup.restore')
    // The copy of the current data made first is a backup like any other.
    await this.guard.require('backup.export')
    return restoreBackup(this.db, bytes, {
      actor: actorOf(this.guard.session),
      appVersion: this.appVersion,
      now: this.now(),
      passphrase: options.passphrase,
      ...(options.acceptUnauthenticated === undefined ? {} : { acceptUnauthenticated: options.acceptUnauthenticated }),
      writerKey: () => loadWriterKey(this.db, this.authKeys),
      saveSafetyBackup: options.saveSafetyBackup
    })
  }

  async changeFolder(chooser: BackupFolderChooser) {
    await this.guard.require('backup.export', {
      entity: 'setting',
      entityId: 'backupFolder',
      summary: '更改备份文件夹'
    })
    const before = await chooser.folder()
    const result = await chooser.chooseFolder()
    if (result?.status === 'chosen') {
      await recordAuditEvent(
        this.db,
        actorOf(this.guard.session),
        {
          action: 'setting.change',
          entity: 'setting',
          entityId: 'backupFolder',
          changes: { backupFolder: [before?.folder ?? null, result.folder.folder] },
          summary: `更改备份文件夹：${before?.folder ?? '—'} → ${result.folder.folder}`
        },
        this.now().toISOString()
      )
    }
    return result
  }

  async printKeySheet() {
    await this.guard.require('backup.restore', {
      entity: 'setting',
      entityId: BACKUP_KEYRING_ID,
      summary: '打印备份密钥登记表'
    })
    const row = await readKeyringRow(this.db)
    if (row === null) throw new DomainError('BACKUP_KEY_NOT_SET', '还没有设置备份密码', { variant: 'notYet' })
    const actor = actorOf(this.guard.session)
    const printedAt = this.now().toISOString()
    const printed = await recordAuditEvent(
      this.db,
      actor,
      {
        action: 'print',
        entity: 'setting',
        entityId: BACKUP_KEYRING_ID,
        changes: { document: 'backupKeySheet', keyId: row.keyring.keyId },
        summary: `打印《备份密钥登记表》（密钥指纹 ${row.keyring.keyId}）`
      },
      printedAt
    )
    return {
      ...statusOf(row.keyring),
      dealershipName: (await readDealershipSettings(this.db)).dealershipName,
      printedBy: actor.operatorName,
      printedAt,
      auditHead: { deviceSeq: printed.deviceSeq, hash: printed.hash }
    }
  }
}
