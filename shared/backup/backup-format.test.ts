import { describe, expect, it } from 'vitest'
import { DomainError } from '../model/domain-error'
import {
  assembleBackup,
  type BackupInfo,
  backupFileName,
  compareBackupNamesNewestFirst,
  decodeBackupBody,
  encodeBackup,
  encodeBackupBody,
  latestAuditHashOf,
  parseBackupFileName,
  readBackupHeader,
  sha256Hex,
  verifyBackup
} from './backup-format'

const INFO: BackupInfo = {
  appVersion: '0.1.0',
  schemaVersion: 2,
  createdAt: '2026-11-22T01:30:00.000Z',
  createdBy: '王芳',
  deviceId: 'device-1',
  reason: 'manual'
}

const TABLES = {
  vehicleFiles: [
    { id: 'a', vin: 'LFV2A21K0P3000001', ownerName: '张伟', street: '人民大街1号\n二楼', deletedAt: null, rev: 1 },
    {
      id: 'b',
      vin: 'LSVAA2180N2000002',
      ownerName: '欧阳娜',
      nested: { list: [1, 'x', null, true] },
      deletedAt: null,
      rev: 3
    }
  ],
  auditEvents: [
    { id: 'e1', at: '2026-11-22T01:00:00.000Z', deviceSeq: 1, hash: 'h1' },
    { id: 'e2', at: '2026-11-22T01:00:00.000Z', deviceSeq: 2, hash: 'h2' },
    { id: 'e0', at: '2026-11-21T01:00:00.000Z', deviceSeq: 9, hash: 'h0' }
  ],
  counters: []
}

