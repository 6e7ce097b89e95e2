import { beforeAll, describe, expect, it } from 'vitest'
import { createBackupKey, type NewBackupKey, rewrapBackupKey } from './backup-crypto'
import {
  auditChainHeadsOf,
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

beforeAll(async () => {
  key = await createBackupKey(PASSPHRASE, WHO)
  const { pieces } = await encryptBackup(info(TABLES), sectionsOf(TABLES), key, CHUNK)
  file = await collect(pieces)
}, 30_000)

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
