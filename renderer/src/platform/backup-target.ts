import type { BackupFolderInfo, BackupListEntry, ChooseBackupFolderResult } from '@shared/ipc/contract'
import type { BackupManifest } from '@shared/backup/backup-format'

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

/** A backup to store: its manifest and its bytes, piece by piece (data/backup's BackupFile). */
export interface BackupToSave {
  manifest: BackupManifest
  pieces: AsyncIterable<Uint8Array>
}

export interface BackupTarget {
  readonly kind: 'desktop' | 'browser'
  /** Stores a backup: into the backup folder (desktop) or as a download (browser). */
  save(backup: BackupToSave, options?: { keepDaily?: number }): Promise<SavedBackup>
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

/** How many rows a backup holds, by its manifest. */
export const rowsIn = (manifest: BackupManifest): number =>
  Object.values(manifest.tables).reduce((sum, n) => sum + n, 0)
