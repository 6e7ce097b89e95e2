import '../../tests/fixtures/pbkdf2-memo'
import { beforeEach, describe, expect, it } from 'vitest'
import { bytesToHex } from '@noble/hashes/utils.js'
import {
  createBackupKey,
  encryptChunk,
  hmacSha256,
  type NewBackupKey,
  newDataKey,
  rewrapBackupKey,
  sha256Bytes,
  toBase64
} from './backup-crypto'
import { encodeBackup } from './backup-format'
import {
  auditChainHeadsOf,
  backupFormatOf,
  type BackupSection,
  type EncryptedBackupInfo,
  encryptBackup,
  openEncryptedBackup,
  piecesOf
} from './backup-stream'
import type { DomainError } from '../model/domain-error'

const PASSPHRASE = '长白山下一汽大众2026'
const OTHER = '另一个备份密码-不是我们的'
const WHO = { setBy: '王主管', setAt: '2026-11-29T08:00:00.000Z' }

const TABLES: Record<string, Record<string, unknown>[]> = {
  accounts: [{ id: 'a1', username: 'director' }],
  auditEvents: [
    { id: 'e1', deviceId: 'pc-1', deviceSeq: 1, hash: 'h1' },
    { id: 'e2', deviceId: 'pc-1', deviceSeq: 2, hash: 'h2' },
    { id: 'e3', deviceId: 'pc-2', deviceSeq: 1, hash: 'h3' }
  ],
  settings: [],
  vehicleFiles: Array.from({ length: 300 }, (_, i) => ({
    id: `v${i}`,
    vin: `LFV2A21K0P30${String(i).padStart(5, '0')}`,
    ownerName: '张伟',
    notes: '备注'.repeat(i % 50)
  }))
}

function info(tables: Record<string, unknown[]>): EncryptedBackupInfo {
  return {
    appVersion: '0.1.0',
    schemaVersion: 3,
    createdAt: '2026-11-29T09:30:00.000Z',
    createdBy: '王主管',
    deviceId: 'pc-1',
    reason: 'manual',
    tables: Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.length])),
    latestAuditHash: null,
    auditHeads: auditChainHeadsOf(tables['auditEvents'] ?? [])
  }
}
const sectionsOf = (tables: Record<string, Record<string, unknown>[]>): BackupSection[] =>
  Object.keys(tables)
    .sort()
    .map((table) => ({ table, rows: tables[table]! }))

async function collect(pieces: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = []
  for await (const piece of pieces) parts.push(piece)
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0))
  let o = 0
  for (const p of parts) {
    out.set(p, o)
    o += p.byteLength
  }
  return out
}

let key: NewBackupKey
let file: Uint8Array
const CHUNK = 4096

// Made once, before the first test, but as part of each test: a key or file that cannot be made fails the
// tests (a failing beforeAll would only skip them, and a broken writer would look as if nothing noticed).
let made: Promise<void> | undefined
beforeEach(
  () =>
    (made ??= (async () => {
      key = await createBackupKey(PASSPHRASE, WHO)
      const { pieces } = await encryptBackup(info(TABLES), sectionsOf(TABLES), key, CHUNK)
      file = await collect(pieces)
    })()),
  30_000
)

async function readAll(bytes: Uint8Array, passphrase = PASSPHRASE): Promise<Record<string, unknown[]>> {
  const opened = await openEncryptedBackup(piecesOf(bytes, 777), passphrase, 3)
  const out: Record<string, unknown[]> = {}
  for await (const { table, row } of opened.rows) (out[table] ??= []).push(row)
  return out
}
async function refusal(work: () => Promise<unknown>): Promise<DomainError> {
  try {
    await work()
  } catch (error) {
    return error as DomainError
  }
  throw new Error('expected a refusal')
}

