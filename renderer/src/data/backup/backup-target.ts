import type { BackupFolderInfo, BackupListEntry, ChedangBridge, ChooseBackupFolderResult } from '@shared/ipc/contract'
import { type BackupManifest, backupFileName, backupManifestSchema } from '@shared/backup/backup-format'
import { type BackupFile, backupBytes } from './create-backup'
import type { Platform } from '../../platform'
import { createBrowserPlatform } from '../../platform/platform.browser'
import { createElectronPlatform } from '../../platform/platform.electron'

// Where backups go. Desktop: the backup folder in main (atomic writes, rotation, a listing).
// Browser: a download of the file, and the last manifests remembered in localStorage (the browser
// cannot list what it downloaded), so the start screen can still tell that data went missing.

export interface SavedBackup {
  /**
   * 'written': in the backup folder (desktop), checked and renamed into place; 'download-started':
   * the browser was handed the file, which is all a web page can know; 'cancelled': nothing happened.
   */
  outcome: 'written' | 'download-started' | 'cancelled'
  /** The file name written or offered for download. */
  name: string
  /** Daily backups removed by rotation (desktop only). */
  rotatedAway: string[]
}

/** A backup file read lazily: its first bytes (the header), and all its bytes piece by piece. */
export interface BackupSource {
  name: string
  head: Uint8Array
  pieces(): AsyncIterable<Uint8Array>
}

/** Pieces a restore reads from the backup folder at a time. */
const READ_PIECE_BYTES = 8 * 1024 * 1024

export interface BackupTarget {
  readonly kind: 'desktop' | 'browser'
  /** Stores a backup: into the backup folder (desktop) or as a download (browser). */
  save(backup: BackupFile, options?: { keepDaily?: number }): Promise<SavedBackup>
  /** The newest backup known, of any kind; null when none. */
  latest(): Promise<{ manifest: BackupManifest } | null>
  /** The newest backup known that held rows: what `detectLostData` compares with. */
  latestWithData(): Promise<{ manifest: BackupManifest } | null>
  /** Backups in the backup folder, newest first (always empty in the browser). */
  list(): Promise<BackupListEntry[]>
  /** Reads a backup from the backup folder by name (desktop only). */
  read(name: string): Promise<Uint8Array>
  /** Opens a backup in the backup folder to be read piece by piece, however large (desktop only). */
  open(name: string): Promise<BackupSource>
  /** Lets the user pick a backup file anywhere; null when cancelled. */
  pickFile(): Promise<{ name: string; bytes: Uint8Array } | null>
  /** The backup folder (desktop); null in the browser. */
  folder(): Promise<BackupFolderInfo | null>
  /** Lets the user choose the backup folder (desktop); null in the browser. */
  chooseFolder(): Promise<ChooseBackupFolderResult | null>
}

/** A piece that owns its buffer: a view would carry its whole underlying buffer across the bridge. */
const ownBytes = (bytes: Uint8Array): Uint8Array<ArrayBuffer> =>
  bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? (bytes as Uint8Array<ArrayBuffer>)
    : bytes.slice()

const rowsIn = (manifest: BackupManifest) => Object.values(manifest.tables).reduce((sum, n) => sum + n, 0)

