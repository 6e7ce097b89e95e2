import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { parseVehicleFileForm } from '@shared/vehicle/vehicle-file-schema'
import { newSyncMeta } from '@shared/model/sync-meta'
import { createRandom, makeVehicleFileForm } from '../../../../tests/fixtures/vehicle-generator'
import { ChedangDatabase } from './database'
import { DexieAuth } from './dexie-auth'
import { createDexieRepositories } from './open-dexie-repositories'
import { SCHEMA_VERSIONS } from './schema-versions'

describe('upgrading a version 3 database', () => {
  it('fills the name-part and phone-tail keys of the files already stored, so search finds them', async () => {
    const name = `upgrade-v3-${Date.now()}`
    const v3 = new Dexie(name)
    for (const { version, stores } of SCHEMA_VERSIONS.filter((v) => v.version <= 3)) v3.version(version).stores(stores)
    const parsed = parseVehicleFileForm({
      ...makeVehicleFileForm(createRandom(3), 1),
      ownerKind: 'organisation',
      ownerName: '长春市恒通物流有限公司',
      ownerIdNumber: '',
      ownerPhone: '13904315678',
      contactName: '',
      contactPhone: ''
    })
    if (!parsed.ok) throw new Error('fixture invalid')
    const fields = parsed.value
    await v3.table('vehicleFiles').add({
      ...newSyncMeta('f1', { operatorId: 'a', operatorName: '张丽', deviceId: 'pc' }, '2025-06-01T00:00:00.000Z'),
      ...fields,
      vinReversed: [...fields.vin].reverse().join(''),
      plateTail: fields.plate?.slice(1) ?? null,
      status: 'active',
      secrecy: 'ordinary'
    })
    v3.close()

    const db = new ChedangDatabase(name)
    await db.open()
    expect(await db.vehicleFiles.get('f1')).toMatchObject({ phoneTails: ['5678'] })
    expect((await db.vehicleFiles.get('f1'))!.nameSuffixes).toContain('恒通物流有限公司')
    const session = await new DexieAuth(db, 'pc', { iterations: 1000 }).setup({
      dealershipName: '长春一汽大众4S店',
      name: '张丽',
      username: 'zhangli',
      password: 'Chedang#2026'
    })
    const repos = createDexieRepositories(db, session)
    expect((await repos.vehicleFiles.search('恒通物流')).files.map((f) => f.id)).toEqual(['f1'])
    expect((await repos.vehicleFiles.search('5678')).files.map((f) => f.id)).toEqual(['f1'])
    db.close()
  })
})

describe('upgrading a version 4 database', () => {
  it('replaces the character pairs by the name suffixes, so a name part is still found', async () => {
    const name = `upgrade-v4-${Date.now()}`
    const v4 = new Dexie(name)
    for (const { version, stores } of SCHEMA_VERSIONS.filter((v) => v.version <= 4)) v4.version(version).stores(stores)
    const parsed = parseVehicleFileForm({
      ...makeVehicleFileForm(createRandom(4), 1),
      ownerName: '欧阳晓峰',
      contactName: '',
      contactPhone: ''
    })
    if (!parsed.ok) throw new Error('fixture invalid')
    const fields = parsed.value
    await v4.table('vehicleFiles').add({
      ...newSyncMeta('f4', { operatorId: 'a', operatorName: '张丽', deviceId: 'pc' }, '2026-06-01T00:00:00.000Z'),
      ...fields,
      vinReversed: [...fields.vin].reverse().join(''),
      plateTail: fields.plate?.slice(1) ?? null,
      nameGrams: ['欧阳', '阳晓', '晓峰'],
      phoneTails: [fields.ownerPhone.slice(-4)],
      status: 'active',
      secrecy: 'ordinary'
    })
    v4.close()

    const db = new ChedangDatabase(name)
    await db.open()
    const stored = (await db.vehicleFiles.get('f4')) as unknown as Record<string, unknown>
    expect(stored.nameSuffixes).toEqual(['阳晓峰', '晓峰'])
    expect(stored).not.toHaveProperty('nameGrams')
    expect(db.vehicleFiles.schema.idxByName).not.toHaveProperty('nameGrams')
    const session = await new DexieAuth(db, 'pc', { iterations: 1000 }).setup({
      dealershipName: '长春一汽大众4S店',
      name: '张丽',
      username: 'zhangli',
      password: 'Chedang#2026'
    })
    const repos = createDexieRepositories(db, session)
    for (const part of ['阳晓', '晓峰', '欧阳晓峰'])
      expect(
        (await repos.vehicleFiles.search(part)).files.map((f) => f.id),
        part
      ).toEqual(['f4'])
    db.close()
  })
})
