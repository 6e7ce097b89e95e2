import { z } from 'zod'
import { type BackupManifest, isBackupFileName, parseBackupFileName } from '../backup/backup-format'
import { auditAnchorSchema, MAX_ANCHORS_PER_APPEND } from '../audit/audit-anchor-schema'
import type { AuditAnchor } from '../audit/audit-chain'

// The one narrow bridge between the renderer and the OS. Every payload is validated in main.
// Channel names and the origin are frozen: IndexedDB data lives under the origin.
export const APP_SCHEME = 'app'
export const APP_HOST = 'chedang'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

// Channel names live in ./channels (no zod) so the sandboxed preload can import them alone.
export { IpcChannel, type IpcChannelName } from './channels'
export { IpcErrorCode, type IpcErrorCodeValue, ipcErrorCodeOf } from './errors'

const fileFilter = z.object({
  name: z.string().min(1).max(64),
  extensions: z
    .array(z.string().regex(/^[a-z0-9]{1,10}$/i))
    .min(1)
    .max(10)
})

/** Largest file the app saves, opens or prints (512 MiB). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024

export const saveFileRequest = z
  .object({
    suggestedName: z
      .string()
      .min(1)
      .max(200)
      .refine((n) => !/[\\/]/.test(n), '文件名不能包含路径分隔符'),
    data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= MAX_FILE_BYTES, '文件过大'),
    filters: z.array(fileFilter).max(10).optional()
  })
  .strict()
export type SaveFileRequest = z.infer<typeof saveFileRequest>
export type SaveFileResult = { saved: true; path: string } | { saved: false }

export const openFileRequest = z
  .object({
    filters: z.array(fileFilter).max(10).optional()
  })
  .strict()
export type OpenFileRequest = z.infer<typeof openFileRequest>
export type OpenFileResult = { name: string; data: Uint8Array } | null

export const printPdfRequest = z
  .object({
    title: z.string().min(1).max(200),
    data: z.instanceof(Uint8Array).refine((d) => d.byteLength > 4 && d.byteLength <= MAX_FILE_BYTES, 'PDF 数据无效')
  })
  .strict()
export type PrintPdfRequest = z.infer<typeof printPdfRequest>

/** `appInfo` takes no payload at all. */
export const appInfoRequest = z.undefined()

export interface AppInfo {
  version: string
  userDataPath: string
  platform: string
}

// Backups (车档备份): a folder the user picks (default <Documents>/CheDang 备份, never inside userData).
// The renderer builds the backup file; main checks it, writes it atomically and rotates the daily ones.

/** The backup folder and how many daily backups are kept there. */
export interface BackupFolderInfo {
  folder: string
  /** True while the user has not chosen a folder (the default is used). */
  isDefault: boolean
  /** Daily backups kept by rotation when a write does not say otherwise. */
  keepDaily: number
}

/** `chooseBackupFolder` and `getBackupFolder` take no payload. */
export const chooseBackupFolderRequest = z.undefined()
export type ChooseBackupFolderResult =
  | { status: 'chosen'; folder: BackupFolderInfo }
  | { status: 'cancelled' }
  /** The folder cannot hold backups (e.g. it lies inside the app's data folder); `reason` is Chinese. */
  | { status: 'refused'; reason: string }

export const getBackupFolderRequest = z.undefined()

/** Most daily backups rotation may be asked to keep. */
export const MAX_KEEP_DAILY_BACKUPS = 3650

export const writeBackupRequest = z
  .object({
    /** A name made by backupFileName(): 车档备份-2026-11-22-0930-daily.chedang-backup */
    fileName: z
      .string()
      .min(1)
      .max(200)
      .refine((n) => !/[\\/]/.test(n), '文件名不能包含路径分隔符')
      .refine((n) => parseBackupFileName(n) !== null, '备份文件名不符合“车档备份-日期-时间-类型.chedang-backup”的约定'),
    data: z
      .instanceof(Uint8Array)
      .refine((d) => d.byteLength > 0 && d.byteLength <= MAX_FILE_BYTES, '备份数据为空或过大'),
    /** Daily backups to keep after this write (the backup policy); default: the folder's setting. */
    keepDaily: z.number().int().min(1).max(MAX_KEEP_DAILY_BACKUPS).optional()
  })
  .strict()
export type WriteBackupRequest = z.infer<typeof writeBackupRequest>
export interface WriteBackupResult {
  /** The name written: the requested one, or with "-2", "-3"… when that name was taken (never overwritten). */
  name: string
  path: string
  size: number
  /** Daily backups removed by rotation. */
  rotatedAway: string[]
  /** Set when the backup was written but rotation failed (Chinese). */
  rotationProblem: string | null
}

// A backup of several GB crosses the bridge in pieces: begin, append…, finish (or abort). Main writes
// them to a hidden temp file in the backup folder, checks the file's shape, and renames it into place.

/** Largest piece of a streamed backup write. */
export const MAX_BACKUP_PIECE_BYTES = 32 * 1024 * 1024

export const beginBackupWriteRequest = writeBackupRequest.omit({ data: true }).strict()
export type BeginBackupWriteRequest = z.infer<typeof beginBackupWriteRequest>
export interface BeginBackupWriteResult {
  writeId: string
}

