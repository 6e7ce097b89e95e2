import type { ChedangBridge } from '@shared/ipc/contract'
import { type BackupManifest, backupFileName } from '@shared/backup/backup-format'
import { type BackupTarget, rowsIn } from './backup-target'
import type { Platform } from './platform'
import { createElectronPlatform } from './platform.electron'

// Desktop: the backup folder in main (atomic writes, rotation, a listing), over the preload bridge.

/** Pieces a restore reads from the backup folder at a time. */
const READ_PIECE_BYTES = 8 * 1024 * 1024

/** A piece that owns its buffer: a view would carry its whole underlying buffer across the bridge. */
const ownBytes = (bytes: Uint8Array): Uint8Array<ArrayBuffer> =>
  bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? (bytes as Uint8Array<ArrayBuffer>)
    : bytes.slice()

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
