import 'fake-indexeddb/auto'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseTable } from '@shared/import'
import { FAW_VW_SERVICE_EXAMPLE } from '../../../../tests/fixtures/example-archives'
import { toVehicleFileForm } from '@shared/vehicle/vehicle-file-schema'
import type { VehicleFile } from '@shared/vehicle/vehicle-file'
import { createRandom, makeVehicleFileForm } from '../../../../tests/fixtures/vehicle-generator'
import type { Repositories } from '../repositories'
import { ChedangDatabase } from './database'
import { DexieAuth } from './dexie-auth'
import { createDexieRepositories } from './open-dexie-repositories'
import { firstLogin } from '../../../../tests/fixtures/first-login'

// PIPL: ID numbers and phones stay masked for those without 查看完整个人信息, on every path.

const rnd = createRandom(4242)
let director: Repositories
let clerk: Repositories
let auditor: Repositories
let clerkId = ''
let file: VehicleFile
let full: VehicleFile

beforeAll(async () => {
  const db = new ChedangDatabase('personal-info')
  await db.open()
  const session = await new DexieAuth(db, 'pc-1', { iterations: 1000 }).setup({
    dealershipName: '长春一汽大众4S店',
    name: '张丽',
    username: 'zhangli',
    password: 'Chedang#2026'
  })
  director = createDexieRepositories(db, session, { iterations: 1000 })
  const make = async (name: string, role: 'sales_info_clerk' | 'auditor', username: string) => {
    const created = await director.operators.create({
      name,
      role,
      department: role === 'auditor' ? 'management' : 'sales',
      phone: '',
      username,
      password: 'Archive#2026'
    })
    // Each operator replaces the director's initial password at the first login, as they must.
    const operatorSession = await firstLogin(new DexieAuth(db, 'pc-2', { iterations: 1000 }), username, 'Archive#2026')
    return { repos: createDexieRepositories(db, operatorSession), id: created.accountId! }
  }
  const c = await make('赵静', 'sales_info_clerk', 'zhaojing')
  clerk = c.repos
  clerkId = c.id
  auditor = (await make('冯霞', 'auditor', 'fengxia')).repos
  file = await director.vehicleFiles.create({
    ...makeVehicleFileForm(rnd, 1),
    ownerPhone2: '0431-85551234',
    contactName: '王建华',
    contactPhone: '13904315678'
  })
  full = (await director.vehicleFiles.getForEdit(file.id))!
})

describe('editing without the right to see personal information', () => {
  it('gives a sales info clerk the edit form with ID number and phones masked, and logs no view of them', async () => {
    const shown = (await clerk.vehicleFiles.getForEdit(file.id))!
    expect(shown.ownerIdNumber).toBe(`${full.ownerIdNumber!.slice(0, 4)}**********${full.ownerIdNumber!.slice(14)}`)
    expect(shown.ownerPhone).toBe(`${full.ownerPhone.slice(0, 3)}****${full.ownerPhone.slice(7)}`)
    expect(shown.ownerPhone2).toBe('0431-****1234')
    expect(shown.contactPhone).toBe('139****5678')
    const reveals = await director.auditLog.query({ actions: ['personalInfo.reveal'], actorId: clerkId })
    expect(reveals).toEqual([])
  })

  it('keeps the stored values where the masks were left untouched, and stores a number typed over a mask', async () => {
    // The file as a page shows it (masked), sent back with one field changed.
    const shown = (await clerk.vehicleFiles.get(file.id))!
    const saved = await clerk.vehicleFiles.update(
      file.id,
      { ...toVehicleFileForm(shown), colour: '冰川蓝', contactPhone: '13504319999' },
      shown.rev
    )
    expect(saved.colour).toBe('冰川蓝')
    const stored = (await director.vehicleFiles.getForEdit(file.id))!
    expect(stored).toMatchObject({
      ownerIdNumber: full.ownerIdNumber,
      ownerPhone: full.ownerPhone,
      ownerPhone2: '0431-85551234',
      contactPhone: '13504319999'
    })
    const [update] = (await director.auditLog.forEntity('vehicleFile', file.id)).filter((e) => e.action === 'update')
    expect(Object.keys(JSON.parse(update!.changes) as object).sort()).toEqual(['colour', 'contactPhone'])
  })

  it('refuses a mask that was half edited, with the field and a Chinese reason', async () => {
    const shown = (await clerk.vehicleFiles.getForEdit(file.id))!
    const error = await clerk.vehicleFiles
      .update(file.id, { ...toVehicleFileForm(shown), ownerPhone: `${shown.ownerPhone}9` }, shown.rev)
      .catch((e: unknown) => e)
    expect((error as Error).message).toMatch(/手机号|电话/)
    expect((await director.vehicleFiles.getForEdit(file.id))!.ownerPhone).toBe(full.ownerPhone)
  })
})

describe('the audit trail shows personal information masked by its shape', () => {
  it('masks ID numbers and phones inside JSON details, such as the phones typed during an inspection', async () => {
    const handover = await director.handovers.open({ department: 'service', handedByName: '李明' })
    const line = await director.handovers.addArchive(handover.id, {
      scan: file.vin,
      kind: 'service',
      visitType: 'first_service',
      repairOrderNo: 'RO2603050012',
      advisorName: '张伟',
      anchorDate: '2026-03-02',
      documentsPresent: []
    })
    await director.archives.saveProgress(line.archive.id, FAW_VW_SERVICE_EXAMPLE, {})
    const events = await auditor.auditLog.query({ limit: 1000 })
    const text = JSON.stringify(events)
    expect(text).toContain('138****2345')
    for (const secret of [
      '13804312345',
      '138 0431 2345',
      full.ownerIdNumber!,
      full.ownerPhone,
      '85551234',
      '13904315678'
    ])
      expect(text).not.toContain(secret)
    const history = JSON.stringify(await director.auditLog.forEntity('vehicleFile', file.id))
    expect(history).not.toContain(full.ownerIdNumber!)
    expect(history).not.toContain(full.ownerPhone)
    const exported = await director.auditLog.exportPersonalInfoAccess({})
    const table = JSON.stringify(await parseTable(exported.bytes, exported.fileName))
    expect(table).toContain('查看个人信息')
    expect(table).not.toContain(full.ownerPhone)
  })

  it('does not confirm a guessed ID number or phone through the text filter', async () => {
    expect(await auditor.auditLog.query({ text: full.ownerIdNumber! })).toEqual([])
    expect(await auditor.auditLog.query({ text: full.ownerPhone })).toEqual([])
    expect(await auditor.auditLog.query({ text: full.ownerIdNumber!.slice(0, 10) })).toEqual([])
    // What is shown can still be searched: the archive number and the masked tail.
    expect((await auditor.auditLog.query({ text: full.archiveNo })).length).toBeGreaterThan(0)
  })
})
