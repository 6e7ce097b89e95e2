import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { IpcMain } from 'electron'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sealAuditAnchor } from '../../shared/audit/audit-chain'
import type { DomainError } from '../../shared/model/domain-error'
import {
  APP_ORIGIN,
  IpcChannel,
  ipcErrorCodeOf,
  type AuditKeyResult,
  type ReadAuditAnchorsResult
} from '../../shared/ipc/contract'
import { writeFileAtomic } from './atomic-write'
import { AUDIT_ANCHOR_FILE, AUDIT_KEY_FILE, createAuditTrustStore, type SafeStorageLike } from './audit-trust-store'
import { registerIpcHandlers } from './ipc-handlers'

// A stand-in for the OS's encryption: reversible only by this "user" (its secret byte).
function fakeSafeStorage(secret = 0x5a, available = true): SafeStorageLike {
  const xor = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ secret))
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.concat([Buffer.from('enc:'), xor(Buffer.from(text, 'utf8'))]),
    decryptString: (data) => {
      if (data.subarray(0, 4).toString() !== 'enc:') throw new Error('not encrypted by this user')
      const text = xor(data.subarray(4)).toString('utf8')
      if (!/^[0-9a-f]+$/.test(text)) throw new Error('wrong user')
      return text
    }
  }
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chedang-audit-trust-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const anchor = (seq: number, key: Uint8Array) =>
  sealAuditAnchor(
    { deviceId: 'pc-archive-room', seq, hash: 'ab'.repeat(32), at: '2026-11-29T01:00:00.000Z', reason: 'start' },
    key
  )

describe('the audit key in the app-data folder', () => {
  it('is made once, stored only encrypted, and the same key comes back after a restart', async () => {
    const first = await createAuditTrustStore({ folder: dir, safeStorage: fakeSafeStorage(), writeFileAtomic }).key()
    expect(first.key.byteLength).toBe(32)
    expect(first.protected).toBe(true)
    const onDisk = await readFile(join(dir, AUDIT_KEY_FILE), 'utf8')
    expect(onDisk).not.toContain(Buffer.from(first.key).toString('hex'))
    expect(JSON.parse(onDisk)).toMatchObject({ protection: 'safeStorage' })

    const again = await createAuditTrustStore({ folder: dir, safeStorage: fakeSafeStorage(), writeFileAtomic }).key()
    expect(again.key).toEqual(first.key)
  })

  it('is never replaced when it cannot be read: another user or a damaged file is refused in Chinese', async () => {
    await createAuditTrustStore({ folder: dir, safeStorage: fakeSafeStorage(), writeFileAtomic }).key()
    const before = await readFile(join(dir, AUDIT_KEY_FILE), 'utf8')
    await expect(
      createAuditTrustStore({ folder: dir, safeStorage: fakeSafeStorage(0x11), writeFileAtomic }).key()
    ).rejects.toThrow(/无法解开审计密钥/)
    expect(await readFile(join(dir, AUDIT_KEY_FILE), 'utf8')).toBe(before)

    await writeFile(
      join(dir, AUDIT_KEY_FILE),
      '{"format":"chedang-audit-key","version":1,"protection":"none","data":"1234"}'
    )
    await expect(
      createAuditTrustStore({ folder: dir, safeStorage: fakeSafeStorage(), writeFileAtomic }).key()
    ).rejects.toThrow(/审计密钥文件.*已损坏/)
  })

  it('refuses with a code the screen can word: another user, a damaged file, a file from a newer CheDang', async () => {
    const refusal = async (safeStorage = fakeSafeStorage()) => {
      try {
        await createAuditTrustStore({ folder: dir, safeStorage, writeFileAtomic }).key()
      } catch (error) {
        return error as DomainError
      }
      throw new Error('expected a refusal')
    }
    await createAuditTrustStore({ folder: dir, safeStorage: fakeSafeStorage(), writeFileAtomic }).key()
    const stored = await readFile(join(dir, AUDIT_KEY_FILE), 'utf8')
    expect(JSON.parse(stored)).toMatchObject({ documentVersion: 1, format: 'chedang-audit-key', version: 1 })
    expect((await refusal(fakeSafeStorage(0x11))).code).toBe('AUDIT_KEY_OTHER_USER')
    expect((await refusal({ ...fakeSafeStorage(), isEncryptionAvailable: () => false })).code).toBe(
      'AUDIT_KEY_ENCRYPTION_UNAVAILABLE'
    )

    await writeFile(join(dir, AUDIT_KEY_FILE), JSON.stringify({ ...JSON.parse(stored), documentVersion: 2 }))
    const newer = await refusal()
    expect(newer.code).toBe('STORED_DOCUMENT_TOO_NEW')
    expect(newer.message).toContain('审计密钥')
    expect(await readFile(join(dir, AUDIT_KEY_FILE), 'utf8')).toContain('"documentVersion":2')

    for (const damaged of ['{"format":', '{"format":"other","version":1,"protection":"none","data":"ab"}']) {
      await writeFile(join(dir, AUDIT_KEY_FILE), damaged)
      const error = await refusal()
      expect(error.code).toBe('AUDIT_KEY_FILE_DAMAGED')
      expect(error.details.path).toBe(join(dir, AUDIT_KEY_FILE))
    }
  })

  it('reads the key file version 1 wrote (no documentVersion), unprotected where the OS had no safeStorage', async () => {
    const v1 = readFileSync(new URL('../../tests/fixtures/stored-v1/audit-key.json', import.meta.url), 'utf8')
    await writeFile(join(dir, AUDIT_KEY_FILE), v1)
    const result = await createAuditTrustStore({ folder: dir, safeStorage: fakeSafeStorage(), writeFileAtomic }).key()
    expect(result.protected).toBe(false)
    expect(Buffer.from(result.key).toString('hex')).toBe((JSON.parse(v1) as { data: string }).data)
    expect(await readFile(join(dir, AUDIT_KEY_FILE), 'utf8')).toBe(v1)
  })
})

