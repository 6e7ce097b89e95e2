import { describe, expect, it } from 'vitest'
import type { ArchiveRecord, InspectionRecord } from '../archive/archive-record'
import { createWorkingCalendar } from '../calendar'
import { getPreset } from '../policy'
import type { Policy } from '../policy'
import type { ArchiveFailure } from '../rules'
import { archiveFailuresDocument } from '../rules/archive-input-document'
import { assessFines } from './assess-fines'
import type { ArchiveForDetection, DetectionInput, StaffForDetection } from './detect-violations'
import { detectViolations } from './detect-violations'

const SVW = getPreset('svw-skoda')
const FAW = getPreset('faw-vw')
const calendar = createWorkingCalendar()

const STAFF: StaffForDetection[] = [
  { id: 's-wang', name: '王芳', department: 'sales', role: 'sales_advisor', active: true },
  { id: 's-li', name: '李强', department: 'service', role: 'service_advisor', active: true },
  { id: 's-zhao', name: '赵磊', department: 'service', role: 'service_advisor', active: true }
]

const META = {
  createdAt: '2026-11-02T01:00:00.000Z',
  createdBy: 'op',
  updatedAt: '2026-11-02T01:00:00.000Z',
  updatedBy: 'op',
  rev: 1,
  deletedAt: null
}

function archive(policy: Policy, extra: Partial<ArchiveRecord> = {}): ArchiveRecord {
  const kind = extra.kind ?? 'service'
  return {
    ...META,
    id: extra.id ?? 'a-1',
    vehicleFileId: 'f-1',
    kind,
    visitType: kind === 'service' ? 'routine_service' : null,
    repairOrderNo: kind === 'service' ? 'RO20261102001' : null,
    status: 'accepted',
    policyId: policy.id,
    policyVersion: policy.version,
    department: kind,
    advisorName: kind === 'sales' ? '王芳' : '李强',
    anchorAt: '2026-11-02T02:00:00.000Z',
    handInDueAt: '2026-11-03T15:59:00.000Z',
    handoverId: 'h-1',
    handoverLine: 1,
    handedOverAt: '2026-11-03T06:00:00.000Z',
    missingNote: null,
    input: '{}',
    manual: '{}',
    round: 1,
    correctionDueAt: null,
    location: null,
    ...extra
  }
}

const failure = (
  documentName: string,
  checkCode: string | null,
  title: string,
  fineRuleCode?: string
): ArchiveFailure => ({
  documentCode: documentName,
  documentName,
  checkCode,
  title,
  message: title,
  clause: '',
  ...(fineRuleCode ? { fineRuleCode } : {})
})

function round(
  n: number,
  at: string,
  failures: ArchiveFailure[],
  extra: Partial<InspectionRecord> = {}
): InspectionRecord {
  return {
    ...META,
    id: `i-${n}`,
    archiveId: 'a-1',
    round: n,
    inspectedAt: at,
    inspectorName: '周敏',
    verdict: failures.length === 0 ? 'accepted' : 'nonconforming',
    failures: archiveFailuresDocument.write(failures),
    input: '{}',
    manual: '{}',
    correctionDueAt: failures.length === 0 ? null : '2026-11-06T15:59:00.000Z',
    returnedUnchanged: false,
    noticeNumber: failures.length === 0 ? null : `BHG2026-000${n}`,
    ...extra
  }
}

function detect(archives: ArchiveForDetection[], extra: Partial<DetectionInput> = {}) {
  return detectViolations({
    archives,
    staff: STAFF,
    policies: [SVW, FAW],
    calendar,
    asOf: '2026-11-30T08:00:00.000Z',
    ...extra
  })
}

const entry = (a: ArchiveRecord, rounds: InspectionRecord[] = []): ArchiveForDetection => ({
  archive: a,
  archiveNo: 'CD2026-000123',
  rounds
})

