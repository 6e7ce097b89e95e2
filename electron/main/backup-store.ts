import { randomUUID } from 'node:crypto'
import { mkdir, open, readdir, readFile, stat, unlink } from 'node:fs/promises'
import { basename, isAbsolute, join, relative, resolve } from 'node:path'
import { z } from 'zod'
import {
  BACKUP_FORMAT_VERSION,
  backupCorrupt,
  BackupErrorCode,
  type BackupManifest,
  backupNotOurs,
  backupFileNameFromParts,
  compareBackupNamesNewestFirst,
  isBackupFileName,
  MAX_BACKUP_HEADER_BYTES,
  parseBackupFileName,
  readBackupHeader,
  readBackupHeaderLine,
  backupTruncated
} from '../../shared/backup/backup-format'
import type {
  BackupFolderInfo,
  BackupListEntry,
  ChooseBackupFolderResult,
  WriteBackupResult
} from '../../shared/ipc/contract'
import { MAX_FILE_BYTES, MAX_KEEP_DAILY_BACKUPS } from '../../shared/ipc/contract'
import { DomainError, isDomainError } from '../../shared/model/domain-error'
import { type AtomicStream, createAtomicStream } from './atomic-write'

/** Default backup folder, under the user's Documents: outside userData, so losing one does not lose both. */
export const DEFAULT_BACKUP_FOLDER_NAME = 'CheDang 备份'
/** The small settings file (in userData) that remembers the chosen folder. */
export const BACKUP_SETTINGS_FILE_NAME = 'backup-settings.json'
export const DEFAULT_KEEP_DAILY = 30

export interface BackupStoreOptions {
  /** app.getPath('documents') */
  documentsFolder: string
  /** app.getPath('userData'): the settings file lives here; backups never may. */
  userDataFolder: string
  writeFileAtomic(targetPath: string, data: Uint8Array): Promise<void>
  /** A streamed atomic write in a folder (default: the real one in atomic-write.ts). */
  createAtomicStream?(folder: string): Promise<AtomicStream>
  /** Defaults to process.platform (decides whether paths compare case-insensitively). */
  platform?: NodeJS.Platform
}

export interface BackupStore {
  folderInfo(): Promise<BackupFolderInfo>
  /** Remembers `folder` (absolute, outside userData; created if missing). */
  setFolder(folder: string): Promise<ChooseBackupFolderResult>
  /**
   * Checks `bytes` is a complete, intact backup whose reason matches `fileName`, writes it atomically
   * into the folder (never over an existing file: "-2", "-3"… instead), then — for a daily backup —
   * rotates the daily ones down to `keepDaily`. Throws DomainError (BACKUP_*) for a bad file.
   */
  writeBackup(fileName: string, bytes: Uint8Array, keepDaily?: number): Promise<WriteBackupResult>
  /** Deletes the oldest daily backups beyond `keepDaily`; never touches any other file. */
  rotate(keepDaily?: number): Promise<string[]>
  /** Every *.chedang-backup in the folder with its header's manifest: newest first, unreadable ones last. */
  listBackups(): Promise<BackupListEntry[]>
  readBackup(name: string): Promise<Uint8Array>
  /** Up to `length` bytes of a backup from `offset`, and the file's size. */
  readBackupPiece(name: string, offset: number, length: number): Promise<{ data: Uint8Array; size: number }>
  /** Starts a streamed write of `fileName` into a hidden temp file in the folder; returns its id. */
  beginWrite(fileName: string, keepDaily?: number): Promise<string>
  /** Appends bytes, checking the file's shape as they come; a bad one aborts the write. */
  appendWrite(id: string, data: Uint8Array): Promise<void>
  /** Checks the whole file, then renames it into place (never over another backup) and rotates. */
  finishWrite(id: string): Promise<WriteBackupResult>
  /** Drops the temp file. */
  abortWrite(id: string): Promise<void>
}