describe('the anchor file', () => {
  it('is appended to, never rewritten, and reads back every anchor; damaged lines are named, not dropped silently', async () => {
    const store = createAuditTrustStore({ folder: dir, safeStorage: fakeSafeStorage(), writeFileAtomic })
    const { key } = await store.key()
    await store.appendAnchors([anchor(3, key)])
    await store.appendAnchors([anchor(7, key), { ...anchor(9, key), deviceId: 'pc-front-desk' }])
    const text = await readFile(join(dir, AUDIT_ANCHOR_FILE), 'utf8')
    expect(text.trim().split('\n')).toHaveLength(3)
    await writeFile(join(dir, AUDIT_ANCHOR_FILE), `${text}{"deviceId":"x","seq":"not a number"}\n`)
    const read = await store.readAnchors()
    expect(read.anchors.map((a) => a.seq)).toEqual([3, 7, 9])
    expect(read.unreadableLines).toEqual([4])
  })
})

describe('the audit trust over IPC', () => {
  type Invoke = (event: unknown, ...args: unknown[]) => Promise<unknown>
  let handlers: Map<string, Invoke>
  beforeEach(() => {
    handlers = new Map()
    registerIpcHandlers(
      { handle: (channel: string, listener: Invoke) => handlers.set(channel, listener) } as unknown as Pick<
        IpcMain,
        'handle'
      >,
      {
        trustedOrigins: [APP_ORIGIN],
        ownerWindowOf: () => null,
        showSaveDialog: async () => ({ canceled: true, filePath: '' }),
        showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
        writeFileAtomic,
        defaultSaveFolder: () => join(dir, 'Documents'),
        showPdfForPrinting: async () => undefined,
        appInfo: () => ({ version: '0.1.0', userDataPath: dir, platform: 'win32' }),
        safeStorage: fakeSafeStorage()
      }
    )
  })
  const fromApp = { senderFrame: { url: 'app://chedang/index.html' }, sender: {} }
  const fromElsewhere = { senderFrame: { url: 'https://evil.example/' }, sender: {} }
  const call = (channel: string, event: unknown, ...args: unknown[]) => handlers.get(channel)!(event, ...args)
  const codeOf = (promise: Promise<unknown>) =>
    promise.then(
      () => 'OK',
      (error: unknown) => ipcErrorCodeOf(error)
    )

  it('gives the key only to the app’s own page, and appends only well-formed anchors', async () => {
    expect(await codeOf(call(IpcChannel.auditKey, fromElsewhere))).toBe('IPC_FORBIDDEN_SENDER')
    const { key } = (await call(IpcChannel.auditKey, fromApp)) as AuditKeyResult
    expect(await codeOf(call(IpcChannel.appendAuditAnchors, fromElsewhere, { anchors: [anchor(1, key)] }))).toBe(
      'IPC_FORBIDDEN_SENDER'
    )
    expect(
      await codeOf(call(IpcChannel.appendAuditAnchors, fromApp, { anchors: [{ ...anchor(1, key), hash: 'not hex' }] }))
    ).toBe('IPC_BAD_PAYLOAD')
    expect(
      await codeOf(call(IpcChannel.appendAuditAnchors, fromApp, { anchors: [anchor(1, key)], path: '/etc' }))
    ).toBe('IPC_BAD_PAYLOAD')
    expect(((await call(IpcChannel.readAuditAnchors, fromApp)) as ReadAuditAnchorsResult).anchors).toEqual([])

    await call(IpcChannel.appendAuditAnchors, fromApp, { anchors: [anchor(5, key)] })
    expect(((await call(IpcChannel.readAuditAnchors, fromApp)) as ReadAuditAnchorsResult).anchors).toEqual([
      anchor(5, key)
    ])
  })
})