describe('detection: SVW-Skoda 五.1–五.7', () => {
  it('五.1 「销售顾问超过交车后3个工作日上交档案，罚款50元/车次」: a late sales hand-in charges the advisor by staff id', () => {
    const late = archive(SVW, {
      kind: 'sales',
      handInDueAt: '2026-11-05T15:59:00.000Z',
      handedOverAt: '2026-11-06T02:20:00.000Z'
    })
    const { violations } = detect([entry(late)])
    expect(violations).toHaveLength(1)
    const v = violations[0]!
    expect(v).toMatchObject({
      personId: 's-wang',
      personName: '王芳',
      role: 'sales_advisor',
      trigger: 'late_handover',
      ruleCode: 'svw-5-1-sales-late',
      clause: '上汽大众斯柯达 五.1',
      occurredOn: '2026-11-06',
      month: '2026-11',
      quantity: 1,
      unit: '车次',
      policyRef: `${SVW.id}@${SVW.version}`,
      archiveNo: 'CD2026-000123',
      evidence: { archiveId: 'a-1', handoverId: 'h-1' },
      status: 'proposed',
      source: 'detected'
    })
    expect(v.reason).toBe('交接时间 2026-11-06 10:20，晚于截止 2026-11-05 23:59')
    expect(assessFines(SVW.fines, [v]).map((l) => l.yuan)).toEqual([50])
  })

  it('an archive handed over on time is no violation', () => {
    expect(detect([entry(archive(SVW, { kind: 'sales' }))]).violations).toEqual([])
  })

  it('五.4 「服务顾问未在交车后一个工作日内移交…罚款50元/车次」: a late service hand-in', () => {
    const late = archive(SVW, { handInDueAt: '2026-11-03T15:59:00.000Z', handedOverAt: '2026-11-04T01:00:00.000Z' })
    const [v] = detect([entry(late)]).violations
    expect(v).toMatchObject({ personId: 's-li', ruleCode: 'svw-5-4-service-late', role: 'service_advisor' })
  })

  it('五.2 「检查类档案无用户签名（或签名错误），罚款20元/项」: per item, from the check item the policy maps to the rule', () => {
    const rounds = [
      round(1, '2026-11-04T02:00:00.000Z', [
        failure('交车检查表', 'delivery-check-customer-signed', '有用户签名', 'svw-5-2-sales-customer-signature'),
        failure('新车PDI检查表', 'pdi-check-customer-signed', '有用户签名', 'svw-5-2-sales-customer-signature'),
        failure('身份证复印件', 'id-copy-both-sides', '身份证复印件需两面')
      ])
    ]
    const a = archive(SVW, { kind: 'sales', status: 'accepted', round: 2 })
    const { violations } = detect([entry(a, [...rounds, round(2, '2026-11-05T02:00:00.000Z', [])])])
    expect(violations).toHaveLength(1)
    expect(violations[0]).toMatchObject({
      trigger: 'customer_signature_missing',
      ruleCode: 'svw-5-2-sales-customer-signature',
      quantity: 2,
      unit: '项',
      evidence: { inspectionId: 'i-1' }
    })
    expect(violations[0]!.reason).toContain('《交车检查表》有用户签名；《新车PDI检查表》有用户签名')
    expect(assessFines(SVW.fines, violations).map((l) => l.yuan)).toEqual([40])
  })

  it('五.3 contact not confirmed, 五.5 incomplete / customer signature / internal signature: one violation per rule, each its own price', () => {
    const r1 = round(1, '2026-11-04T02:00:00.000Z', [
      failure('任务委托书', 'work-order-contact-confirmed', '已核对当次进厂联系人', 'svw-5-3-contact-not-confirmed'),
      failure('结算单', 'settlement-content', '内容完整', 'svw-5-5-service-incomplete'),
      failure('结算单', 'settlement-customer-signed', '有用户签名', 'svw-5-5-service-customer-signature'),
      failure('接车单', 'reception-sheet-internal-signed', '有内部人员签名', 'svw-5-5-internal-signature'),
      failure('接车单', null, '缺少《接车单》', 'svw-5-5-service-incomplete')
    ])
    const a = archive(SVW, { status: 'accepted', round: 2 })
    const { violations } = detect([entry(a, [r1, round(2, '2026-11-05T01:00:00.000Z', [])])])
    const byRule = Object.fromEntries(violations.map((v) => [v.ruleCode, v]))
    expect(Object.keys(byRule).sort()).toEqual([
      'svw-5-3-contact-not-confirmed',
      'svw-5-5-internal-signature',
      'svw-5-5-service-customer-signature',
      'svw-5-5-service-incomplete'
    ])
    expect(byRule['svw-5-5-service-incomplete']!.quantity).toBe(2)
    expect(byRule['svw-5-3-contact-not-confirmed']!.trigger).toBe('contact_not_confirmed')
    const yuan = Object.fromEntries(assessFines(SVW.fines, violations).map((l) => [l.ruleCode, l.yuan]))
    // 五.6: the service advisor's 3rd penalty in the month and later are doubled (by id order on one day).
    expect(yuan).toEqual({
      'svw-5-3-contact-not-confirmed': 50,
      'svw-5-5-internal-signature': 20,
      'svw-5-5-service-customer-signature': 100,
      'svw-5-5-service-incomplete': 80
    })
  })

  it('an item found again in a later round is not a new violation; a new item is', () => {
    const sig = failure('结算单', 'settlement-customer-signed', '有用户签名', 'svw-5-5-service-customer-signature')
    const r1 = round(1, '2026-11-04T02:00:00.000Z', [sig])
    const r2 = round(
      2,
      '2026-11-05T02:00:00.000Z',
      [sig, failure('接车单', 'reception-sheet-internal-signed', '有内部人员签名', 'svw-5-5-internal-signature')],
      { resubmittedAt: '2026-11-05T01:00:00.000Z' }
    )
    const a = archive(SVW, { status: 'returned', round: 2, correctionDueAt: '2026-11-06T15:59:00.000Z' })
    const found = detect([entry(a, [r1, r2])], { asOf: '2026-11-05T08:00:00.000Z' }).violations
    expect(found.map((v) => v.id)).toEqual([
      'item:i-1:svw-5-5-service-customer-signature',
      'item:i-2:svw-5-5-internal-signature'
    ])
  })

  it('五.7 「造成档案遗失、毁损，另罚款20元/件」: from the loans report, charged to the person it names', () => {
    const { violations } = detect([], {
      lostOrDamaged: [
        {
          key: 'loan-7',
          what: 'lost',
          personId: 's-zhao',
          personName: '赵磊',
          occurredOn: '2026-11-12',
          note: '借阅单 JY2026-0007 逾期未还，档案遗失',
          policyId: SVW.id,
          policyVersion: SVW.version,
          archiveNo: 'CD2026-000123'
        }
      ]
    })
    expect(violations).toHaveLength(1)
    expect(violations[0]).toMatchObject({
      id: 'lost:loan-7:svw-5-7-lost-or-damaged',
      role: 'responsible_person',
      unit: '件',
      personId: 's-zhao'
    })
    expect(assessFines(SVW.fines, violations)[0]!.yuan).toBe(20)
  })

  it('an advisor name that names nobody (or two people) is reported unassigned, never charged to a guess', () => {
    const late = archive(SVW, {
      advisorName: '陈晨',
      handInDueAt: '2026-11-03T15:59:00.000Z',
      handedOverAt: '2026-11-04T01:00:00.000Z'
    })
    const result = detect([entry(late)])
    expect(result.violations).toEqual([])
    expect(result.unassigned).toEqual([
      expect.objectContaining({ advisorName: '陈晨', ruleCode: 'svw-5-4-service-late', archiveNo: 'CD2026-000123' })
    ])
  })
})

