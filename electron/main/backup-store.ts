import { mkdir, open, readdir, readFile, stat, unlink } from 'node:fs/promises'
import { basename, isAbsolute, join, relative, resolve } from 'node:path'
import { z } from 'zod'
import {
  BACKUP_FORMAT_VERSION,
  BackupErrorCode,
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

export function createBackupStore(options: BackupStoreOptions): BackupStore {
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

  /**
   * What main can check of a backup about to be written without any key: it is format 2 (encrypted;
   * plain format-1 files are never written again), its header parses, a MAC line follows, at least
   * one chunk follows, and its reason matches `fileName`. Authenticity is checked by whoever restores.
   */
  function checkBackup(fileName: string, bytes: Uint8Array): void {
    const { formatVersion, manifest, length } = readBackupHeaderLine(bytes)
    if (formatVersion !== BACKUP_FORMAT_VERSION) {
      throw new DomainError(BackupErrorCode.corrupt, '只写入加密的备份文件（第 2 版格式）；旧格式的未加密备份不再写入')
    }
    const macEnd = bytes.indexOf(0x0a, length + 1)
    if (macEnd < 0) throw backupTruncated(length + 100, bytes.byteLength)
    // The chunk frames must tile the rest of the file exactly: a copy that stopped half way is caught here.
    let offset = macEnd + 1
    if (offset === bytes.byteLength) throw backupTruncated(offset + 20, bytes.byteLength)
    while (offset < bytes.byteLength) {
      if (offset + 4 > bytes.byteLength) throw backupTruncated(offset + 4, bytes.byteLength)
      const length = new DataView(bytes.buffer, bytes.byteOffset + offset, 4).getUint32(0)
      offset += 4 + length
      if (offset > bytes.byteLength) throw backupTruncated(offset, bytes.byteLength)
    }
    const named = parseBackupFileName(fileName)
    if (named === null) throw new DomainError(BackupErrorCode.badName, '备份文件名不符合约定')
    if (named.reason !== manifest.reason) {
      throw new DomainError(BackupErrorCode.badName, `文件名的备份类型（${named.reason}）与文件内容（${manifest.reason}）不符`)
    }
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
      .filter((entry): entry is { name: string; parsed: NonNullable<typeof entry.parsed> } => entry.parsed?.reason === 'daily')
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
    const keyOf = (entry: BackupListEntry) => `${entry.manifest ? '1' : '0'}|${entry.manifest?.createdAt ?? entry.modifiedAt}|${entry.name}`
    return entries.sort((a, b) => (keyOf(a) < keyOf(b) ? 1 : keyOf(a) > keyOf(b) ? -1 : 0))
  }

  async function readBackup(name: string): Promise<Uint8Array> {
    if (!isBackupFileName(name) || basename(name) !== name) throw new DomainError(BackupErrorCode.badName, '不是备份文件名')
    const { folder } = await folderInfo()
    const handle = await open(join(folder, name), 'r').catch((error: unknown) => {
      if (isMissing(error)) throw new DomainError(BackupErrorCode.notFound, `备份文件夹里没有 ${name}`)
      throw error
    })
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
    readBackup
  }
}