/** Offsets of the frames after the two header lines: [start, length] of each sealed chunk. */
function frames(bytes: Uint8Array): { bodyStart: number; list: [number, number][] } {
  const first = bytes.indexOf(0x0a)
  const bodyStart = bytes.indexOf(0x0a, first + 1) + 1
  const list: [number, number][] = []
  for (let o = bodyStart; o < bytes.byteLength;) {
    const length = new DataView(bytes.buffer, bytes.byteOffset + o, 4).getUint32(0)
    list.push([o, 4 + length])
    o += 4 + length
  }
  return { bodyStart, list }
}

describe('encrypted backup (format 2)', { timeout: 30_000 }, () => {
  it('round-trips every row with the passphrase, and the file shows no personal data in clear', async () => {
    const rows = await readAll(file)
    expect(rows['vehicleFiles']).toEqual(TABLES['vehicleFiles'])
    expect(rows['auditEvents']).toEqual(TABLES['auditEvents'])
    expect(rows['settings']).toBeUndefined()
    const text = new TextDecoder().decode(file)
    expect(text).not.toContain('LFV2A21K0P30')
    expect(text).not.toContain('张伟')
    expect(frames(file).list.length).toBeGreaterThan(3)
  })

  it("carries the authenticated manifest: counts, who, and each device's audit chain head", async () => {
    const opened = await openEncryptedBackup(piecesOf(file), PASSPHRASE, 3)
    expect(opened.manifest.tables).toEqual({ accounts: 1, auditEvents: 3, settings: 0, vehicleFiles: 300 })
    expect(opened.manifest.auditHeads).toEqual([
      { deviceId: 'pc-1', seq: 2, hash: 'h2' },
      { deviceId: 'pc-2', seq: 1, hash: 'h3' }
    ])
    expect(opened.manifest.keyId).toBe(key.keyring.keyId)
  })

  it('says 备份密码不正确 for a wrong passphrase', async () => {
    const error = await refusal(() => readAll(file, OTHER))
    expect(error.code).toBe('BACKUP_WRONG_PASSPHRASE')
    expect(error.message).toContain('备份密码不正确')
  })

  it('refuses an edited header (the creator renamed) as not authentic, never as corrupt', async () => {
    const text = new TextDecoder().decode(file.subarray(0, file.indexOf(0x0a)))
    const edited = new TextEncoder().encode(text.replace('"createdBy":"王主管"', '"createdBy":"李主管"'))
    const forged = new Uint8Array(edited.byteLength + file.byteLength - text.length)
    const headerBytes = file.indexOf(0x0a)
    forged.set(edited, 0)
    forged.set(file.subarray(headerBytes), edited.byteLength)
    const error = await refusal(() => readAll(forged.subarray(0, edited.byteLength + file.byteLength - headerBytes)))
    expect(error.code).toBe('BACKUP_NOT_AUTHENTIC')
    expect(error.message).toContain('备份文件未通过真实性校验，可能被篡改')
  })

  it('refuses a consistent forgery made with the public key but without K_auth', async () => {
    const forger = { keyring: key.keyring, authKey: new Uint8Array(32).fill(7) }
    const injected = { ...TABLES, accounts: [...TABLES['accounts']!, { id: 'evil', username: 'mallory' }] }
    const { pieces } = await encryptBackup(info(injected), sectionsOf(injected), forger, CHUNK)
    const error = await refusal(async () => readAll(await collect(pieces)))
    expect(error.code).toBe('BACKUP_NOT_AUTHENTIC')
  })

  it('refuses a file made under another passphrase as 备份密码不正确', async () => {
    const other = await createBackupKey(OTHER, WHO)
    const { pieces } = await encryptBackup(info(TABLES), sectionsOf(TABLES), other, CHUNK)
    expect((await refusal(async () => readAll(await collect(pieces)))).code).toBe('BACKUP_WRONG_PASSPHRASE')
  })

  it('says truncated for a file cut inside a chunk, and for one that lost its final chunk', async () => {
    const { list } = frames(file)
    const inside = file.subarray(0, file.byteLength - 10)
    const withoutLast = file.subarray(0, list[list.length - 1]![0])
    for (const cut of [inside, withoutLast, file.subarray(0, file.indexOf(0x0a) + 1)]) {
      const error = await refusal(() => readAll(cut))
      expect(error.code).toBe('BACKUP_TRUNCATED')
      expect(error.message).toContain('截断')
    }
  })

  it('refuses reordered chunks, a flipped byte, appended bytes and a chunk from another backup', async () => {
    const { list } = frames(file)
    const [a, b] = [list[1]!, list[2]!]
    const reordered = new Uint8Array(file)
    reordered.set(file.subarray(b[0], b[0] + b[1]), a[0])
    reordered.set(file.subarray(a[0], a[0] + a[1]), a[0] + b[1])
    const flipped = new Uint8Array(file)
    flipped[list[2]![0] + 40]! ^= 1
    const appended = new Uint8Array(file.byteLength + 5)
    appended.set(file)
    const { pieces } = await encryptBackup(info(TABLES), sectionsOf(TABLES), key, CHUNK)
    const second = await collect(pieces)
    const swapped = new Uint8Array(file)
    const [s0, sLen] = frames(second).list[1]!
    expect(sLen).toBe(a[1])
    swapped.set(second.subarray(s0, s0 + sLen), a[0])
    for (const forged of [reordered, flipped, appended, swapped]) {
      expect((await refusal(() => readAll(forged))).code).toBe('BACKUP_NOT_AUTHENTIC')
    }
  })

  it('opens backups made before a passphrase change with the old passphrase, new ones with the new', async () => {
    const rewrapped = await rewrapBackupKey(key.keyring, PASSPHRASE, OTHER, WHO)
    expect(rewrapped.keyId).toBe(key.keyring.keyId)
    const { pieces } = await encryptBackup(
      info(TABLES),
      sectionsOf(TABLES),
      { keyring: rewrapped, authKey: key.authKey },
      CHUNK
    )
    const after = await collect(pieces)
    expect((await readAll(after, OTHER))['accounts']).toHaveLength(1)
    expect((await refusal(() => readAll(after))).code).toBe('BACKUP_WRONG_PASSPHRASE')
    expect((await readAll(file))['accounts']).toHaveLength(1)
    expect((await refusal(() => rewrapBackupKey(key.keyring, OTHER, PASSPHRASE + 'x', WHO))).code).toBe(
      'BACKUP_WRONG_PASSPHRASE'
    )
  })

  it('refuses a passphrase shorter than 12 characters', async () => {
    expect((await refusal(() => createBackupKey('short-pass', WHO))).code).toBe('BACKUP_PASSPHRASE_WEAK')
  })
})

