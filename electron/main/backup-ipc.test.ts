import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { IpcMain, OpenDialogOptions } from 'electron'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backupFileName } from '../../shared/backup/backup-format'
import { encryptedBackupShape } from './test-support/backup-file'
import {
  APP_ORIGIN,
  type BackupListEntry,
  IpcChannel,
  type ReadBackupResult,
  type WriteBackupResult
} from '../../shared/ipc/contract'
import { domainErrorOfIpc } from '../../shared/ipc/errors'
import { writeFileAtomic } from './atomic-write'
import { DEFAULT_BACKUP_FOLDER_NAME } from './backup-store'
import { type IpcDeps, registerIpcHandlers } from './ipc-handlers'

// The backup operations through the real handlers (sender check, zod contract, then the store),
// with the default store the handlers build from Documents and userData.

type Invoke = (event: unknown, ...args: unknown[]) => Promise<unknown>

let dir: string
let documents: string
let userData: string
let handlers: Map<string, Invoke>
let dialogs: OpenDialogOptions[]
let folderChoice: string | undefined

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chedang-backup-ipc-'))
  documents = join(dir, 'Documents')
  userData = join(dir, 'AppData', 'CheDang')
  await mkdir(documents, { recursive: true })
  await mkdir(userData, { recursive: true })
  handlers = new Map()
  dialogs = []
  folderChoice = undefined
  const deps: IpcDeps = {
    trustedOrigins: [APP_ORIGIN],
    ownerWindowOf: () => null,
    showSaveDialog: async () => ({ canceled: true, filePath: '' }),
    showOpenDialog: async (_owner, options) => {
      dialogs.push(options)
      return folderChoice === undefined
        ? { canceled: true, filePaths: [] }
        : { canceled: false, filePaths: [folderChoice] }
    },
    writeFileAtomic,
    defaultSaveFolder: () => documents,
    showPdfForPrinting: async () => undefined,
    appInfo: () => ({ version: '0.1.0', userDataPath: userData, platform: process.platform }),
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (text) => Buffer.from(`os-sealed:${Buffer.from(text).toString('hex')}`),
      decryptString: (sealed) => Buffer.from(sealed.toString().replace(/^os-sealed:/, ''), 'hex').toString()
    }
  }
  const ipcMain = { handle: (channel: string, listener: Invoke) => handlers.set(channel, listener) }
  registerIpcHandlers(ipcMain as unknown as Pick<IpcMain, 'handle'>, deps)
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const fromApp = { senderFrame: { url: 'app://chedang/index.html#/backups' }, sender: {} }
const defaultFolder = () => join(documents, DEFAULT_BACKUP_FOLDER_NAME)

function call(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
  const handler = handlers.get(channel)
  if (handler === undefined) throw new Error(`no handler for ${channel}`)
  return handler(event, ...args)
}

async function rendererErrorOf(promise: Promise<unknown>): Promise<{ code: string | null; message: string }> {
  try {
    await promise
  } catch (error) {
    return {
      code: domainErrorOfIpc(new Error(`Error invoking remote method 'x': ${String(error)}`))?.code ?? null,
      message: (error as Error).message
    }
  }
  throw new Error('expected the call to be refused')
}

function backup(reason: 'daily' | 'manual', at = new Date('2026-11-22T09:30:00+08:00')) {
  return { fileName: backupFileName(at, reason), data: encryptedBackupShape(at, reason) }
}

