import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { z } from 'zod'
import { DomainError } from '../model/domain-error'
import { chinaClock, chinaDate, chinaInstantAt, isInstant, isRealIsoDate, parseInstant } from '../time'

// The backup file (车档备份, *.chedang-backup). Pure: no Dexie, no Node, no DOM.
//
//   line 1    {"format":"chedang-backup","formatVersion":1,"manifest":{…}}            the header
//   line 2…   {"table":"auditEvents","rows":2}                                          a table marker
//             {…row…}                                                                  exactly `rows` row lines
//             {"table":"counters","rows":0}                                             the next table…
//
// Every line ends with "\n". The header is read on its own first, so a huge file is judged before
// its body is touched. `manifest.contentSha256` is the SHA-256 (hex) of every byte after the first
// "\n" and `manifest.contentBytes` their number, so a truncated or altered file is always caught.
// Tables appear sorted by name, rows in primary-key order, each row as JSON.stringify writes it:
// the same database always gives the same body, byte for byte.

export const BACKUP_FORMAT = 'chedang-backup'
/** The format this app writes: 2 = encrypted and authenticated (see backup-stream.ts); 1 = legacy plain JSON, read only. */
export const BACKUP_FORMAT_VERSION = 2
export const LEGACY_BACKUP_FORMAT_VERSION = 1
export const BACKUP_FILE_EXTENSION = 'chedang-backup'
/** The header line is small; anything longer than this before the first newline is not ours. */
export const MAX_BACKUP_HEADER_BYTES = 256 * 1024

export const BACKUP_REASONS = ['manual', 'daily', 'before-restore', 'before-upgrade'] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]

export const BACKUP_REASON_LABELS: Readonly<Record<BackupReason, string>> = {
  manual: '手动备份',
  daily: '每日自动备份',
  'before-restore': '恢复前自动备份',
  'before-upgrade': '升级前自动备份'
}

/** Stable codes (DomainError.code) of every backup refusal, here, in the restore and in main. */
export const BackupErrorCode = {
  /** Not a 车档 backup at all. */
  notOurs: 'BACKUP_NOT_OURS',
  /** Shorter than its header says (a copy that stopped). */
  truncated: 'BACKUP_TRUNCATED',
  /** Hash mismatch, a damaged header, or a body that does not match its manifest. */
  corrupt: 'BACKUP_CORRUPT',
  /** Taken by an app with a newer database schema. */
  newerSchema: 'BACKUP_NEWER_SCHEMA',
  /** Written in a newer file format. */
  newerFormat: 'BACKUP_NEWER_FORMAT',
  /** A row holds a value JSON cannot carry unchanged (Date, Blob…): the backup is not written. */
  unsupportedValue: 'BACKUP_UNSUPPORTED_VALUE',
  /** Restore: the temporary database does not match the manifest after the import. */
  verifyFailed: 'BACKUP_VERIFY_FAILED',
  /** Restore: the backup of the current data could not be saved, so nothing was replaced. */
  safetyFailed: 'BACKUP_SAFETY_FAILED',
  /** Start: the backup before a schema upgrade could not be saved; do not upgrade. */
  beforeUpgradeFailed: 'BACKUP_BEFORE_UPGRADE_FAILED',
  /** Start: the database on disk is newer than this app; it is not opened. */
  databaseNewerThanApp: 'DATABASE_NEWER_THAN_APP',
  /** Main: a file name that is not a backup's (or whose type does not match the file). */
  badName: 'BACKUP_BAD_NAME',
  /** Main: no such backup in the backup folder. */
  notFound: 'BACKUP_NOT_FOUND',
  /** Main: larger than the app reads. */
  tooLarge: 'BACKUP_TOO_LARGE',
  /** Restore: a row does not match its table's schema (or its table is unknown). */
  rowInvalid: 'BACKUP_ROW_INVALID',
  /** Restore: the backup has no active director account. */
  noDirector: 'BACKUP_NO_DIRECTOR',
  /** Restore: a format 1 (plain, unauthenticated) file needs an explicit confirmation. */
  legacyUnconfirmed: 'BACKUP_LEGACY_UNCONFIRMED',
  /** Restore: the disk is full; nothing was replaced. */
  storageFull: 'STORAGE_FULL'
} as const