// A file made by someone holding K_auth and the public key (a writer of this archive), built by hand so
// that what the writer never produces can be tried on the reader.
interface Forgery {
  plaintext: (string | Uint8Array)[]
  tables: Record<string, number>
  editHeader?: (header: Record<string, unknown> & { keys: Record<string, unknown> }) => void
  macLine?: string
  frames?: (sealed: Uint8Array[]) => Uint8Array[]
}
async function forge({ plaintext, tables, editHeader, macLine, frames: reframe }: Forgery): Promise<Uint8Array> {
  const { dataKey, wrapped } = await newDataKey(key.keyring.publicKey)
  const manifest = { ...info({}), tables, keyId: key.keyring.keyId }
  const header = {
    format: 'chedang-backup',
    formatVersion: 2,
    manifest,
    keys: {
      keyId: key.keyring.keyId,
      kdf: key.keyring.kdf,
      wrappedPrivateKey: key.keyring.wrappedPrivateKey,
      wrappedAuthKey: key.keyring.wrappedAuthKey,
      dataKey: wrapped as unknown
    },
    chunkBytes: CHUNK
  }
  editHeader?.(header)
  const headerLine = new TextEncoder().encode(JSON.stringify(header))
  const mac = bytesToHex(await hmacSha256(key.authKey, headerLine))
  const sealed: Uint8Array[] = []
  for (const [i, text] of plaintext.entries()) {
    const chunk = await encryptChunk(
      dataKey,
      i,
      i === plaintext.length - 1,
      sha256Bytes(headerLine),
      typeof text === 'string' ? new TextEncoder().encode(text) : text
    )
    const framed = new Uint8Array(4 + chunk.byteLength)
    new DataView(framed.buffer).setUint32(0, chunk.byteLength)
    framed.set(chunk, 4)
    sealed.push(framed)
  }
  const parts = [
    headerLine,
    new TextEncoder().encode(`\n${macLine ?? JSON.stringify({ mac })}\n`),
    ...(reframe ? reframe(sealed) : sealed)
  ]
  return collect(
    (async function* () {
      yield* parts
    })()
  )
}
const detailOf = async (work: () => Promise<unknown>) => {
  const error = await refusal(work)
  return [error.code, error.details['detail']]
}