const settingsSchema = z.object({
  folder: z.string().min(1).nullable().catch(null),
  keepDaily: z.number().int().min(1).max(MAX_KEEP_DAILY_BACKUPS).catch(DEFAULT_KEEP_DAILY)
})
type BackupSettings = z.infer<typeof settingsSchema>
const DEFAULT_SETTINGS: BackupSettings = { folder: null, keepDaily: DEFAULT_KEEP_DAILY }

/** Is `inner` the folder `outer` or somewhere below it? */
export function isInsideFolder(outer: string, inner: string, platform: NodeJS.Platform = process.platform): boolean {
  const fold = platform === 'win32' || platform === 'darwin' ? (p: string) => p.toLowerCase() : (p: string) => p
  const rel = relative(fold(resolve(outer)), fold(resolve(inner)))
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'

export function createBackupStore(storeOptions: BackupStoreOptions): BackupStore {
  const options = { createAtomicStream, ...storeOptions }
  const platform = options.platform ?? process.platform
  const settingsPath = join(options.userDataFolder, BACKUP_SETTINGS_FILE_NAME)
  const defaultFolder = join(options.documentsFolder, DEFAULT_BACKUP_FOLDER_NAME)
  // Writes and rotations run one at a time, so choosing a free name cannot race another write.
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work)
    queue = run.catch(() => undefined)
    return run
  }

  async function readSettings(): Promise<BackupSettings> {
    try {
      const parsed = settingsSchema.safeParse(JSON.parse(await readFile(settingsPath, 'utf8')))
      return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS }
    } catch {
      return { ...DEFAULT_SETTINGS }
    }
  }

  function folderProblem(folder: string): string | null {
    if (!isAbsolute(folder)) return '备份文件夹必须是完整路径'
    if (isInsideFolder(options.userDataFolder, folder, platform)) {
      return '备份文件夹不能设在车档的数据目录里（数据目录损坏时备份会一起丢失），请另选一个文件夹'
    }
    return null
  }

  async function folderInfo(): Promise<BackupFolderInfo> {
    const settings = await readSettings()
    const chosen = settings.folder !== null && folderProblem(settings.folder) === null ? resolve(settings.folder) : null
    return { folder: chosen ?? defaultFolder, isDefault: chosen === null, keepDaily: settings.keepDaily }
  }

  async function setFolder(folder: string): Promise<ChooseBackupFolderResult> {
    const problem = folderProblem(folder)
    if (problem !== null) return { status: 'refused', reason: problem }
    const absolute = resolve(folder)
    await mkdir(absolute, { recursive: true })
    const settings = await readSettings()
    const next: BackupSettings = { ...settings, folder: absolute }
    await mkdir(options.userDataFolder, { recursive: true })
    await options.writeFileAtomic(settingsPath, new TextEncoder().encode(`${JSON.stringify(next, null, 2)}\n`))
    return { status: 'chosen', folder: { folder: absolute, isDefault: false, keepDaily: next.keepDaily } }
  }

  /** The whole-buffer write: the same shape check as a streamed one. */
  function checkBackup(fileName: string, bytes: Uint8Array): void {
    const check = new BackupShapeCheck()
    check.push(bytes)
    check.finish(fileName)
  }

  async function exists(path: string): Promise<boolean> {
    try {
      await stat(path)
      return true
    } catch (error) {
      if (isMissing(error)) return false
      throw error
    }
  }

  async function freeName(folder: string, fileName: string): Promise<string> {
    const parsed = parseBackupFileName(fileName)!
    for (let sequence = parsed.sequence; sequence < 10_000; sequence++) {
      const name = backupFileNameFromParts(parsed.stamp, parsed.reason, sequence)
      if (!(await exists(join(folder, name)))) return name
    }
    throw new Error('同一分钟内的备份过多')
  }

  /** The file names in the backup folder; none while it does not exist yet. */
  async function namesIn(folder: string): Promise<string[]> {
    try {
      return await readdir(folder)
    } catch (error) {
      if (isMissing(error)) return []
      throw error
    }
  }

  async function rotateNow(keepDaily: number): Promise<string[]> {
    const { folder } = await folderInfo()
    const names = await namesIn(folder)
    const daily = names
      .map((name) => ({ name, parsed: parseBackupFileName(name) }))
      .filter(
        (entry): entry is { name: string; parsed: NonNullable<typeof entry.parsed> } => entry.parsed?.reason === 'daily'
      )
      .sort((a, b) => compareBackupNamesNewestFirst(a.parsed, b.parsed))
    const removed: string[] = []
    for (const { name } of daily.slice(Math.max(1, keepDaily))) {
      await unlink(join(folder, name))
      removed.push(name)
    }
    return removed
  }

  async function writeBackup(fileName: string, bytes: Uint8Array, keepDaily?: number): Promise<WriteBackupResult> {
    checkBackup(fileName, bytes)
    return serial(async () => {
      const info = await folderInfo()
      await mkdir(info.folder, { recursive: true })
      const name = await freeName(info.folder, fileName)
      const path = join(info.folder, name)
      await options.writeFileAtomic(path, bytes)
      let rotatedAway: string[] = []
      let rotationProblem: string | null = null
      if (parseBackupFileName(name)?.reason === 'daily') {
        try {
          rotatedAway = await rotateNow(keepDaily ?? info.keepDaily)
        } catch (error) {
          rotationProblem = `备份已写入，但清理旧的每日备份失败：${error instanceof Error ? error.message : String(error)}`
        }
      }
      return { name, path, size: bytes.byteLength, rotatedAway, rotationProblem }
    })
  }

  const streams = new Map<
    string,
    {
      stream: AtomicStream
      check: BackupShapeCheck
      fileName: string
      folder: string
      keepDaily: number | undefined
      size: number
    }
  >()

  async function beginWrite(fileName: string, keepDaily?: number): Promise<string> {
    if (parseBackupFileName(fileName) === null) throw new DomainError(BackupErrorCode.badName, '备份文件名不符合约定')
    const { folder } = await folderInfo()
    await mkdir(folder, { recursive: true })
    const id = randomUUID()
    streams.set(id, {
      stream: await options.createAtomicStream(folder),
      check: new BackupShapeCheck(),
      fileName,
      folder,
      keepDaily,
      size: 0
    })
    return id
  }

  function pendingWrite(id: string) {
    const pending = streams.get(id)
    if (pending === undefined) throw new DomainError(BackupErrorCode.notFound, '没有进行中的这次备份写入')
    return pending
  }

  async function abortWrite(id: string): Promise<void> {
    const pending = streams.get(id)
    streams.delete(id)
    await pending?.stream.abort()
  }

  async function appendWrite(id: string, data: Uint8Array): Promise<void> {
    const pending = pendingWrite(id)
    try {
      pending.check.push(data)
      pending.size += data.byteLength
      if (pending.size > MAX_STREAMED_BACKUP_BYTES) throw new DomainError(BackupErrorCode.tooLarge, '备份文件过大')
      await pending.stream.write(data)
    } catch (error) {
      await abortWrite(id)
      throw error
    }
  }

  async function finishWrite(id: string): Promise<WriteBackupResult> {
    const pending = pendingWrite(id)
    streams.delete(id)
    try {
      pending.check.finish(pending.fileName)
    } catch (error) {
      await pending.stream.abort()
      throw error
    }
    return serial(async () => {
      const info = await folderInfo()
      const name = await freeName(pending.folder, pending.fileName)
      const path = join(pending.folder, name)
      await pending.stream.commit(path)
      return { name, path, size: pending.size, ...(await rotateAfter(name, pending.keepDaily ?? info.keepDaily)) }
    })
  }

  async function rotateAfter(
    name: string,
    keepDaily: number
  ): Promise<{ rotatedAway: string[]; rotationProblem: string | null }> {
    if (parseBackupFileName(name)?.reason !== 'daily') return { rotatedAway: [], rotationProblem: null }
    try {
      return { rotatedAway: await rotateNow(keepDaily), rotationProblem: null }
    } catch (error) {
      return {
        rotatedAway: [],
        rotationProblem: `备份已写入，但清理旧的每日备份失败：${error instanceof Error ? error.message : String(error)}`
      }
    }
  }

  async function readHeaderOf(path: string): Promise<Pick<BackupListEntry, 'manifest' | 'problem'>> {
    const handle = await open(path, 'r')
    try {
      const buffer = new Uint8Array(MAX_BACKUP_HEADER_BYTES)
      const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, 0)
      return { manifest: readBackupHeader(buffer.subarray(0, bytesRead)), problem: null }
    } catch (error) {
      if (isDomainError(error)) return { manifest: null, problem: error.message }
      throw error
    } finally {
      await handle.close()
    }
  }

  async function listBackups(): Promise<BackupListEntry[]> {
    const { folder } = await folderInfo()
    const names = await namesIn(folder)
    const entries: BackupListEntry[] = []
    for (const name of names.filter(isBackupFileName)) {
      const path = join(folder, name)
      try {
        const info = await stat(path)
        if (!info.isFile()) continue
        entries.push({ name, size: info.size, modifiedAt: info.mtime.toISOString(), ...(await readHeaderOf(path)) })
      } catch (error) {
        if (!isMissing(error)) throw error // removed meanwhile: skip it
      }
    }
    // Readable backups newest first (by the time they were taken), then the unreadable ones.
    const keyOf = (entry: BackupListEntry) =>
      `${entry.manifest ? '1' : '0'}|${entry.manifest?.createdAt ?? entry.modifiedAt}|${entry.name}`
    return entries.sort((a, b) => (keyOf(a) < keyOf(b) ? 1 : keyOf(a) > keyOf(b) ? -1 : 0))
  }

  /** A backup in the backup folder opened for reading; only a backup's own file name is accepted. */
  async function openBackupFile(name: string) {
    if (!isBackupFileName(name) || basename(name) !== name)
      throw new DomainError(BackupErrorCode.badName, '不是备份文件名')
    const { folder } = await folderInfo()
    return open(join(folder, name), 'r').catch((error: unknown) => {
      if (isMissing(error)) throw new DomainError(BackupErrorCode.notFound, `备份文件夹里没有 ${name}`)
      throw error
    })
  }

  async function readBackupPiece(
    name: string,
    offset: number,
    length: number
  ): Promise<{ data: Uint8Array; size: number }> {
    const handle = await openBackupFile(name)
    try {
      const { size } = await handle.stat()
      const data = new Uint8Array(Math.max(0, Math.min(length, size - offset)))
      let read = 0
      while (read < data.byteLength) {
        const { bytesRead } = await handle.read(data, read, data.byteLength - read, offset + read)
        if (bytesRead === 0) break
        read += bytesRead
      }
      return { data: data.subarray(0, read), size }
    } finally {
      await handle.close()
    }
  }

  async function readBackup(name: string): Promise<Uint8Array> {
    const handle = await openBackupFile(name)
    try {
      const { size } = await handle.stat()
      if (size > MAX_FILE_BYTES) throw new DomainError(BackupErrorCode.tooLarge, '备份文件过大，无法读取')
      const buffer = await handle.readFile()
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
    } finally {
      await handle.close()
    }
  }

  return {
    folderInfo,
    setFolder,
    writeBackup,
    rotate: (keepDaily) => serial(async () => rotateNow(keepDaily ?? (await folderInfo()).keepDaily)),
    listBackups,
    readBackup,
    readBackupPiece,
    beginWrite,
    appendWrite,
    finishWrite,
    abortWrite
  }
}

