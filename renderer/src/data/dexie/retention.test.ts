import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { isDomainError } from '@shared/model/domain-error'
import type { Role } from '@shared/operators/roles'
import { ROLE_DEPARTMENT } from '@shared/operators/roles'
import { toVehicleFileForm } from '@shared/vehicle/vehicle-file-schema'
import { createRandom, makeVehicleFileForm } from '../../../../tests/fixtures/vehicle-generator'
import { firstLogin } from '../../../../tests/fixtures/first-login'
import type { Repositories } from '../repositories'
import { ChedangDatabase } from './database'
import { DexieAuth } from './dexie-auth'
import { createDexieRepositories } from './open-dexie-repositories'

// Keeping in the data layer: sealing makes a file read-only for every command that changes it, a legal hold
// stops sealing and destruction, destruction goes proposal → director → general manager and erases the
// personal information while keeping the record, and the half-yearly storage inspection falls due.

let n = 0
const clock = { now: new Date('2026-03-09T02:00:00Z') } // Monday 10:00 China time

async function archive() {
  const db = new ChedangDatabase(`retention-${++n}`)
  await db.open()
  const now = () => clock.now
  const auth = new DexieAuth(db, 'pc-archive-room', { iterations: 1000, now })
  const directorSession = await auth.setup({
    dealershipName: '长春一汽大众某某4S店',
    name: '张丽',
    username: 'zhangli',
    password: 'Chedang#2026'
  })
  const director = createDexieRepositories(db, directorSession, { iterations: 1000, now })
  const as = async (role: Role, name: string, username: string): Promise<Repositories> => {
    await director.operators.create({
      name,
      role,
      department: ROLE_DEPARTMENT[role],
      phone: '',
      username,
      password: 'Initial#2026'
    })
    return createDexieRepositories(db, await firstLogin(auth, username, 'Initial#2026'), { iterations: 1000, now })
  }
  const manager = await as('archive_manager', '刘敏', 'liumin')
  const gm = await as('general_manager', '郑伟', 'zhengwei')
  const advisor = await as('sales_advisor', '王建华', 'wangjianhua')
  const rnd = createRandom(812)
  let seq = 0
  /** A file whose sales archive was delivered on `delivered`, and service visits on `visits`. */
  const fileDelivered = async (delivered: string, visits: string[] = []) => {
    const file = await director.vehicleFiles.create(makeVehicleFileForm(rnd, ++seq))
    const handover = await director.handovers.open({ department: 'sales', handedByName: '李明' })
    await director.handovers.addArchive(handover.id, {
      scan: file.vin,
      kind: 'sales',
      advisorName: '李明',
      anchorDate: delivered,
      documentsPresent: []
    })
    for (const [i, visit] of visits.entries()) {
      const service = await director.handovers.open({ department: 'service', handedByName: '赵强' })
      await director.handovers.addArchive(service.id, {
        scan: file.vin,
        kind: 'service',
        visitType: 'first_service',
        repairOrderNo: `RO${seq}${i}0001`,
        advisorName: '赵强',
        anchorDate: visit,
        documentsPresent: []
      })
    }
    return file
  }
  return { db, director, manager, gm, advisor, fileDelivered }
}

async function refusal(work: Promise<unknown>) {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e
  )
  if (!isDomainError(error)) throw new Error(`expected a refusal, got ${String(error)}`)
  return error
}

