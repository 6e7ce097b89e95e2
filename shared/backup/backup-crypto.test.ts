import '../../tests/fixtures/pbkdf2-memo'
import { createHash, createHmac } from 'node:crypto'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  backupKeyNotSet,
  backupNotAuthentic,
  backupPassphraseProblem,
  createBackupKey,
  decryptChunk,
  encryptChunk,
  fromBase64,
  hmacSha256,
  keyIdOf,
  MIN_BACKUP_KDF_ITERATIONS,
  type NewBackupKey,
  newDataKey,
  openDataKey,
  rewrapBackupKey,
  sameBytes,
  toBase64,
  unlockBackupKey
} from './backup-crypto'
import type { DomainError } from '../model/domain-error'

const PASSPHRASE = '长白山下一汽大众2026'
const WHO = { setBy: '王主管', setAt: '2026-11-29T08:00:00.000Z' }

async function refusal(work: () => Promise<unknown>): Promise<DomainError> {
  try {
    await work()
  } catch (error) {
    return error as DomainError
  }
  throw new Error('expected a refusal')
}

let key: NewBackupKey
// Made once, as part of each test: a key that cannot be made fails the tests (a failing beforeAll only skips them).
let made: Promise<void> | undefined
beforeEach(
  () =>
    (made ??= (async () => {
      key = await createBackupKey(PASSPHRASE, WHO)
    })()),
  30_000
)

describe('the backup passphrase', () => {
  it('needs 12 characters, counted as a person counts them', () => {
    expect(backupPassphraseProblem('一汽大众长春宏达四店档案')).toBeNull()
    expect(backupPassphraseProblem('abcdefghijk!')).toBeNull()
    const short = backupPassphraseProblem('🚗'.repeat(11))
    expect(short?.code).toBe('BACKUP_PASSPHRASE_WEAK')
    expect(short?.message).toBe('备份密码至少 12 个字符')
  })

  it('says where to set it when none is set, and why a file is refused', () => {
    expect(backupKeyNotSet()).toMatchObject({
      code: 'BACKUP_KEY_NOT_SET',
      message: '尚未设置备份密码，无法备份。请客服部主管（客户总监）在“系统检查 → 备份与恢复”中先设置备份密码'
    })
    expect(backupNotAuthentic('header MAC')).toMatchObject({
      code: 'BACKUP_NOT_AUTHENTIC',
      message: '备份文件未通过真实性校验，可能被篡改，未做任何改动',
      details: { detail: 'header MAC' }
    })
  })
})

describe('the key ring', { timeout: 30_000 }, () => {
  it('keeps the public key, its fingerprint and the wrapped keys, never the private key in clear', () => {
    const { keyring, authKey } = key
    expect(keyring).toMatchObject({ version: 1, setBy: '王主管', setAt: WHO.setAt })
    expect(keyring.kdf).toMatchObject({ name: 'PBKDF2-SHA-256', iterations: MIN_BACKUP_KDF_ITERATIONS })
    expect(fromBase64(keyring.kdf.salt).byteLength).toBe(16)
    expect(fromBase64(keyring.publicKey).byteLength).toBe(65)
    expect(keyring.keyId).toBe(keyIdOf(fromBase64(keyring.publicKey)))
    expect(authKey.byteLength).toBe(32)
    expect(JSON.stringify(keyring)).not.toContain(toBase64(authKey))
  })

  it('prints the fingerprint as four groups of four hex digits of the public key’s SHA-256', () => {
    const raw = new Uint8Array(65).map((_, i) => i)
    const digest = createHash('sha256').update(raw).digest('hex').toUpperCase()
    expect(keyIdOf(raw)).toBe(
      `${digest.slice(0, 4)}-${digest.slice(4, 8)}-${digest.slice(8, 12)}-${digest.slice(12, 16)}`
    )
  })

  it('opens with its passphrase only, and refuses a wrapped private key that was edited', async () => {
    const unlocked = await unlockBackupKey(PASSPHRASE, key.keyring)
    expect(unlocked.authKey).toEqual(key.authKey)
    expect((await refusal(() => unlockBackupKey(`${PASSPHRASE}x`, key.keyring))).code).toBe('BACKUP_WRONG_PASSPHRASE')
    const data = fromBase64(key.keyring.wrappedPrivateKey.data)
    data[10]! ^= 1
    const edited = { ...key.keyring, wrappedPrivateKey: { ...key.keyring.wrappedPrivateKey, data: toBase64(data) } }
    const error = await refusal(() => unlockBackupKey(PASSPHRASE, edited))
    expect(error.code).toBe('BACKUP_NOT_AUTHENTIC')
    expect(error.details).toEqual({ detail: 'private key does not open with the passphrase that opens K_auth' })
  })

  it('refuses a weak new passphrase before it asks for the current one', async () => {
    const error = await refusal(() => rewrapBackupKey(key.keyring, 'not even checked', 'short', WHO))
    expect(error.code).toBe('BACKUP_PASSPHRASE_WEAK')
  })

  it('rewraps the same keys under a new passphrase, stamped with who changed it', async () => {
    const next = '新的备份密码-二〇二六年十二月'
    const who = { setBy: '李主管', setAt: '2026-12-01T08:00:00.000Z' }
    const rewrapped = await rewrapBackupKey(key.keyring, PASSPHRASE, next, who)
    expect(rewrapped).toMatchObject({ keyId: key.keyring.keyId, publicKey: key.keyring.publicKey, ...who })
    expect(rewrapped.kdf.salt).not.toBe(key.keyring.kdf.salt)
    expect((await unlockBackupKey(next, rewrapped)).authKey).toEqual(key.authKey)
  })
})