/** Largest backup written through the streamed channel (scans make archives of several GB). */
export const MAX_STREAMED_BACKUP_BYTES = 64 * 1024 ** 3
const TAG_BYTES = 16
const MAX_SEALED_CHUNK_BYTES = 16 * 1024 * 1024 + TAG_BYTES

/**
 * What main can check of a backup without any key, as its bytes arrive: format 2 (encrypted; plain
 * format-1 files are never written again), a header that parses, a MAC line, then chunk frames that
 * tile the rest exactly (a copy that stopped half way is caught), and a reason that matches the name.
 * Authenticity is checked by whoever restores, with the passphrase.
 */
export class BackupShapeCheck {
  private stage: 'header' | 'mac' | 'frames' = 'header'
  private line: Uint8Array[] = []
  private lineBytes = 0
  private manifest: BackupManifest | null = null
  private prefix = new Uint8Array(4)
  private prefixFilled = 0
  private frameLeft = 0
  private frames = 0
  private total = 0

  push(bytes: Uint8Array): void {
    let at = 0
    while (at < bytes.byteLength) {
      if (this.stage !== 'frames') {
        const newline = bytes.indexOf(0x0a, at)
        const end = newline < 0 ? bytes.byteLength : newline
        this.line.push(bytes.subarray(at, end))
        this.lineBytes += end - at
        const limit = this.stage === 'header' ? MAX_BACKUP_HEADER_BYTES : 1024
        if (this.lineBytes > limit) throw this.stage === 'header' ? backupNotOurs() : backupCorrupt('MAC line too long')
        this.total += end - at
        if (newline < 0) return
        at = newline + 1
        this.total += 1
        this.endLine()
        continue
      }
      if (this.frameLeft > 0) {
        const take = Math.min(this.frameLeft, bytes.byteLength - at)
        this.frameLeft -= take
        at += take
        this.total += take
        continue
      }
      this.prefix[this.prefixFilled++] = bytes[at++]!
      this.total += 1
      if (this.prefixFilled === 4) {
        const length = new DataView(this.prefix.buffer).getUint32(0)
        if (length < TAG_BYTES || length > MAX_SEALED_CHUNK_BYTES) throw backupCorrupt(`chunk ${this.frames} length`)
        this.frameLeft = length
        this.prefixFilled = 0
        this.frames += 1
      }
    }
  }