describe('sealing (FAW-VW 四.2)', () => {
  it('lists a file 5 years from its delivery with no visit since, not one still serviced, nor a new one', async () => {
    const { manager, fileDelivered } = await archive()
    const dormant = await fileDelivered('2020-03-02')
    // Serviced in 2023: kept until the last visit + 5 years (2028).
    const serviced = await fileDelivered('2020-03-02', ['2023-06-01'])
    const young = await fileDelivered('2026-03-02')
    const due = await manager.retention.dueForSealing()
    expect(due.map((r) => r.file.id)).toEqual([dormant.id])
    expect(due[0]).toMatchObject({
      createdOn: '2020-03-02',
      schedule: { sealDueOn: '2025-03-03', sealBasis: 'dormant_from_creation' }
    })
    const keeping = await manager.retention.fileKeeping(serviced.id)
    expect(keeping.schedule).toMatchObject({ sealDueOn: '2028-06-02', sealBasis: 'after_last_visit' })
    expect((await manager.retention.fileKeeping(young.id)).schedule?.sealDueOn).toBe('2031-03-03')
  })

  it('seals a due file into a batch at its new place; every command that would change it is then refused', async () => {
    const { db, director, manager, fileDelivered } = await archive()
    const file = await fileDelivered('2020-03-02')
    const batch = await manager.retention.seal({ fileIds: [file.id], location: '档案库 3 号柜 2 层' })
    expect(batch).toMatchObject({ number: 'FC2026-0001', location: '档案库 3 号柜 2 层', fileCount: 1 })
    const sealed = await manager.vehicleFiles.get(file.id)
    expect(sealed).toMatchObject({ status: 'sealed', sealLocation: '档案库 3 号柜 2 层' })
    expect(await manager.retention.dueForSealing()).toEqual([])

    const form = toVehicleFileForm((await director.vehicleFiles.getForEdit(file.id))!)
    const edit = await refusal(director.vehicleFiles.update(file.id, { ...form, colour: '白色' }, sealed!.rev))
    expect(edit.code).toBe('FILE_SEALED')
    expect(edit.message).toBe(`档案 ${file.archiveNo} 已封存（档案库 3 号柜 2 层），只能查看，不能修改`)
    expect((await refusal(director.vehicleFiles.setSecrecy(file.id, 'confidential', '车主投诉'))).code).toBe(
      'FILE_SEALED'
    )
    const handover = await director.handovers.open({ department: 'service', handedByName: '赵强' })
    const line = director.handovers.addArchive(handover.id, {
      scan: file.vin,
      kind: 'service',
      visitType: 'first_service',
      repairOrderNo: 'RO26030901',
      advisorName: '赵强',
      anchorDate: '2026-03-08',
      documentsPresent: []
    })
    expect((await refusal(line)).code).toBe('FILE_SEALED')
    const [salesArchive] = await director.archives.forVehicle(file.id)
    expect(
      (await refusal(director.archives.completeInspection(salesArchive!.id, { kind: 'sales', documents: {} }, {}))).code
    ).toBe('FILE_SEALED')
    const row = await db.vehicleFiles.get(file.id)
    expect(row?.rev).toBe(sealed!.rev)
    expect(await db.archives.where('vehicleFileId').equals(file.id).count()).toBe(1)

    const list = await manager.retention.transferList(batch.id)
    expect(list.lines).toHaveLength(1)
    expect(list.lines[0]).toMatchObject({ archiveNo: file.archiveNo, sealDueOn: '2025-03-03' })
    expect(list.lines[0]!.ownerName).toBe(file.ownerName)
    const events = await director.auditLog.forEntity('vehicleFile', file.id)
    expect(events.map((e) => e.action)).toContain('retention.seal')
  })

  it('refuses a batch with a file not yet due and seals none of it', async () => {
    const { db, manager, fileDelivered } = await archive()
    const due = await fileDelivered('2020-03-02')
    const young = await fileDelivered('2024-03-02')
    const error = await refusal(manager.retention.seal({ fileIds: [due.id, young.id], location: '档案库 3 号柜' }))
    expect(error.code).toBe('SEAL_NOT_DUE')
    expect(error.details).toMatchObject({ archiveNo: young.archiveNo, dueOn: '2029-03-03' })
    expect(await db.sealingBatches.count()).toBe(0)
    expect((await db.vehicleFiles.get(due.id))?.status).toBe('active')
  })

  it('refuses sealing to one without the keeping permission, and logs the refusal', async () => {
    const { director, advisor, fileDelivered } = await archive()
    const file = await fileDelivered('2020-03-02')
    const error = await refusal(advisor.retention.seal({ fileIds: [file.id], location: '档案库' }))
    expect(error.code).toBe('PERMISSION_DENIED')
    expect((await refusal(advisor.retention.dueForSealing())).code).toBe('PERMISSION_DENIED')
    const denied = await director.auditLog.query({ actions: ['access.denied'] })
    expect(denied.length).toBeGreaterThanOrEqual(2)
  })
})