const tableName = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z_$][\w$]*$/)
const sha256HexText = z.string().regex(/^[0-9a-f]{64}$/)

export const backupManifestSchema = z.object({
  appVersion: z.string().min(1).max(50),
  /** The Dexie schema version of the database the backup was taken from. */
  schemaVersion: z.number().int().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  /** The operator's name, for people reading the backup list. */
  createdBy: z.string().max(100),
  deviceId: z.string().max(100),
  reason: z.enum(BACKUP_REASONS),
  /** Row count per table. */
  tables: z.record(tableName, z.number().int().min(0)),
  /** Format 1 only: SHA-256 (hex) of the bytes after the header line. */
  contentSha256: sha256HexText.optional(),
  /** Format 1 only: how many bytes follow the header line. */
  contentBytes: z.number().int().min(0).optional(),
  /** `hash` of the newest audit event (see latestAuditHashOf); null when there is none or it has no hash. */
  latestAuditHash: z.string().max(200).nullable(),
  /** Format 2: the fingerprint of the backup key the file is encrypted to. */
  keyId: z.string().max(40).optional(),
  /** Format 2: the head of each device's audit chain in the data (see auditChainHeadsOf). */
  auditHeads: z
    .array(
      z.object({ deviceId: z.string().max(100), seq: z.number().int().min(0), hash: z.string().max(200) }).strict()
    )
    .max(10_000)
    .optional()
})
export type BackupManifest = z.infer<typeof backupManifestSchema>

export interface BackupHeader {
  format: typeof BACKUP_FORMAT
  formatVersion: number
  manifest: BackupManifest
}

/** One device's audit chain head: its newest sequence number and that event's hash. */
export type AuditChainHead = NonNullable<BackupManifest['auditHeads']>[number]

/** A whole backup: the file's bytes and what its header says. */
export interface Backup {
  bytes: Uint8Array<ArrayBuffer>
  manifest: BackupManifest
}

/** One stored row: a plain JSON object (no Dates, Blobs or typed arrays). */
export type BackupRow = Record<string, unknown>

// ---------------------------------------------------------------------------------------------
// Errors (the Chinese sentence is what the user reads; the code is for programs).

export function backupNotOurs(): DomainError {
  return new DomainError(BackupErrorCode.notOurs, '这不是车档的备份文件')
}

export function backupTruncated(expected: number, actual: number): DomainError {
  return new DomainError(BackupErrorCode.truncated, '备份文件不完整（可能没有复制完或被截断），未做任何改动', {
    expectedBytes: String(expected),
    actualBytes: String(actual)
  })
}

export function backupCorrupt(detail: string): DomainError {
  return new DomainError(BackupErrorCode.corrupt, '备份文件已损坏或不完整，校验值不符，未做任何改动', { detail })
}

export function backupNewerSchema(schemaVersion: number, currentSchemaVersion: number): DomainError {
  return new DomainError(
    BackupErrorCode.newerSchema,
    `该备份来自更新版本的车档（数据库版本 ${schemaVersion}），请先升级本软件`,
    { schemaVersion: String(schemaVersion), currentSchemaVersion: String(currentSchemaVersion) }
  )
}

export function backupNewerFormat(formatVersion: number): DomainError {
  return new DomainError(
    BackupErrorCode.newerFormat,
    `该备份文件使用了更新的文件格式（第 ${formatVersion} 版），请先升级本软件`,
    { formatVersion: String(formatVersion) }
  )
}

// ---------------------------------------------------------------------------------------------
// UTF-8 without depending on the DOM or Node typings (both runtimes have these globals).

