import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type BackupReason, backupFileName, encodeBackup } from '../../shared/backup/backup-format'
import { encryptedBackupShape } from './test-support/backup-file'
import { isDomainError } from '../../shared/model/domain-error'
import { writeFileAtomic } from './atomic-write'
import {
  BACKUP_SETTINGS_FILE_NAME,
  type BackupStoreOptions,
  createBackupStore,
  DEFAULT_BACKUP_FOLDER_NAME,
  isInsideFolder
} from './backup-store'

let dir: string
let documents: string
let userData: string
let options: BackupStoreOptions

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chedang-backups-'))
  documents = join(dir, 'Documents')
  userData = join(dir, 'AppData', 'CheDang')
  await mkdir(documents, { recursive: true })
  await mkdir(userData, { recursive: true })
  options = { documentsFolder: documents, userDataFolder: userData, writeFileAtomic: vi.fn(writeFileAtomic) }
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const defaultFolder = () => join(documents, DEFAULT_BACKUP_FOLDER_NAME)

/** A real backup file (tiny) taken at `at` for `reason`, and its conventional name. */
function backupAt(at: Date, reason: BackupReason, rows = 1): { name: string; bytes: Uint8Array } {
  return { name: backupFileName(at, reason), bytes: encryptedBackupShape(at, reason, rows) }
}

/** 09:30 China time on 1 January 2026 + n days. */
const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n, 1, 30))

async function refusalOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (isDomainError(error)) return error.code
    throw error
  }
  throw new Error('expected a refusal')
}

describe('the backup folder', () => {
  it('defaults to <Documents>/CheDang 备份 and keeps 30 daily backups; asking creates nothing', async () => {
    const store = createBackupStore(options)
    expect(await store.folderInfo()).toEqual({ folder: defaultFolder(), isDefault: true, keepDaily: 30 })
    expect(await readdir(documents)).toEqual([])
    expect(await readdir(userData)).toEqual([])
  })

  it('remembers a chosen folder in a small JSON in userData, written atomically', async () => {
    const chosen = join(dir, 'D盘', '车档备份')
    const result = await createBackupStore(options).setFolder(chosen)
    expect(result).toEqual({ status: 'chosen', folder: { folder: chosen, isDefault: false, keepDaily: 30 } })
    expect(options.writeFileAtomic).toHaveBeenCalledWith(
      join(userData, BACKUP_SETTINGS_FILE_NAME),
      expect.any(Uint8Array)
    )
    expect(await readdir(userData)).toEqual([BACKUP_SETTINGS_FILE_NAME])
    expect(JSON.parse(await readFile(join(userData, BACKUP_SETTINGS_FILE_NAME), 'utf8'))).toEqual({
      folder: chosen,
      keepDaily: 30
    })
    // A new start (a new store) finds it; the folder exists.
    expect((await createBackupStore(options).folderInfo()).folder).toBe(chosen)
    expect(await readdir(chosen)).toEqual([])
  })

  it('refuses a folder inside the app data folder (or a relative one) and keeps the old choice', async () => {
    const store = createBackupStore(options)
    for (const bad of [userData, join(userData, 'backups'), 'relative/folder']) {
      const result = await store.setFolder(bad)
      expect(result.status).toBe('refused')
      expect(result.status === 'refused' && result.reason).toMatch(/备份文件夹/)
    }
    expect(await store.folderInfo()).toEqual({ folder: defaultFolder(), isDefault: true, keepDaily: 30 })
  })

  it('falls back to the default when the settings file is damaged or points into userData', async () => {
    await writeFile(join(userData, BACKUP_SETTINGS_FILE_NAME), '{"folder": 12, "keep')
    expect((await createBackupStore(options).folderInfo()).folder).toBe(defaultFolder())
    await writeFile(
      join(userData, BACKUP_SETTINGS_FILE_NAME),
      JSON.stringify({ folder: join(userData, 'x'), keepDaily: 7 })
    )
    expect(await createBackupStore(options).folderInfo()).toEqual({
      folder: defaultFolder(),
      isDefault: true,
      keepDaily: 7
    })
  })

  it('compares paths case-insensitively on Windows and macOS', () => {
    expect(isInsideFolder('/Users/x/AppData/CheDang', '/users/x/appdata/chedang/b', 'win32')).toBe(true)
    expect(isInsideFolder('/Users/x/AppData/CheDang', '/users/x/appdata/chedang/b', 'linux')).toBe(false)
    expect(isInsideFolder('/a/CheDang', '/a/CheDang 备份', 'linux')).toBe(false)
  })
})

