import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { isDomainError } from '@shared/model/domain-error'
import { ROLE_DEPARTMENT, type Role } from '@shared/operators/roles'
import { openEncryptedBackup, piecesOf } from '@shared/backup/backup-stream'
import type { BackupFolderInfo, ChooseBackupFolderResult } from '@shared/ipc/contract'
import type { Repositories } from '../repositories'
import type { Session } from '../session'
import { backupBytes } from '../backup/create-backup'
import { BACKUP_KEYRING_ID, type BackupAuthKeyStore } from '../backup/backup-key'
import { ChedangDatabase } from './database'
import { DexieAuth } from './dexie-auth'
import { createDexieRepositories } from './open-dexie-repositories'
import { CURRENT_SCHEMA_VERSION } from './schema-versions'
import { firstLogin } from '../../../../tests/fixtures/first-login'

// Who may make, read and key backups, and what the audit trail keeps of it.

const PASSPHRASE = '长白山下一汽大众2026'
let db: ChedangDatabase
let director: Repositories
const sessions = new Map<Role, Session>()
let n = 0

async function repositoriesOf(role: Role, backupAuthKeys?: BackupAuthKeyStore): Promise<Repositories> {
  return createDexieRepositories(db, sessions.get(role)!, {
    iterations: 1000,
    ...(backupAuthKeys ? { backupAuthKeys } : {})
  })
}

beforeEach(async () => {
  db = new ChedangDatabase(`dexie-backups-${++n}-${Date.now()}`)
  await db.open()
  const directorSession = await new DexieAuth(db, 'pc-1', { iterations: 1000 }).setup({
    dealershipName: '长春一汽大众4S店',
    name: '张丽',
    username: 'zhangli',
    password: 'Chedang#2026'
  })
  sessions.set('cc_director', directorSession)
  director = createDexieRepositories(db, directorSession, { iterations: 1000 })
  for (const [role, name] of [
    ['archive_manager', '刘敏'],
    ['sales_advisor', '王建华']
  ] as const) {
    const created = await director.operators.create({
      name,
      role,
      department: ROLE_DEPARTMENT[role],
      phone: '',
      username: `user.${role.replace(/_/g, '')}`,
      password: 'Archive#2026'
    })
    // Each operator replaces the director's initial password at the first login, as they must.
    sessions.set(
      role,
      await firstLogin(new DexieAuth(db, 'pc-1', { iterations: 1000 }), created.username!, 'Archive#2026')
    )
  }
})
afterEach(async () => {
  await db.delete()
})

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work
  } catch (error) {
    if (isDomainError(error)) return error.code
    throw error
  }
  return 'DONE'
}

/** Events of `action`, in the order they were written (all on one device). */
const events = async (action: string) =>
  (await db.auditEvents.toArray()).filter((event) => event.action === action).sort((a, b) => a.deviceSeq - b.deviceSeq)

describe('making a backup', () => {
  it('the daily backup is refused to an operator without 备份与导出, and the refusal is logged', async () => {
    await director.backups.setPassphrase(PASSPHRASE)
    const advisor = await repositoriesOf('sales_advisor')
    expect(await codeOf(advisor.backups.create('daily'))).toBe('PERMISSION_DENIED')
    const denied = await events('access.denied')
    expect(denied.at(-1)?.summary).toBe('被拒绝：备份与导出（每日自动备份）')
    expect(await events('backup.export')).toEqual([])
  })

  it('says who must set the passphrase when none is set, and makes nothing', async () => {
    const manager = await repositoriesOf('archive_manager')
    const error = await manager.backups.create('manual').catch((e: unknown) => e)
    expect(isDomainError(error) && error.code).toBe('BACKUP_KEY_NOT_SET')
    expect((error as Error).message).toContain('客户总监')
    expect(await events('backup.export')).toEqual([])
  })

  it('every backup, daily ones too, is audited with its reason, row counts and key', async () => {
    const { keyId } = await director.backups.setPassphrase(PASSPHRASE)
    const manager = await repositoriesOf('archive_manager')
    await manager.backups.create('daily')
    await manager.backups.create('manual')
    const exports = await events('backup.export')
    expect(exports.map((event) => JSON.parse(event.changes).reason)).toEqual(['daily', 'manual'])
    expect(exports.every((event) => event.actorName === '刘敏' && JSON.parse(event.changes).keyId === keyId)).toBe(true)
  })

  it('the archive manager can make a backup but cannot read it: only the passphrase opens it', async () => {
    await director.backups.setPassphrase(PASSPHRASE)
    const manager = await repositoriesOf('archive_manager')
    const bytes = await backupBytes(await manager.backups.create('manual'))
    // No secret of this PC opens it: the key ring row holds only what the passphrase unlocks.
    expect(await codeOf(openEncryptedBackup(piecesOf(bytes), '刘敏猜的备份密码啊啊', CURRENT_SCHEMA_VERSION))).toBe(
      'BACKUP_WRONG_PASSPHRASE'
    )
    const opened = await openEncryptedBackup(piecesOf(bytes), PASSPHRASE, CURRENT_SCHEMA_VERSION)
    expect(opened.manifest.createdBy).toBe('刘敏')
    // … and the manager cannot restore it either.
    expect(
      await codeOf(manager.backups.restore(bytes, { passphrase: PASSPHRASE, saveSafetyBackup: async () => undefined }))
    ).toBe('PERMISSION_DENIED')
  })
})