const writeId = z.uuid()
export const appendBackupWriteRequest = z
  .object({
    writeId,
    data: z
      .instanceof(Uint8Array)
      .refine((d) => d.byteLength > 0 && d.byteLength <= MAX_BACKUP_PIECE_BYTES, '备份数据块为空或过大')
  })
  .strict()
export type AppendBackupWriteRequest = z.infer<typeof appendBackupWriteRequest>
export const finishBackupWriteRequest = z.object({ writeId }).strict()
export type FinishBackupWriteRequest = z.infer<typeof finishBackupWriteRequest>

export const listBackupsRequest = z.undefined()
export interface BackupListEntry {
  name: string
  size: number
  /** ISO time the file was last modified. */
  modifiedAt: string
  /** The header's manifest; null when the file's header is not readable. */
  manifest: BackupManifest | null
  /** Why the header is not readable (Chinese), else null. */
  problem: string | null
}

export const readBackupRequest = z
  .object({
    name: z
      .string()
      .min(1)
      .max(200)
      .refine((n) => !/[\\/]/.test(n), '文件名不能包含路径分隔符')
      .refine(isBackupFileName, '不是备份文件名（.chedang-backup）')
  })
  .strict()
export type ReadBackupRequest = z.infer<typeof readBackupRequest>
export interface ReadBackupResult {
  name: string
  data: Uint8Array
}

// The audit trail's trust outside the database: the key that seals the chain (kept by main in the
// app-data folder, encrypted with the OS's safeStorage) and the append-only file of chain heads.

/** `auditKey` takes no payload: the renderer fetches the key once at start. */
export const auditKeyRequest = z.undefined()
export interface AuditKeyResult {
  key: Uint8Array
  /** False when the OS offers no encryption (e.g. Linux without a keyring): the key file is plain. */
  protected: boolean
}

export const appendAuditAnchorsRequest = z
  .object({
    anchors: z.array(auditAnchorSchema).min(1).max(MAX_ANCHORS_PER_APPEND)
  })
  .strict()
export type AppendAuditAnchorsRequest = z.infer<typeof appendAuditAnchorsRequest>

export const readAuditAnchorsRequest = z.undefined()
export interface ReadAuditAnchorsResult {
  anchors: AuditAnchor[]
  /** Lines of the anchor file that are not a readable anchor (a damaged or edited file), 1-based. */
  unreadableLines: number[]
}

/** A piece of a backup in the backup folder: a restore reads a file of several GB this way. */
export const readBackupPieceRequest = z
  .object({
    name: readBackupRequest.shape.name,
    offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    length: z.number().int().min(1).max(MAX_BACKUP_PIECE_BYTES)
  })
  .strict()
export type ReadBackupPieceRequest = z.infer<typeof readBackupPieceRequest>
export interface ReadBackupPieceResult {
  data: Uint8Array
  /** The file's whole size, so the reader knows when it is done. */
  size: number
}

// The backup authentication key K_auth (see shared/backup/backup-crypto.ts): main keeps it for the
// renderer under the OS account's protection (Electron safeStorage), one file per key id in userData.

const backupKeyId = z.string().regex(/^[0-9A-F]{4}(-[0-9A-F]{4}){3}$/, '备份密钥指纹无效')

export const saveBackupAuthKeyRequest = z
  .object({
    keyId: backupKeyId,
    key: z.instanceof(Uint8Array).refine((k) => k.byteLength === 32, '备份认证密钥应为 32 字节')
  })
  .strict()
export type SaveBackupAuthKeyRequest = z.infer<typeof saveBackupAuthKeyRequest>

export const readBackupAuthKeyRequest = z.object({ keyId: backupKeyId }).strict()
export type ReadBackupAuthKeyRequest = z.infer<typeof readBackupAuthKeyRequest>

/** What the preload exposes as `window.chedang`: one function per operation, nothing else. */
export interface ChedangBridge {
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>
  openFile(request: OpenFileRequest): Promise<OpenFileResult>
  printPdf(request: PrintPdfRequest): Promise<void>
  appInfo(): Promise<AppInfo>
  chooseBackupFolder(): Promise<ChooseBackupFolderResult>
  getBackupFolder(): Promise<BackupFolderInfo>
  writeBackup(request: WriteBackupRequest): Promise<WriteBackupResult>
  listBackups(): Promise<BackupListEntry[]>
  readBackup(request: ReadBackupRequest): Promise<ReadBackupResult>
  readBackupPiece(request: ReadBackupPieceRequest): Promise<ReadBackupPieceResult>
  beginBackupWrite(request: BeginBackupWriteRequest): Promise<BeginBackupWriteResult>
  appendBackupWrite(request: AppendBackupWriteRequest): Promise<void>
  finishBackupWrite(request: FinishBackupWriteRequest): Promise<WriteBackupResult>
  abortBackupWrite(request: FinishBackupWriteRequest): Promise<void>
  saveBackupAuthKey(request: SaveBackupAuthKeyRequest): Promise<void>
  /** The key saved for `keyId`, or null when this PC has none. */
  readBackupAuthKey(request: ReadBackupAuthKeyRequest): Promise<Uint8Array | null>
}

/** The audit trust's part of `window.chedang` (the preload exposes both). */
export interface AuditTrustBridge {
  auditKey(): Promise<AuditKeyResult>
  appendAuditAnchors(request: AppendAuditAnchorsRequest): Promise<void>
  readAuditAnchors(): Promise<ReadAuditAnchorsResult>
}