describe('writeBackup', () => {
  it('writes exactly the bytes, atomically (no temp file left), creating the folder', async () => {
    const store = createBackupStore(options)
    const { name, bytes } = backupAt(day(0), 'manual')
    const result = await store.writeBackup(name, bytes)
    expect(result).toEqual({
      name,
      path: join(defaultFolder(), name),
      size: bytes.byteLength,
      rotatedAway: [],
      rotationProblem: null
    })
    expect(new Uint8Array(await readFile(result.path))).toEqual(bytes)
    expect(await readdir(defaultFolder())).toEqual([name])
  })

  it('never overwrites: a second backup in the same minute gets "-2"', async () => {
    const store = createBackupStore(options)
    const first = backupAt(day(0), 'manual', 1)
    const second = backupAt(day(0), 'manual', 2)
    await store.writeBackup(first.name, first.bytes)
    const result = await store.writeBackup(second.name, second.bytes)
    expect(result.name).toBe('车档备份-2026-01-01-0930-manual-2.chedang-backup')
    expect(new Uint8Array(await readFile(join(defaultFolder(), first.name)))).toEqual(first.bytes)
    expect(new Uint8Array(await readFile(result.path))).toEqual(second.bytes)
  })

  it.each([
    [
      'not a backup at all',
      'BACKUP_NOT_OURS',
      (b: Uint8Array) => new TextEncoder().encode(`{"some":"json"}\n${b.byteLength}`)
    ],
    ['truncated', 'BACKUP_TRUNCATED', (b: Uint8Array) => b.slice(0, b.byteLength - 5)],
    [
      'cut after its header',
      'BACKUP_TRUNCATED',
      (b: Uint8Array) => b.slice(0, b.indexOf(0x0a, b.indexOf(0x0a) + 1) + 1)
    ],
    [
      'an old, unencrypted format-1 file',
      'BACKUP_CORRUPT',
      () =>
        encodeBackup(
          { vehicleFiles: [{ id: 'v1' }] },
          {
            appVersion: '0.1.0',
            schemaVersion: 2,
            createdAt: day(0).toISOString(),
            createdBy: '王芳',
            deviceId: 'd1',
            reason: 'daily'
          }
        ).bytes
    ]
  ])('refuses a file that is %s and writes nothing', async (_label, code, spoil) => {
    const store = createBackupStore(options)
    const { name, bytes } = backupAt(day(0), 'daily')
    expect(await refusalOf(store.writeBackup(name, spoil(bytes)))).toBe(code)
    expect(options.writeFileAtomic).not.toHaveBeenCalled()
    expect(await readdir(documents)).toEqual([])
  })

  it('refuses a name whose type does not match the file, and a name off the convention', async () => {
    const store = createBackupStore(options)
    const manual = backupAt(day(0), 'manual')
    expect(await refusalOf(store.writeBackup(backupFileName(day(0), 'daily'), manual.bytes))).toBe('BACKUP_BAD_NAME')
    expect(await refusalOf(store.writeBackup('backup.chedang-backup', manual.bytes))).toBe('BACKUP_BAD_NAME')
    expect(await readdir(documents)).toEqual([])
  })

  it('when the atomic write fails, nothing is rotated away and no partial file remains', async () => {
    const store = createBackupStore({ ...options, writeFileAtomic: () => Promise.reject(new Error('ENOSPC')) })
    const folder = defaultFolder()
    await mkdir(folder, { recursive: true })
    const old = Array.from({ length: 30 }, (_, i) => backupAt(day(i), 'daily'))
    for (const { name, bytes } of old) await writeFile(join(folder, name), bytes)
    const next = backupAt(day(40), 'daily')
    await expect(store.writeBackup(next.name, next.bytes)).rejects.toThrow('ENOSPC')
    expect((await readdir(folder)).sort()).toEqual(old.map((b) => b.name).sort())
  })
})