interface Utf8Codecs {
  TextEncoder: new () => { encode(text: string): Uint8Array }
  TextDecoder: new (label: string, options: { fatal: boolean }) => { decode(bytes: Uint8Array): string }
}
const codecs = globalThis as unknown as Utf8Codecs

function utf8(text: string): Uint8Array {
  return new codecs.TextEncoder().encode(text)
}

/** Strict UTF-8 decoding: invalid bytes throw instead of turning into U+FFFD. */
function fromUtf8(bytes: Uint8Array): string {
  return new codecs.TextDecoder('utf-8', { fatal: true }).decode(bytes)
}

export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes))
}

const NEWLINE = 0x0a
const SIGNATURE = utf8(`{"format":"${BACKUP_FORMAT}"`)

function startsWithSignature(bytes: Uint8Array): boolean {
  if (bytes.byteLength < SIGNATURE.byteLength) return false
  return SIGNATURE.every((byte, i) => bytes[i] === byte)
}

// ---------------------------------------------------------------------------------------------
// Writing

/** What the caller knows about a backup; the rest of the manifest is computed from the data. */
export interface BackupInfo {
  appVersion: string
  schemaVersion: number
  createdAt: string
  createdBy: string
  deviceId: string
  reason: BackupReason
}

function assertPlainJsonValue(table: string, value: unknown, path: string): void {
  if (value === null) return
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return
    case 'number':
      if (Number.isFinite(value)) return
      break
    case 'object': {
      const proto = Object.getPrototypeOf(value) as unknown
      if (Array.isArray(value)) {
        value.forEach((item, i) => assertPlainJsonValue(table, item, `${path}[${i}]`))
        return
      }
      if (proto === Object.prototype || proto === null) {
        for (const [key, item] of Object.entries(value)) {
          if (item !== undefined) assertPlainJsonValue(table, item, `${path}.${key}`)
        }
        return
      }
      break
    }
    // Stryker disable next-line ConditionalExpression: without the break the default case falls through to the same refusal
    default:
      break
  }
  throw new DomainError(BackupErrorCode.unsupportedValue, `表 ${table} 中有无法写入备份的数据（${path}），备份未完成`, {
    table,
    path
  })
}

/**
 * Serialises rows to the body text; refuses anything JSON would silently change (a Date, a Blob,
 * a typed array, NaN, a function): a backup that cannot be restored identically is not written.
 */
function bodyLines(tables: Readonly<Record<string, readonly unknown[]>>): {
  text: string
  counts: Record<string, number>
} {
  const parts: string[] = []
  const counts: Record<string, number> = {}
  for (const name of Object.keys(tables).sort()) {
    if (!Object.hasOwn(tables, name) || !tableName.safeParse(name).success)
      throw new Error(`backup: invalid table name ${JSON.stringify(name)}`)
    const rows = tables[name]!
    counts[name] = rows.length
    parts.push(JSON.stringify({ table: name, rows: rows.length }))
    rows.forEach((row, i) => {
      if (row === null || typeof row !== 'object' || Array.isArray(row)) {
        throw new DomainError(BackupErrorCode.unsupportedValue, `表 ${name} 的第 ${i + 1} 行不是对象，备份未完成`, {
          table: name,
          row: String(i + 1),
          variant: 'notObject'
        })
      }
      assertPlainJsonValue(name, row, `[${i}]`)
      parts.push(JSON.stringify(row))
    })
  }
  parts.push('')
  return { text: parts.join('\n'), counts }
}

/** The body bytes of these tables exactly as `encodeBackup` writes them (used to re-verify an import). */
export function encodeBackupBody(tables: Readonly<Record<string, readonly unknown[]>>): Uint8Array {
  return utf8(bodyLines(tables).text)
}

/**
 * Builds a complete LEGACY (format 1: plain, unauthenticated) backup file from table dumps. The app no
 * longer writes these (see backup-stream.ts); kept to read and test the files users still have.
 */