describe('detection: SVW-Skoda 五.10 repeats until corrected', () => {
  const sig = failure('结算单', 'settlement-customer-signed', '有用户签名', 'svw-5-5-service-customer-signature')

  it('returned Thursday, due Friday: repeated Monday and Tuesday (the weekend does not count), corrected Tuesday', () => {
    const r1 = round(1, '2026-11-05T02:00:00.000Z', [sig])
    const r2 = round(2, '2026-11-10T06:00:00.000Z', [], { resubmittedAt: '2026-11-10T02:00:00.000Z' })
    const a = archive(SVW, { status: 'accepted', round: 2 })
    const found = detect([entry(a, [r1, r2])]).violations
    const repeats = found.filter((v) => v.repeatOf)
    expect(repeats.map((v) => v.occurredOn)).toEqual(['2026-11-09', '2026-11-10'])
    expect(repeats.every((v) => v.repeatOf === 'item:i-1:svw-5-5-service-customer-signature')).toBe(true)
    expect(repeats[0]!.id).toBe('item:i-1:svw-5-5-service-customer-signature:repeat:2026-11-09')
    expect(repeats[0]!.reason).toMatch(/^上汽大众斯柯达 五\.10：.*第 1 次重复计罚（计于 2026-11-09）/)
    // Same amount each time (before 五.6 doubles the person's 3rd penalty and later).
    expect(repeats.every((v) => v.ruleCode === 'svw-5-5-service-customer-signature' && v.quantity === 1)).toBe(true)
  })

  it('corrected on the weekend after the due Friday: no repeat', () => {
    const r1 = round(1, '2026-11-05T02:00:00.000Z', [sig])
    const r2 = round(2, '2026-11-09T02:00:00.000Z', [], { resubmittedAt: '2026-11-07T03:00:00.000Z' })
    const found = detect([entry(archive(SVW, { round: 2 }), [r1, r2])]).violations
    expect(found.filter((v) => v.repeatOf)).toEqual([])
  })

  it('across the National Day holiday and its adjusted working Saturday: returned 30 Sep, due 8 Oct, repeated 9, 10 (调休), 12 Oct', () => {
    const r1 = round(1, '2026-09-30T02:00:00.000Z', [sig], { correctionDueAt: '2026-10-08T15:59:00.000Z' })
    const a = archive(SVW, {
      status: 'returned',
      round: 1,
      correctionDueAt: '2026-10-08T15:59:00.000Z',
      handInDueAt: null,
      handedOverAt: '2026-09-29T02:00:00.000Z'
    })
    const found = detect([entry(a, [r1])], { asOf: '2026-10-12T09:00:00.000Z' }).violations
    expect(found.filter((v) => v.repeatOf).map((v) => v.occurredOn)).toEqual(['2026-10-09', '2026-10-10', '2026-10-12'])
  })

  it('FAW-VW has no repeat clause: nothing repeats', () => {
    const r1 = round(1, '2026-11-05T02:00:00.000Z', [failure('结算单', 'x', '内容完整')])
    const a = archive(FAW, { status: 'returned', round: 1, correctionDueAt: '2026-11-06T02:00:00.000Z' })
    const found = detect([entry(a, [r1])]).violations
    expect(found.filter((v) => v.repeatOf)).toEqual([])
  })

  it('the same records give the same ids: running detection twice adds nothing new', () => {
    const r1 = round(1, '2026-11-05T02:00:00.000Z', [sig])
    const a = archive(SVW, { status: 'returned', round: 1, correctionDueAt: '2026-11-06T15:59:00.000Z' })
    const first = detect([entry(a, [r1])]).violations.map((v) => v.id)
    const second = detect([entry(a, [r1])]).violations.map((v) => v.id)
    expect(second).toEqual(first)
    expect(new Set(first).size).toBe(first.length)
  })
})

