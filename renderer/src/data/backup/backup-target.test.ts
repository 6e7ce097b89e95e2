import { describe, expect, it, vi } from 'vitest'
import { type BackupManifest, type BackupReason, encodeBackup } from '@shared/backup/backup-format'
import { piecesOf } from '@shared/backup/backup-stream'
import type { BackupListEntry, ChedangBridge } from '@shared/ipc/contract'
import {
  createBrowserBackupTarget,
  createDesktopBackupTarget,
  LAST_BACKUP_KEY,
  LAST_BACKUP_WITH_DATA_KEY,
  type Platform
} from '../../platform'
import { detectLostData } from './detect-lost-data'
import { ChedangDatabase } from '../dexie/database'

/** A backup file as the targets receive it: a manifest and the bytes in pieces (the content does not matter here). */
function backup(reason: BackupReason, rows: number, at = '2026-11-22T01:30:00.000Z') {
  const { bytes, manifest } = encodeBackup(
    { vehicleFiles: Array.from({ length: rows }, (_, i) => ({ id: `v${i}` })) },
    {
      appVersion: '0.1.0',
      schemaVersion: 2,
      createdAt: at,
      createdBy: '王芳',
      deviceId: 'd1',
      reason
    }
  )
  return { bytes, manifest, pieces: piecesOf(bytes, 7) }
}
type TestBackup = { bytes: Uint8Array; manifest: BackupManifest }

function fakeBridge(listing: BackupListEntry[] = [], folderFile = new Uint8Array(0)) {
  const calls: { op: string; args: unknown[] }[] = []
  const bridge: ChedangBridge = {
    saveFile: vi.fn(),
    openFile: vi.fn(async () => ({ name: 'picked.chedang-backup', data: new Uint8Array([1, 2]) })),
    printPdf: vi.fn(),
    appInfo: vi.fn(),
    chooseBackupFolder: vi.fn(async () => ({ status: 'cancelled' as const })),
    getBackupFolder: vi.fn(async () => ({
      folder: 'C:\\Users\\x\\Documents\\CheDang 备份',
      isDefault: true,
      keepDaily: 30
    })),
    writeBackup: vi.fn(async (request) => {
      calls.push({ op: 'writeBackup', args: [request] })
      return {
        name: request.fileName,
        path: `C:\\备份\\${request.fileName}`,
        size: request.data.byteLength,
        rotatedAway: ['old'],
        rotationProblem: null
      }
    }),
    listBackups: vi.fn(async () => listing),
    readBackup: vi.fn(async ({ name }) => ({ name, data: new Uint8Array([7]) })),
    saveBackupAuthKey: vi.fn(),
    readBackupAuthKey: vi.fn(),
    beginBackupWrite: vi.fn(async (request) => {
      calls.push({ op: 'begin', args: [request] })
      return { writeId: '6f1c2b9e-8a53-4c1e-9d2a-0b7e4f3a1c55' }
    }),
    appendBackupWrite: vi.fn(async (request) => {
      calls.push({ op: 'append', args: [request] })
    }),
    finishBackupWrite: vi.fn(async (request) => {
      calls.push({ op: 'finish', args: [request] })
      const begun = calls[0]!.args[0] as { fileName: string }
      return {
        name: begun.fileName,
        path: `C:\\备份\\${begun.fileName}`,
        size: 1,
        rotatedAway: ['old'],
        rotationProblem: null
      }
    }),
    abortBackupWrite: vi.fn(async (request) => {
      calls.push({ op: 'abort', args: [request] })
    }),
    readBackupPiece: vi.fn(async ({ offset, length }) => {
      calls.push({ op: 'readPiece', args: [offset, length] })
      return { data: folderFile.slice(offset, offset + length), size: folderFile.byteLength }
    })
  }
  return { bridge, calls }
}

const entry = (name: string, b: TestBackup | null): BackupListEntry => ({
  name,
  size: 10,
  modifiedAt: '2026-11-22T00:00:00.000Z',
  manifest: b?.manifest ?? null,
  problem: b ? null : '这不是车档的备份文件'
})

