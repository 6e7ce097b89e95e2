import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { isDomainError } from '@shared/model/domain-error'
import type { Role } from '@shared/operators/roles'
import type { ArchiveKind } from '@shared/archive'
import { getPreset } from '@shared/policy'
import {
  allManualChecksPassed,
  SVW_SKODA_SALES_EXAMPLE,
  SVW_SKODA_SERVICE_EXAMPLE,
  withFacts
} from '../../../../tests/fixtures/example-archives'
import { createRandom, makeVehicleFileForm } from '../../../../tests/fixtures/vehicle-generator'
import { ChedangDatabase } from './database'
import { DexieAuth } from './dexie-auth'
import { createDexieRepositories } from './open-dexie-repositories'

const code = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  return isDomainError(error) ? error.code : error
}

let n = 0
async function dealership() {
  const clock = { now: new Date('2026-11-09T02:00:00Z') } // Monday 10:00 China time
  const now = () => clock.now
  const db = new ChedangDatabase(`fines-${++n}`)
  await db.open()
  const auth = new DexieAuth(db, 'pc-cc', { iterations: 1000, now })
  const directorSession = await auth.setup({
    dealershipName: '长春上汽大众斯柯达某某4S店',
    name: '张丽',
    username: 'zhangli',
    password: 'Chedang#2026'
  })
  const director = createDexieRepositories(db, directorSession, { iterations: 1000, now })
  await director.policies.adoptPreset('svw-skoda', '上汽大众斯柯达档案管理制度')
  const person = async (name: string, role: Role, department: ArchiveKind, username: string) => {
    await director.operators.create({ name, role, department, phone: '', username, password: 'Initial#2026' })
    const { session } = await auth.login(username, 'Initial#2026')
    await auth.changePassword(session, 'Initial#2026', 'Personal#8842')
    return createDexieRepositories(db, session, { iterations: 1000, now })
  }
  const wang = await person('王芳', 'sales_advisor', 'sales', 'wangfang')
  const li = await person('李强', 'service_advisor', 'service', 'liqiang')
  const manager = await person('刘洋', 'service_manager', 'service', 'liuyang')

  const rnd = createRandom(1109)
  const files = [
    await director.vehicleFiles.create(makeVehicleFileForm(rnd, 1)),
    await director.vehicleFiles.create(makeVehicleFileForm(rnd, 2))
  ]
  const policy = await director.policies.active()
  // Delivered Monday 2 November: due within 3 working days (Thursday 5th); handed in Monday 9th, late.
  const sales = await director.handovers.open({ department: 'sales', handedByName: '王芳' })
  const salesLine = await director.handovers.addArchive(sales.id, {
    scan: files[0]!.vin,
    kind: 'sales',
    advisorName: '王芳',
    anchorDate: '2026-11-02',
    documentsPresent: Object.keys(SVW_SKODA_SALES_EXAMPLE.documents)
  })
  // The delivery check has no customer signature (五.2).
  const unsigned = withFacts(SVW_SKODA_SALES_EXAMPLE, { 'delivery_check.signatures': [] })
  await director.archives.completeInspection(
    salesLine.archive.id,
    unsigned,
    allManualChecksPassed(policy.archiveTemplates.sales)
  )
  // The car handed back Friday 6th: due by the end of Monday 9th, on time; the settlement lacks the customer's signature (五.5).
  const service = await director.handovers.open({ department: 'service', handedByName: '李强' })
  const serviceLine = await director.handovers.addArchive(service.id, {
    scan: files[1]!.vin,
    kind: 'service',
    visitType: 'minor_repair',
    repairOrderNo: 'WX2611060031',
    advisorName: '李强',
    anchorDate: '2026-11-06',
    documentsPresent: Object.keys(SVW_SKODA_SERVICE_EXAMPLE.documents)
  })
  const noCustomer = withFacts(SVW_SKODA_SERVICE_EXAMPLE, {
    'settlement.signatures': [{ role: 'service_advisor' }]
  })
  await director.archives.completeInspection(
    serviceLine.archive.id,
    noCustomer,
    allManualChecksPassed(policy.archiveTemplates.service)
  )
  return { db, clock, director, wang, li, manager, salesLine, serviceLine }
}

