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
  isBackupFileName,
  latestAuditHashOf,
  MAX_BACKUP_HEADER_BYTES,
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

describe('refusals name what is wrong, for the user and for support', () => {
  const good = () => encodeBackup(TABLES, INFO)
  const withHeader = (header: unknown, body = new Uint8Array(0)) => {
    const line = bytesOf(`${JSON.stringify(header)}\n`)
    const bytes = new Uint8Array(line.byteLength + body.byteLength)
    bytes.set(line)
    bytes.set(body, line.byteLength)
    return bytes
  }

  it('a truncated body says how many bytes were expected and found', () => {
    const { bytes, manifest } = good()
    const error = refusal(() => verifyBackup(bytes.subarray(0, bytes.byteLength - 10), 2))
    expect(error.message).toBe('备份文件不完整（可能没有复制完或被截断），未做任何改动')
    expect(error.details).toEqual({
      expectedBytes: String(manifest.contentBytes),
      actualBytes: String(manifest.contentBytes! - 10)
    })
  })

  it('a file that stops inside its header is truncated; a header that never ends is corrupt; a stub is not ours', () => {
    const { bytes } = good()
    expect(refusal(() => readBackupHeader(bytes.subarray(0, 30))).details).toEqual({
      expectedBytes: '0',
      actualBytes: '30'
    })
    const endless = new Uint8Array(MAX_BACKUP_HEADER_BYTES + 10).fill(0x20)
    endless.set(bytes.subarray(0, 30))
    expect(refusal(() => readBackupHeader(endless)).details).toEqual({ detail: 'header too long' })
    // A newline just past the limit does not count: the header is judged on its first 256 KiB.
    endless[MAX_BACKUP_HEADER_BYTES] = 0x0a
    expect(refusal(() => readBackupHeader(endless)).details).toEqual({ detail: 'header too long' })
    expect(refusal(() => readBackupHeader(bytesOf('{"format":"chedang'))).code).toBe('BACKUP_NOT_OURS')
  })

  it('a header of ours that is not JSON or not UTF-8 is corrupt; a foreign first line is not ours', () => {
    expect(refusal(() => readBackupHeader(bytesOf('{"format":"chedang-backup",\n'))).details).toEqual({
      detail: 'header is not JSON'
    })
    const latin = bytesOf('{"format":"chedang-backup","x":"__"}\n')
    latin[32] = 0xe9
    expect(refusal(() => readBackupHeader(latin)).code).toBe('BACKUP_CORRUPT')
    for (const foreign of ['null\n', '"chedang-backup"\n', '{"format":"other"}\n', 'no json\n']) {
      expect(refusal(() => readBackupHeader(bytesOf(foreign))).code).toBe('BACKUP_NOT_OURS')
    }
  })

  it('a format version that is missing, fractional or below 1 is corrupt; above 2 is newer, named', () => {
    const { manifest } = good()
    for (const formatVersion of [undefined, '1', 1.5, 0]) {
      expect(
        refusal(() => readBackupHeader(withHeader({ format: 'chedang-backup', formatVersion, manifest }))).details
      ).toEqual({ detail: 'bad formatVersion' })
    }
    const newer = refusal(() => readBackupHeader(withHeader({ format: 'chedang-backup', formatVersion: 3, manifest })))
    expect(newer.message).toBe('该备份文件使用了更新的文件格式（第 3 版），请先升级本软件')
    expect(newer.details).toEqual({ formatVersion: '3' })
    expect(readBackupHeader(withHeader({ format: 'chedang-backup', formatVersion: 2, manifest }))).toEqual(manifest)
  })

  it('a manifest that does not parse is corrupt, naming the fields', () => {
    const { manifest } = good()
    const header = {
      format: 'chedang-backup',
      formatVersion: 1,
      manifest: { ...manifest, reason: 'weekly', tables: 3 }
    }
    expect(refusal(() => readBackupHeader(withHeader(header))).details).toEqual({
      detail: 'bad manifest: reason, tables'
    })
  })

  it('an encrypted (format 2) header is not read as a plain backup', () => {
    const { manifest } = good()
    const { contentBytes: _bytes, contentSha256: _hash, ...encrypted } = manifest
    for (const header of [
      { format: 'chedang-backup', formatVersion: 2, manifest },
      { format: 'chedang-backup', formatVersion: 1, manifest: { ...encrypted, contentSha256: manifest.contentSha256 } },
      { format: 'chedang-backup', formatVersion: 1, manifest: { ...encrypted, contentBytes: manifest.contentBytes } }
    ]) {
      expect(refusal(() => verifyBackup(withHeader(header), 2)).details).toEqual({ detail: 'not a format 1 backup' })
    }
  })

  it('a newer schema says which versions: the backup’s and this app’s', () => {
    const { bytes } = encodeBackup(TABLES, { ...INFO, schemaVersion: 7 })
    expect(refusal(() => verifyBackup(bytes, 6)).details).toEqual({ schemaVersion: '7', currentSchemaVersion: '6' })
    expect(verifyBackup(bytes, 7).manifest.schemaVersion).toBe(7)
  })

  it('names the row and the field JSON cannot carry', () => {
    const error = refusal(() =>
      encodeBackup({ ok: [{ id: 'a' }], staff: [{ id: 'x' }, { id: 'y', nested: { list: [1, Infinity] } }] }, INFO)
    )
    expect(error.message).toBe('表 staff 中有无法写入备份的数据（[1].nested.list[1]），备份未完成')
    expect(error.details).toEqual({ table: 'staff', path: '[1].nested.list[1]' })
    for (const bad of [() => 1, 10n, Symbol('s'), new Map(), Object.create({ inherited: true }) as object]) {
      expect(refusal(() => encodeBackup({ t: [{ id: 'x', bad }] }, INFO)).details).toEqual({
        table: 't',
        path: '[0].bad'
      })
    }
  })

  it('names a row that is not an object', () => {
    for (const row of [null, 'text', 3, ['a']]) {
      const error = refusal(() => encodeBackup({ staff: [{ id: 'a' }, row] }, INFO))
      expect(error.message).toBe('表 staff 的第 2 行不是对象，备份未完成')
      expect(error.details).toEqual({ table: 'staff', row: '2', variant: 'notObject' })
    }
  })

  it('keeps what JSON carries unchanged: empty and prototype-free objects, and fields left undefined', () => {
    const bare = Object.assign(Object.create(null) as object, { id: 'bare', flags: [true, false, null] })
    const { bytes, manifest } = encodeBackup({ t: [bare, { id: 'u', gone: undefined, n: -0.5 }, {}] }, INFO)
    const decoded = decodeBackupBody(verifyBackup(bytes, 2).body, manifest)
    expect(decoded.get('t')).toEqual([{ id: 'bare', flags: [true, false, null] }, { id: 'u', n: -0.5 }, {}])
  })

  it('refuses a table name that could not be read back', () => {
    for (const name of ['', '1table', 'a-b', 'x'.repeat(101)])
      expect(() => encodeBackup({ [name]: [] }, INFO)).toThrow('backup: invalid table name')
  })
})

