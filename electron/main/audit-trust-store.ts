import { randomBytes } from 'node:crypto'
import { open, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { auditAnchorLines, parseAuditAnchorLines } from '../../shared/audit/audit-anchor-schema'
import { AUDIT_KEY_BYTES, type AuditAnchor } from '../../shared/audit/audit-chain'
import { type AuditKeyFile, auditKeyDocument, HEX_KEY } from '../../shared/audit/audit-key-document'
import type { AuditKeyResult, ReadAuditAnchorsResult } from '../../shared/ipc/contract'
import { DomainError, isDomainError } from '../../shared/model/domain-error'
import { STORED_DOCUMENT_TOO_NEW } from '../../shared/model/stored-document'

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
      const file: AuditKeyFile = encrypted
        ? {
            format: 'chedang-audit-key',
            version: 1,
            protection: 'safeStorage',
            data: options.safeStorage.encryptString(hex).toString('base64')
          }
        : { format: 'chedang-audit-key', version: 1, protection: 'none', data: hex }
      await options.writeFileAtomic(keyPath, new TextEncoder().encode(auditKeyDocument.write(file)))
      return { key: new Uint8Array(Buffer.from(hex, 'hex')), protected: encrypted }
    }
    // An existing key is never replaced: a new one would make every sealed event look forged.
    const damaged = () =>
      new DomainError('AUDIT_KEY_FILE_DAMAGED', `审计密钥文件 ${keyPath} 已损坏，无法读取；请从备份中找回该文件`, {
        path: keyPath
      })
    let file: AuditKeyFile
    try {
      file = auditKeyDocument.read(text)
    } catch (error) {
      // A key file from a newer CheDang says so (STORED_DOCUMENT_TOO_NEW); anything else is damage.
      if (isDomainError(error) && error.code === STORED_DOCUMENT_TOO_NEW) throw error
      throw damaged()
    }
    let hex = file.data
    if (file.protection === 'safeStorage') {
      if (!options.safeStorage.isEncryptionAvailable())
        throw new DomainError(
          'AUDIT_KEY_ENCRYPTION_UNAVAILABLE',
          '系统加密服务不可用，无法解开审计密钥；请在保存该密钥的 Windows 用户下运行车档'
        )
      try {
        hex = options.safeStorage.decryptString(Buffer.from(file.data, 'base64'))
      } catch {
        throw new DomainError('AUDIT_KEY_OTHER_USER', '无法解开审计密钥：它不是在本机的当前 Windows 用户下保存的')
      }
    }
    if (!HEX_KEY.test(hex)) throw damaged()
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