function refusal(run: () => unknown): DomainError {
  try {
    run()
  } catch (error) {
    if (error instanceof DomainError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)
const bytesOf = (s: string) => new TextEncoder().encode(s)

describe('encodeBackup / verifyBackup / decodeBackupBody', () => {
  it('round-trips every table and row exactly, with a manifest describing them', () => {
    const { bytes, manifest } = encodeBackup(TABLES, INFO)
    expect(manifest).toMatchObject({
      ...INFO,
      tables: { vehicleFiles: 2, auditEvents: 3, counters: 0 },
      latestAuditHash: 'h2'
    })
    const verified = verifyBackup(bytes, 2)
    expect(verified.manifest).toEqual(manifest)
    const decoded = decodeBackupBody(verified.body, manifest)
    expect(Object.fromEntries(decoded)).toEqual(TABLES)
  })

  it('line 1 is the header; the hash and length cover exactly the bytes after it', () => {
    const { bytes, manifest } = encodeBackup(TABLES, INFO)
    const all = text(bytes)
    const [first] = all.split('\n')
    expect(JSON.parse(first!)).toEqual({ format: 'chedang-backup', formatVersion: 1, manifest })
    const body = bytes.subarray(bytesOf(first!).byteLength + 1)
    expect(body.byteLength).toBe(manifest.contentBytes)
    expect(sha256Hex(body)).toBe(manifest.contentSha256)
    expect(encodeBackupBody(TABLES)).toEqual(body)
  })

  it('is deterministic: the same tables give the same bytes (tables sorted by name)', () => {
    const reordered = { counters: [], auditEvents: TABLES.auditEvents, vehicleFiles: TABLES.vehicleFiles }
    expect(encodeBackup(reordered, INFO).bytes).toEqual(encodeBackup(TABLES, INFO).bytes)
  })

  it('reads the header from the first bytes alone', () => {
    const { bytes, manifest } = encodeBackup(TABLES, INFO)
    const headerLength = bytes.indexOf(0x0a) + 1
    expect(readBackupHeader(bytes.subarray(0, headerLength))).toEqual(manifest)
  })

  it('refuses values JSON would silently change (Date, typed array, NaN, undefined in a list)', () => {
    for (const bad of [
      { id: 'x', at: new Date() },
      { id: 'x', blob: new Uint8Array(2) },
      { id: 'x', n: Number.NaN },
      { id: 'x', l: [undefined] }
    ]) {
      expect(refusal(() => encodeBackup({ t: [bad] }, INFO)).code).toBe('BACKUP_UNSUPPORTED_VALUE')
    }
  })
})

describe('refusals, each with a stable code and a Chinese reason', () => {
  const good = () => encodeBackup(TABLES, INFO).bytes

  it('a file that is not ours: random JSON, a PDF, empty, binary', () => {
    for (const foreign of [
      bytesOf('{"hello":"world"}\n{}\n'),
      bytesOf('%PDF-1.7\n%%EOF\n'),
      new Uint8Array(0),
      new Uint8Array([0xff, 0xfe, 0, 1]),
      bytesOf('[1,2,3]')
    ]) {
      const error = refusal(() => verifyBackup(foreign, 2))
      expect(error.code).toBe('BACKUP_NOT_OURS')
      expect(error.message).toBe('这不是车档的备份文件')
    }
  })

  it('a truncated file: cut in the body, or inside the header', () => {
    const bytes = good()
    expect(refusal(() => verifyBackup(bytes.subarray(0, bytes.byteLength - 10), 2)).code).toBe('BACKUP_TRUNCATED')
    expect(refusal(() => verifyBackup(bytes.subarray(0, 60), 2)).code).toBe('BACKUP_TRUNCATED')
    expect(refusal(() => verifyBackup(bytes.subarray(0, 60), 2)).message).toContain('未做任何改动')
  })

  it('one flipped byte anywhere in the body fails the hash', () => {
    const bytes = good()
    const headerLength = bytes.indexOf(0x0a) + 1
    for (const at of [headerLength, headerLength + 57, bytes.byteLength - 2]) {
      const flipped = bytes.slice()
      flipped[at] = flipped[at]! ^ 0x01
      const error = refusal(() => verifyBackup(flipped, 2))
      expect(error.code).toBe('BACKUP_CORRUPT')
      expect(error.message).toBe('备份文件已损坏或不完整，校验值不符，未做任何改动')
    }
  })

  it('extra bytes appended are refused too', () => {
    const bytes = good()
    const longer = new Uint8Array(bytes.byteLength + 1)
    longer.set(bytes)
    longer[bytes.byteLength] = 0x0a
    expect(refusal(() => verifyBackup(longer, 2)).code).toBe('BACKUP_CORRUPT')
  })

  it('a damaged header of ours is corrupt, not foreign', () => {
    const bytes = good()
    const damaged = bytes.slice()
    damaged[40] = 0x7b // '{' in the middle of the manifest
    expect(refusal(() => verifyBackup(damaged, 2)).code).toBe('BACKUP_CORRUPT')
  })

  it('a backup from a newer schema names its version', () => {
    const { bytes } = encodeBackup(TABLES, { ...INFO, schemaVersion: 7 })
    const error = refusal(() => verifyBackup(bytes, 2))
    expect(error.code).toBe('BACKUP_NEWER_SCHEMA')
    expect(error.message).toBe('该备份来自更新版本的车档（数据库版本 7），请先升级本软件')
    expect(readBackupHeader(bytes).schemaVersion).toBe(7) // the header alone is still readable
  })

  it('a newer file format is refused', () => {
    const { bytes, manifest } = encodeBackup(TABLES, INFO)
    const body = bytes.subarray(bytes.indexOf(0x0a) + 1)
    const header = bytesOf(`${JSON.stringify({ format: 'chedang-backup', formatVersion: 3, manifest })}\n`)
    const newer = new Uint8Array(header.byteLength + body.byteLength)
    newer.set(header)
    newer.set(body, header.byteLength)
    expect(refusal(() => verifyBackup(newer, 2)).code).toBe('BACKUP_NEWER_FORMAT')
  })

  it('a body that does not match its own manifest (forged but well hashed) is corrupt', () => {
    const { manifest } = encodeBackup(TABLES, INFO)
    const body = encodeBackupBody({ ...TABLES, counters: [{ id: 'c' }] })
    const forged = assembleBackup({ ...manifest, contentBytes: body.byteLength, contentSha256: sha256Hex(body) }, body)
    const verified = verifyBackup(forged, 2)
    expect(refusal(() => decodeBackupBody(verified.body, verified.manifest)).code).toBe('BACKUP_CORRUPT')
  })
})

describe('latestAuditHashOf', () => {
  it('takes the greatest at, then deviceSeq; null when empty or unhashed', () => {
    expect(latestAuditHashOf(TABLES.auditEvents)).toBe('h2')
    expect(latestAuditHashOf([])).toBeNull()
    expect(latestAuditHashOf([{ id: 'x', at: '2026-01-01T00:00:00Z', deviceSeq: 1 }])).toBeNull()
  })
})

describe('file names', () => {
  it('follow 车档备份-YYYY-MM-DD-HHmm-<reason>.chedang-backup in China time and parse back', () => {
    const at = new Date('2026-11-22T01:30:00Z') // 09:30 in China
    expect(backupFileName(at, 'daily')).toBe('车档备份-2026-11-22-0930-daily.chedang-backup')
    expect(backupFileName(at, 'before-restore', 3)).toBe('车档备份-2026-11-22-0930-before-restore-3.chedang-backup')
    expect(parseBackupFileName('车档备份-2026-11-22-0930-daily.chedang-backup')).toEqual({
      stamp: '2026-11-22-0930',
      date: at,
      reason: 'daily',
      sequence: 1
    })
    expect(parseBackupFileName('车档备份-2026-11-22-0930-manual-2.chedang-backup')?.sequence).toBe(2)
  })

  it('name a backup taken just after China midnight by its China date, whatever the PC’s zone', () => {
    const name = backupFileName('2026-11-22T16:05:00.000Z', 'daily')
    expect(name).toBe('车档备份-2026-11-23-0005-daily.chedang-backup')
    expect(parseBackupFileName(name)?.date.toISOString()).toBe('2026-11-22T16:05:00.000Z')
  })

  it('reject anything else', () => {
    for (const name of [
      '车档备份-2026-11-22-0930-weekly.chedang-backup',
      '车档备份-2026-02-30-0930-daily.chedang-backup',
      '车档备份-2026-11-22-2460-daily.chedang-backup',
      '车档备份-2026-11-22-0930-daily.chedang-backup.tmp-abc',
      '../车档备份-2026-11-22-0930-daily.chedang-backup',
      'backup.json'
    ])
      expect(parseBackupFileName(name)).toBeNull()
  })

  it('sort newest first by time, then sequence', () => {
    const names = [
      '车档备份-2026-11-22-0930-daily.chedang-backup',
      '车档备份-2026-11-23-0800-daily.chedang-backup',
      '车档备份-2026-11-22-0930-daily-2.chedang-backup'
    ]
    const sorted = names
      .map((n) => parseBackupFileName(n)!)
      .sort(compareBackupNamesNewestFirst)
      .map((p) => `${p.stamp}/${p.sequence}`)
    expect(sorted).toEqual(['2026-11-23-0800/1', '2026-11-22-0930/2', '2026-11-22-0930/1'])
  })
})
