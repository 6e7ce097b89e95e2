import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { isDomainError } from '@shared/model/domain-error'
import { allManualChecksPassed, FAW_VW_SALES_EXAMPLE, withFacts } from '../../../../tests/fixtures/example-archives'
import { getPreset } from '@shared/policy'
import { readArchiveInput } from '@shared/archive'
import { computeVinCheckDigit } from '@shared/validation'
import { createRandom, makeVehicleFileForm } from '../../../../tests/fixtures/vehicle-generator'
import { ChedangDatabase } from './database'
import { DexieAuth } from './dexie-auth'
import { createDexieRepositories } from './open-dexie-repositories'

let n = 0
const withCheckDigit = (vin: string) => `${vin.slice(0, 8)}${computeVinCheckDigit(vin)}${vin.slice(9)}`
async function archiveRoom(clock: { now: Date }) {
  const db = new ChedangDatabase(`handover-${++n}`)
  await db.open()
  const now = () => clock.now
  const session = await new DexieAuth(db, 'pc-archive-room', { iterations: 1000, now }).setup({
    dealershipName: '长春一汽大众某某4S店',
    name: '刘敏',
    username: 'liumin',
    password: 'Archive#2026'
  })
  return createDexieRepositories(db, session, { iterations: 1000, now })
}

const manualAllPassed = allManualChecksPassed(getPreset('faw-vw').archiveTemplates.sales)
const salesDocs = Object.keys(FAW_VW_SALES_EXAMPLE.documents)