describe('fines: detected from the records, decided by the director, each person sees their own', () => {
  it('proposes the late hand-in, the missing customer signatures, once; the advisor sees only their own', async () => {
    const { director, wang, li, salesLine } = await dealership()
    const first = await director.fines.detect('2026-11')
    expect(first).toMatchObject({ added: 3, known: 0, unassigned: [] })
    expect(await director.fines.detect('2026-11')).toMatchObject({ added: 0, known: 3 })

    const month = await director.fines.month('2026-11')
    const rules = month.violations.map((v) => [v.personName, v.ruleCode, v.quantity]).sort()
    expect(rules).toEqual([
      ['李强', 'svw-5-5-service-customer-signature', 1],
      ['王芳', 'svw-5-1-sales-late', 1],
      ['王芳', 'svw-5-2-sales-customer-signature', 1]
    ])
    // 五.6: the sales advisor's 2nd penalty in the month is doubled (same day: the engine takes them by id).
    const wangLines = month.lines.filter(
      (l) => l.personId === month.violations.find((v) => v.personName === '王芳')!.personId
    )
    expect(wangLines.map((l) => [l.ruleCode, l.yuan, l.multiplier]).sort()).toEqual([
      ['svw-5-1-sales-late', 100, 2],
      ['svw-5-2-sales-customer-signature', 20, 1]
    ])
    expect(month.totals.map((t) => [t.personName, t.yuan]).sort()).toEqual([
      ['李强', 50],
      ['王芳', 120]
    ])
    const late = month.violations.find((v) => v.ruleCode === 'svw-5-1-sales-late')!
    expect(late).toMatchObject({
      archiveId: salesLine.archive.id,
      archiveNo: salesLine.file.archiveNo,
      occurredOn: '2026-11-09'
    })

    const mine = await wang.fines.mine()
    expect(mine.map((v) => v.personName)).toEqual(['王芳', '王芳'])
    expect((await li.fines.mine()).map((v) => v.ruleCode)).toEqual(['svw-5-5-service-customer-signature'])
    expect((await li.fines.mine())[0]!.fixBy).toBeDefined()
    // Advisors may neither read the month nor decide.
    expect(await code(wang.fines.month('2026-11'))).toBe('PERMISSION_DENIED')
    expect(await code(wang.fines.decide(late.id, { decision: 'confirm' }))).toBe('PERMISSION_DENIED')
    expect(await code(wang.fines.detect('2026-11'))).toBe('PERMISSION_DENIED')
    expect((await director.fines.month('2026-11')).violations.every((v) => v.status === 'proposed')).toBe(true)
  })

  it('objection, answer, confirm, waive, close; a closed month refuses changes; a correction goes into a later month', async () => {
    const { db, director, wang, li, manager } = await dealership()
    await director.fines.detect('2026-11')
    const [late, signature] = (await wang.fines.mine()).sort((a, b) => a.ruleCode.localeCompare(b.ruleCode))
    expect(late!.ruleCode).toBe('svw-5-1-sales-late')

    expect(await code(li.fines.object(late!.id, '不是我的'))).toBe('FINE_OBJECTION_NOT_OWN')
    const objected = await wang.fines.object(late!.id, '客户延迟提车，交车日期登记有误')
    expect(objected.objection?.note).toBe('客户延迟提车，交车日期登记有误')
    expect(await code(director.fines.closeMonth('2026-11'))).toBe('FINE_MONTH_UNDECIDED')

    const answered = await director.fines.answer(late!.id, {
      note: '交车单显示 11 月 2 日交车，申诉不成立',
      upheld: false
    })
    expect(answered.objection?.answer).toMatchObject({ upheld: false, by: '张丽' })
    await director.fines.decide(late!.id, { decision: 'confirm' })
    await director.fines.decide(signature!.id, { decision: 'waive', reason: '客户已补签' })
    const service = (await li.fines.mine())[0]!
    expect(await code(director.fines.decide(service.id, { decision: 'waive', reason: ' ' }))).toBe(
      'FINE_REASON_REQUIRED'
    )
    await director.fines.decide(service.id, { decision: 'adjust', reason: '首次，减半', yuan: 25 })

    const view = await director.fines.month('2026-11')
    expect(view.totals.map((t) => [t.personName, t.yuan]).sort()).toEqual([
      ['李强', 25],
      ['王芳', 50]
    ])
    // The pay cut is only for a flagged person (the service advisor's 3rd penalty); 李强 has one.
    expect(await code(manager.fines.setPayCut('2026-11', service.personId, 10))).toBe('FINE_PAY_CUT_NOT_FLAGGED')
    expect(await code(li.fines.setPayCut('2026-11', service.personId, 10))).toBe('PERMISSION_DENIED')

    const closed = await director.fines.closeMonth('2026-11')
    expect(closed).toMatchObject({ status: 'closed', closedBy: '张丽' })
    expect(await code(director.fines.decide(late!.id, { decision: 'waive', reason: '改判' }))).toBe('FINE_MONTH_CLOSED')
    expect(await code(wang.fines.object(signature!.id, '再申诉'))).toBe('FINE_MONTH_CLOSED')
    expect(await code(director.fines.detect('2026-11'))).toBe('FINE_MONTH_CLOSED')
    const before = await db.violations.where('month').equals('2026-11').toArray()

    const entry = await director.fines.correct(late!.id, '2026-12', {
      reason: '复核交车日期有误，退还',
      yuan: -50,
      kpiPoints: 0
    })
    expect(entry).toMatchObject({ month: '2026-12', corrects: late!.id, occurredOn: '2026-12-01' })
    const december = await director.fines.month('2026-12')
    expect(december.totals.map((t) => [t.personName, t.yuan])).toEqual([['王芳', -50]])
    // November stays exactly as it was closed.
    expect(await db.violations.where('month').equals('2026-11').toArray()).toEqual(before)

    const actions = (await director.auditLog.recent(200)).map((e) => e.action)
    for (const action of ['fine.propose', 'fine.decide', 'fine.objection', 'fine.close', 'fine.correct'])
      expect(actions).toContain(action)
  })

  it('五.10: an uncorrected service archive is proposed again for each further working day; a manual violation needs its evidence', async () => {
    const { clock, director, li } = await dealership()
    // Returned Monday 9th, due by the end of Tuesday 10th; still out on Thursday 12th.
    clock.now = new Date('2026-11-12T03:00:00Z')
    await director.fines.detect('2026-11')
    const repeats = (await li.fines.mine()).filter((v) => v.repeatOf).map((v) => v.occurredOn)
    expect(repeats.sort()).toEqual(['2026-11-11', '2026-11-12'])
    const people = await director.fines.people()
    const liId = people.find((p) => p.name === '李强')!.id
    expect(
      await code(
        director.fines.recordManual({
          personId: liId,
          role: 'service_advisor',
          ruleCode: 'svw-5-3-contact-not-confirmed',
          occurredOn: '2026-11-12',
          quantity: 1,
          reason: '接车未核对联系人',
          evidence: ''
        })
      )
    ).toBe('FINE_EVIDENCE_REQUIRED')
    const manual = await director.fines.recordManual({
      personId: liId,
      role: 'service_advisor',
      ruleCode: 'svw-5-3-contact-not-confirmed',
      occurredOn: '2026-11-12',
      quantity: 1,
      reason: '接车未核对联系人',
      evidence: '客户回访录音 2026-11-12'
    })
    expect(manual).toMatchObject({ source: 'manual', personName: '李强', status: 'proposed' })
    // Now 李强 has four penalties: the 3rd and 4th doubled, and the month flagged for a pay cut (五.6).
    const view = await director.fines.month('2026-11')
    expect(view.lines.filter((l) => l.personId === liId).map((l) => l.multiplier)).toEqual([1, 1, 2, 2])
    expect(view.payCutFlags.map((f) => f.personId)).toEqual([liId])
    expect(await code(director.fines.setPayCut('2026-11', liId, 40))).toBe('FINE_PAY_CUT_OUT_OF_RANGE')
    expect((await director.fines.setPayCut('2026-11', liId, 20)).payCuts).toEqual([
      expect.objectContaining({ personId: liId, percent: 20 })
    ])
    expect((await director.fines.month('2026-11')).totals.find((t) => t.personId === liId)!.payCutPercent).toBe(20)
  })

  it('a manager reads the month but cannot decide; a 绝密 file’s violations keep their amounts but not its details', async () => {
    const { director, manager, salesLine } = await dealership()
    await director.fines.detect('2026-11')
    await director.vehicleFiles.setSecrecy(salesLine.file.id, 'top_secret', '公安机关调查中')
    const seen = await manager.fines.month('2026-11')
    expect(seen.violations).toHaveLength(3)
    const hidden = seen.violations.filter((v) => v.archiveId === salesLine.archive.id)
    expect(hidden).toHaveLength(2)
    expect(JSON.stringify(seen)).not.toContain(salesLine.file.archiveNo)
    expect(hidden.every((v) => v.withheld === true && v.reason === '')).toBe(true)
    expect(seen.totals.map((t) => t.yuan).sort()).toEqual([120, 50])
    expect(JSON.stringify(await director.fines.month('2026-11'))).toContain(salesLine.file.archiveNo)
    const [any] = (await manager.fines.month('2026-11')).violations
    expect(await code(manager.fines.decide(any!.id, { decision: 'confirm' }))).toBe('PERMISSION_DENIED')
    expect(await code(manager.fines.closeMonth('2026-11'))).toBe('PERMISSION_DENIED')
    expect(getPreset('svw-skoda').fines.enforcedBy).toBe('客户总监')
  })
})
