import { z } from 'zod'
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js'
import {
  type AuditChainHead,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupInfo,
  type BackupManifest,
  backupManifestSchema,
  type BackupRow,
  backupCorrupt,
  backupNotOurs,
  backupTruncated,
  assertSchemaSupported,
  MAX_BACKUP_HEADER_BYTES,
  readBackupHeaderLine
} from './backup-format'
import {
  type BackupKeyring,
  backupKeyringSchema,
  backupNotAuthentic,
  decryptChunk,
  encryptChunk,
  hmacSha256,
  kdfSchema,
  newDataKey,
  openDataKey,
  sameBytes,
  sha256Bytes,
  unlockBackupKey,
  utf8Encode,
  wrappedDataKeySchema
} from './backup-crypto'

// Format 2 of the backup file: encrypted, authenticated and streamed.
//
//   line 1   {"format":"chedang-backup","formatVersion":2,"manifest":{…},"keys":{…},"chunkBytes":N}
//   line 2   {"mac":"<hex HMAC-SHA-256 of line 1 under K_auth>"}
//   then     [u32 big-endian length][AES-256-GCM chunk] … until the chunk marked final
//
// The manifest (who, when, versions, row counts, each device's audit chain head) stays readable so the
// backup folder can be listed without the passphrase; the MAC makes it tamper-evident. Each chunk's
// nonce and AAD bind its index, a final flag and the SHA-256 of line 1, so dropping, reordering or
// moving chunks between files fails, and so does cutting the file short. The plaintext is the
// body of format 1: a table marker line, then one JSON line per row.

/** Plaintext bytes per chunk: what the writer and the reader hold at a time. */
export const BACKUP_CHUNK_BYTES = 1024 * 1024
const TAG_BYTES = 16
const MAX_CHUNK_BYTES = 16 * 1024 * 1024

const headerKeysSchema = z
  .object({
    keyId: z.string().max(40),
    kdf: kdfSchema,
    wrappedPrivateKey: backupKeyringSchema.shape.wrappedPrivateKey,
    wrappedAuthKey: backupKeyringSchema.shape.wrappedAuthKey,
    dataKey: wrappedDataKeySchema
  })
  .strict()

const headerSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(BACKUP_FORMAT_VERSION),
    manifest: backupManifestSchema,
    keys: headerKeysSchema,
    chunkBytes: z.number().int().min(1024).max(MAX_CHUNK_BYTES)
  })
  .strict()

const macLineSchema = z.object({ mac: z.string().regex(/^[0-9a-f]{64}$/) }).strict()

/** What the PC needs to write a backup: the key ring (public) and K_auth. Neither reads one. */
export interface BackupWriterKey {
  keyring: BackupKeyring
  authKey: Uint8Array
}

/** A table and its rows, in primary-key order; rows may come lazily. */
export interface BackupSection {
  table: string
  rows: AsyncIterable<BackupRow> | Iterable<BackupRow>
}

export interface EncryptedBackupInfo extends BackupInfo {
  /** Row count per table, known before the rows are streamed (checked while writing). */
  tables: Record<string, number>
  latestAuditHash: string | null
  auditHeads: AuditChainHead[]
}

/**
 * The head of each device's audit chain (greatest deviceSeq per deviceId), sorted by device: what the
 * header carries so the chain a restore brings back can be checked against what was backed up.
 */
export function auditChainHeadsOf(events: Iterable<unknown>): AuditChainHead[] {
  const heads = new Map<string, AuditChainHead>()
  for (const raw of events) {
    if (raw === null || typeof raw !== 'object') continue
    const { deviceId, deviceSeq, hash } = raw as { deviceId?: unknown; deviceSeq?: unknown; hash?: unknown }
    if (typeof deviceId !== 'string' || typeof deviceSeq !== 'number' || typeof hash !== 'string') continue
    const known = heads.get(deviceId)
    if (!known || deviceSeq > known.seq) heads.set(deviceId, { deviceId, seq: deviceSeq, hash })
  }
  return [...heads.values()].sort((a, b) => (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0))
}

const newline = utf8Encode('\n')

function lengthPrefix(length: number): Uint8Array {
  const prefix = new Uint8Array(4)
  new DataView(prefix.buffer).setUint32(0, length)
  return prefix
}