describe('rotation', () => {
  it('35 daily backups → the newest 30 kept; manual, before-restore, before-upgrade and other files untouched', async () => {
    const store = createBackupStore(options)
    const folder = defaultFolder()
    const others = [
      backupAt(day(1), 'manual'),
      backupAt(day(2), 'before-restore'),
      backupAt(day(3), 'before-upgrade'),
      backupAt(day(0), 'manual')
    ]
    for (const { name, bytes } of others) await store.writeBackup(name, bytes)
    await writeFile(join(folder, '说明.txt'), '别删')
    await writeFile(join(folder, '我的备份.chedang-backup'), 'renamed by the user')

    const daily = Array.from({ length: 35 }, (_, i) => backupAt(day(i), 'daily'))
    const removed: string[] = []
    for (const { name, bytes } of daily) removed.push(...(await store.writeBackup(name, bytes)).rotatedAway)

    const kept = daily.slice(5).map((b) => b.name)
    expect(removed.sort()).toEqual(
      daily
        .slice(0, 5)
        .map((b) => b.name)
        .sort()
    )
    expect((await readdir(folder)).sort()).toEqual(
      [...kept, ...others.map((b) => b.name), '说明.txt', '我的备份.chedang-backup'].sort()
    )
    expect((await readdir(folder)).some((n) => n.includes('.tmp-'))).toBe(false)
  })

  it('keeps the count the write asks for (the backup policy), else the folder setting', async () => {
    const store = createBackupStore(options)
    const folder = defaultFolder()
    await mkdir(folder, { recursive: true })
    const daily = Array.from({ length: 12 }, (_, i) => backupAt(day(i), 'daily'))
    for (const { name, bytes } of daily.slice(0, 11)) await writeFile(join(folder, name), bytes)
    const result = await store.writeBackup(daily[11]!.name, daily[11]!.bytes, 4)
    expect(result.rotatedAway).toHaveLength(8)
    expect((await readdir(folder)).sort()).toEqual(
      daily
        .slice(8)
        .map((b) => b.name)
        .sort()
    )

    await writeFile(join(userData, BACKUP_SETTINGS_FILE_NAME), JSON.stringify({ folder: null, keepDaily: 2 }))
    expect(await store.rotate()).toHaveLength(2)
    expect((await readdir(folder)).sort()).toEqual(
      daily
        .slice(10)
        .map((b) => b.name)
        .sort()
    )
  })

  it('a manual backup never triggers rotation', async () => {
    const store = createBackupStore(options)
    const folder = defaultFolder()
    await mkdir(folder, { recursive: true })
    for (let i = 0; i < 33; i++) {
      const { name, bytes } = backupAt(day(i), 'daily')
      await writeFile(join(folder, name), bytes)
    }
    const manual = backupAt(day(50), 'manual')
    expect((await store.writeBackup(manual.name, manual.bytes)).rotatedAway).toEqual([])
    expect(await readdir(folder)).toHaveLength(34)
  })
})

describe('listBackups and readBackup', () => {
  it('lists every backup file newest first with its manifest; a damaged one says why', async () => {
    const store = createBackupStore(options)
    expect(await store.listBackups()).toEqual([]) // no folder yet
    const a = backupAt(day(1), 'daily', 3)
    const b = backupAt(day(2), 'manual', 5)
    await store.writeBackup(a.name, a.bytes)
    await store.writeBackup(b.name, b.bytes)
    await writeFile(join(defaultFolder(), 'x.chedang-backup'), '%PDF-1.7\n')
    await writeFile(join(defaultFolder(), 'readme.txt'), 'x')
    await writeFile(join(defaultFolder(), `${a.name}.tmp-abcdef`), 'partial')

    const list = await store.listBackups()
    expect(list.map((e) => e.name)).toEqual([b.name, a.name, 'x.chedang-backup'])
    expect(list[0]).toMatchObject({
      size: b.bytes.byteLength,
      problem: null,
      manifest: { reason: 'manual', tables: { vehicleFiles: 5, auditEvents: 0 } }
    })
    expect(list[0]!.modifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)
    expect(list[2]).toMatchObject({ manifest: null, problem: '这不是车档的备份文件' })
  })

  it('reads a backup back byte for byte; refuses other names and missing files', async () => {
    const store = createBackupStore(options)
    const { name, bytes } = backupAt(day(1), 'manual')
    await store.writeBackup(name, bytes)
    expect(await store.readBackup(name)).toEqual(bytes)
    expect(await refusalOf(store.readBackup(`../${name}`))).toBe('BACKUP_BAD_NAME')
    expect(await refusalOf(store.readBackup('backup-settings.json'))).toBe('BACKUP_BAD_NAME')
    expect(await refusalOf(store.readBackup('车档备份-2020-01-01-0000-daily.chedang-backup'))).toBe('BACKUP_NOT_FOUND')
  })
})

