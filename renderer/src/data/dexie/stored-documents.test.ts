import 'fake-indexeddb/auto'
// eslint-disable-next-line no-restricted-imports -- the test reads the committed v1 fixtures from disk
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { isDomainError } from '@shared/model/domain-error'
import { ChedangDatabase } from './database'
import { DexieAuth } from './dexie-auth'
import { createDexieRepositories } from './open-dexie-repositories'

// Stored JSON is written stamped with its format version and read through the upgrade chain: rows of
// today's format (no version) load, and a row written by a newer app is refused without changing anything.

const stored = (name: string) => readFileSync(`tests/fixtures/stored-v1/${name}`, 'utf8')

let n = 0
async function archive() {
  const db = new ChedangDatabase(`stored-documents-${n++}`)
  await db.open()
  const session = await new DexieAuth(db, 'pc-1', { iterations: 1000 }).setup({
    dealershipName: '长春一汽大众4S店',
    name: '张丽',
    username: 'zhangli',
    password: 'Chedang#2026'
  })
  return { db, repos: createDexieRepositories(db, session, { iterations: 1000 }) }
}

describe('stored documents in the database', () => {
  it('are written with the current format version', async () => {
    const { db, repos } = await archive()
    await repos.policies.active()
    await repos.policies.saveCalendarOverrides([{ date: '2026-10-03', kind: 'open', note: '国庆值班' }])
    for (const key of ['dealership', 'activePolicy', 'calendarOverrides'])
      expect(JSON.parse((await db.settings.get(key))!.value)).toMatchObject({ documentVersion: 1 })
    const [policy] = await db.policies.toArray()
    // Policy format v2: the rescue working hours moved into the dealership settings.
    expect(JSON.parse(policy!.document)).toMatchObject({ documentVersion: 2, presetId: 'faw-vw' })
  })

  it('load as they were stored before formats had versions', async () => {
    const { db, repos } = await archive()
    const meta = { createdAt: '2026-11-27T03:00:00.000Z', createdBy: 'x', updatedBy: 'x', rev: 1, deletedAt: null }
    const at = { ...meta, updatedAt: meta.createdAt }
    await db.settings.put({ ...at, id: 'dealership', value: stored('setting-dealership.json') })
    await db.settings.put({ ...at, id: 'permissions', value: stored('setting-permissions.json') })
    await db.settings.put({ ...at, id: 'calendarOverrides', value: stored('setting-calendar-overrides.json') })
    await db.settings.put({ ...at, id: 'activePolicy', value: '{"policyId":"dealer-policy","version":1}' })
    await db.policies.put({
      ...at,
      id: 'dealer-policy@1',
      policyId: 'dealer-policy',
      version: 1,
      name: '一汽大众',
      document: stored('policy-svw-skoda.json')
    })
    expect(await repos.settings.getDealership()).toEqual({
      dealershipName: '长春示例一汽大众4S店',
      archiveNoPattern: 'CC{YYYY}-{SEQ:6}',
      rescueWorkStart: '08:30',
      rescueWorkEnd: '17:30',
      rescueWorkdays: [1, 2, 3, 4, 5, 6, 7]
    })
    expect((await repos.settings.getPermissionMatrix()).auditor).toContain('backup.export')
    expect((await repos.policies.calendarOverrides()).map((o) => o.note)).toEqual(['国庆值班', '年终盘点'])
    expect((await repos.policies.active()).presetId).toBe('svw-skoda')
  })

  it('refuse a policy written by a newer version of the app, and install nothing in its place', async () => {
    const { db, repos } = await archive()
    const policy = await repos.policies.active()
    const row = (await db.policies.toArray())[0]!
    await db.policies.update(row.id, {
      document: JSON.stringify({ ...JSON.parse(row.document), documentVersion: 3 })
    })
    const refusal = await repos.policies.active().catch((error: unknown) => error)
    expect(isDomainError(refusal) && refusal.code).toBe('STORED_DOCUMENT_TOO_NEW')
    expect((refusal as Error).message).toBe(
      '保存的制度是更新版本的车档写入的（格式第 3 版，本程序只能读到第 2 版），请先升级车档'
    )
    expect(await db.policies.count()).toBe(1)
    expect(JSON.parse((await db.settings.get('activePolicy'))!.value)).toMatchObject({ version: policy.version })
  })
})