/**
 * An encrypted backup as a stream of byte pieces (header first, then one piece per chunk): nothing
 * holds more than one chunk of plaintext. The manifest is returned first, before any row is read.
 * Row counts must match `info.tables`; a mismatch stops the stream with an error (no file is valid).
 */
export async function encryptBackup(
  info: EncryptedBackupInfo,
  sections: AsyncIterable<BackupSection> | Iterable<BackupSection>,
  key: BackupWriterKey,
  chunkBytes: number = BACKUP_CHUNK_BYTES
): Promise<{ manifest: BackupManifest; pieces: AsyncIterable<Uint8Array> }> {
  const manifest = backupManifestSchema.parse({
    appVersion: info.appVersion,
    schemaVersion: info.schemaVersion,
    createdAt: info.createdAt,
    createdBy: info.createdBy,
    deviceId: info.deviceId,
    reason: info.reason,
    tables: info.tables,
    latestAuditHash: info.latestAuditHash,
    keyId: key.keyring.keyId,
    auditHeads: info.auditHeads
  })
  const { dataKey, wrapped } = await newDataKey(key.keyring.publicKey)
  const header = headerSchema.parse({
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    manifest,
    keys: {
      keyId: key.keyring.keyId,
      kdf: key.keyring.kdf,
      wrappedPrivateKey: key.keyring.wrappedPrivateKey,
      wrappedAuthKey: key.keyring.wrappedAuthKey,
      dataKey: wrapped
    },
    chunkBytes
  })
  const headerLine = utf8Encode(JSON.stringify(header))
  if (headerLine.byteLength >= MAX_BACKUP_HEADER_BYTES) throw backupCorrupt('header too long')
  const headerHash = sha256Bytes(headerLine)
  const mac = bytesToHex(await hmacSha256(key.authKey, headerLine))

  async function* pieces(): AsyncGenerator<Uint8Array> {
    yield headerLine
    yield newline
    yield utf8Encode(`${JSON.stringify({ mac })}\n`)
    const buffer = new Uint8Array(chunkBytes)
    let filled = 0
    let index = 0
    const seal = async (final: boolean) => {
      const sealed = await encryptChunk(dataKey, index++, final, headerHash, buffer.subarray(0, filled))
      filled = 0
      const framed = new Uint8Array(4 + sealed.byteLength)
      framed.set(lengthPrefix(sealed.byteLength), 0)
      framed.set(sealed, 4)
      return framed
    }
    // A full buffer is sealed only once more bytes arrive, so the last chunk is always the final one.
    async function* write(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
      let offset = 0
      while (offset < bytes.byteLength) {
        if (filled === chunkBytes) yield await seal(false)
        const take = Math.min(chunkBytes - filled, bytes.byteLength - offset)
        buffer.set(bytes.subarray(offset, offset + take), filled)
        filled += take
        offset += take
      }
    }
    const seen = new Set<string>()
    for await (const section of sections) {
      if (!Object.hasOwn(info.tables, section.table) || seen.has(section.table))
        throw new Error(`backup: unexpected table ${section.table}`)
      seen.add(section.table)
      const declared = info.tables[section.table]!
      yield* write(utf8Encode(`${JSON.stringify({ table: section.table, rows: declared })}\n`))
      let count = 0
      for await (const row of section.rows) {
        count += 1
        yield* write(utf8Encode(`${JSON.stringify(row)}\n`))
      }
      if (count !== declared) throw new Error(`backup: table ${section.table} has ${count} rows, ${declared} declared`)
    }
    if (seen.size !== Object.keys(info.tables).length) throw new Error('backup: a declared table was not written')
    yield await seal(true)
  }
  return { manifest, pieces: pieces() }
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Reads lines and exact byte counts from a stream of pieces, holding only what is not consumed yet. */
class ByteReader {
  private pieces: Uint8Array[] = []
  private offset = 0
  private buffered = 0
  private done = false
  constructor(private readonly source: AsyncIterator<Uint8Array>) {}

  private async more(): Promise<boolean> {
    if (this.done) return false
    const next = await this.source.next()
    if (next.done) {
      // Stryker disable next-line BooleanLiteral: a finished source keeps saying it is done
      this.done = true
      // Stryker disable next-line BooleanLiteral: the next call returns false anyway, through done
      return false
    }
    if (next.value.byteLength > 0) {
      this.pieces.push(next.value)
      this.buffered += next.value.byteLength
    }
    return true
  }

  private take(length: number): Uint8Array {
    const out = new Uint8Array(length)
    let written = 0
    while (written < length) {
      const piece = this.pieces[0]!
      const n = Math.min(piece.byteLength - this.offset, length - written)
      out.set(piece.subarray(this.offset, this.offset + n), written)
      written += n
      this.offset += n
      if (this.offset === piece.byteLength) {
        this.pieces.shift()
        this.offset = 0
      }
    }
    this.buffered -= length
    return out
  }

  /** Exactly `length` bytes, or null when the stream ends first. */
  async read(length: number): Promise<Uint8Array | null> {
    while (this.buffered < length) if (!(await this.more())) return null
    return this.take(length)
  }

  /** The bytes up to the next "\n" (not included), at most `max`; null at the end; throws when longer. */
  async readLine(max: number): Promise<Uint8Array | null> {
    for (;;) {
      let seen = 0
      for (let p = 0; p < this.pieces.length; p++) {
        const piece = this.pieces[p]!
        const from = p === 0 ? this.offset : 0
        const at = piece.indexOf(0x0a, from)
        if (at >= 0) {
          const line = this.take(seen + at - from)
          this.take(1)
          return line
        }
        seen += piece.byteLength - from
      }
      if (seen > max) throw backupCorrupt('line too long')
      if (!(await this.more())) return null
    }
  }

  async atEnd(): Promise<boolean> {
    while (this.buffered === 0) if (!(await this.more())) return true
    return false
  }
}

const fromUtf8 = (bytes: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(bytes)
declare class TextDecoder {
  constructor(label: string, options: { fatal: boolean })
  decode(bytes: Uint8Array): string
}

/** One row of the backup, as it comes out of the stream. */
export interface DecodedRow {
  table: string
  row: BackupRow
}

/** An opened encrypted backup: its (authenticated) manifest and its rows, read lazily. */
export interface OpenedBackup {
  manifest: BackupManifest
  /** Every row in file order. Fails with TRUNCATED / NOT_AUTHENTIC / CORRUPT as soon as that shows. */
  rows: AsyncIterable<DecodedRow>
}

/** Splits plaintext pieces into lines without joining more than one line's bytes. */
async function* plaintextLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array[] = []
  let pendingBytes = 0
  for await (const chunk of chunks) {
    let from = 0
    for (;;) {
      const at = chunk.indexOf(0x0a, from)
      if (at < 0) break
      const tail = chunk.subarray(from, at)
      if (pending.length === 0) {
        yield tail
      } else {
        const line = new Uint8Array(pendingBytes + tail.byteLength)
        let o = 0
        for (const piece of pending) {
          line.set(piece, o)
          o += piece.byteLength
        }
        line.set(tail, o)
        pending = []
        pendingBytes = 0
        yield line
      }
      from = at + 1
    }
    if (from < chunk.byteLength) {
      pending.push(chunk.slice(from))
      pendingBytes += chunk.byteLength - from
    }
  }
  if (pendingBytes > 0) throw backupCorrupt('plaintext does not end with a newline')
}

/**
 * Opens an encrypted backup with the passphrase: checks the header, the passphrase (备份密码不正确)
 * and the MAC (未通过真实性校验) before a single row is decrypted. Rows are then decrypted chunk by
 * chunk; the caller must not keep anything until `rows` has run to its end without an error.
 */
export async function openEncryptedBackup(
  source: AsyncIterable<Uint8Array>,
  passphrase: string,
  currentSchemaVersion: number
): Promise<OpenedBackup> {
  const reader = new ByteReader(source[Symbol.asyncIterator]())
  const headerLine = await reader.readLine(MAX_BACKUP_HEADER_BYTES)
  if (headerLine === null) throw backupNotOurs()
  const withNewline = new Uint8Array(headerLine.byteLength + 1)
  withNewline.set(headerLine, 0)
  withNewline[headerLine.byteLength] = 0x0a
  const { formatVersion, header: rawHeader } = readBackupHeaderLine(withNewline)
  if (formatVersion !== BACKUP_FORMAT_VERSION) throw backupCorrupt(`format ${formatVersion} is not encrypted`)
  const parsed = headerSchema.safeParse(rawHeader)
  if (!parsed.success)
    throw backupNotAuthentic(`header: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`)
  const header = parsed.data
  assertSchemaSupported(header.manifest, currentSchemaVersion)
  const macLine = await reader.readLine(1024)
  if (macLine === null) throw backupTruncated(0, headerLine.byteLength)
  let mac: Uint8Array
  try {
    mac = hexToBytes(macLineSchema.parse(JSON.parse(fromUtf8(macLine))).mac)
  } catch {
    throw backupNotAuthentic('MAC line')
  }
  const unlocked = await unlockBackupKey(passphrase, header.keys)
  if (!sameBytes(await hmacSha256(unlocked.authKey, headerLine), mac)) throw backupNotAuthentic('header MAC')
  unlocked.authKey.fill(0)
  unlocked.privatePkcs8.fill(0)
  if (header.keys.keyId !== header.manifest.keyId) throw backupNotAuthentic('key id')
  const dataKey = await openDataKey(unlocked.privateKey, header.keys.dataKey)
  if (dataKey === null) throw backupNotAuthentic('data key')
  const headerHash = sha256Bytes(headerLine)
  const maxSealed = header.chunkBytes + TAG_BYTES

  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (let index = 0; ; index++) {
      const prefix = await reader.read(4)
      if (prefix === null) throw backupTruncated(index + 1, index)
      const length = new DataView(prefix.buffer).getUint32(0)
      if (length < TAG_BYTES || length > maxSealed) throw backupNotAuthentic(`chunk ${index} length`)
      const sealed = await reader.read(length)
      if (sealed === null) throw backupTruncated(index + 1, index)
      let plain = await decryptChunk(dataKey!, index, false, headerHash, sealed)
      let final = false
      if (plain === null) {
        plain = await decryptChunk(dataKey!, index, true, headerHash, sealed)
        final = true
      }
      if (plain === null) throw backupNotAuthentic(`chunk ${index}`)
      if (plain.byteLength > 0) yield plain
      if (final) {
        if (!(await reader.atEnd())) throw backupNotAuthentic('bytes after the final chunk')
        return
      }
    }
  }

  const manifest = header.manifest
  async function* rows(): AsyncGenerator<DecodedRow> {
    let table: string | null = null
    let left = 0
    const seen = new Set<string>()
    for await (const line of plaintextLines(chunks())) {
      let value: unknown
      try {
        value = JSON.parse(fromUtf8(line))
      } catch {
        throw backupCorrupt('a line is not JSON')
      }
      if (table !== null && left > 0) {
        if (value === null || typeof value !== 'object' || Array.isArray(value))
          throw backupCorrupt(`a row of ${table} is not an object`)
        left -= 1
        yield { table, row: value as BackupRow }
        continue
      }
      const marker = value as { table?: unknown; rows?: unknown } | null
      const name = marker?.table
      if (
        typeof name !== 'string' ||
        !Object.hasOwn(manifest.tables, name) ||
        seen.has(name) ||
        // Stryker disable next-line OptionalChaining: a null marker was refused above, as it has no table name
        marker?.rows !== manifest.tables[name]
      ) {
        throw backupCorrupt('bad table marker')
      }
      seen.add(name)
      table = name
      left = manifest.tables[name]!
    }
    if (left > 0 || seen.size !== Object.keys(manifest.tables).length)
      throw backupCorrupt('rows differ from the manifest')
  }
  return { manifest, rows: rows() }
}

/** Is this the beginning of an encrypted (format 2) backup? Needs only the header line. */
export function backupFormatOf(firstBytes: Uint8Array): number {
  return readBackupHeaderLine(firstBytes).formatVersion
}

/** A Uint8Array read as a stream of pieces of at most `size` bytes (views, no copies). */
export async function* piecesOf(bytes: Uint8Array, size: number = BACKUP_CHUNK_BYTES): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < bytes.byteLength; offset += size)
    yield bytes.subarray(offset, Math.min(bytes.byteLength, offset + size))
}