describe('data keys and chunks', { timeout: 30_000 }, () => {
  const header = new Uint8Array(32).fill(9)
  const plain = new TextEncoder().encode('{"table":"t","rows":0}\n')

  it('a data key opens only with the private key it was wrapped to', async () => {
    const { privateKey } = await unlockBackupKey(PASSPHRASE, key.keyring)
    const { dataKey, wrapped } = await newDataKey(key.keyring.publicKey)
    const sealed = await encryptChunk(dataKey, 0, true, header, plain)
    const opened = await openDataKey(privateKey, wrapped)
    expect(opened).not.toBeNull()
    expect(await decryptChunk(opened!, 0, true, header, sealed)).toEqual(plain)
    const other = await createBackupKey('另一个备份密码-不是我们的', WHO)
    const elsewhere = await newDataKey(other.keyring.publicKey)
    expect(await openDataKey(privateKey, elsewhere.wrapped)).toBeNull()
    expect(await openDataKey(privateKey, { ...wrapped, ephemeralPublicKey: toBase64(new Uint8Array(65)) })).toBeNull()
  })

  it('keeps the private key and an opened data key inside WebCrypto: neither can be exported', async () => {
    const { privateKey } = await unlockBackupKey(PASSPHRASE, key.keyring)
    const { wrapped } = await newDataKey(key.keyring.publicKey)
    const opened = (await openDataKey(privateKey, wrapped))!
    const subtle = (
      globalThis as unknown as { crypto: { subtle: { exportKey(f: string, k: unknown): Promise<unknown> } } }
    ).crypto.subtle
    await expect(subtle.exportKey('pkcs8', privateKey)).rejects.toThrow()
    await expect(subtle.exportKey('raw', opened)).rejects.toThrow()
  })

  it('a chunk opens only at its own index, with its own final flag, under its own header', async () => {
    const { privateKey } = await unlockBackupKey(PASSPHRASE, key.keyring)
    const { dataKey, wrapped } = await newDataKey(key.keyring.publicKey)
    const opened = (await openDataKey(privateKey, wrapped))!
    const index = 2 ** 32 + 5
    const sealed = await encryptChunk(dataKey, index, false, header, plain)
    expect(await decryptChunk(opened, index, false, header, sealed)).toEqual(plain)
    for (const [i, final, h] of [
      [5, false, header],
      [index, true, header],
      [index + 1, false, header],
      [index, false, new Uint8Array(32).fill(8)]
    ] as const)
      expect(await decryptChunk(opened, i, final, h, sealed)).toBeNull()
  })
})

describe('encodings and comparisons', () => {
  it('base64 round-trips large buffers as the standard encoding', () => {
    const bytes = new Uint8Array(0x8000 + 7).map((_, i) => (i * 31) % 256)
    const text = toBase64(bytes)
    expect(text).toBe(Buffer.from(bytes).toString('base64'))
    expect(fromBase64(text)).toEqual(bytes)
    expect(toBase64(new Uint8Array(0))).toBe('')
  })

  it('HMAC-SHA-256 is the standard one', async () => {
    const k = new Uint8Array(32).fill(3)
    const data = new TextEncoder().encode('{"format":"chedang-backup"}')
    expect(Buffer.from(await hmacSha256(k, data)).toString('hex')).toBe(
      createHmac('sha256', Buffer.from(k)).update(data).digest('hex')
    )
  })

  it('MACs compare equal only when every byte and the length agree', () => {
    const a = new Uint8Array([1, 2, 3, 4])
    expect(sameBytes(a, new Uint8Array([1, 2, 3, 4]))).toBe(true)
    expect(sameBytes(a, new Uint8Array([1, 2, 3]))).toBe(false)
    expect(sameBytes(a, new Uint8Array([1, 2, 3, 4, 5]))).toBe(false)
    expect(sameBytes(a, new Uint8Array([1, 2, 3, 5]))).toBe(false)
    expect(sameBytes(a, new Uint8Array([0, 2, 3, 4]))).toBe(false)
  })
})
