import { randomBytes } from 'node:crypto'
import { open, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { auditAnchorLines, parseAuditAnchorLines } from '../../shared/audit/audit-anchor-schema'
import { AUDIT_KEY_BYTES, type AuditAnchor } from '../../shared/audit/audit-chain'
import type { AuditKeyResult, ReadAuditAnchorsResult } from '../../shared/ipc/contract'

// The audit trail's trust outside IndexedDB, in the app-data folder:
// - audit-key.json: the key that seals the chain, encrypted with Electron's safeStorage (DPAPI on
//   Windows, Keychain on macOS, the keyring on Linux), made on first need and never replaced;
// - audit-anchors.jsonl: one chain head per line, only ever appended and fsynced.

export const AUDIT_KEY_FILE = 'audit-key.json'
export const AUDIT_ANCHOR_FILE = 'audit-anchors.jsonl'

/** The part of Electron's safeStorage the store uses. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
}

export interface AuditTrustStore {
  key(): Promise<AuditKeyResult>
  appendAnchors(anchors: readonly AuditAnchor[]): Promise<void>
  readAnchors(): Promise<ReadAuditAnchorsResult>
}

interface KeyFile {
  format: 'chedang-audit-key'
  version: 1
  /** 'safeStorage': `data` is base64 of safeStorage.encryptString(hex key); 'none': `data` is the hex key. */
  protection: 'safeStorage' | 'none'
  data: string
}

const HEX_KEY = new RegExp(`^[0-9a-f]{${AUDIT_KEY_BYTES * 2}}$`)

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT'
}

export function createAuditTrustStore(options: {
  folder: string
  safeStorage: SafeStorageLike
  writeFileAtomic(path: string, data: Uint8Array): Promise<void>
}): AuditTrustStore {
  const keyPath = join(options.folder, AUDIT_KEY_FILE)
  const anchorPath = join(options.folder, AUDIT_ANCHOR_FILE)
  let cached: Promise<AuditKeyResult> | null = null

  async function loadOrCreateKey(): Promise<AuditKeyResult> {
    let text: string | null = null
    try {
      text = await readFile(keyPath, 'utf8')
    } catch (error) {
      if (!isMissing(error)) throw error
    }
    if (text === null) {
      const hex = randomBytes(AUDIT_KEY_BYTES).toString('hex')
      const encrypted = options.safeStorage.isEncryptionAvailable()
      const file: KeyFile = encrypted
        ? {
            format: 'chedang-audit-key',
            version: 1,
            protection: 'safeStorage',
            data: options.safeStorage.encryptString(hex).toString('base64')
          }
        : { format: 'chedang-audit-key', version: 1, protection: 'none', data: hex }
      await options.writeFileAtomic(keyPath, new TextEncoder().encode(JSON.stringify(file)))
      return { key: new Uint8Array(Buffer.from(hex, 'hex')), protected: encrypted }
    }
    // An existing key is never replaced: a new one would make every sealed event look forged.
    let file: Partial<KeyFile>
    try {
      file = JSON.parse(text) as Partial<KeyFile>
    } catch {
      throw new Error(`审计密钥文件 ${keyPath} 已损坏，无法读取；请从备份中找回该文件`)
    }
    let hex: string | undefined
    if (file.format === 'chedang-audit-key' && file.protection === 'safeStorage' && typeof file.data === 'string') {
      if (!options.safeStorage.isEncryptionAvailable())
        throw new Error('系统加密服务不可用，无法解开审计密钥；请在保存该密钥的 Windows 用户下运行车档')
      try {
        hex = options.safeStorage.decryptString(Buffer.from(file.data, 'base64'))
      } catch {
        throw new Error('无法解开审计密钥：它不是在本机的当前 Windows 用户下保存的')
      }
    } else if (file.format === 'chedang-audit-key' && file.protection === 'none') {
      hex = file.data
    }
    if (hex === undefined || !HEX_KEY.test(hex))
      throw new Error(`审计密钥文件 ${keyPath} 已损坏，无法读取；请从备份中找回该文件`)
    return { key: new Uint8Array(Buffer.from(hex, 'hex')), protected: file.protection === 'safeStorage' }
  }

  return {
    key() {
      cached ??= loadOrCreateKey().catch((error: unknown) => {
        cached = null
        throw error
      })
      return cached
    },

    async appendAnchors(anchors) {
      const lines = auditAnchorLines(anchors)
      // 'a': the file is only ever appended to; fsync before answering, so an anchor the renderer was
      // told about survives a power cut.
      const handle = await open(anchorPath, 'a', 0o644)
      try {
        await handle.appendFile(lines, 'utf8')
        await handle.sync()
      } finally {
        await handle.close()
      }
    },

    async readAnchors() {
      let text = ''
      try {
        text = await readFile(anchorPath, 'utf8')
      } catch (error) {
        if (isMissing(error)) return { anchors: [], unreadableLines: [] }
        throw error
      }
      return parseAuditAnchorLines(text)
    }
  }
}