describe('desktop backup target', () => {
  it('streams into the backup folder piece by piece under the conventional name, with the policy count', async () => {
    const { bridge, calls } = fakeBridge()
    const b = backup('daily', 3)
    const result = await createDesktopBackupTarget(bridge).save(b, { keepDaily: 14 })
    const request = calls[0]!.args[0] as { fileName: string; keepDaily: number }
    expect(request.fileName).toMatch(/^车档备份-\d{4}-\d{2}-\d{2}-\d{4}-daily\.chedang-backup$/)
    expect(request.keepDaily).toBe(14)
    const pieces = calls.filter((c) => c.op === 'append').map((c) => (c.args[0] as { data: Uint8Array }).data)
    expect(pieces.length).toBeGreaterThan(3)
    expect(Math.max(...pieces.map((p) => p.byteLength))).toBeLessThanOrEqual(7)
    expect(new Uint8Array(pieces.flatMap((p) => [...p]))).toEqual(b.bytes)
    expect(calls.at(-1)!.op).toBe('finish')
    expect(bridge.writeBackup).not.toHaveBeenCalled()
    expect(result).toEqual({ outcome: 'written', name: request.fileName, rotatedAway: ['old'] })
  })

  it('abandons the temp file when making the backup fails half way', async () => {
    const { bridge, calls } = fakeBridge()
    const b = backup('manual', 2)
    async function* failing() {
      yield b.bytes.subarray(0, 10)
      throw new Error('数据库读取失败')
    }
    await expect(createDesktopBackupTarget(bridge).save({ manifest: b.manifest, pieces: failing() })).rejects.toThrow(
      '数据库读取失败'
    )
    expect(calls.map((c) => c.op)).toEqual(['begin', 'append', 'abort'])
  })

  it('latest is the newest readable backup; latestWithData skips empty ones', async () => {
    const empty = backup('daily', 0, '2026-11-23T01:00:00.000Z')
    const full = backup('daily', 5, '2026-11-22T01:00:00.000Z')
    const { bridge } = fakeBridge([entry('broken.chedang-backup', null), entry('a', empty), entry('b', full)])
    const target = createDesktopBackupTarget(bridge)
    expect((await target.latest())?.manifest).toEqual(empty.manifest)
    expect((await target.latestWithData())?.manifest).toEqual(full.manifest)
    expect(await target.read('b')).toEqual(new Uint8Array([7]))
    expect(await target.pickFile()).toEqual({ name: 'picked.chedang-backup', bytes: new Uint8Array([1, 2]) })
  })
})

describe('desktop backup target: reading a backup of the folder', () => {
  it('opens it with its head only, then reads it piece by piece (never asking for the whole file)', async () => {
    const file = new Uint8Array(20 * 1024 * 1024 + 123).map((_, i) => i % 251)
    const { bridge, calls } = fakeBridge([], file)
    const source = await createDesktopBackupTarget(bridge).open('车档备份-2026-11-22-0930-daily.chedang-backup')
    expect(source.head.byteLength).toBe(8 * 1024 * 1024)
    expect(calls.map((c) => c.op)).toEqual(['readPiece'])
    let total = 0
    let same = true
    for await (const piece of source.pieces()) {
      for (let i = 0; i < piece.byteLength; i += 4099) same &&= piece[i] === file[total + i]
      total += piece.byteLength
    }
    expect(total).toBe(file.byteLength)
    expect(same).toBe(true)
    expect(calls.filter((c) => c.op === 'readPiece').length).toBe(3)
    expect(bridge.readBackup).not.toHaveBeenCalled()
  })
})

describe('browser backup target', () => {
  function fakePlatform(): Platform & { saved: { name: string; data: Uint8Array }[] } {
    const saved: { name: string; data: Uint8Array }[] = []
    return {
      kind: 'browser',
      saved,
      saveFile: async (name, data) => {
        saved.push({ name, data })
        return true
      },
      openFile: async () => ({ name: 'x.chedang-backup', data: new Uint8Array([9]) }),
      printPdf: async () => undefined
    }
  }

  it('downloads the file, says only that the download started, and remembers the manifests in localStorage', async () => {
    localStorage.clear()
    const platform = fakePlatform()
    const target = createBrowserBackupTarget(platform, localStorage)
    expect(await target.latest()).toBeNull()
    const full = backup('manual', 2)
    const result = await target.save(full)
    expect(result.outcome).toBe('download-started')
    expect(platform.saved[0]!.name).toBe(result.name)
    expect(platform.saved[0]!.data).toEqual(full.bytes)
    const empty = backup('daily', 0, '2026-11-24T01:00:00.000Z')
    await target.save(empty)
    expect((await target.latest())?.manifest).toEqual(empty.manifest)
    expect((await target.latestWithData())?.manifest).toEqual(full.manifest)
    expect(await target.list()).toEqual([])
    expect(await target.folder()).toBeNull()
  })

  it('a wiped browser database is detected from the remembered manifest', async () => {
    localStorage.clear()
    const target = createBrowserBackupTarget(fakePlatform(), localStorage)
    await target.save(backup('daily', 4))
    const db = new ChedangDatabase(`target-test-${Date.now()}`)
    await db.open()
    expect((await detectLostData(db, await target.latestWithData())).lost).toBe(true)
    await db.delete()
  })

  it('ignores a damaged remembered manifest', async () => {
    localStorage.setItem(LAST_BACKUP_KEY, '{not json')
    localStorage.setItem(LAST_BACKUP_WITH_DATA_KEY, JSON.stringify({ reason: 'daily' }))
    const target = createBrowserBackupTarget(fakePlatform(), localStorage)
    expect(await target.latest()).toBeNull()
    expect(await target.latestWithData()).toBeNull()
  })
})