describe('detection: FAW-VW 五(一)3, 五(二)4', () => {
  it('五(二)4(4) 「每份不合格服务档案…KPI扣分」: one per file, however many items; waits for the director to set the points', () => {
    const r1 = round(1, '2026-11-04T02:00:00.000Z', [
      failure('结算单', 'a', '内容完整'),
      failure('接车单', 'b', '有用户签名')
    ])
    const a = archive(FAW, { status: 'returned', round: 1, correctionDueAt: '2026-11-05T02:00:00.000Z' })
    const found = detect([entry(a, [r1])], { asOf: '2026-11-04T08:00:00.000Z' }).violations
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({
      trigger: 'archive_nonconforming',
      ruleCode: 'faw-service-nonconforming',
      quantity: 1,
      unit: '份'
    })
    expect(found[0]!.fix).toBe('《结算单》内容完整；《接车单》有用户签名')
    expect(found[0]!.fixBy).toBe('2026-11-05T02:00:00.000Z')
    // The text leaves the points open: no line until the director sets them.
    expect(assessFines(FAW.fines, found)).toEqual([])
  })

  it('五(一)3(3) a nonconforming sales archive charges the sales advisor', () => {
    const r1 = round(1, '2026-11-04T02:00:00.000Z', [failure('绿卡', 'c', '联系手机')])
    const a = archive(FAW, { kind: 'sales', status: 'accepted', round: 2, handInDueAt: null })
    const found = detect([
      entry(a, [r1, round(2, '2026-11-04T05:00:00.000Z', [], { resubmittedAt: '2026-11-04T04:00:00.000Z' })])
    ]).violations
    expect(found.map((v) => [v.ruleCode, v.personId])).toEqual([['faw-sales-nonconforming', 's-wang']])
  })

  it('五(二)4(5) 「24小时内未修改交回，每次KPI扣1分」: late against the deadline the notice receipt set', () => {
    const r1 = round(1, '2026-11-04T02:00:00.000Z', [failure('结算单', 'a', '内容完整')], {
      correctionDueAt: '2026-11-05T02:00:00.000Z'
    })
    // Signed for a day later: the 24 hours ran from then (the next round keeps the deadline in force).
    const r2 = round(2, '2026-11-06T06:00:00.000Z', [], {
      resubmittedAt: '2026-11-06T05:00:00.000Z',
      resubmissionDueAt: '2026-11-06T03:00:00.000Z'
    })
    const a = archive(FAW, { status: 'accepted', round: 2 })
    const found = detect([entry(a, [r1, r2])]).violations
    const late = found.find((v) => v.trigger === 'correction_late')!
    expect(late).toMatchObject({ ruleCode: 'faw-correction-late', occurredOn: '2026-11-06', unit: '次' })
    expect(late.reason).toBe('第 1 轮退回整改，限 2026-11-06 11:00 前交回，2026-11-06 13:00 才交回')
    expect(assessFines(FAW.fines, [late])[0]!.kpiPoints).toBe(1)
  })

  it('back within the deadline: no correction_late', () => {
    const r1 = round(1, '2026-11-04T02:00:00.000Z', [failure('结算单', 'a', '内容完整')], {
      correctionDueAt: '2026-11-05T02:00:00.000Z'
    })
    const r2 = round(2, '2026-11-05T06:00:00.000Z', [], { resubmittedAt: '2026-11-05T01:00:00.000Z' })
    const found = detect([entry(archive(FAW, { round: 2 }), [r1, r2])]).violations
    expect(found.some((v) => v.trigger === 'correction_late')).toBe(false)
  })

  it('still out after the deadline: correction_late counted on the deadline day', () => {
    const r1 = round(1, '2026-11-04T02:00:00.000Z', [failure('结算单', 'a', '内容完整')])
    const a = archive(FAW, { status: 'returned', round: 1, correctionDueAt: '2026-11-05T02:00:00.000Z' })
    const late = detect([entry(a, [r1])]).violations.find((v) => v.trigger === 'correction_late')!
    expect(late.occurredOn).toBe('2026-11-05')
    expect(late.reason).toContain('至 2026-11-30 16:00 仍未交回')
  })

  it('五(二)4(6) 「未做任何更改被原封返回，每份KPI扣1分」', () => {
    const r1 = round(1, '2026-11-04T02:00:00.000Z', [failure('结算单', 'a', '内容完整')], {
      correctionDueAt: '2026-11-05T02:00:00.000Z'
    })
    const r2 = round(2, '2026-11-05T01:30:00.000Z', [failure('结算单', 'a', '内容完整')], {
      returnedUnchanged: true,
      resubmittedAt: '2026-11-05T01:00:00.000Z',
      correctionDueAt: '2026-11-06T01:30:00.000Z'
    })
    const a = archive(FAW, { status: 'returned', round: 2, correctionDueAt: '2026-11-06T01:30:00.000Z' })
    const found = detect([entry(a, [r1, r2])], { asOf: '2026-11-05T08:00:00.000Z' }).violations
    const unchanged = found.filter((v) => v.trigger === 'returned_unchanged')
    expect(unchanged.map((v) => [v.ruleCode, v.occurredOn, v.evidence.inspectionId])).toEqual([
      ['faw-returned-unchanged', '2026-11-05', 'i-2']
    ])
    // The file is one nonconforming file, counted once (its first nonconforming round).
    expect(found.filter((v) => v.trigger === 'archive_nonconforming')).toHaveLength(1)
  })

  it('五(一)3(2), 五(二)4(3) archive missing: from the reconciliation report, per kind', () => {
    const found = detect([], {
      missingArchives: [
        {
          key: 'rec-11-1',
          archiveKind: 'service',
          personId: 's-zhao',
          personName: '赵磊',
          occurredOn: '2026-11-20',
          reference: '任务委托书 RO20261118007',
          policyId: FAW.id,
          policyVersion: FAW.version
        }
      ]
    }).violations
    expect(found.map((v) => [v.id, v.ruleCode, v.role])).toEqual([
      ['missing:rec-11-1:faw-service-missing', 'faw-service-missing', 'responsible_person']
    ])
  })

  it('五(二)4(3) 「档案缺失及破损」: a damaged file from the loans report', () => {
    const found = detect([], {
      lostOrDamaged: [
        {
          key: 'loan-3',
          what: 'damaged',
          archiveKind: 'service',
          personId: 's-zhao',
          personName: '赵磊',
          occurredOn: '2026-11-21',
          note: '归还时结算单撕裂',
          policyId: FAW.id,
          policyVersion: FAW.version
        }
      ]
    }).violations
    expect(found.map((v) => v.ruleCode)).toEqual(['faw-service-damaged'])
    expect(found[0]!.reason).toBe('档案毁损：归还时结算单撕裂')
  })
})
