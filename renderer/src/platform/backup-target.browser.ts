import { type BackupManifest, backupFileName, backupManifestSchema } from '@shared/backup/backup-format'
import { type BackupTarget, rowsIn } from './backup-target'
import type { Platform } from './platform'
import { createBrowserPlatform } from './platform.browser'

// Browser: a download of the file, and the last manifests remembered in localStorage (the browser
// cannot list what it downloaded), so the start screen can still tell that data went missing.

/** All the pieces as one buffer: a download needs the whole file. */
export async function collectPieces(pieces: AsyncIterable<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  const parts: Uint8Array[] = []
  let length = 0
  for await (const piece of pieces) {
    parts.push(piece)
    length += piece.byteLength
  }
  const bytes = new Uint8Array(length)
  let offset = 0
  for (const part of parts) {
    bytes.set(part, offset)
    offset += part.byteLength
  }
  return bytes
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
      const started = await platform.saveFile(name, await collectPieces(backup.pieces))
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