export function encodeBackup(tables: Readonly<Record<string, readonly unknown[]>>, info: BackupInfo): Backup {
  const { text, counts } = bodyLines(tables)
  const body = utf8(text)
  const manifest = backupManifestSchema.parse({
    appVersion: info.appVersion,
    schemaVersion: info.schemaVersion,
    createdAt: info.createdAt,
    createdBy: info.createdBy,
    deviceId: info.deviceId,
    reason: info.reason,
    tables: counts,
    contentSha256: sha256Hex(body),
    contentBytes: body.byteLength,
    // Stryker disable next-line ArrayDeclaration: latestAuditHashOf skips what is no event, so any stand-in list gives null too
    latestAuditHash: latestAuditHashOf(tables['auditEvents'] ?? [])
  })
  return { bytes: assembleBackup(manifest, body), manifest }
}

/** Header line + body. Exposed so tests can build files with a forged manifest. */
export function assembleBackup(manifest: BackupManifest, body: Uint8Array): Uint8Array<ArrayBuffer> {
  const header: BackupHeader = { format: BACKUP_FORMAT, formatVersion: LEGACY_BACKUP_FORMAT_VERSION, manifest }
  const headerBytes = utf8(`${JSON.stringify(header)}\n`)
  const bytes = new Uint8Array(headerBytes.byteLength + body.byteLength)
  bytes.set(headerBytes, 0)
  bytes.set(body, headerBytes.byteLength)
  return bytes
}

/**
 * The `hash` of the newest audit event: the greatest `at`, then the greatest `deviceSeq`, then the
 * greatest `id` (many events of one bulk command share their `at`). Null when there is no event or
 * the newest one carries no hash.
 */
