import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { newSyncMeta } from '@shared/model/sync-meta'
import { isDomainError } from '@shared/model/domain-error'
import { initI18n } from '../../i18n'
import { errorMessage } from '../../components/error-message'
import { ChedangDatabase } from './database'
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from './schema-versions'
import { mapStorageErrors, stopWritingOnVersionChange } from './storage-guards'

const ACTOR = { operatorId: 'acc-1', operatorName: '王芳', deviceId: 'pc-1' }
const row = (id: string) => ({ ...newSyncMeta(id, ACTOR, '2026-11-22T01:00:00.000Z'), value: '{}' })
const cleanup: string[] = []
afterEach(async () => {
  for (const name of cleanup.splice(0)) await Dexie.delete(name)
})
beforeAll(async () => {
  await initI18n('zh-CN')
})

describe('another window upgrades the database', () => {
  it('this window stops writing (it would write the old schema) and is told to reload', async () => {
    const name = `version-change-${Date.now()}`
    cleanup.push(name)
    const db = new ChedangDatabase(name)
    let told = 0
    stopWritingOnVersionChange(db, () => {
      told += 1
    })
    await db.open()
    await db.settings.add(row('before'))

    const newer = new Dexie(name)
    for (const entry of SCHEMA_VERSIONS) newer.version(entry.version).stores(entry.stores)
    newer.version(CURRENT_SCHEMA_VERSION + 1).stores({ fines: 'id' })
    await newer.open() // not blocked: this window let go
    expect(told).toBe(1)

    await expect(db.settings.add(row('after'))).rejects.toMatchObject({ name: 'DatabaseClosedError' })
    expect(await newer.table('settings').get('after')).toBeUndefined()
    newer.close()
  })
})

describe('the disk is full', () => {
  it('a write that runs out of space fails with 存储空间不足 and writes nothing', async () => {
    const name = `quota-${Date.now()}`
    cleanup.push(name)
    const db = new ChedangDatabase(name)
    // The disk, full: IndexedDB refuses every write with its QuotaExceededError.
    db.use({
      stack: 'dbcore',
      name: 'disk-full',
      level: 1,
      create: (down) => ({
        ...down,
        table: (table: string) => ({
          ...down.table(table),
          mutate: async () => {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
          }
        })
      })
    })
    mapStorageErrors(db)
    await db.open()
    const error = await db.transaction('rw', db.settings, () => db.settings.add(row('x'))).catch((e: unknown) => e)
    expect(isDomainError(error) && error.code).toBe('STORAGE_FULL')
    expect(errorMessage(error)).toBe('存储空间不足，操作未完成，数据没有任何改动。请清理磁盘空间后重试')
    expect(await db.settings.count()).toBe(0)
    db.close()
  })

  it('the screens say so in words, never the raw QuotaExceededError', () => {
    expect(errorMessage(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(
      '存储空间不足，操作未完成，数据没有任何改动。请清理磁盘空间后重试'
    )
    const dexieWrapped = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: { name: 'QuotaExceededError' }
    })
    expect(errorMessage(dexieWrapped)).toContain('存储空间不足')
  })
})
