import { z } from 'zod'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { DomainError } from '../model/domain-error'

// The backup key (备份密钥) and the primitives of the encrypted backup format. WebCrypto only
// (present in the browser, Electron and Node): AES-256-GCM, PBKDF2-SHA-256, ECDH P-256, HKDF, HMAC.
//
//   passphrase ──PBKDF2 (≥ 600 000)──▶ KEK ──AES-GCM──▶ private key (pkcs8), K_auth (32 bytes)
//   public key (kept on the PC) + an ephemeral key pair per backup ──ECDH+HKDF──▶ wraps the data key
//   K_auth (kept on the PC, and under the KEK in every header) ──HMAC──▶ authenticates the header
//
// The PC can write backups (public key + K_auth) but never read one (that needs the private key,
// which exists only under the passphrase). A file whose header was not made with K_auth is refused.

export const MIN_BACKUP_KDF_ITERATIONS = 600_000
export const MIN_BACKUP_PASSPHRASE_LENGTH = 12

/** Minimal typing of the WebCrypto we use: shared/ is compiled without the DOM or Node typings. */
type Key = { readonly type: string }
interface Subtle {
  importKey(
    format: string,
    data: Uint8Array | object,
    algorithm: object | string,
    extractable: boolean,
    usages: string[]
  ): Promise<Key>
  exportKey(format: 'raw' | 'spki' | 'pkcs8', key: Key): Promise<ArrayBuffer>
  generateKey(algorithm: object, extractable: boolean, usages: string[]): Promise<{ publicKey: Key; privateKey: Key }>
  deriveBits(algorithm: object, key: Key, length: number): Promise<ArrayBuffer>
  encrypt(algorithm: object, key: Key, data: Uint8Array): Promise<ArrayBuffer>
  decrypt(algorithm: object, key: Key, data: Uint8Array): Promise<ArrayBuffer>
  sign(algorithm: string, key: Key, data: Uint8Array): Promise<ArrayBuffer>
}
const webCrypto = (
  globalThis as unknown as { crypto: { subtle: Subtle; getRandomValues<T extends Uint8Array>(array: T): T } }
).crypto

export const BackupKeyErrorCode = {
  /** No backup passphrase has been set: nothing can be backed up. */
  noKey: 'BACKUP_KEY_NOT_SET',
  /** The passphrase typed does not open this backup (or this key). */
  wrongPassphrase: 'BACKUP_WRONG_PASSPHRASE',
  /** The file was not made with this archive's authentication key, or was edited afterwards. */
  notAuthentic: 'BACKUP_NOT_AUTHENTIC',
  /** A passphrase too short (or the two entries differ). */
  weakPassphrase: 'BACKUP_PASSPHRASE_WEAK'
} as const

export function backupKeyNotSet(): DomainError {
  return new DomainError(
    BackupKeyErrorCode.noKey,
    '尚未设置备份密码，无法备份。请客服部主管（客户总监）在“系统检查 → 备份与恢复”中先设置备份密码'
  )
}
export function backupWrongPassphrase(): DomainError {
  return new DomainError(BackupKeyErrorCode.wrongPassphrase, '备份密码不正确，未做任何改动')
}
export function backupNotAuthentic(detail: string): DomainError {
  return new DomainError(BackupKeyErrorCode.notAuthentic, '备份文件未通过真实性校验，可能被篡改，未做任何改动', {
    detail
  })
}
export function backupPassphraseProblem(passphrase: string): DomainError | null {
  if ([...passphrase].length < MIN_BACKUP_PASSPHRASE_LENGTH) {
    return new DomainError(BackupKeyErrorCode.weakPassphrase, `备份密码至少 ${MIN_BACKUP_PASSPHRASE_LENGTH} 个字符`, {
      min: String(MIN_BACKUP_PASSPHRASE_LENGTH)
    })
  }
  return null
}

// ---------------------------------------------------------------------------------------------
// Encodings

export function toBase64(bytes: Uint8Array): string {
  let text = ''
  for (let i = 0; i < bytes.byteLength; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(text)
}
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text)
  const bytes = new Uint8Array(raw.length)
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i)
  return bytes
}
declare function btoa(data: string): string
declare function atob(data: string): string

const base64 = z
  .string()
  .max(20_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/)