  private endLine(): void {
    const bytes = new Uint8Array(this.lineBytes + 1)
    let o = 0
    for (const piece of this.line) {
      bytes.set(piece, o)
      o += piece.byteLength
    }
    bytes[o] = 0x0a
    this.line = []
    this.lineBytes = 0
    if (this.stage === 'header') {
      const { formatVersion, manifest } = readBackupHeaderLine(bytes)
      if (formatVersion !== BACKUP_FORMAT_VERSION) {
        throw new DomainError(
          BackupErrorCode.corrupt,
          '只写入加密的备份文件（第 2 版格式）；旧格式的未加密备份不再写入'
        )
      }
      this.manifest = manifest
      this.stage = 'mac'
    } else {
      if (!/^\{"mac":"[0-9a-f]{64}"\}\n$/.test(new TextDecoder().decode(bytes))) throw backupCorrupt('MAC line')
      this.stage = 'frames'
    }
  }

  /** The manifest, once the whole file arrived and its name fits it. */
  finish(fileName: string): BackupManifest {
    if (this.stage === 'header' && this.lineBytes > 0 && this.manifest === null) {
      // No end of header: ours or not?
      const first = this.line[0] ?? new Uint8Array(0)
      readBackupHeaderLine(first)
    }
    if (this.manifest === null) throw backupNotOurs()
    if (this.stage !== 'frames' || this.frames === 0 || this.prefixFilled > 0 || this.frameLeft > 0) {
      throw backupTruncated(this.total + this.frameLeft + (this.frames === 0 ? 20 : 0), this.total)
    }
    const named = parseBackupFileName(fileName)
    if (named === null) throw new DomainError(BackupErrorCode.badName, '备份文件名不符合约定')
    if (named.reason !== this.manifest.reason) {
      throw new DomainError(
        BackupErrorCode.badName,
        `文件名的备份类型（${named.reason}）与文件内容（${this.manifest.reason}）不符`
      )
    }
    return this.manifest
  }
}
