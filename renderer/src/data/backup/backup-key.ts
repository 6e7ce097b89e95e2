import type Dexie from 'dexie'
import { z } from 'zod'
import { DomainError } from '@shared/model/domain-error'
import {
  type BackupKeyring,
  backupKeyNotSet,
  backupKeyringSchema,
  fromBase64,
  toBase64
} from '@shared/backup/backup-crypto'
import type { BackupWriterKey } from '@shared/backup/backup-stream'
import { type BackupAuthKeyStore, detectOsAuthKeyStore } from '../../platform'

// Where this PC keeps its backup key. The key ring (public key, private key and K_auth under the
// passphrase) is the settings row BACKUP_KEYRING_ID. K_auth in clear — what lets the PC write backups
// that verify — is kept by a BackupAuthKeyStore: on the desktop under the OS account's protection
// (Electron safeStorage, a file in the app-data folder); in the browser, for want of anything better,
// in that same settings row (weaker: whoever copies the browser profile could forge backups).
// The key ring row is never put into a backup and survives a restore: it belongs to this PC.

export const BACKUP_KEYRING_ID = 'backup.keyring'

/** Settings rows that are this PC's backup key: left out of backups, kept across a restore. */
export function isBackupKeyRow(table: string, row: { id?: unknown }): boolean {
  return table === 'settings' && row.id === BACKUP_KEYRING_ID
}

const keyringRowValue = z
  .object({
    keyring: backupKeyringSchema,
    /** Browser mode only: K_auth in base64. */
    localAuthKey: z.string().optional()
  })
  .strict()
export type KeyringRowValue = z.infer<typeof keyringRowValue>

export type { BackupAuthKeyStore }

/** Browser mode: K_auth lives in the key ring row itself (see keyringRowValueOf). */
export const databaseAuthKeyStore: BackupAuthKeyStore = {
  kind: 'database',
  read: async () => null,
  save: async () => undefined
}

/** The stored key ring row's value, or null when no passphrase was ever set. */
export async function readKeyringRow(db: Dexie): Promise<KeyringRowValue | null> {
  if (!db.tables.some((table) => table.name === 'settings')) return null
  const row = (await db.table('settings').get(BACKUP_KEYRING_ID)) as { value?: string } | undefined
  if (row?.value === undefined) return null
  const parsed = keyringRowValue.safeParse(JSON.parse(row.value))
  if (!parsed.success)
    throw new DomainError('BACKUP_KEYRING_INVALID', '本机保存的备份密钥已损坏，请客户总监重新设置备份密码')
  return parsed.data
}

export async function readKeyring(db: Dexie): Promise<BackupKeyring | null> {
  return (await readKeyringRow(db))?.keyring ?? null
}

/** The row value to store for a key ring, with K_auth inside only for the database store. */
export function keyringRowValueOf(
  keyring: BackupKeyring,
  authKey: Uint8Array,
  store: BackupAuthKeyStore
): KeyringRowValue {
  return store.kind === 'database' ? { keyring, localAuthKey: toBase64(authKey) } : { keyring }
}

/**
 * What this PC writes backups with. Throws 尚未设置备份密码 when no passphrase was set, and asks the
 * director to type it again when K_auth is missing on this PC (it is restored from the key ring then).
 */
export async function loadWriterKey(db: Dexie, store: BackupAuthKeyStore): Promise<BackupWriterKey> {
  const row = await readKeyringRow(db)
  if (row === null) throw backupKeyNotSet()
  const authKey = row.localAuthKey !== undefined ? fromBase64(row.localAuthKey) : await store.read(row.keyring.keyId)
  if (authKey === null || authKey.byteLength !== 32) {
    throw new DomainError(
      'BACKUP_AUTH_KEY_MISSING',
      '本机缺少备份认证密钥，无法备份。请客户总监在“备份与恢复”中重新输入一次备份密码（输入原密码即可）'
    )
  }
  return { keyring: row.keyring, authKey }
}

/** The OS's store when the desktop provides one, else the database (browser mode). */
export function detectAuthKeyStore(win: Window = window): BackupAuthKeyStore {
  return detectOsAuthKeyStore(win) ?? databaseAuthKeyStore
}