describe('encrypted backup: what the reader checks inside an authentic file', { timeout: 30_000 }, () => {
  it('reads rows split across chunks at any byte, and chunks with nothing in them', async () => {
    const file = await forge({
      plaintext: ['{"table":"t","ro', 'ws":2}\n{"id":"a","name":"张', '', '伟"}\n{"id":"b"}', '\n'],
      tables: { t: 2 }
    })
    expect(await readAll(file)).toEqual({ t: [{ id: 'a', name: '张伟' }, { id: 'b' }] })
  })

  it('refuses plaintext that is not lines of JSON objects', async () => {
    const tables = { t: 1 }
    expect(
      await detailOf(async () => readAll(await forge({ plaintext: ['{"table":"t","rows":1}\n{}'], tables })))
    ).toEqual(['BACKUP_CORRUPT', 'plaintext does not end with a newline'])
    expect(
      await detailOf(async () => readAll(await forge({ plaintext: ['{"table":"t","rows":1}\n{"id":\n'], tables })))
    ).toEqual(['BACKUP_CORRUPT', 'a line is not JSON'])
    for (const row of ['null', '[1]', '"x"'])
      expect(
        await detailOf(async () => readAll(await forge({ plaintext: [`{"table":"t","rows":1}\n${row}\n`], tables })))
      ).toEqual(['BACKUP_CORRUPT', 'a row of t is not an object'])
  })

  it('refuses a table marker the manifest does not back, and rows that fall short of it', async () => {
    const tables = { t: 1, u: 0 }
    for (const plaintext of [
      '{"table":"x","rows":0}\n',
      '{"table":"toString","rows":0}\n',
      '{"table":"t","rows":2}\n{}\n{}\n',
      '{"table":"u","rows":0}\n{"table":"u","rows":0}\n',
      '{"rows":0}\n',
      'null\n'
    ])
      expect(await detailOf(async () => readAll(await forge({ plaintext: [plaintext], tables })))).toEqual([
        'BACKUP_CORRUPT',
        'bad table marker'
      ])
    for (const plaintext of ['{"table":"t","rows":1}\n', '{"table":"t","rows":1}\n{}\n', ''])
      expect(await detailOf(async () => readAll(await forge({ plaintext: [plaintext], tables })))).toEqual([
        'BACKUP_CORRUPT',
        'rows differ from the manifest'
      ])
  })

  it('refuses a chunk length that no chunk of this header can have', async () => {
    const plaintext = ['{"table":"t","rows":0}\n']
    const withLength = (length: number) => (sealed: Uint8Array[]) => {
      const first = sealed[0]!.slice()
      new DataView(first.buffer).setUint32(0, length)
      return [first]
    }
    for (const length of [15, CHUNK + 17])
      expect(
        await detailOf(async () => readAll(await forge({ plaintext, tables: { t: 0 }, frames: withLength(length) })))
      ).toEqual(['BACKUP_NOT_AUTHENTIC', 'chunk 0 length'])
    // A file cut inside a length prefix is truncated.
    expect(
      (
        await refusal(async () =>
          readAll(await forge({ plaintext, tables: { t: 0 }, frames: (s) => [s[0]!.subarray(0, 3)] }))
        )
      ).code
    ).toBe('BACKUP_TRUNCATED')
  })

  it('refuses a header whose key id differs from its manifest’s, or whose data key does not open', async () => {
    const plaintext = ['{"table":"t","rows":0}\n']
    expect(
      await detailOf(async () =>
        readAll(await forge({ plaintext, tables: { t: 0 }, editHeader: (h) => (h.keys.keyId = 'AAAA-AAAA-AAAA-AAAA') }))
      )
    ).toEqual(['BACKUP_NOT_AUTHENTIC', 'key id'])
    const other = await newDataKey(key.keyring.publicKey)
    const garbled = { ...other.wrapped, ephemeralPublicKey: toBase64(new Uint8Array(65).fill(4)) }
    expect(
      await detailOf(async () =>
        readAll(await forge({ plaintext, tables: { t: 0 }, editHeader: (h) => (h.keys.dataKey = garbled) }))
      )
    ).toEqual(['BACKUP_NOT_AUTHENTIC', 'data key'])
  })

  it('refuses a MAC line that is no MAC, and a header outside the format, before asking for the passphrase', async () => {
    const plaintext = ['{"table":"t","rows":0}\n']
    expect(
      await detailOf(async () => readAll(await forge({ plaintext, tables: { t: 0 }, macLine: '{"mac":"zz"}' })))
    ).toEqual(['BACKUP_NOT_AUTHENTIC', 'MAC line'])
    const grind = (h: { keys: Record<string, unknown> }) =>
      (h.keys.kdf = { ...key.keyring.kdf, iterations: 10_000_001 })
    expect(
      await detailOf(async () => readAll(await forge({ plaintext, tables: { t: 0 }, editHeader: grind })))
    ).toEqual(['BACKUP_NOT_AUTHENTIC', 'header: keys.kdf.iterations'])
    expect(
      (
        await refusal(async () =>
          readAll(
            await forge({
              plaintext,
              tables: { t: 0 },
              editHeader: (h) => ((h.manifest as { schemaVersion: number }).schemaVersion = 4)
            })
          )
        )
      ).code
    ).toBe('BACKUP_NEWER_SCHEMA')
  })

  it('stops reading a header or MAC line that never ends, before holding more of it', async () => {
    const endless = new Uint8Array(300 * 1024).fill(0x41)
    endless.set(new TextEncoder().encode('{"format":"chedang-backup"'))
    expect(await detailOf(() => readAll(endless))).toEqual(['BACKUP_CORRUPT', 'line too long'])
    const longMac = JSON.stringify({ mac: 'a'.repeat(2000) })
    expect(
      await detailOf(async () =>
        readAll(await forge({ plaintext: ['{"table":"t","rows":0}\n'], tables: { t: 0 }, macLine: longMac }))
      )
    ).toEqual(['BACKUP_CORRUPT', 'line too long'])
  })

  it('refuses a plain (format 1) file and an empty one as no encrypted backup', async () => {
    const legacy = encodeBackup({ t: [] }, { ...info({}) }).bytes
    expect(await detailOf(() => readAll(legacy))).toEqual(['BACKUP_CORRUPT', 'format 1 is not encrypted'])
    expect((await refusal(() => readAll(new Uint8Array(0)))).code).toBe('BACKUP_NOT_OURS')
    expect(backupFormatOf(file.subarray(0, file.indexOf(0x0a) + 1))).toBe(2)
  })
})

