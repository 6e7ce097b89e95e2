import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { isDomainError } from '@shared/model/domain-error'
import { createRandom, makeVehicleFileForm } from '../../../../tests/fixtures/vehicle-generator'
import { ChedangDatabase } from './database'
import { DexieAuth } from './dexie-auth'
import { createDexieRepositories } from './open-dexie-repositories'

// FAW-VW 五(二)4(5) 「在收到不合格档案24小时内修改后交于客服部档案管理员…有特殊原因需说明情况，承诺上交时间。
// 由服务经理签字有效。」: the 签收 is recorded and the 24 hours count from it; a late correction is explained.

let n = 0
async function returnedArchive() {
  const clock = { now: new Date('2026-03-06T02:00:00Z') } // Friday 10:00 China time
  const db = new ChedangDatabase(`correction-receipt-${++n}`)
  await db.open()
  const now = () => clock.now
  const session = await new DexieAuth(db, 'pc-archive-room', { iterations: 1000, now }).setup({
    dealershipName: '长春一汽大众某某4S店',
    name: '刘敏',
    username: 'liumin',
    password: 'Archive#2026'
  })
  const repos = createDexieRepositories(db, session, { iterations: 1000, now })
  const file = await repos.vehicleFiles.create(makeVehicleFileForm(createRandom(46), 1))
  const handover = await repos.handovers.open({ department: 'sales', handedByName: '李明' })
  const view = await repos.handovers.addArchive(handover.id, {
    scan: file.vin,
    kind: 'sales',
    advisorName: '李明',
    anchorDate: '2026-03-05',
    documentsPresent: []
  })
  // Nothing handed in: every document is missing, so the archive goes back.
  const judged = await repos.archives.completeInspection(view.archive.id, { kind: 'sales', documents: {} }, {})
  expect(judged.archive.status).toBe('returned')
  return { db, repos, clock, id: view.archive.id, provisionalDueAt: judged.archive.correctionDueAt }
}

const refusal = async (work: Promise<unknown>) => {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e
  )
  if (!isDomainError(error)) throw new Error(`expected a refusal, got ${String(error)}`)
  return error
}

describe('recording the 签收 of the 《不合格档案记录》', () => {
  it('counts the 24 hours from the receipt and moves a Saturday deadline to Monday, audited', async () => {
    const { db, repos, clock, id, provisionalDueAt } = await returnedArchive()
    expect(provisionalDueAt).toBe('2026-03-07T02:00:00.000Z')
    clock.now = new Date('2026-03-06T09:00:00Z')
    const signed = await repos.archives.recordNoticeReceipt(id, {
      receivedAt: '2026-03-06T16:30:00+08:00',
      receivedBy: '李明'
    })
    expect(signed).toMatchObject({
      noticeReceivedAt: '2026-03-06T08:30:00.000Z',
      noticeReceivedBy: '李明',
      // Saturday 16:30 falls on a rest day: the same time on Monday.
      correctionDueAt: '2026-03-09T08:30:00.000Z'
    })
    expect((await db.archives.get(id))?.correctionDueAt).toBe('2026-03-09T08:30:00.000Z')
    const events = await repos.auditLog.forEntity('archive', id)
    expect(events.map((e) => e.summary)).toContain(
      '李明 签收《不合格档案记录》（2026-03-06 16:30），限 2026-03-09 16:30 前交回'
    )
  })

  it('refuses a receipt before the return or in the future, and writes nothing', async () => {
    const { db, repos, id } = await returnedArchive()
    const before = await db.archives.get(id)
    const early = await refusal(
      repos.archives.recordNoticeReceipt(id, { receivedAt: '2026-03-06T09:00:00+08:00', receivedBy: '李明' })
    )
    expect(early.code).toBe('CORRECTION_RECEIPT_BEFORE_RETURN')
    const future = await refusal(
      repos.archives.recordNoticeReceipt(id, { receivedAt: '2026-03-06T11:00:00+08:00', receivedBy: '李明' })
    )
    expect(future.code).toBe('CORRECTION_RECEIPT_IN_FUTURE')
    expect(await db.archives.get(id)).toEqual(before)
  })

  it('refuses a receipt for an archive that is not out for correction', async () => {
    const { repos, id } = await returnedArchive()
    await repos.archives.resubmit(id)
    const refused = await refusal(
      repos.archives.recordNoticeReceipt(id, { receivedAt: '2026-03-06T10:00:00+08:00', receivedBy: '李明' })
    )
    expect([refused.code, refused.message]).toEqual([
      'ARCHIVE_NOT_RETURNED',
      '档案当前为“整改后已交回”，没有待签收的整改通知'
    ])
  })
})

describe('a late correction: 特殊原因, 承诺上交时间, 服务经理签字', () => {
  it('records all three, audited', async () => {
    const { repos, clock, id } = await returnedArchive()
    clock.now = new Date('2026-03-07T03:00:00Z')
    const explained = await repos.archives.recordLateCorrection(id, {
      reason: '客户出差，签字需等本人回来',
      promisedAt: '2026-03-10T10:00:00+08:00',
      signedBy: '吴刚'
    })
    expect(explained).toMatchObject({
      lateCorrectionReason: '客户出差，签字需等本人回来',
      lateCorrectionPromisedAt: '2026-03-10T02:00:00.000Z',
      lateCorrectionSignedBy: '吴刚'
    })
    const events = await repos.auditLog.forEntity('archive', id)
    expect(events.map((e) => e.summary)).toContain('逾期整改说明：承诺 2026-03-10 10:00 前交回，吴刚 签字')
  })

  it("refuses one without the 服务经理's signature and writes nothing", async () => {
    const { db, repos, id } = await returnedArchive()
    const before = await db.archives.get(id)
    const refused = await refusal(
      repos.archives.recordLateCorrection(id, {
        reason: '客户出差',
        promisedAt: '2026-03-10T10:00:00+08:00',
        signedBy: ''
      })
    )
    expect([refused.code, refused.message]).toEqual([
      'CORRECTION_LATE_SIGNATURE_REQUIRED',
      '逾期说明须由服务经理签字有效，请填写签字人'
    ])
    expect(await db.archives.get(id)).toEqual(before)
  })
})
