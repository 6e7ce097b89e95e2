import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { validatePlate, validateResidentId, validateVin } from '@shared/validation'
import { readArchiveInput, readManualResults } from '@shared/archive'
import { ChedangDatabase } from '../data/dexie/database'
import { DexieAuth } from '../data/dexie/dexie-auth'
import { DATABASE_NAME } from '../data/dexie/schema-versions'
import { createDexieRepositories } from '../data/dexie/open-dexie-repositories'
import { buildDemoDealership, DEMO_ACCOUNTS, DEMO_DATABASE_NAME } from './demo-dealership'

const NOW = new Date('2026-11-27T03:00:00Z')

async function buildDemo() {
  const db = new ChedangDatabase(DEMO_DATABASE_NAME)
  await db.open()
  const summary = await buildDemoDealership(db, { deviceId: 'pc-demo', now: NOW, iterations: 1000 })
  return { db, summary }
}

describe('the demo dealership', () => {
  it('fills its own database with about 200 files, archives in every state, a correction notice and verified audit chains', async () => {
    const real = new ChedangDatabase()
    await real.open()
    const { db, summary } = await buildDemo()
    expect(DEMO_DATABASE_NAME).not.toBe(DATABASE_NAME)
    expect(db.name).toBe(DEMO_DATABASE_NAME)
    // The real archive is untouched: no files, no operators, no audit events.
    expect(await real.vehicleFiles.count()).toBe(0)
    expect(await real.accounts.count()).toBe(0)
    expect(await real.auditEvents.count()).toBe(0)

    expect(summary.files).toBe(200)
    // The demo operators log in straight away with the published password: no forced change.
    const auth = new DexieAuth(db, 'pc-demo', { now: () => NOW, iterations: 1000 })
    for (const account of DEMO_ACCOUNTS) {
      const result = await auth.login(account.username, account.password)
      expect(result.session.operator.role).toBe(account.role)
      expect(result.passwordExpired).toBe(false)
    }
    const director = DEMO_ACCOUNTS.find((a) => a.role === 'cc_director')!
    const repos = createDexieRepositories(db, (await auth.login(director.username, director.password)).session, {
      now: () => NOW,
      iterations: 1000
    })

    expect(await repos.vehicleFiles.count()).toBe(200)
    const files = await db.vehicleFiles.toArray()
    for (const f of files) {
      expect(validateVin(f.vin).ok).toBe(true)
      expect(validatePlate(f.plate ?? '').ok).toBe(true)
      expect(validateResidentId(f.ownerIdNumber ?? '').ok).toBe(true)
      expect(f.provinceName).toBe('吉林省')
    }
    // Archive numbers come from the dealership's numbering, not from the generator.
    expect(new Set(files.map((f) => f.archiveNo)).size).toBe(200)

    const archives = await repos.archives.list({})
    const statuses = new Set(archives.map((v) => v.archive.status))
    for (const status of ['handed_over', 'accepted', 'filed', 'returned', 'resubmitted'] as const)
      expect(statuses, status).toContain(status)
    expect(archives.some((v) => v.archive.status === 'filed' && /^A\d+-\d-\d{2}$/.test(v.archive.location ?? ''))).toBe(
      true
    )
    // Being checked: progress saved, no verdict yet.
    expect(
      archives.some(
        (v) =>
          v.archive.status === 'handed_over' &&
          v.archive.round === 0 &&
          Object.keys(readArchiveInput(v.archive).facts ?? {}).length === 0 &&
          Object.keys(readManualResults(v.archive)).length === 0 &&
          v.archive.updatedAt !== v.archive.createdAt
      )
    ).toBe(true)
    const returned = archives.filter((v) => v.archive.status === 'returned')
    expect(returned.some((v) => v.archive.correctionDueAt! < NOW.toISOString())).toBe(true)
    expect(archives.some((v) => v.archive.kind === 'service')).toBe(true)

    const notice = await repos.archives.correctionNotice(returned[0]!.archive.id)
    expect(notice.dealershipName).toMatch(/演示/)
    expect(notice.items.length).toBeGreaterThan(0)
    expect(notice.items[0]!.explanation).toMatch(/24 小时/)

    const handovers = await repos.handovers.list()
    expect(new Set(handovers.map((h) => h.status))).toEqual(new Set(['open', 'submitted', 'signed']))

    const chain = await repos.auditLog.verify()
    expect(chain.ok).toBe(true)
    expect(chain.eventsChecked).toBeGreaterThan(500)
    db.close()
    await db.delete()
    real.close()
  }, 60_000)

  it('is the same dealership every time it is built', async () => {
    const first = await buildDemo()
    const vins = (await first.db.vehicleFiles.orderBy('vin').toArray()).map((f) => `${f.vin} ${f.ownerName}`)
    const statuses = (await first.db.archives.toArray()).map((a) => a.status).sort()
    await first.db.delete()
    const second = await buildDemo()
    expect((await second.db.vehicleFiles.orderBy('vin').toArray()).map((f) => `${f.vin} ${f.ownerName}`)).toEqual(vins)
    expect((await second.db.archives.toArray()).map((a) => a.status).sort()).toEqual(statuses)
    await second.db.delete()
  }, 60_000)
})