describe('encrypted backup: what the writer refuses to write', { timeout: 30_000 }, () => {
  const attempt = async (tables: Record<string, number>, sections: BackupSection[]) => {
    const { pieces } = await encryptBackup({ ...info({}), tables }, sections, key, CHUNK)
    return collect(pieces)
  }

  it('stops on a table not declared, written twice, left out, or with another row count', async () => {
    await expect(attempt({ t: 0 }, [{ table: 'u', rows: [] }])).rejects.toThrow('backup: unexpected table u')
    await expect(attempt({ t: 0 }, [{ table: 'toString', rows: [] }])).rejects.toThrow('unexpected table toString')
    await expect(
      attempt({ t: 0 }, [
        { table: 't', rows: [] },
        { table: 't', rows: [] }
      ])
    ).rejects.toThrow('backup: unexpected table t')
    await expect(attempt({ t: 0, u: 0 }, [{ table: 't', rows: [] }])).rejects.toThrow(
      'backup: a declared table was not written'
    )
    await expect(attempt({ t: 2 }, [{ table: 't', rows: [{ id: 'a' }] }])).rejects.toThrow(
      'backup: table t has 1 rows, 2 declared'
    )
  })

  it('refuses a header too long for any reader', async () => {
    const auditHeads = Array.from({ length: 3000 }, (_, i) => ({
      deviceId: `pc-${i}`.padEnd(90, 'x'),
      seq: 1,
      hash: 'h'
    }))
    await expect(encryptBackup({ ...info({}), tables: {}, auditHeads }, [], key, CHUNK)).rejects.toMatchObject({
      code: 'BACKUP_CORRUPT',
      details: { detail: 'header too long' }
    })
  })

  it('fills every chunk but the last to the byte, and ends a body of whole chunks with a full final chunk', async () => {
    // The marker line is 23 bytes; rows of 4096 − 23 bytes make the body exactly one chunk, then two.
    const row = (id: string, bytes: number) => ({ id, pad: 'x'.repeat(bytes - `{"id":"${id}","pad":""}\n`.length) })
    for (const [count, chunks] of [
      [1, 1],
      [2, 2]
    ] as const) {
      const rows = [row('a', CHUNK - 23), ...(count > 1 ? [row('b', CHUNK)] : [])]
      const bytes = await attempt({ t: count }, [{ table: 't', rows }])
      expect(frames(bytes).list.map(([, length]) => length)).toEqual(Array(chunks).fill(4 + CHUNK + 16))
      expect((await readAll(bytes))['t']).toEqual(rows)
    }
    // An empty backup is one empty final chunk.
    const empty = await attempt({}, [])
    expect(frames(empty).list.map(([, length]) => length)).toEqual([4 + 16])
    expect(await readAll(empty)).toEqual({})
  })
})

