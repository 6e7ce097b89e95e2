import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { getPreset } from '@shared/policy'
import { createRandom, makeVehicleFileForm } from '../../../../tests/fixtures/vehicle-generator'
import { ChedangDatabase } from './database'
import { DexieAuth } from './dexie-auth'
import { createDexieRepositories } from './open-dexie-repositories'

// FAW-VW 五(二)3 「dserp中以下字段必须维护」: files kept from before are not refused, they are listed with what they lack.

describe('files lacking the fields the policy requires', () => {
  it('lists an older file without 客户类别/客户评价类别 and not a complete one', async () => {
    const db = new ChedangDatabase('data-quality')
    await db.open()
    const session = await new DexieAuth(db, 'pc-1', { iterations: 1000 }).setup({
      dealershipName: '长春一汽大众4S店',
      name: '张丽',
      username: 'zhangli',
      password: 'Chedang#2026'
    })
    const repos = createDexieRepositories(db, session, { iterations: 1000 })
    const rnd = createRandom(91)
    const complete = await repos.vehicleFiles.create(makeVehicleFileForm(rnd, 1))
    const older = await repos.vehicleFiles.create({
      ...makeVehicleFileForm(rnd, 2),
      customerCategory: '',
      customerRatingCategory: '',
      postcode: ''
    })
    const required = getPreset('faw-vw').vehicleFile!.fields
    const report = await repos.vehicleFiles.lackingFields(required)
    expect(report.total).toBe(1)
    expect(report.files).toEqual([
      { id: older.id, archiveNo: older.archiveNo, missing: ['customerCategory', 'customerRatingCategory', 'postcode'] }
    ])
    expect(report.files.map((f) => f.id)).not.toContain(complete.id)
    // A limit keeps the count and shows the first files only.
    expect(await repos.vehicleFiles.lackingFields(['ownerPhone2'], 1)).toMatchObject({ total: 2 })
    expect((await repos.vehicleFiles.lackingFields(['ownerPhone2'], 1)).files).toHaveLength(1)
  })
})