describe('handover, 100 % inspection and the correction loop', () => {
  it('receives three sales archives, flags the one invoiced 2 days after the PDI stamp, and files it after round 2', async () => {
    const clock = { now: new Date('2026-03-09T02:00:00Z') } // Monday 10:00 China time
    const repos = await archiveRoom(clock)
    const rnd = createRandom(2026)
    const files = []
    for (let i = 1; i <= 3; i++) files.push(await repos.vehicleFiles.create(makeVehicleFileForm(rnd, i)))

    const handover = await repos.handovers.open({ department: 'sales', handedByName: '李明' })
    expect(handover.number).toBe('JJ20260309-001')
    const views = []
    for (const [i, file] of files.entries()) {
      const present = i === 2 ? salesDocs.filter((c) => c !== 'conformity_certificate') : salesDocs
      views.push(
        await repos.handovers.addArchive(handover.id, {
          scan: file.vin.toLowerCase(),
          kind: 'sales',
          advisorName: '李明',
          anchorDate: '2026-03-05',
          documentsPresent: present,
          ...(i === 2 ? { missingNote: '合格证原件在银行，复印件后补' } : {})
        })
      )
    }
    // A second sales archive for the same vehicle is refused.
    const duplicate = await repos.handovers
      .addArchive(handover.id, {
        scan: files[0]!.vin,
        kind: 'sales',
        advisorName: '李明',
        anchorDate: '2026-03-05',
        documentsPresent: []
      })
      .catch((e: unknown) => e)
    expect(isDomainError(duplicate) && duplicate.code).toBe('SALES_ARCHIVE_DUPLICATE')

    const sheet = await repos.handovers.sheet(handover.id)
    expect(sheet.lines).toHaveLength(3)
    expect(sheet.lines[2]!.documentsMissing).toEqual(['合格证复印件'])
    expect(sheet.lines[2]!.missingNote).toBe('合格证原件在银行，复印件后补')
    expect(sheet.title).toBe('档案交接表')
    expect(sheet.departmentLabel).toBe('销售部')
    // Reading the sheet is not printing it: only recordPrint, when the user prints, logs the print.
    const prints = async (entity: string, id: string) =>
      (await repos.auditLog.forEntity(entity, id)).filter((e) => e.action === 'print')
    expect(await prints('handover', handover.id)).toHaveLength(0)
    const stamp = await repos.archives.recordPrint({ document: 'handoverSheet', handoverId: handover.id })
    const [printed] = await prints('handover', handover.id)
    expect(stamp.auditHead).toEqual({ deviceSeq: printed!.deviceSeq, hash: printed!.hash })
    expect(stamp.printedBy).toBe('刘敏')
    expect(JSON.parse(printed!.changes)).toMatchObject({
      document: 'handoverSheet',
      handoverId: handover.id,
      number: 'JJ20260309-001',
      lines: 3
    })
    await repos.handovers.submit(handover.id)
    expect((await repos.handovers.markSigned(handover.id)).status).toBe('signed')

    // Round 1: the second archive's invoice is dated 2 days after the PDI stamp.
    const late = withFacts(FAW_VW_SALES_EXAMPLE, { 'invoice.invoiceDate': '2026-03-06 16:00' })
    const good = await repos.archives.completeInspection(views[0]!.archive.id, FAW_VW_SALES_EXAMPLE, manualAllPassed)
    expect(good.archive.status).toBe('accepted')
    const bad = await repos.archives.completeInspection(views[1]!.archive.id, late, manualAllPassed)
    expect(bad.archive.status).toBe('returned')
    expect(bad.evaluation.failures.map((f) => f.message).join()).toMatch(/发票.*PDI|PDI.*发票/)
    // FAW-VW: corrected within 24 hours.
    expect(bad.archive.correctionDueAt).toBe('2026-03-10T02:00:00.000Z')
    const notice = await repos.archives.correctionNotice(views[1]!.archive.id)
    expect(notice.items[0]!.explanation).toMatch(/24 小时/)
    expect(notice.responsibleName).toBe('李明')
    expect(notice.title).toBe('不合格档案记录')
    expect(await prints('archive', views[1]!.archive.id)).toHaveLength(0)
    const noticeStamp = await repos.archives.recordPrint({
      document: 'correctionNotice',
      archiveId: views[1]!.archive.id
    })
    const [noticePrinted] = await prints('archive', views[1]!.archive.id)
    expect(noticeStamp.auditHead).toEqual({ deviceSeq: noticePrinted!.deviceSeq, hash: noticePrinted!.hash })
    expect(JSON.parse(noticePrinted!.changes)).toMatchObject({
      document: 'correctionNotice',
      archiveId: views[1]!.archive.id,
      noticeNumber: 'BHG2026-0001'
    })
    // Notices are numbered in sequence per year, and a reprint keeps its number.
    expect(notice.number).toBe('BHG2026-0001')
    // A sales notice cites the sales section of the policy, not the service one.
    expect(notice.dueRule).toContain('五(一)3(3)')
    expect(notice.dueRule).not.toContain('五(二)')
    expect((await repos.archives.correctionNotice(views[1]!.archive.id)).number).toBe('BHG2026-0001')

    // The file comes back unchanged first: recorded as such, and still nonconforming.
    clock.now = new Date('2026-03-09T06:00:00Z')
    await repos.archives.resubmit(views[1]!.archive.id)
    const unchanged = await repos.archives.completeInspection(views[1]!.archive.id, late, manualAllPassed)
    expect(unchanged.archive.status).toBe('returned')
    expect((await repos.archives.inspections(views[1]!.archive.id)).at(-1)!.returnedUnchanged).toBe(true)
    expect((await repos.archives.correctionNotice(views[1]!.archive.id)).number).toBe('BHG2026-0002')

    // Round 3 with the corrected invoice passes and is filed to its place.
    await repos.archives.resubmit(views[1]!.archive.id)
    const fixed = await repos.archives.completeInspection(views[1]!.archive.id, FAW_VW_SALES_EXAMPLE, manualAllPassed)
    expect(fixed.archive).toMatchObject({ status: 'accepted', round: 3 })
    const filed = await repos.archives.file(views[1]!.archive.id, 'a3-2-15')
    expect(filed).toMatchObject({ status: 'filed', location: 'A3-2-15' })

    // An illegal step is refused by the state machine, in Chinese.
    const again = await repos.archives.resubmit(views[1]!.archive.id).catch((e: unknown) => e)
    expect(isDomainError(again) && again.message).toMatch(/当前状态“已归档”不能执行“整改交回”/)

    const returned = await repos.archives.list({ statuses: ['returned'] })
    expect(returned).toHaveLength(0)
    const waiting = await repos.archives.list({ statuses: ['handed_over'] })
    expect(waiting.map((v) => v.file.vin)).toEqual([files[2]!.vin])
  })

  it('refuses a handover line for a VIN without a vehicle file, and an unfinished inspection', async () => {
    const repos = await archiveRoom({ now: new Date('2026-03-09T02:00:00Z') })
    const handover = await repos.handovers.open({ department: 'sales', handedByName: '李明' })
    const error = await repos.handovers
      .addArchive(handover.id, {
        scan: 'LFV2A21K4S1234567',
        kind: 'sales',
        advisorName: '李明',
        anchorDate: '2026-03-05',
        documentsPresent: []
      })
      .catch((e: unknown) => e)
    expect(isDomainError(error) && error.message).toMatch(/还没有车辆档案，请先建档/)
    const file = await repos.vehicleFiles.create(makeVehicleFileForm(createRandom(1), 1))
    const view = await repos.handovers.addArchive(handover.id, {
      scan: file.vin,
      kind: 'sales',
      advisorName: '李明',
      anchorDate: '2026-03-05',
      documentsPresent: salesDocs
    })
    const open = await repos.archives
      .completeInspection(view.archive.id, FAW_VW_SALES_EXAMPLE, {})
      .catch((e: unknown) => e)
    expect(isDomainError(open) && open.code).toBe('INSPECTION_INCOMPLETE')
    expect((await repos.archives.get(view.archive.id))!.archive.status).toBe('handed_over')
  })
})