const sealedSchema = z.object({ iv: base64, data: base64 }).strict()
/** Bytes encrypted with AES-256-GCM: a 12-byte IV and the ciphertext with its tag. */
export type Sealed = z.infer<typeof sealedSchema>

export function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return webCrypto.getRandomValues(new Uint8Array(length))
}

export const utf8Encode = (text: string): Uint8Array<ArrayBuffer> =>
  new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>
declare class TextEncoder {
  encode(text: string): Uint8Array
}

async function aesKey(raw: Uint8Array, usages: string[]): Promise<Key> {
  return webCrypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, usages)
}
async function seal(key: Key, plain: Uint8Array, aad: string): Promise<Sealed> {
  const iv = randomBytes(12)
  const data = new Uint8Array(
    await webCrypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8Encode(aad) }, key, plain)
  )
  return { iv: toBase64(iv), data: toBase64(data) }
}
/** Null when the key does not open it (wrong key or edited bytes). */
async function open(key: Key, sealed: Sealed, aad: string): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    return new Uint8Array(
      await webCrypto.subtle.decrypt(
        { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: utf8Encode(aad) },
        key,
        fromBase64(sealed.data)
      )
    )
  } catch {
    return null
  }
}

// ---------------------------------------------------------------------------------------------
// The passphrase-derived key

export const kdfSchema = z
  .object({
    name: z.literal('PBKDF2-SHA-256'),
    // Capped so a forged header cannot make the app grind for minutes before it says the passphrase is wrong.
    iterations: z.number().int().min(MIN_BACKUP_KDF_ITERATIONS).max(10_000_000),
    salt: base64
  })
  .strict()
export type KdfParams = z.infer<typeof kdfSchema>

/** The key-encryption key (KEK) of a passphrase: slow on purpose. */
export async function deriveKek(passphrase: string, kdf: KdfParams): Promise<Key> {
  const material = await webCrypto.subtle.importKey('raw', utf8Encode(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveBits'
  ])
  const bits = await webCrypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(kdf.salt), iterations: kdf.iterations },
    material,
    256
  )
  return aesKey(new Uint8Array(bits), ['encrypt', 'decrypt'])
}

const PRIVATE_KEY_AAD = 'chedang-backup/private-key/v1'
const AUTH_KEY_AAD = 'chedang-backup/auth-key/v1'

// ---------------------------------------------------------------------------------------------
// The key ring: what the database keeps (nothing in it reads a backup without the passphrase)

export const backupKeyringSchema = z
  .object({
    version: z.literal(1),
    /** Short fingerprint of the public key: printed on the recovery sheet, stamped in every backup. */
    keyId: z.string().regex(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/),
    kdf: kdfSchema,
    /** ECDH P-256 public key (raw, 65 bytes) that every backup's data key is wrapped to. */
    publicKey: base64,
    /** The matching private key (pkcs8) under the KEK. */
    wrappedPrivateKey: sealedSchema,
    /** K_auth under the KEK: copied into every header so a new PC with only the passphrase can verify. */
    wrappedAuthKey: sealedSchema,
    /** ISO instant and who set (or last changed) the passphrase. */
    setAt: z.iso.datetime({ offset: true }),
    setBy: z.string().min(1).max(100)
  })
  .strict()
export type BackupKeyring = z.infer<typeof backupKeyringSchema>

/** What a new key gives the PC: the key ring to store, and K_auth to keep where only this PC finds it. */
export interface NewBackupKey {
  keyring: BackupKeyring
  authKey: Uint8Array<ArrayBuffer>
}

export function keyIdOf(publicKeyRaw: Uint8Array): string {
  const hex = bytesToHex(sha256(publicKeyRaw)).slice(0, 16).toUpperCase()
  return hex.match(/.{4}/g)!.join('-')
}