describe('streamed writes (backups of several GB cross the bridge in pieces)', () => {
  async function stream(store: ReturnType<typeof createBackupStore>, name: string, bytes: Uint8Array, piece: number) {
    const id = await store.beginWrite(name)
    for (let at = 0; at < bytes.byteLength; at += piece) await store.appendWrite(id, bytes.subarray(at, at + piece))
    return store.finishWrite(id)
  }

  it('writes the pieces into a temp file, then renames it into place whole', async () => {
    const store = createBackupStore(options)
    const { name, bytes } = backupAt(day(0), 'manual', 40)
    const id = await store.beginWrite(name)
    await store.appendWrite(id, bytes.subarray(0, 100))
    // Half written: nothing a listing (or a restore) could mistake for a backup.
    expect((await readdir(defaultFolder())).filter((f) => f.endsWith('.chedang-backup'))).toEqual([])
    expect(await store.listBackups()).toEqual([])
    for (let at = 100; at < bytes.byteLength; at += 7) await store.appendWrite(id, bytes.subarray(at, at + 7))
    const result = await store.finishWrite(id)
    expect(result).toMatchObject({ name, size: bytes.byteLength })
    expect(await readdir(defaultFolder())).toEqual([name])
    expect(new Uint8Array(await readFile(result.path))).toEqual(bytes)
  })

  it('refuses a stream that stops short or is a plain old-format file, and leaves no file behind', async () => {
    const store = createBackupStore(options)
    const { name, bytes } = backupAt(day(0), 'manual', 5)
    expect(await refusalOf(stream(store, name, bytes.subarray(0, bytes.byteLength - 9), 5))).toBe('BACKUP_TRUNCATED')
    const plain = encodeBackup(
      { vehicleFiles: [{ id: 'v1' }] },
      {
        appVersion: '0.1.0',
        schemaVersion: 2,
        createdAt: day(0).toISOString(),
        createdBy: '王芳',
        deviceId: 'd1',
        reason: 'manual'
      }
    ).bytes
    expect(await refusalOf(stream(store, name, plain, 64))).toBe('BACKUP_CORRUPT')
    expect(await readdir(defaultFolder())).toEqual([])
  })

  it('an abandoned write removes its temp file', async () => {
    const store = createBackupStore(options)
    const { name, bytes } = backupAt(day(0), 'daily', 3)
    const id = await store.beginWrite(name)
    await store.appendWrite(id, bytes.subarray(0, 50))
    await store.abortWrite(id)
    expect(await readdir(defaultFolder())).toEqual([])
    expect(await refusalOf(store.finishWrite(id))).toBe('BACKUP_NOT_FOUND')
  })
})

describe('reading a backup piece by piece', () => {
  it('returns the asked range and the file size; past the end, nothing; other names refused', async () => {
    const store = createBackupStore(options)
    const { name, bytes } = backupAt(day(0), 'manual', 30)
    await store.writeBackup(name, bytes)
    const first = await store.readBackupPiece(name, 0, 100)
    expect(first.size).toBe(bytes.byteLength)
    expect(first.data).toEqual(bytes.subarray(0, 100))
    expect((await store.readBackupPiece(name, bytes.byteLength - 10, 100)).data).toEqual(
      bytes.subarray(bytes.byteLength - 10)
    )
    expect((await store.readBackupPiece(name, bytes.byteLength + 5, 100)).data.byteLength).toBe(0)
    expect(await refusalOf(store.readBackupPiece('../backup-settings.json', 0, 10))).toBe('BACKUP_BAD_NAME')
    expect(await refusalOf(store.readBackupPiece('车档备份-2030-01-01-0000-manual.chedang-backup', 0, 10))).toBe(
      'BACKUP_NOT_FOUND'
    )
  })
})
