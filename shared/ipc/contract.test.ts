import { describe, expect, it } from 'vitest'
import {
  appendBackupWriteRequest,
  MAX_BACKUP_PIECE_BYTES,
  MAX_FILE_BYTES,
  printPdfRequest,
  readBackupRequest,
  saveBackupAuthKeyRequest,
  saveFileRequest,
  writeBackupRequest
} from './contract'

// Every payload from the renderer is parsed in main before anything touches the disk.
const messagesOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => i.message)
// A view claiming a size without allocating it: the checks read byteLength only.
const sized = (byteLength: number) =>
  Object.defineProperty(new Uint8Array(1), 'byteLength', { value: byteLength }) as Uint8Array

describe('the IPC contract refuses what main must not act on', () => {
  it('a file name with a path in it', () => {
    expect(saveFileRequest.safeParse({ suggestedName: '交接单.pdf', data: new Uint8Array(3) }).success).toBe(true)
    for (const suggestedName of ['../交接单.pdf', 'a\\b.pdf'])
      expect(messagesOf(saveFileRequest.safeParse({ suggestedName, data: new Uint8Array(3) }))).toEqual([
        '文件名不能包含路径分隔符'
      ])
    expect(messagesOf(saveFileRequest.safeParse({ suggestedName: 'a.pdf', data: sized(MAX_FILE_BYTES + 1) }))).toEqual([
      '文件过大'
    ])
    expect(saveFileRequest.safeParse({ suggestedName: 'a.pdf', data: sized(MAX_FILE_BYTES) }).success).toBe(true)
  })

  it('a PDF of five bytes at least', () => {
    expect(printPdfRequest.safeParse({ title: '交接单', data: new Uint8Array(5) }).success).toBe(true)
    expect(messagesOf(printPdfRequest.safeParse({ title: '交接单', data: new Uint8Array(4) }))).toEqual([
      'PDF 数据无效'
    ])
    expect(messagesOf(printPdfRequest.safeParse({ title: '交接单', data: sized(MAX_FILE_BYTES + 1) }))).toEqual([
      'PDF 数据无效'
    ])
  })

  it('a backup written under a name that is not a backup’s, or empty', () => {
    const fileName = '车档备份-2026-11-22-0930-daily.chedang-backup'
    expect(writeBackupRequest.safeParse({ fileName, data: new Uint8Array(1) }).success).toBe(true)
    expect(messagesOf(writeBackupRequest.safeParse({ fileName: 'notes.txt', data: new Uint8Array(1) }))).toEqual([
      '备份文件名不符合“车档备份-日期-时间-类型.chedang-backup”的约定'
    ])
    expect(messagesOf(writeBackupRequest.safeParse({ fileName: `../${fileName}`, data: new Uint8Array(1) }))).toContain(
      '文件名不能包含路径分隔符'
    )
    expect(messagesOf(writeBackupRequest.safeParse({ fileName, data: new Uint8Array(0) }))).toEqual([
      '备份数据为空或过大'
    ])
    expect(messagesOf(writeBackupRequest.safeParse({ fileName, data: sized(MAX_FILE_BYTES + 1) }))).toEqual([
      '备份数据为空或过大'
    ])
  })

  it('a streamed piece that is empty or larger than a piece', () => {
    const writeId = '3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a1b'
    expect(appendBackupWriteRequest.safeParse({ writeId, data: sized(MAX_BACKUP_PIECE_BYTES) }).success).toBe(true)
    for (const data of [new Uint8Array(0), sized(MAX_BACKUP_PIECE_BYTES + 1)])
      expect(messagesOf(appendBackupWriteRequest.safeParse({ writeId, data }))).toEqual(['备份数据块为空或过大'])
  })

  it('a backup read from outside the backup folder, or a file that is no backup', () => {
    expect(readBackupRequest.safeParse({ name: '从旧电脑拷来的.chedang-backup' }).success).toBe(true)
    expect(messagesOf(readBackupRequest.safeParse({ name: 'C:/x.chedang-backup' }))).toContain(
      '文件名不能包含路径分隔符'
    )
    expect(messagesOf(readBackupRequest.safeParse({ name: 'x.pdf' }))).toEqual(['不是备份文件名（.chedang-backup）'])
  })

  it('a backup authentication key that is not 32 bytes', () => {
    const keyId = 'A1B2-C3D4-E5F6-0718'
    expect(saveBackupAuthKeyRequest.safeParse({ keyId, key: new Uint8Array(32) }).success).toBe(true)
    expect(messagesOf(saveBackupAuthKeyRequest.safeParse({ keyId, key: new Uint8Array(31) }))).toEqual([
      '备份认证密钥应为 32 字节'
    ])
    expect(
      messagesOf(saveBackupAuthKeyRequest.safeParse({ keyId: 'a1b2-c3d4-e5f6-0718', key: new Uint8Array(32) }))
    ).toEqual(['备份密钥指纹无效'])
  })
})