describe('the delivery date on a handover line', () => {
  it('is required and not in the future; nothing is written until it is right, and the inspection starts with it and the advisor', async () => {
    const repos = await archiveRoom({ now: new Date('2026-03-09T02:00:00Z') }) // Monday 10:00 China time
    const file = await repos.vehicleFiles.create(makeVehicleFileForm(createRandom(31), 1))
    const handover = await repos.handovers.open({ department: 'sales', handedByName: '李明' })
    const line = { scan: file.vin, kind: 'sales' as const, advisorName: '王芳', documentsPresent: salesDocs }
    const missing = await repos.handovers.addArchive(handover.id, { ...line, anchorDate: '' }).catch((e: unknown) => e)
    expect(isDomainError(missing) && missing.message).toBe('请填写交车日期')
    const future = await repos.handovers
      .addArchive(handover.id, { ...line, anchorDate: '2026-03-10' })
      .catch((e: unknown) => e)
    expect(isDomainError(future) && future.message).toBe('交车日期不能晚于今天（2026-03-09）')
    expect(await repos.handovers.lines(handover.id)).toHaveLength(0)

    // Delivered the Friday before: FAW-VW hands sales archives in on the next Monday, which is today.
    const view = await repos.handovers.addArchive(handover.id, { ...line, anchorDate: '2026-03-06' })
    expect(view.archive.anchorAt).toBe('2026-03-06T01:00:00.000Z')
    expect(view.archive.handInDueAt!.slice(0, 10)).toBe('2026-03-09')
    expect(JSON.parse(view.archive.input).facts).toEqual({ deliveryDate: '2026-03-06', salesAdvisor: '王芳' })
  })
})

describe("scanning a handover line by the VIN's last 6–8 characters", () => {
  it('takes the one file whose VIN ends so, and refuses a suffix several files share until one is chosen', async () => {
    const repos = await archiveRoom({ now: new Date('2026-03-09T02:00:00Z') })
    const [a, b, c] = [1, 2, 3].map((i) => makeVehicleFileForm(createRandom(70 + i), i))
    // Two VINs that end in the same six characters (the check digit, 9th, recomputed).
    const shared = await repos.vehicleFiles.create(a!)
    const suffix6 = shared.vin.slice(-6)
    const twinVin = withCheckDigit(`${b!.vin.slice(0, 11)}${suffix6}`)
    const twin = await repos.vehicleFiles.create({ ...b!, vin: twinVin })
    const other = await repos.vehicleFiles.create(c!)
    const handover = await repos.handovers.open({ department: 'sales', handedByName: '李明' })
    const line = { kind: 'sales' as const, advisorName: '李明', anchorDate: '2026-03-05', documentsPresent: salesDocs }

    const single = await repos.handovers.addArchive(handover.id, { ...line, scan: other.vin.slice(-7).toLowerCase() })
    expect(single.file.id).toBe(other.id)

    expect((await repos.handovers.matchScan(suffix6)).map((f) => f.id).sort()).toEqual([shared.id, twin.id].sort())
    const ambiguous = await repos.handovers.addArchive(handover.id, { ...line, scan: suffix6 }).catch((e: unknown) => e)
    expect(isDomainError(ambiguous) && ambiguous.code).toBe('HANDOVER_SCAN_AMBIGUOUS')
    expect(isDomainError(ambiguous) && ambiguous.message).toContain('对应 2 份车辆档案，请从下面选择一份')
    expect(await repos.handovers.lines(handover.id)).toHaveLength(1)

    const chosen = await repos.handovers.addArchive(handover.id, { ...line, scan: twin.vin })
    expect(chosen.file.id).toBe(twin.id)
  })
})