/** A new backup key for a passphrase the director typed (twice, checked by the caller). */
export async function createBackupKey(
  passphrase: string,
  who: { setBy: string; setAt: string },
  iterations = MIN_BACKUP_KDF_ITERATIONS
): Promise<NewBackupKey> {
  const problem = backupPassphraseProblem(passphrase)
  if (problem) throw problem
  const kdf: KdfParams = { name: 'PBKDF2-SHA-256', iterations, salt: toBase64(randomBytes(16)) }
  const kek = await deriveKek(passphrase, kdf)
  const pair = await webCrypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits'])
  const publicRaw = new Uint8Array(await webCrypto.subtle.exportKey('raw', pair.publicKey))
  const privatePkcs8 = new Uint8Array(await webCrypto.subtle.exportKey('pkcs8', pair.privateKey))
  const authKey = randomBytes(32)
  const keyring = backupKeyringSchema.parse({
    version: 1,
    keyId: keyIdOf(publicRaw),
    kdf,
    publicKey: toBase64(publicRaw),
    wrappedPrivateKey: await seal(kek, privatePkcs8, PRIVATE_KEY_AAD),
    wrappedAuthKey: await seal(kek, authKey, AUTH_KEY_AAD),
    setAt: who.setAt,
    setBy: who.setBy
  })
  privatePkcs8.fill(0)
  return { keyring, authKey }
}

/** What the passphrase opens: the private key (to read backups) and K_auth (to verify them). */
export interface UnlockedBackupKey {
  privateKey: Key
  privatePkcs8: Uint8Array<ArrayBuffer>
  authKey: Uint8Array<ArrayBuffer>
}

/** Opens a key ring (or a header's copy of it) with the passphrase; a wrong one throws 备份密码不正确. */
export async function unlockBackupKey(
  passphrase: string,
  wrapped: Pick<BackupKeyring, 'kdf' | 'wrappedPrivateKey' | 'wrappedAuthKey'>
): Promise<UnlockedBackupKey> {
  const kek = await deriveKek(passphrase, wrapped.kdf)
  const authKey = await open(kek, wrapped.wrappedAuthKey, AUTH_KEY_AAD)
  if (authKey === null) throw backupWrongPassphrase()
  const privatePkcs8 = await open(kek, wrapped.wrappedPrivateKey, PRIVATE_KEY_AAD)
  if (privatePkcs8 === null) throw backupNotAuthentic('private key does not open with the passphrase that opens K_auth')
  const privateKey = await webCrypto.subtle.importKey(
    'pkcs8',
    privatePkcs8,
    { name: 'ECDH', namedCurve: 'P-256' },
    false,
    ['deriveBits']
  )
  return { privateKey, privatePkcs8, authKey }
}

/**
 * A new passphrase for the same key: the key pair and K_auth stay, only their wrapping changes, so
 * backups made before keep opening with the OLD passphrase (their headers carry the old wrapping).
 */
export async function rewrapBackupKey(
  keyring: BackupKeyring,
  currentPassphrase: string,
  nextPassphrase: string,
  who: { setBy: string; setAt: string },
  iterations = MIN_BACKUP_KDF_ITERATIONS
): Promise<BackupKeyring> {
  const problem = backupPassphraseProblem(nextPassphrase)
  if (problem) throw problem
  const unlocked = await unlockBackupKey(currentPassphrase, keyring)
  const kdf: KdfParams = { name: 'PBKDF2-SHA-256', iterations, salt: toBase64(randomBytes(16)) }
  const kek = await deriveKek(nextPassphrase, kdf)
  const next = backupKeyringSchema.parse({
    ...keyring,
    kdf,
    wrappedPrivateKey: await seal(kek, unlocked.privatePkcs8, PRIVATE_KEY_AAD),
    wrappedAuthKey: await seal(kek, unlocked.authKey, AUTH_KEY_AAD),
    setAt: who.setAt,
    setBy: who.setBy
  })
  unlocked.privatePkcs8.fill(0)
  return next
}

// ---------------------------------------------------------------------------------------------
// Per-backup data key, wrapped to the public key (ECDH-ES + HKDF-SHA-256 + AES-GCM)

const DATA_KEY_INFO = 'chedang-backup/data-key/v1'

async function wrappingKey(privateKey: Key, publicRaw: Uint8Array, salt: Uint8Array): Promise<Key> {
  // Stryker disable next-line BooleanLiteral: a public key, used here only to derive bits
  const peer = await webCrypto.subtle.importKey('raw', publicRaw, { name: 'ECDH', namedCurve: 'P-256' }, false, [])
  const shared = await webCrypto.subtle.deriveBits({ name: 'ECDH', public: peer }, privateKey, 256)
  const hkdf = await webCrypto.subtle.importKey('raw', new Uint8Array(shared), 'HKDF', false, ['deriveBits'])
  const bits = await webCrypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt, info: utf8Encode(DATA_KEY_INFO) },
    hkdf,
    256
  )
  return aesKey(new Uint8Array(bits), ['encrypt', 'decrypt'])
}