export function createDesktopBackupTarget(
  bridge: ChedangBridge,
  platform: Platform = createElectronPlatform(bridge)
): BackupTarget {
  const newest = async (predicate: (manifest: BackupManifest) => boolean) => {
    const entry = (await bridge.listBackups()).find((e) => e.manifest !== null && predicate(e.manifest))
    return entry?.manifest ? { manifest: entry.manifest } : null
  }
  return {
    kind: 'desktop',
    async save(backup, options = {}) {
      // Streamed piece by piece into a temp file that main renames into place once it is whole.
      const { writeId } = await bridge.beginBackupWrite({
        fileName: backupFileName(backup.manifest.createdAt, backup.manifest.reason),
        ...(options.keepDaily === undefined ? {} : { keepDaily: options.keepDaily })
      })
      try {
        for await (const piece of backup.pieces) {
          if (piece.byteLength > 0) await bridge.appendBackupWrite({ writeId, data: ownBytes(piece) })
        }
      } catch (error) {
        await bridge.abortBackupWrite({ writeId }).catch(() => undefined)
        throw error
      }
      const result = await bridge.finishBackupWrite({ writeId })
      return { outcome: 'written', name: result.name, rotatedAway: result.rotatedAway }
    },
    latest: () => newest(() => true),
    latestWithData: () => newest((manifest) => rowsIn(manifest) > 0),
    list: () => bridge.listBackups(),
    async read(name) {
      return new Uint8Array((await bridge.readBackup({ name })).data)
    },
    async open(name) {
      const first = await bridge.readBackupPiece({ name, offset: 0, length: READ_PIECE_BYTES })
      return {
        name,
        head: new Uint8Array(first.data),
        async *pieces() {
          for (let offset = 0; ;) {
            const { data, size } =
              offset === 0 ? first : await bridge.readBackupPiece({ name, offset, length: READ_PIECE_BYTES })
            if (data.byteLength === 0) return
            yield new Uint8Array(data)
            offset += data.byteLength
            if (offset >= size) return
          }
        }
      }
    },
    async pickFile() {
      // No extension filter: the contract's filters take short extensions only, and the header check
      // tells the user precisely when a file is not a backup.
      const file = await platform.openFile()
      return file && { name: file.name, bytes: file.data }
    },
    folder: () => bridge.getBackupFolder(),
    chooseFolder: () => bridge.chooseBackupFolder()
  }
}

export const LAST_BACKUP_KEY = 'chedang.backup.last'
export const LAST_BACKUP_WITH_DATA_KEY = 'chedang.backup.lastWithData'

function readManifest(storage: Storage, key: string): { manifest: BackupManifest } | null {
  try {
    const raw = storage.getItem(key)
    if (raw === null) return null
    const parsed = backupManifestSchema.safeParse(JSON.parse(raw))
    return parsed.success ? { manifest: parsed.data } : null
  } catch {
    return null
  }
}

export function createBrowserBackupTarget(
  platform: Platform = createBrowserPlatform(),
  storage: Storage = localStorage
): BackupTarget {
  return {
    kind: 'browser',
    async save(backup) {
      const name = backupFileName(backup.manifest.createdAt, backup.manifest.reason)
      const started = await platform.saveFile(name, await backupBytes(backup))
      if (started) {
        const json = JSON.stringify(backup.manifest)
        storage.setItem(LAST_BACKUP_KEY, json)
        if (rowsIn(backup.manifest) > 0) storage.setItem(LAST_BACKUP_WITH_DATA_KEY, json)
      }
      return { outcome: started ? 'download-started' : 'cancelled', name, rotatedAway: [] }
    },
    latest: async () => readManifest(storage, LAST_BACKUP_KEY),
    latestWithData: async () => readManifest(storage, LAST_BACKUP_WITH_DATA_KEY),
    list: async () => [],
    read: async () => {
      throw new Error('浏览器模式没有备份文件夹，请用“选择备份文件”导入')
    },
    open: async () => {
      throw new Error('浏览器模式没有备份文件夹，请用“选择备份文件”导入')
    },
    async pickFile() {
      const file = await platform.openFile()
      return file && { name: file.name, bytes: file.data }
    },
    folder: async () => null,
    chooseFolder: async () => null
  }
}

/** The desktop target when the preload's bridge is there, else the browser one. */
export function detectBackupTarget(win: Window = window): BackupTarget {
  return win.chedang
    ? createDesktopBackupTarget(win.chedang)
    : createBrowserBackupTarget(createBrowserPlatform(win.document), win.localStorage)
}