describe('backup IPC: refused payloads do nothing', () => {
  const good = backup('daily')
  it.each([
    ['writeBackup with a path in the name', IpcChannel.writeBackup, { ...good, fileName: `../${good.fileName}` }],
    ['writeBackup with a Windows path', IpcChannel.writeBackup, { ...good, fileName: `C:\\x\\${good.fileName}` }],
    ['writeBackup with a name off the convention', IpcChannel.writeBackup, { ...good, fileName: 'evil.exe' }],
    ['writeBackup with data that is not bytes', IpcChannel.writeBackup, { ...good, data: 'bytes' }],
    ['writeBackup with an extra key', IpcChannel.writeBackup, { ...good, folder: '/etc' }],
    ['writeBackup keeping 0 daily backups', IpcChannel.writeBackup, { ...good, keepDaily: 0 }],
    ['writeBackup with empty data', IpcChannel.writeBackup, { ...good, data: new Uint8Array(0) }],
    ['readBackup of a path', IpcChannel.readBackup, { name: '../../AppData/CheDang/backup-settings.json' }],
    ['readBackup of another kind of file', IpcChannel.readBackup, { name: 'notes.txt' }],
    ['listBackups with a payload', IpcChannel.listBackups, { folder: '/' }],
    ['getBackupFolder with a payload', IpcChannel.getBackupFolder, 1],
    ['chooseBackupFolder with a payload', IpcChannel.chooseBackupFolder, { folder: '/tmp' }]
  ])('%s → IPC_BAD_PAYLOAD', async (_label, channel, payload) => {
    const { code, message } = await rendererErrorOf(call(channel, fromApp, payload))
    expect(code).toBe('IPC_BAD_PAYLOAD')
    expect(message).toMatch(/^IPC_BAD_PAYLOAD: 请求数据无效/)
    expect(dialogs).toEqual([])
    expect(await readdir(documents)).toEqual([])
  })

  it('a well-named file that is not a backup is refused with its own code and the Chinese reason, nothing written', async () => {
    const { code, message } = await rendererErrorOf(
      call(IpcChannel.writeBackup, fromApp, { ...good, data: new TextEncoder().encode('%PDF-1.7\n') })
    )
    expect(code).toBe('BACKUP_NOT_OURS')
    expect(message).toContain('这不是车档的备份文件')
    const cut = good.data.slice(0, good.data.byteLength - 3)
    expect((await rendererErrorOf(call(IpcChannel.writeBackup, fromApp, { ...good, data: cut }))).message).toContain(
      '不完整'
    )
    expect(await readdir(documents)).toEqual([])
  })

  it('refuses a foreign sender before anything', async () => {
    const { code } = await rendererErrorOf(
      call(IpcChannel.writeBackup, { senderFrame: { url: 'https://evil.example/' }, sender: {} }, good)
    )
    expect(code).toBe('IPC_FORBIDDEN_SENDER')
    expect(await readdir(documents)).toEqual([])
  })
})

describe('backup IPC: the operations', () => {
  it('write → list → read through the default folder <Documents>/CheDang 备份', async () => {
    expect(await call(IpcChannel.getBackupFolder, fromApp)).toEqual({
      folder: defaultFolder(),
      isDefault: true,
      keepDaily: 30
    })
    const daily = backup('daily')
    const written = (await call(IpcChannel.writeBackup, fromApp, daily)) as WriteBackupResult
    expect(written).toMatchObject({
      name: daily.fileName,
      path: join(defaultFolder(), daily.fileName),
      rotatedAway: []
    })
    expect(await readdir(defaultFolder())).toEqual([daily.fileName])

    const list = (await call(IpcChannel.listBackups, fromApp)) as BackupListEntry[]
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({
      name: daily.fileName,
      manifest: { reason: 'daily', tables: { vehicleFiles: 1 } },
      problem: null
    })

    const read = (await call(IpcChannel.readBackup, fromApp, { name: daily.fileName })) as ReadBackupResult
    expect(read.name).toBe(daily.fileName)
    expect(new Uint8Array(read.data)).toEqual(daily.data)
  })

  it('rotates daily backups to the policy count sent with the write', async () => {
    for (let i = 0; i < 6; i++)
      await call(IpcChannel.writeBackup, fromApp, {
        ...backup('daily', new Date(Date.UTC(2026, 0, 1 + i))),
        keepDaily: 3
      })
    expect(await readdir(defaultFolder())).toHaveLength(3)
  })

  it('chooseBackupFolder: a folder picker; cancel changes nothing; a choice is remembered; userData is refused', async () => {
    expect(await call(IpcChannel.chooseBackupFolder, fromApp)).toEqual({ status: 'cancelled' })
    expect(dialogs[0]).toMatchObject({
      defaultPath: defaultFolder(),
      properties: expect.arrayContaining(['openDirectory', 'createDirectory'])
    })

    folderChoice = join(userData, 'backups')
    const refused = (await call(IpcChannel.chooseBackupFolder, fromApp)) as { status: string; reason: string }
    expect(refused.status).toBe('refused')
    expect(refused.reason).toContain('数据目录')

    folderChoice = join(dir, 'E盘备份')
    expect(await call(IpcChannel.chooseBackupFolder, fromApp)).toEqual({
      status: 'chosen',
      folder: { folder: folderChoice, isDefault: false, keepDaily: 30 }
    })
    expect(await call(IpcChannel.getBackupFolder, fromApp)).toEqual({
      folder: folderChoice,
      isDefault: false,
      keepDaily: 30
    })
    const manual = backup('manual')
    await call(IpcChannel.writeBackup, fromApp, manual)
    expect(new Uint8Array(await readFile(join(folderChoice, manual.fileName)))).toEqual(manual.data)
  })

  it('reading a backup that is not there is refused with the store’s own code, in Chinese', async () => {
    const { code, message } = await rendererErrorOf(
      call(IpcChannel.readBackup, fromApp, { name: '车档备份-2020-01-01-0000-daily.chedang-backup' })
    )
    expect(code).toBe('BACKUP_NOT_FOUND')
    expect(message).toMatch(/^BACKUP_NOT_FOUND: .*[\u4e00-\u9fff]/)
  })
})