describe('auditChainHeadsOf', () => {
  it('takes each device’s greatest sequence, whatever the order, sorted by device, skipping what is no event', () => {
    expect(
      auditChainHeadsOf([
        { deviceId: 'pc-b', deviceSeq: 1, hash: 'b1' },
        { deviceId: 'pc-a', deviceSeq: 3, hash: 'a3' },
        { deviceId: 'pc-a', deviceSeq: 5, hash: 'a5' },
        { deviceId: 'pc-a', deviceSeq: 4, hash: 'a4' },
        { deviceId: 'pc-b', deviceSeq: 1, hash: 'b1-copy' },
        null,
        'event',
        { deviceId: 'pc-c', deviceSeq: '9', hash: 'c' },
        { deviceId: 7, deviceSeq: 9, hash: 'c' },
        { deviceId: 'pc-c', deviceSeq: 9, hash: null }
      ])
    ).toEqual([
      { deviceId: 'pc-a', seq: 5, hash: 'a5' },
      { deviceId: 'pc-b', seq: 1, hash: 'b1' }
    ])
    expect(
      auditChainHeadsOf([
        { deviceId: 'b', deviceSeq: 1, hash: 'x' },
        { deviceId: 'a', deviceSeq: 1, hash: 'y' }
      ]).map((h) => h.deviceId)
    ).toEqual(['a', 'b'])
  })
})