describe('legal hold', () => {
  it('keeps a held file off the sealing list and refuses to seal it until released; both audited', async () => {
    const { director, manager, fileDelivered } = await archive()
    const file = await fileDelivered('2020-03-02')
    const hold = await manager.retention.placeHold(file.id, {
      kind: 'complaint',
      reason: '车主投诉变速箱异响，12315 编号 2026-0311'
    })
    expect(await manager.retention.dueForSealing()).toEqual([])
    expect((await refusal(manager.retention.seal({ fileIds: [file.id], location: '档案库' }))).code).toBe(
      'SEAL_LEGAL_HOLD'
    )
    expect((await refusal(manager.retention.placeHold(file.id, { kind: 'dispute', reason: '再次保全' }))).code).toBe(
      'LEGAL_HOLD_ALREADY'
    )
    expect((await manager.retention.fileKeeping(file.id)).held).toBe(true)
    expect((await manager.retention.holds()).map((h) => h.file.id)).toEqual([file.id])

    const released = await manager.retention.releaseHold(hold.id, '投诉已结案')
    expect(released).toMatchObject({ releasedByName: '刘敏', releaseReason: '投诉已结案' })
    expect((await manager.retention.dueForSealing()).map((r) => r.file.id)).toEqual([file.id])
    const actions = (await director.auditLog.forEntity('vehicleFile', file.id)).map((e) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['legalHold.place', 'legalHold.release']))
  })

  it('refuses a hold without a reason and writes nothing', async () => {
    const { db, manager, fileDelivered } = await archive()
    const file = await fileDelivered('2020-03-02')
    const error = await refusal(manager.retention.placeHold(file.id, { kind: 'investigation', reason: ' ' }))
    expect(error.code).toBe('KEEPING_TEXT_INVALID')
    expect(await db.legalHolds.count()).toBe(0)
  })
})

describe('destruction by approval, never deletion', () => {
  it('goes proposal → director → general manager in that order, then erases personal information and keeps the record', async () => {
    const { db, director, manager, gm, fileDelivered } = await archive()
    // Delivered 11 years ago: past the legal 10 years (汽车销售管理办法).
    const file = await fileDelivered('2015-03-02')
    const full = (await director.vehicleFiles.getForEdit(file.id))!
    expect((await manager.retention.dueForDestruction()).map((r) => r.file.id)).toEqual([file.id])
    const proposal = await manager.retention.proposeDestruction(file.id, '保管期满，失去保存价值')
    expect(proposal.status).toBe('proposed')

    // The general manager before the director: refused, nothing written.
    const early = await refusal(gm.retention.approveDestruction(proposal.id))
    expect(early.code).toBe('DESTRUCTION_OUT_OF_ORDER')
    expect(early.message).toBe(`档案 ${file.archiveNo} 的销毁须先经客户总监审批`)
    // The archive manager may propose but not approve.
    expect((await refusal(manager.retention.approveDestruction(proposal.id))).code).toBe('PERMISSION_DENIED')
    // Not yet approved: nobody may destroy it.
    expect(
      (await refusal(manager.retention.recordDestruction(proposal.id, { method: 'shredding', witnessName: '张丽' })))
        .code
    ).toBe('DESTRUCTION_NOT_APPROVED')
    expect((await db.destructions.get(proposal.id))?.status).toBe('proposed')

    expect((await director.retention.approveDestruction(proposal.id)).status).toBe('director_approved')
    expect((await refusal(director.retention.approveDestruction(proposal.id))).message).toBe(
      `档案 ${file.archiveNo} 的销毁须先经总经理审批`
    )
    const approved = await gm.retention.approveDestruction(proposal.id)
    expect(approved).toMatchObject({ status: 'approved', directorByName: '张丽', generalManagerByName: '郑伟' })

    // Sold as waste paper is not a way of destroying.
    expect(
      (await refusal(manager.retention.recordDestruction(proposal.id, { method: 'waste_paper', witnessName: '张丽' })))
        .code
    ).toBe('DESTRUCTION_METHOD_INVALID')
    const done = await manager.retention.recordDestruction(proposal.id, { method: 'shredding', witnessName: '张丽' })
    expect(done).toMatchObject({
      status: 'destroyed',
      method: 'shredding',
      destroyedByName: '刘敏',
      witnessName: '张丽'
    })

    const row = await db.vehicleFiles.get(file.id)
    expect(row).toMatchObject({
      status: 'destroyed',
      vin: full.vin,
      archiveNo: full.archiveNo,
      ownerName: '（已销毁）',
      ownerIdNumber: null,
      ownerPhone: '',
      contactName: null,
      contactPhone: null,
      street: null,
      plate: null,
      nameSuffixes: [],
      phoneTails: []
    })
    const stored = JSON.stringify(await db.vehicleFiles.get(file.id)) + JSON.stringify(await db.archives.toArray())
    for (const value of [full.ownerName, full.ownerIdNumber!, full.ownerPhone, full.street!])
      expect(stored).not.toContain(value)
    // Nothing is hard-deleted: the file row stays and the search by name no longer finds it.
    expect(await db.vehicleFiles.count()).toBe(1)
    expect((await director.vehicleFiles.search(full.ownerName)).files).toEqual([])
    expect((await refusal(director.vehicleFiles.setSecrecy(file.id, 'confidential', '复核'))).code).toBe(
      'FILE_DESTROYED'
    )
    const list = await manager.retention.destructionList([proposal.id])
    expect(list.lines[0]!.row).toMatchObject({ vin: full.vin, archiveNo: full.archiveNo, status: 'destroyed' })
    const actions = (await director.auditLog.forEntity('vehicleFile', file.id)).map((e) => e.action)
    expect(actions).toEqual(
      expect.arrayContaining(['destruction.propose', 'destruction.approve', 'destruction.record'])
    )
  })

  it('refuses to propose a held file or one not yet 10 years old', async () => {
    const { manager, fileDelivered } = await archive()
    const held = await fileDelivered('2015-03-02')
    await manager.retention.placeHold(held.id, { kind: 'investigation', reason: '公安机关调查取证' })
    expect((await refusal(manager.retention.proposeDestruction(held.id, '保管期满'))).code).toBe(
      'DESTRUCTION_LEGAL_HOLD'
    )
    const sealedOnly = await fileDelivered('2020-03-02')
    const notDue = await refusal(manager.retention.proposeDestruction(sealedOnly.id, '保管期满'))
    expect(notDue.code).toBe('DESTRUCTION_NOT_DUE')
    expect(notDue.details).toMatchObject({ dueOn: '2030-03-03' })
    expect(await manager.retention.dueForDestruction()).toEqual([])
  })

  it('stops an approved destruction when a hold is placed before it is carried out', async () => {
    const { director, manager, gm, fileDelivered } = await archive()
    const file = await fileDelivered('2015-03-02')
    const proposal = await manager.retention.proposeDestruction(file.id, '保管期满')
    await director.retention.approveDestruction(proposal.id)
    await gm.retention.approveDestruction(proposal.id)
    await manager.retention.placeHold(file.id, { kind: 'dispute', reason: '质保纠纷诉讼中' })
    expect(
      (await refusal(manager.retention.recordDestruction(proposal.id, { method: 'shredding', witnessName: '张丽' })))
        .code
    ).toBe('DESTRUCTION_LEGAL_HOLD')
    expect((await manager.vehicleFiles.get(file.id))?.status).toBe('active')
  })
})