describe('backup authentication key under the OS protection', () => {
  const keyId = '3F2A-91C0-7B44-E015'
  const key = new Uint8Array(32).map((_, i) => i * 7)

  it('keeps K_auth in userData sealed by safeStorage, one file per key id, and reads it back', async () => {
    expect(await call(IpcChannel.readBackupAuthKey, fromApp, { keyId })).toBeNull()
    await call(IpcChannel.saveBackupAuthKey, fromApp, { keyId, key })
    const stored = await readFile(join(userData, `backup-auth-${keyId}.bin`))
    expect(stored.toString()).toMatch(/^os-sealed:/)
    expect(stored.includes(Buffer.from(key))).toBe(false)
    expect(await call(IpcChannel.readBackupAuthKey, fromApp, { keyId })).toEqual(key)
    expect(await call(IpcChannel.readBackupAuthKey, fromApp, { keyId: '0000-0000-0000-0000' })).toBeNull()
  })

  it('refuses a key id that could be a path, a key of the wrong size, and foreign senders', async () => {
    expect(
      (await rendererErrorOf(call(IpcChannel.saveBackupAuthKey, fromApp, { keyId: '../../evil', key }))).code
    ).toBe('IPC_BAD_PAYLOAD')
    expect(
      (await rendererErrorOf(call(IpcChannel.saveBackupAuthKey, fromApp, { keyId, key: new Uint8Array(16) }))).code
    ).toBe('IPC_BAD_PAYLOAD')
    expect(
      (
        await rendererErrorOf(
          call(IpcChannel.readBackupAuthKey, { senderFrame: { url: 'https://evil.example/' }, sender: {} }, { keyId })
        )
      ).code
    ).toBe('IPC_FORBIDDEN_SENDER')
    expect(await readdir(userData)).toEqual([])
  })
})

describe('backup IPC: a streamed write', () => {
  it('begin → append pieces → finish lands one complete file; a bad write id or piece is refused', async () => {
    const { fileName, data } = backup('manual')
    const { writeId } = (await call(IpcChannel.beginBackupWrite, fromApp, { fileName })) as { writeId: string }
    for (let at = 0; at < data.byteLength; at += 16)
      await call(IpcChannel.appendBackupWrite, fromApp, { writeId, data: data.slice(at, at + 16) })
    const result = (await call(IpcChannel.finishBackupWrite, fromApp, { writeId })) as WriteBackupResult
    expect(new Uint8Array(await readFile(result.path))).toEqual(data)
    expect(
      (await rendererErrorOf(call(IpcChannel.appendBackupWrite, fromApp, { writeId: 'not-a-uuid', data }))).code
    ).toBe('IPC_BAD_PAYLOAD')
    expect(
      (await rendererErrorOf(call(IpcChannel.beginBackupWrite, fromApp, { fileName: '../x.chedang-backup' }))).code
    ).toBe('IPC_BAD_PAYLOAD')
    expect((await rendererErrorOf(call(IpcChannel.finishBackupWrite, fromApp, { writeId }))).code).toBe(
      'BACKUP_NOT_FOUND'
    )
    expect(await readdir(defaultFolder())).toEqual([result.name])
  })
})