describe('encrypted backup: the reader, byte by byte', { timeout: 60_000 }, () => {
  it('reads a file that arrives in pieces of any size, a newline alone in its piece included', async () => {
    for (const size of [1, 7, 64]) {
      const opened = await openEncryptedBackup(piecesOf(file, size), PASSPHRASE, 3)
      let rows = 0
      for await (const _ of opened.rows) rows += 1
      expect(rows, `pieces of ${size}`).toBe(304)
    }
  })

  it('notices bytes after the final chunk that arrive in a piece of their own', async () => {
    async function* withTail() {
      yield* piecesOf(file, 777)
      yield new Uint8Array([0, 0, 0])
    }
    const opened = await openEncryptedBackup(withTail(), PASSPHRASE, 3)
    expect(
      await detailOf(async () => {
        for await (const _ of opened.rows);
      })
    ).toEqual(['BACKUP_NOT_AUTHENTIC', 'bytes after the final chunk'])
  })

  it('says which check an inauthentic file failed', async () => {
    const forger = { keyring: key.keyring, authKey: new Uint8Array(32).fill(7) }
    const { pieces } = await encryptBackup(info(TABLES), sectionsOf(TABLES), forger, CHUNK)
    expect(await detailOf(async () => readAll(await collect(pieces)))).toEqual(['BACKUP_NOT_AUTHENTIC', 'header MAC'])
    const { list } = frames(file)
    const [a, b] = [list[1]!, list[2]!]
    const reordered = new Uint8Array(file)
    reordered.set(file.subarray(b[0], b[0] + b[1]), a[0])
    reordered.set(file.subarray(a[0], a[0] + a[1]), a[0] + b[1])
    expect(await detailOf(() => readAll(reordered))).toEqual(['BACKUP_NOT_AUTHENTIC', 'chunk 1'])
    const twoProblems = (h: Record<string, unknown> & { keys: Record<string, unknown> }) => {
      h.keys.kdf = { ...key.keyring.kdf, iterations: 1 }
      h.chunkBytes = 1
    }
    expect(
      await detailOf(async () =>
        readAll(await forge({ plaintext: ['{"table":"t","rows":0}\n'], tables: { t: 0 }, editHeader: twoProblems }))
      )
    ).toEqual(['BACKUP_NOT_AUTHENTIC', 'header: keys.kdf.iterations, chunkBytes'])
  })

  it('refuses a row that is not UTF-8 inside an authentic file', async () => {
    const bytes = new TextEncoder().encode('{"table":"t","rows":1}\n{"id":"__"}\n')
    bytes[bytes.length - 5] = 0xff
    expect(await detailOf(async () => readAll(await forge({ plaintext: [bytes], tables: { t: 1 } })))).toEqual([
      'BACKUP_CORRUPT',
      'a line is not JSON'
    ])
  })

  it('holds each table marker to the manifest: its name a text, its count the declared one, its rows all there', async () => {
    const refused = async (plaintext: string, tables: Record<string, number>) =>
      detailOf(async () => readAll(await forge({ plaintext: [plaintext], tables })))
    expect(await refused('{"table":"t","rows":0}\n{}\n', { t: 1 })).toEqual(['BACKUP_CORRUPT', 'bad table marker'])
    expect(await refused('{"table":true,"rows":0}\n', { true: 0 })).toEqual(['BACKUP_CORRUPT', 'bad table marker'])
    expect(await refused('{"table":"t","rows":1}\n', { t: 1 })).toEqual([
      'BACKUP_CORRUPT',
      'rows differ from the manifest'
    ])
  })
})

describe('auditChainHeadsOf, in any order', () => {
  it('sorts the heads by device whatever order the events come in', () => {
    const events = ['pc-c', 'pc-a', 'pc-b'].map((deviceId) => ({ deviceId, deviceSeq: 1, hash: deviceId }))
    const orders = [
      [0, 1, 2],
      [0, 2, 1],
      [1, 0, 2],
      [1, 2, 0],
      [2, 0, 1],
      [2, 1, 0]
    ]
    for (const order of orders)
      expect(auditChainHeadsOf(order.map((i) => events[i]!)).map((h) => h.deviceId)).toEqual(['pc-a', 'pc-b', 'pc-c'])
  })
})