describe('decodeBackupBody: a body that does not match its manifest', () => {
  const manifestFor = (tables: Record<string, number>) => ({ ...encodeBackup({}, INFO).manifest, tables })
  const detail = (body: string | Uint8Array, tables: Record<string, number>) =>
    refusal(() => decodeBackupBody(typeof body === 'string' ? bytesOf(body) : body, manifestFor(tables))).details[
      'detail'
    ]

  it('reads an empty body as no tables', () => {
    expect(decodeBackupBody(bytesOf(''), manifestFor({})).size).toBe(0)
  })

  it('refuses a body that is not UTF-8, does not end with a newline, or holds a line that is not JSON', () => {
    expect(detail(new Uint8Array([0x7b, 0xff, 0x0a]), {})).toBe('body is not UTF-8')
    expect(detail('{"table":"t","rows":0}', { t: 0 })).toBe('body does not end with a newline')
    expect(detail('{"table":"t","rows":1}\n{"id":\n', { t: 1 })).toBe('line 3 is not JSON')
  })

  it('refuses a bad table marker, naming its line in the file (the header is line 1)', () => {
    for (const marker of [
      'null',
      '{"rows":0}',
      '{"table":"t","rows":"0"}',
      '{"table":"t","rows":0.5}',
      '{"table":"t","rows":-1}',
      '{"table":7,"rows":0}'
    ]) {
      expect(detail(`{"table":"s","rows":0}\n${marker}\n`, { s: 0, t: 0 })).toBe('bad table marker at line 3')
    }
    expect(detail('{"table":"t","rows":0}\n{"table":"t","rows":0}\n', { t: 0 })).toBe('bad table marker at line 3')
  })

  it('refuses a table cut short, and a row that is not an object', () => {
    expect(detail('{"table":"t","rows":3}\n{"id":1}\n{"id":2}\n', { t: 3 })).toBe('table t is short')
    expect(
      decodeBackupBody(bytesOf('{"table":"t","rows":2}\n{"id":1}\n{"id":2}\n'), manifestFor({ t: 2 })).get('t')
    ).toEqual([{ id: 1 }, { id: 2 }])
    for (const row of ['null', '[1]', '"x"', '4'])
      expect(detail(`{"table":"t","rows":2}\n{"id":1}\n${row}\n`, { t: 2 })).toBe('row 2 of t is not an object')
  })

  it('refuses a table the manifest does not list, or a different row count', () => {
    expect(detail('{"table":"t","rows":0}\n{"table":"u","rows":0}\n', { t: 0 })).toBe('tables differ from the manifest')
    expect(detail('{"table":"t","rows":0}\n', { t: 0, u: 0 })).toBe('tables differ from the manifest')
    expect(detail('{"table":"t","rows":0}\n', { u: 0 })).toBe('row count of u differs from the manifest')
    expect(detail('{"table":"t","rows":1}\n{}\n', { t: 2 })).toBe('row count of t differs from the manifest')
  })
})

