import { beforeAll, describe, expect, it } from 'vitest'
import { createBackupKey, type NewBackupKey } from './backup-crypto'
import { encryptBackup, openEncryptedBackup } from './backup-stream'

// Kept apart from backup-stream.test.ts: it pushes about 300 MiB through the writer and the reader,
// which takes seconds, so `npm run mutate` leaves it out (vitest.mutation.config.ts) rather than run
// it once per mutant; the round trip and every refusal are tested in backup-stream.test.ts.

const PASSPHRASE = '长白山下一汽大众2026'
let key: NewBackupKey

beforeAll(async () => {
  key = await createBackupKey(PASSPHRASE, { setBy: '王主管', setAt: '2026-11-29T08:00:00.000Z' })
}, 30_000)

describe('encrypted backup (format 2) of a large archive', () => {
  it('streams a few hundred MB through the writer and the reader in bounded pieces, never whole', async () => {
    const ROW = 'x'.repeat(256 * 1024)
    const ROWS = 1200 // ≈ 300 MiB of plaintext, generated lazily
    async function* blobs() {
      for (let i = 0; i < ROWS; i++) yield { id: `scan-${i}`, data: ROW }
    }
    const { pieces } = await encryptBackup(
      {
        appVersion: '0.1.0',
        schemaVersion: 3,
        createdAt: '2026-11-29T09:30:00.000Z',
        createdBy: '王主管',
        deviceId: 'pc-1',
        reason: 'manual',
        tables: { scans: ROWS },
        latestAuditHash: null,
        auditHeads: []
      },
      [{ table: 'scans', rows: blobs() }],
      key
    )
    const before = process.memoryUsage().rss
    let largestPiece = 0
    let total = 0
    let peak = before
    async function* observed() {
      for await (const piece of pieces) {
        largestPiece = Math.max(largestPiece, piece.byteLength)
        total += piece.byteLength
        yield piece
      }
    }
    const opened = await openEncryptedBackup(observed(), PASSPHRASE, 3)
    let rows = 0
    for await (const { row } of opened.rows) {
      rows += 1
      if ((row as { data: string }).data.length !== ROW.length) throw new Error('row changed')
      if (rows % 100 === 0) peak = Math.max(peak, process.memoryUsage().rss)
    }
    expect(rows).toBe(ROWS)
    expect(total).toBeGreaterThan(300 * 1024 * 1024)
    expect(largestPiece).toBeLessThanOrEqual(1024 * 1024 + 20)
    // The whole file never sits in memory: the process grows by far less than the file's size.
    expect(peak - before).toBeLessThan(150 * 1024 * 1024)
    console.info(
      `streamed ${(total / 2 ** 20).toFixed(0)} MiB; largest piece ${largestPiece} B; RSS growth ${((peak - before) / 2 ** 20).toFixed(0)} MiB`
    )
  }, 120_000)
})