describe('policy versions and the dealership calendar', () => {
  it('makes a new version on every edit, refuses a bad one in Chinese, and archives keep the version they were checked under', async () => {
    const repos = await archiveRoom({ now: new Date('2026-03-09T02:00:00Z') })
    const v1 = await repos.policies.active()
    expect(v1).toMatchObject({ presetId: 'faw-vw', version: 1 })
    const file = await repos.vehicleFiles.create(makeVehicleFileForm(createRandom(8), 1))
    const handover = await repos.handovers.open({ department: 'sales', handedByName: '李明' })
    const view = await repos.handovers.addArchive(handover.id, {
      scan: file.vin,
      kind: 'sales',
      advisorName: '李明',
      anchorDate: '2026-03-05',
      documentsPresent: salesDocs
    })

    const emptied = {
      ...v1.archiveTemplates,
      sales: {
        ...v1.archiveTemplates.sales,
        documents: v1.archiveTemplates.sales.documents.map((d, i) => (i === 0 ? { ...d, name: '' } : d))
      }
    }
    const refused = await repos.policies.revise({ archiveTemplates: emptied }).catch((e: unknown) => e)
    expect(isDomainError(refused) && refused.message).toMatch(/制度设置有误/)
    expect((await repos.policies.active()).version).toBe(1)

    const v2 = await repos.policies.revise({
      deadlines: {
        ...v1.deadlines,
        correction: {
          ...v1.deadlines.correction,
          rule: { kind: 'hours_after', hours: 48, from: 'returned_for_correction' }
        }
      }
    })
    expect(v2.version).toBe(2)
    expect((await repos.policies.list()).map((p) => [p.version, p.active])).toEqual([
      [2, true],
      [1, false]
    ])
    const late = withFacts(FAW_VW_SALES_EXAMPLE, { 'invoice.invoiceDate': '2026-03-06 16:00' })
    const judged = await repos.archives.completeInspection(view.archive.id, late, manualAllPassed)
    // Checked under version 1: its 24-hour correction rule still applies.
    expect(judged.archive.policyVersion).toBe(1)
    expect(judged.archive.correctionDueAt).toBe('2026-03-10T02:00:00.000Z')
  })

  it('applies the dealership’s own closed day to working-day deadlines, and refuses an override without a reason', async () => {
    const repos = await archiveRoom({ now: new Date('2026-03-09T02:00:00Z') })
    await repos.policies.adoptPreset('svw-skoda', '')
    await repos.policies.saveCalendarOverrides([{ date: '2026-03-10', kind: 'closed', note: '店庆停业' }])
    const missing = await repos.policies
      .saveCalendarOverrides([{ date: '2026-03-11', kind: 'closed', note: '' }])
      .catch((e: unknown) => e)
    expect(isDomainError(missing)).toBe(true)
    const calendar = await repos.policies.calendar()
    expect(calendar.isWorkingDay('2026-03-10')).toBe(false)
    expect(calendar.addWorkingDays('2026-03-09', 1)).toBe('2026-03-11')
  })
})

describe('saving inspection progress', () => {
  it('keeps what the checker typed and records it in the audit trail', async () => {
    const repos = await archiveRoom({ now: new Date('2026-03-09T02:00:00Z') })
    const file = await repos.vehicleFiles.create(makeVehicleFileForm(createRandom(12), 1))
    const handover = await repos.handovers.open({ department: 'sales', handedByName: '李明' })
    const view = await repos.handovers.addArchive(handover.id, {
      scan: file.vin,
      kind: 'sales',
      advisorName: '李明',
      anchorDate: '2026-03-05',
      documentsPresent: salesDocs
    })
    const partial = withFacts(FAW_VW_SALES_EXAMPLE, { 'invoice.buyerName': '王建国' })
    await repos.archives.saveProgress(view.archive.id, partial, {})
    expect(readArchiveInput((await repos.archives.get(view.archive.id))!.archive)).toEqual(
      JSON.parse(JSON.stringify(partial))
    )
    const events = await repos.auditLog.query({ actions: ['update'] })
    expect(events.map((e) => e.summary)).toContain('保存检查进度')
  })
})