describe('latestAuditHashOf, case by case', () => {
  const e = (id: string, at: string, deviceSeq: number, hash: unknown = `h-${id}`) => ({ id, at, deviceSeq, hash })

  it('the greatest time wins, wherever it stands in the list', () => {
    expect(latestAuditHashOf([e('a', '2026-11-21T01:00:00Z', 9), e('b', '2026-11-22T01:00:00Z', 1)])).toBe('h-b')
    expect(latestAuditHashOf([e('b', '2026-11-22T01:00:00Z', 1), e('a', '2026-11-21T01:00:00Z', 9)])).toBe('h-b')
  })

  it('at the same time, the greater sequence, then the greater id', () => {
    const at = '2026-11-22T01:00:00Z'
    expect(latestAuditHashOf([e('z', at, 1), e('a', at, 2)])).toBe('h-a')
    expect(latestAuditHashOf([e('a', at, 2), e('z', at, 1)])).toBe('h-a')
    expect(latestAuditHashOf([e('a', at, 2), e('b', at, 2)])).toBe('h-b')
    expect(latestAuditHashOf([e('b', at, 2), e('a', at, 2)])).toBe('h-b')
  })

  it('skips what is not an event, reads missing fields as the least, and a non-text hash as none', () => {
    expect(latestAuditHashOf([null, 'x', e('a', '2026-11-22T01:00:00Z', 1)])).toBe('h-a')
    expect(latestAuditHashOf([{ hash: 'bare' }])).toBe('bare')
    expect(latestAuditHashOf([{ hash: 'bare' }, { at: 5, deviceSeq: '9', id: 3, hash: 'typed' }])).toBe('bare')
    expect(latestAuditHashOf([{ hash: 'bare' }, { id: 'b', hash: 'named' }])).toBe('named')
    expect(latestAuditHashOf([e('a', '2026-11-22T01:00:00Z', 1, 42)])).toBeNull()
  })
})

describe('file names, case by case', () => {
  it('take an ISO text or a Date, pad every part, and refuse an invalid date', () => {
    const at = new Date('0987-01-02T03:04:00+08:00')
    expect(backupFileName(at, 'manual')).toBe('车档备份-0987-01-02-0304-manual.chedang-backup')
    expect(backupFileName(at.toISOString(), 'manual', 2)).toBe('车档备份-0987-01-02-0304-manual-2.chedang-backup')
    expect(backupFileName(at, 'manual', 1)).toBe(backupFileName(at, 'manual'))
    expect(() => backupFileName('not a date', 'daily')).toThrow('backupFileName: invalid date')
  })

  it('read back every part, the last minute of a day included', () => {
    expect(parseBackupFileName('车档备份-2026-12-31-2359-before-upgrade-9999.chedang-backup')).toEqual({
      stamp: '2026-12-31-2359',
      date: new Date('2026-12-31T23:59:00+08:00'),
      reason: 'before-upgrade',
      sequence: 9999
    })
    for (const name of [
      '车档备份-2026-11-22-2400-daily.chedang-backup',
      '车档备份-2026-13-01-0930-daily.chedang-backup',
      '车档备份-2026-11-22-0930-daily-0.chedang-backup',
      '车档备份-2026-11-22-0930-daily-10000.chedang-backup',
      'x车档备份-2026-11-22-0930-daily.chedang-backup'
    ])
      expect(parseBackupFileName(name)).toBeNull()
  })

  it('sort a later stamp first, whichever side it is on', () => {
    const a = parseBackupFileName('车档备份-2026-11-22-0930-daily.chedang-backup')!
    const b = parseBackupFileName('车档备份-2026-11-22-0931-daily.chedang-backup')!
    expect(compareBackupNamesNewestFirst(a, b)).toBe(1)
    expect(compareBackupNamesNewestFirst(b, a)).toBe(-1)
    expect(compareBackupNamesNewestFirst(a, a)).toBe(0)
  })

  it('admit from the backup folder only plain names of backups', () => {
    expect(isBackupFileName('车档备份-2026-11-22-0930-daily.chedang-backup')).toBe(true)
    expect(isBackupFileName('从旧电脑拷来的.chedang-backup')).toBe(true)
    expect(isBackupFileName(`${'x'.repeat(185)}.chedang-backup`)).toBe(true)
    for (const name of [
      `${'x'.repeat(186)}.chedang-backup`,
      '../a.chedang-backup',
      'sub\\a.chedang-backup',
      'a\u0000.chedang-backup',
      'a\n.chedang-backup',
      '.hidden.chedang-backup',
      'a.chedang-backup.tmp',
      'a.chedang-backups',
      'achedang-backup'
    ])
      expect(isBackupFileName(name)).toBe(false)
  })
})