describe('the backup passphrase', () => {
  it('is set only by who may restore (the director), once, audited with the key fingerprint', async () => {
    const manager = await repositoriesOf('archive_manager')
    expect(await codeOf(manager.backups.setPassphrase(PASSPHRASE))).toBe('PERMISSION_DENIED')
    expect(await codeOf(director.backups.setPassphrase('太短了'))).toBe('BACKUP_PASSPHRASE_WEAK')
    const status = await director.backups.setPassphrase(PASSPHRASE)
    expect(status).toMatchObject({ setBy: '张丽' })
    expect(await manager.backups.keyStatus()).toEqual(status)
    expect(await codeOf(director.backups.setPassphrase(PASSPHRASE))).toBe('BACKUP_KEY_EXISTS')
    const [change] = await events('setting.change').then((list) => list.filter((e) => e.entityId === BACKUP_KEYRING_ID))
    expect(change!.summary).toBe(`设置备份密码（密钥指纹 ${status.keyId}）`)
    // The passphrase itself is nowhere in the database.
    expect(JSON.stringify(await db.settings.toArray()) + JSON.stringify(await db.auditEvents.toArray())).not.toContain(
      PASSPHRASE
    )
  })

  it('a change keeps the key; backups made before open only with the old passphrase; audited', async () => {
    await director.backups.setPassphrase(PASSPHRASE)
    const before = await backupBytes(await director.backups.create('manual'))
    expect(await codeOf(director.backups.changePassphrase('不是原来的备份密码呀', '新的备份密码-2027年'))).toBe(
      'BACKUP_WRONG_PASSPHRASE'
    )
    const status = await director.backups.changePassphrase(PASSPHRASE, '新的备份密码-2027年')
    const after = await backupBytes(await director.backups.create('manual'))
    expect((await openEncryptedBackup(piecesOf(before), PASSPHRASE, CURRENT_SCHEMA_VERSION)).manifest.keyId).toBe(
      status.keyId
    )
    expect(
      (await openEncryptedBackup(piecesOf(after), '新的备份密码-2027年', CURRENT_SCHEMA_VERSION)).manifest.keyId
    ).toBe(status.keyId)
    expect(await codeOf(openEncryptedBackup(piecesOf(after), PASSPHRASE, CURRENT_SCHEMA_VERSION))).toBe(
      'BACKUP_WRONG_PASSPHRASE'
    )
    expect((await events('setting.change')).at(-1)!.summary).toContain('此前的备份仍需用原密码恢复')
  })

  it('desktop: K_auth goes to the OS store, not into the database; typing the passphrase again restores a lost one', async () => {
    const kept = new Map<string, Uint8Array>()
    const os: BackupAuthKeyStore = {
      kind: 'os',
      read: async (id) => kept.get(id) ?? null,
      save: async (id, key) => {
        kept.set(id, key)
      }
    }
    const directorOnDesktop = await repositoriesOf('cc_director', os)
    const { keyId } = await directorOnDesktop.backups.setPassphrase(PASSPHRASE)
    expect(kept.get(keyId)).toHaveLength(32)
    expect(JSON.parse((await db.settings.get(BACKUP_KEYRING_ID))!.value)).not.toHaveProperty('localAuthKey')
    await directorOnDesktop.backups.create('manual')

    kept.clear()
    expect(await codeOf(directorOnDesktop.backups.create('manual'))).toBe('BACKUP_AUTH_KEY_MISSING')
    await directorOnDesktop.backups.changePassphrase(PASSPHRASE, PASSPHRASE)
    expect(await codeOf(directorOnDesktop.backups.create('manual'))).toBe('DONE')
  })
})

describe('restoring through the repository', () => {
  it("keeps this PC's backup key: after a restore the next backup is made and opens as before", async () => {
    const { keyId } = await director.backups.setPassphrase(PASSPHRASE)
    const bytes = await backupBytes(await director.backups.create('manual'))
    const safety: string[] = []
    await director.backups.restore(bytes, {
      passphrase: PASSPHRASE,
      saveSafetyBackup: async (file) => {
        safety.push(file.manifest.reason)
      }
    })
    expect(safety).toEqual(['before-restore'])
    expect((await director.backups.keyStatus())?.keyId).toBe(keyId)
    const next = await backupBytes(await director.backups.create('manual'))
    expect((await openEncryptedBackup(piecesOf(next), PASSPHRASE, CURRENT_SCHEMA_VERSION)).manifest.keyId).toBe(keyId)
    // The safety backup and the restore are both in the trail.
    expect((await events('backup.export')).map((e) => JSON.parse(e.changes).reason)).toContain('before-restore')
    expect(await events('backup.restore')).toHaveLength(1)
  })
})

describe('the backup folder', () => {
  const chooser = (from: string, to: string) => ({
    folder: vi.fn(async (): Promise<BackupFolderInfo> => ({ folder: from, isDefault: true, keepDaily: 30 })),
    chooseFolder: vi.fn(async (): Promise<ChooseBackupFolderResult> => ({
      status: 'chosen',
      folder: { folder: to, isDefault: false, keepDaily: 30 }
    }))
  })

  it('cannot be changed without 备份与导出: no folder picker opens', async () => {
    const advisor = await repositoriesOf('sales_advisor')
    const picker = chooser('C:\\Users\\x\\Documents\\CheDang 备份', 'E:\\U盘')
    expect(await codeOf(advisor.backups.changeFolder(picker))).toBe('PERMISSION_DENIED')
    expect(picker.chooseFolder).not.toHaveBeenCalled()
  })

  it('a change is audited with the old and the new path', async () => {
    const manager = await repositoriesOf('archive_manager')
    await manager.backups.changeFolder(chooser('C:\\Users\\x\\Documents\\CheDang 备份', 'D:\\档案备份'))
    const [change] = (await events('setting.change')).filter((event) => event.entityId === 'backupFolder')
    expect(JSON.parse(change!.changes)).toEqual({
      backupFolder: ['C:\\Users\\x\\Documents\\CheDang 备份', 'D:\\档案备份']
    })
    expect(change!.actorName).toBe('刘敏')
  })
})