export const wrappedDataKeySchema = z
  .object({
    /** The backup's ephemeral ECDH public key (raw). */
    ephemeralPublicKey: base64,
    sealed: sealedSchema
  })
  .strict()
export type WrappedDataKey = z.infer<typeof wrappedDataKeySchema>

/** A fresh AES-256-GCM data key for one backup, and that key wrapped to the key ring's public key. */
export async function newDataKey(publicKeyBase64: string): Promise<{ dataKey: Key; wrapped: WrappedDataKey }> {
  const raw = randomBytes(32)
  // Stryker disable next-line BooleanLiteral: a public key can always be exported; the private half is dropped with the function
  const ephemeral = await webCrypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits'])
  const ephemeralRaw = new Uint8Array(await webCrypto.subtle.exportKey('raw', ephemeral.publicKey))
  const wrapKey = await wrappingKey(ephemeral.privateKey, fromBase64(publicKeyBase64), ephemeralRaw)
  const wrapped = { ephemeralPublicKey: toBase64(ephemeralRaw), sealed: await seal(wrapKey, raw, DATA_KEY_INFO) }
  const dataKey = await aesKey(raw, ['encrypt'])
  raw.fill(0)
  return { dataKey, wrapped }
}

/** The data key of a backup, opened with the private key; null when it does not open. */
export async function openDataKey(privateKey: Key, wrapped: WrappedDataKey): Promise<Key | null> {
  const ephemeralRaw = fromBase64(wrapped.ephemeralPublicKey)
  let wrapKey: Key
  try {
    wrapKey = await wrappingKey(privateKey, ephemeralRaw, ephemeralRaw)
  } catch {
    return null
  }
  const raw = await open(wrapKey, wrapped.sealed, DATA_KEY_INFO)
  return raw === null ? null : aesKey(raw, ['decrypt'])
}

// ---------------------------------------------------------------------------------------------
// Chunks and the header MAC

/** Nonce and AAD of chunk `index`: the index, whether it is the last, and the header's hash. */
function chunkParams(
  index: number,
  final: boolean,
  headerHash: Uint8Array
): { iv: Uint8Array; additionalData: Uint8Array } {
  const iv = new Uint8Array(12)
  const view = new DataView(iv.buffer)
  view.setUint32(0, Math.floor(index / 2 ** 32))
  view.setUint32(4, index >>> 0)
  iv[8] = final ? 1 : 0
  const additionalData = new Uint8Array(headerHash.byteLength + 12)
  additionalData.set(headerHash, 0)
  additionalData.set(iv, headerHash.byteLength)
  return { iv, additionalData }
}

export async function encryptChunk(
  dataKey: Key,
  index: number,
  final: boolean,
  headerHash: Uint8Array,
  plain: Uint8Array
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(
    await webCrypto.subtle.encrypt({ name: 'AES-GCM', ...chunkParams(index, final, headerHash) }, dataKey, plain)
  )
}

/** Null when the chunk is not the one expected at `index` / `final` under this header (or was edited). */
export async function decryptChunk(
  dataKey: Key,
  index: number,
  final: boolean,
  headerHash: Uint8Array,
  sealed: Uint8Array
): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    return new Uint8Array(
      await webCrypto.subtle.decrypt({ name: 'AES-GCM', ...chunkParams(index, final, headerHash) }, dataKey, sealed)
    )
  } catch {
    return null
  }
}

export async function hmacSha256(key: Uint8Array, data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  // Stryker disable next-line BooleanLiteral: the HMAC key object never leaves this function
  const hmac = await webCrypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  return new Uint8Array(await webCrypto.subtle.sign('HMAC', hmac, data))
}

/** Constant-time comparison of two MACs. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false
  let diff = 0
  for (let i = 0; i < a.byteLength; i++) diff |= a[i]! ^ b[i]!
  return diff === 0
}

export function sha256Bytes(bytes: Uint8Array): Uint8Array {
  return sha256(bytes)
}