export function latestAuditHashOf(events: readonly unknown[]): string | null {
  let best: { at: string; deviceSeq: number; id: string; hash: unknown } | null = null
  for (const raw of events) {
    if (raw === null || typeof raw !== 'object') continue
    const event = raw as { at?: unknown; deviceSeq?: unknown; id?: unknown; hash?: unknown }
    const candidate = {
      at: typeof event.at === 'string' ? event.at : '',
      deviceSeq: typeof event.deviceSeq === 'number' ? event.deviceSeq : 0,
      id: typeof event.id === 'string' ? event.id : '',
      hash: event.hash
    }
    if (
      best === null ||
      candidate.at > best.at ||
      (candidate.at === best.at &&
        (candidate.deviceSeq > best.deviceSeq || (candidate.deviceSeq === best.deviceSeq && candidate.id > best.id)))
    ) {
      best = candidate
    }
  }
  return best !== null && typeof best.hash === 'string' ? best.hash : null
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Where the header line ends (index of its "\n"). Throws NOT_OURS / TRUNCATED when there is none. */
function headerEnd(bytes: Uint8Array): number {
  const limit = Math.min(bytes.byteLength, MAX_BACKUP_HEADER_BYTES)
  for (let i = 0; i < limit; i++) if (bytes[i] === NEWLINE) return i
  if (!startsWithSignature(bytes)) throw backupNotOurs()
  // Our signature but no end of header: the file stops inside its own header.
  if (bytes.byteLength < MAX_BACKUP_HEADER_BYTES) throw backupTruncated(0, bytes.byteLength)
  throw backupCorrupt('header too long')
}

/**
 * Reads and checks ONLY the first line and returns its manifest. Needs just the file's beginning
 * (a few KiB suffice), so a huge file is judged before it is read whole. Throws DomainError:
 * BACKUP_NOT_OURS, BACKUP_TRUNCATED, BACKUP_CORRUPT (a header of ours that does not parse) or
 * BACKUP_NEWER_FORMAT. The schema version is checked separately (assertSchemaSupported / verifyBackup).
 */
export function readBackupHeader(bytes: Uint8Array): BackupManifest {
  return readBackupHeaderLine(bytes).manifest
}

/** The header line read whole: its format version, manifest, the parsed object and its length in bytes. */
export function readBackupHeaderLine(bytes: Uint8Array): {
  formatVersion: number
  manifest: BackupManifest
  header: Record<string, unknown>
  length: number
} {
  const end = headerEnd(bytes)
  const ours = startsWithSignature(bytes)
  let parsed: unknown
  try {
    parsed = JSON.parse(fromUtf8(bytes.subarray(0, end)))
  } catch {
    throw ours ? backupCorrupt('header is not JSON') : backupNotOurs()
  }
  if (parsed === null || typeof parsed !== 'object' || (parsed as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw backupNotOurs()
  }
  const { formatVersion, manifest } = parsed as { formatVersion?: unknown; manifest?: unknown }
  if (typeof formatVersion !== 'number' || !Number.isInteger(formatVersion) || formatVersion < 1) {
    throw backupCorrupt('bad formatVersion')
  }
  if (formatVersion > BACKUP_FORMAT_VERSION) throw backupNewerFormat(formatVersion)
  const checked = backupManifestSchema.safeParse(manifest)
  if (!checked.success)
    throw backupCorrupt(`bad manifest: ${checked.error.issues.map((i) => i.path.join('.')).join(', ')}`)
  return { formatVersion, manifest: checked.data, header: parsed as Record<string, unknown>, length: end }
}

/** Refuses a backup taken by a newer app (a schema this app does not know). */
export function assertSchemaSupported(manifest: BackupManifest, currentSchemaVersion: number): void {
  if (manifest.schemaVersion > currentSchemaVersion)
    throw backupNewerSchema(manifest.schemaVersion, currentSchemaVersion)
}

/**
 * Everything that can be checked without a database, in this order: the header, the schema version,
 * the length and the SHA-256 of the body. Returns the manifest and the body bytes (a view, no copy).
 */
export function verifyBackup(
  bytes: Uint8Array,
  currentSchemaVersion: number
): { manifest: BackupManifest; body: Uint8Array } {
  const { manifest, formatVersion } = readBackupHeaderLine(bytes)
  if (
    formatVersion !== LEGACY_BACKUP_FORMAT_VERSION ||
    manifest.contentBytes === undefined ||
    manifest.contentSha256 === undefined
  ) {
    throw backupCorrupt('not a format 1 backup')
  }
  assertSchemaSupported(manifest, currentSchemaVersion)
  const body = bytes.subarray(headerEnd(bytes) + 1)
  if (body.byteLength < manifest.contentBytes) throw backupTruncated(manifest.contentBytes, body.byteLength)
  if (body.byteLength > manifest.contentBytes) throw backupCorrupt('body longer than declared')
  if (sha256Hex(body) !== manifest.contentSha256) throw backupCorrupt('content hash mismatch')
  return { manifest, body }
}

/**
 * Parses a verified body into its tables and checks it against the manifest (same tables, same row
 * counts, every row a JSON object). Throws BACKUP_CORRUPT otherwise.
 */
export function decodeBackupBody(body: Uint8Array, manifest: BackupManifest): Map<string, BackupRow[]> {
  let text: string
  try {
    text = fromUtf8(body)
  } catch {
    throw backupCorrupt('body is not UTF-8')
  }
  const lines = text.split('\n')
  if (lines.pop() !== '') throw backupCorrupt('body does not end with a newline')
  const tables = new Map<string, BackupRow[]>()
  let i = 0
  const parseLine = (): unknown => {
    try {
      return JSON.parse(lines[i++]!)
    } catch {
      throw backupCorrupt(`line ${i + 1} is not JSON`)
    }
  }
  while (i < lines.length) {
    const marker = parseLine() as { table?: unknown; rows?: unknown } | null
    const name = marker?.table
    const count = marker?.rows
    if (
      typeof name !== 'string' ||
      typeof count !== 'number' ||
      !Number.isInteger(count) ||
      count < 0 ||
      tables.has(name)
    ) {
      throw backupCorrupt(`bad table marker at line ${i + 1}`)
    }
    if (i + count > lines.length) throw backupCorrupt(`table ${name} is short`)
    // Stryker disable next-line ArrayDeclaration: the rows are filled by index, so the preset length changes nothing
    const rows: BackupRow[] = new Array<BackupRow>(count)
    for (let r = 0; r < count; r++) {
      const row = parseLine()
      if (row === null || typeof row !== 'object' || Array.isArray(row))
        throw backupCorrupt(`row ${r + 1} of ${name} is not an object`)
      rows[r] = row as BackupRow
    }
    tables.set(name, rows)
  }
  const declared = Object.entries(manifest.tables)
  if (declared.length !== tables.size) throw backupCorrupt('tables differ from the manifest')
  for (const [name, count] of declared) {
    if (tables.get(name)?.length !== count) throw backupCorrupt(`row count of ${name} differs from the manifest`)
  }
  return tables
}

// ---------------------------------------------------------------------------------------------
// File names: 车档备份-2026-11-22-0930-daily.chedang-backup (local time; "-2", "-3"… when taken).

const FILE_NAME =
  /^车档备份-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})-(daily|manual|before-restore|before-upgrade)(?:-([1-9]\d{0,3}))?\.chedang-backup$/u