describe('the edges of the format', () => {
  it('tells a file cut right after the signature from a foreign one that shares its first byte', () => {
    expect(refusal(() => readBackupHeader(bytesOf('{"format":"chedang-backup"'))).code).toBe('BACKUP_TRUNCATED')
    expect(refusal(() => readBackupHeader(bytesOf('{"hello":"world","padding":"xxxxxxxxxxxx"}'))).code).toBe(
      'BACKUP_NOT_OURS'
    )
  })

  it('judges a header of exactly 256 KiB without its end as too long, not cut short', () => {
    const endless = new Uint8Array(MAX_BACKUP_HEADER_BYTES).fill(0x20)
    endless.set(bytesOf('{"format":"chedang-backup"'))
    expect(refusal(() => readBackupHeader(endless)).details).toEqual({ detail: 'header too long' })
  })

  it('names a nested manifest field by its whole path', () => {
    const { manifest } = encodeBackup(TABLES, INFO)
    const line = bytesOf(
      `${JSON.stringify({ format: 'chedang-backup', formatVersion: 1, manifest: { ...manifest, tables: { t: -1 } } })}\n`
    )
    expect(refusal(() => readBackupHeader(line)).details).toEqual({ detail: 'bad manifest: tables.t' })
  })

  it('says whether a body is longer than declared or altered', () => {
    const { bytes } = encodeBackup(TABLES, INFO)
    const longer = new Uint8Array(bytes.byteLength + 1)
    longer.set(bytes)
    expect(refusal(() => verifyBackup(longer, 2)).details).toEqual({ detail: 'body longer than declared' })
    const flipped = bytes.slice()
    flipped[bytes.byteLength - 3]! ^= 1
    expect(refusal(() => verifyBackup(flipped, 2)).details).toEqual({ detail: 'content hash mismatch' })
  })

  it('reads an event’s missing or mistyped time, sequence and id as the least', () => {
    const at = '2026-11-22T01:00:00Z'
    expect(
      latestAuditHashOf([
        { at: null, hash: 'x' },
        { id: 'b', hash: 'y' }
      ])
    ).toBe('y')
    expect(
      latestAuditHashOf([
        { at, deviceSeq: 1, id: 'a', hash: 'timed' },
        { id: 'z', hash: 'untimed' }
      ])
    ).toBe('timed')
    expect(
      latestAuditHashOf([
        { at, deviceSeq: 1, id: 'a', hash: 'h1' },
        { at, deviceSeq: '9', id: 'b', hash: 'h9' }
      ])
    ).toBe('h1')
    expect(
      latestAuditHashOf([
        { at, deviceSeq: 1, hash: 'no-id' },
        { at, deviceSeq: 1, id: 'A1', hash: 'A1' }
      ])
    ).toBe('A1')
  })

  it('reads no backup name with a minute of 60 or an hour of 24', () => {
    expect(parseBackupFileName('车档备份-2026-11-22-2430-daily.chedang-backup')).toBeNull()
    expect(parseBackupFileName('车档备份-2026-11-22-0960-daily.chedang-backup')).toBeNull()
  })
})
