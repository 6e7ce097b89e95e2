import 'fake-indexeddb/auto'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseTable } from '@shared/import'
import { createRandom, makeVehicleFileForm } from '../../../../tests/fixtures/vehicle-generator'
import type { Repositories } from '../repositories'
import { ChedangDatabase } from './database'
import { DexieAuth } from './dexie-auth'
import { createDexieRepositories } from './open-dexie-repositories'

// PIPL: the export of who viewed personal information is read by people in Changchun, in China time,
// the same clock as its header's 导出时间 — whatever time zone the computer is set to.

let director: Repositories
let table: { headers: string[]; rows: string[][] } = { headers: [], rows: [] }

beforeAll(async () => {
  const db = new ChedangDatabase('personal-info-export')
  await db.open()
  const session = await new DexieAuth(db, 'pc-1', { iterations: 1000 }).setup({
    dealershipName: '长春一汽大众4S店',
    name: '张丽',
    username: 'zhangli',
    password: 'Chedang#2026'
  })
  // 23:59 China time on 29 November is 15:59 UTC; the export itself is made at 00:05 on the 30th (16:05 UTC).
  let at = new Date('2026-11-29T15:59:00.000Z')
  director = createDexieRepositories(db, session, { iterations: 1000, now: () => at })
  const file = await director.vehicleFiles.create(makeVehicleFileForm(createRandom(99), 1))
  await director.vehicleFiles.revealPersonalInfo(file.id, 'ownerPhone', '客户来电核对')
  at = new Date('2026-11-29T16:05:00.000Z')
  const exported = await director.auditLog.exportPersonalInfoAccess({})
  table = await parseTable(exported.bytes, exported.fileName)
})

describe('the personal-information access export', () => {
  it('writes each view at its China time, on the same clock as the export stamp', () => {
    const text = JSON.stringify(table)
    const view = table.rows.find((row) => row.some((cell) => cell.includes('客户来电核对')))
    expect(view).toBeDefined()
    expect(view).toContain('2026-11-29 23:59')
    expect(text).not.toContain('15:59')
  })
})