export interface ParsedBackupFileName {
  /** "2026-11-22-0930": sorts in time order as text. */
  stamp: string
  /** The instant the name says (its date and time are China time). */
  date: Date
  reason: BackupReason
  /** 1 for the plain name, 2 for "-2"… */
  sequence: number
}

/** The file name for a backup taken at `createdAt` (ISO), in China time. `sequence` > 1 adds "-N". */
export function backupFileName(createdAt: string | Date, reason: BackupReason, sequence = 1): string {
  if (!isInstant(createdAt) && !(createdAt instanceof Date && !Number.isNaN(createdAt.getTime()))) {
    throw new Error('backupFileName: invalid date')
  }
  const stamp = `${chinaDate(createdAt)}-${chinaClock(createdAt).replace(':', '')}`
  return backupFileNameFromParts(stamp, reason, sequence)
}

/** The name for a stamp ("2026-11-22-0930"), reason and sequence, e.g. to take the next free "-N". */
export function backupFileNameFromParts(stamp: string, reason: BackupReason, sequence = 1): string {
  return `车档备份-${stamp}-${reason}${sequence > 1 ? `-${sequence}` : ''}.${BACKUP_FILE_EXTENSION}`
}

/** A plain file name (no folder, no leading dot) ending in .chedang-backup: what may be read from the backup folder. */
export function isBackupFileName(name: string): boolean {
  return (
    name.length <= 200 &&
    !/[\\/\p{Cc}]/u.test(name) &&
    !name.startsWith('.') &&
    name.endsWith(`.${BACKUP_FILE_EXTENSION}`)
  )
}

/** Reads a name made by `backupFileName`; null for any other name (such files are never rotated). */
export function parseBackupFileName(name: string): ParsedBackupFileName | null {
  const match = FILE_NAME.exec(name)
  if (!match) return null
  const [, y, mo, d, h, mi, reason, seq] = match
  if (!isRealIsoDate(`${y}-${mo}-${d}`) || Number(h) > 23 || Number(mi) > 59) return null
  return {
    stamp: `${y}-${mo}-${d}-${h}${mi}`,
    date: new Date(parseInstant(chinaInstantAt(`${y}-${mo}-${d}`, `${h}:${mi}`))),
    reason: reason as BackupReason,
    sequence: seq === undefined ? 1 : Number(seq)
  }
}

/** Newest first: by the time in the name, then by the "-N" sequence. */
export function compareBackupNamesNewestFirst(a: ParsedBackupFileName, b: ParsedBackupFileName): number {
  if (a.stamp !== b.stamp) return a.stamp < b.stamp ? 1 : -1
  return b.sequence - a.sequence
}