describe('storage inspections (客户信息管理制度 第14–16条)', () => {
  it('is due when none was recorded, then half a year after the last; repairs go on the file', async () => {
    const { manager, fileDelivered } = await archive()
    expect(await manager.retention.inspectionDue()).toMatchObject({ due: true, lastInspectedOn: null })
    const ok = { ok: true, note: null }
    const inspection = await manager.retention.recordInspection({
      inspectedOn: '2026-03-09',
      inspectorName: '刘敏',
      scope: '档案室 1–4 号柜',
      checks: { damp: ok, mould: ok, fading: { ok: false, note: '2 份发票字迹褪色' }, damage: ok, boxOrder: ok },
      findings: '2 份档案发票字迹褪色',
      actions: '复印并加盖核对章，原件另袋保存'
    })
    expect(await manager.retention.inspectionDue()).toMatchObject({
      due: false,
      dueOn: '2026-09-09',
      lastInspectedOn: '2026-03-09'
    })
    const file = await fileDelivered('2024-03-02')
    await manager.retention.recordRepair(file.id, {
      problem: 'fading',
      description: '购车发票字迹褪色',
      repair: '复印并加盖“与原件核对无误”章',
      repairedOn: '2026-03-09',
      repairedByName: '刘敏',
      inspectionId: inspection.id
    })
    expect((await manager.retention.fileKeeping(file.id)).repairs).toHaveLength(1)
    const sheet = await manager.retention.inspectionSheet(inspection.id)
    expect(sheet.repairs.map((r) => r.archiveNo)).toEqual([file.archiveNo])
  })

  it('refuses a record with a problem left undescribed or no action, and writes nothing', async () => {
    const { db, manager } = await archive()
    const ok = { ok: true, note: null }
    const checks = { damp: { ok: false, note: null }, mould: ok, fading: ok, damage: ok, boxOrder: ok }
    const base = { inspectedOn: '2026-03-09', inspectorName: '刘敏', scope: '', findings: '', actions: '' }
    expect((await refusal(manager.retention.recordInspection({ ...base, checks }))).code).toBe(
      'STORAGE_PROBLEM_UNDESCRIBED'
    )
    const described = { ...checks, damp: { ok: false, note: '北墙返潮' } }
    expect((await refusal(manager.retention.recordInspection({ ...base, checks: described }))).code).toBe(
      'STORAGE_ACTIONS_REQUIRED'
    )
    expect(await db.storageInspections.count()).toBe(0)
  })
})
