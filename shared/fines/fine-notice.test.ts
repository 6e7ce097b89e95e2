import { describe, expect, it } from 'vitest'
import { getPreset } from '../policy'
import { DomainError } from '../model/domain-error'
import { assessFines } from './assess-fines'
import { buildFineNotice, decidedFineLines, FINE_NOTICE_COPIES, type FineNoticeInput } from './fine-notice'
import type { ViolationRecord } from './violation-record'

// The 奖罚通知单 of a sales advisor under SVW-Skoda: 五.1 late hand-ins (50元/车次) doubled from the 2nd
// penalty of the month (五.6), 五.2 missing customer signatures (20元/项).

const SVW = getPreset('svw-skoda').fines
const FAW = getPreset('faw-vw').fines

function violation(id: string, changes: Partial<ViolationRecord>): ViolationRecord {
  return {
    id,
    personId: 'staff-wang',
    personName: '王磊',
    role: 'sales_advisor',
    trigger: 'late_handover',
    archiveKind: 'sales',
    occurredOn: '2026-11-03',
    quantity: 1,
    month: '2026-11',
    ruleCode: 'svw-5-1-sales-late',
    clause: '上汽大众斯柯达 五.1',
    policyRef: 'svw@1',
    source: 'detected',
    reason: '交车后第4个工作日移交',
    evidence: { archiveId: `a-${id}` },
    archiveNo: `SK-2026-00${id.slice(-2)}`,
    status: 'confirmed',
    ...changes
  }
}

const STAMP = {
  printedBy: '赵敏',
  printedAt: '2026-12-01T02:00:00.000Z',
  auditHead: { deviceSeq: 41, hash: 'ab'.repeat(32) }
}

function input(violations: ViolationRecord[], changes: Partial<FineNoticeInput> = {}): FineNoticeInput {
  return {
    dealershipName: '长春恒信斯柯达4S店',
    person: { id: 'staff-wang', name: '王磊', roleLabel: '销售顾问', department: '销售部' },
    month: '2026-11',
    violations,
    lines: assessFines(SVW, violations),
    fines: SVW,
    ...STAMP,
    ...changes
  }
}

describe('buildFineNotice', () => {
  it('prints the doubled second penalty with its multiplier, and totals in figures and 大写', () => {
    const notice = buildFineNotice(
      input([
        violation('v-01', { occurredOn: '2026-11-03' }),
        violation('v-02', { occurredOn: '2026-11-10' }),
        violation('v-03', {
          occurredOn: '2026-11-12',
          trigger: 'customer_signature_missing',
          ruleCode: 'svw-5-2-sales-customer-signature',
          clause: '上汽大众斯柯达 五.2',
          quantity: 2
        })
      ])
    )
    expect(
      notice.lines.map((l) => [l.seq, l.day, l.clause, l.quantity, l.unitLabel, l.rate, l.multiplier, l.yuan])
    ).toEqual([
      [1, '2026-11-03', '上汽大众斯柯达 五.1', 1, '车次', '50元/车次', 1, 50],
      [2, '2026-11-10', '上汽大众斯柯达 五.1', 1, '车次', '50元/车次', 2, 100],
      [3, '2026-11-12', '上汽大众斯柯达 五.2', 2, '项', '20元/项', 2, 80]
    ])
    expect(notice.lines[0]?.archiveNo).toBe('SK-2026-0001')
    expect(notice.lines[0]?.ruleTitle).toContain('3个工作日')
    expect(notice.totalYuan).toBe(230)
    expect(notice.totalKpiPoints).toBe(0)
    expect(notice.totalCapital).toBe('人民币贰佰叁拾元整')
    expect(notice.monthText).toBe('2026年11月')
  })

  it('leaves waived violations off the paper and prints an adjusted one at its adjusted amount', () => {
    const violations = [
      violation('v-01', {
        occurredOn: '2026-11-03',
        status: 'waived',
        decision: { reason: '系统故障', by: '赵敏', at: '2026-11-20T01:00:00Z' }
      }),
      violation('v-02', { occurredOn: '2026-11-10' }),
      violation('v-03', {
        occurredOn: '2026-11-12',
        status: 'adjusted',
        decision: { reason: '客户原因，酌减', by: '赵敏', at: '2026-11-20T01:00:00Z', yuan: 30 }
      })
    ]
    // The month's lines as the screen assessed them: the waived one no longer counts as a penalty.
    const lines = assessFines(
      SVW,
      violations.filter((v) => v.status !== 'waived')
    )
    const notice = buildFineNotice(input(violations, { lines }))
    expect(notice.lines.map((l) => [l.violationId, l.multiplier, l.yuan, l.adjustedReason])).toEqual([
      ['v-02', 1, 50, undefined],
      ['v-03', 2, 30, '客户原因，酌减']
    ])
    expect(notice.totalYuan).toBe(80)
    expect(notice.totalCapital).toBe('人民币捌拾元整')
  })

  it('leaves proposed violations off and counts them, and reads only this person and this month', () => {
    const violations = [
      violation('v-01', {}),
      violation('v-02', { status: 'proposed', occurredOn: '2026-11-05' }),
      violation('v-03', { personId: 'staff-li', personName: '李强', occurredOn: '2026-11-04' }),
      violation('v-04', { month: '2026-10', occurredOn: '2026-10-30' })
    ]
    const notice = buildFineNotice(input(violations))
    expect(notice.lines.map((l) => l.violationId)).toEqual(['v-01'])
    expect(notice.undecided).toBe(1)
    expect(notice.totalCapital).toBe('人民币伍拾元整')
  })

  it('prints an empty month as 零元整', () => {
    const notice = buildFineNotice(input([]))
    expect(notice.lines).toEqual([])
    expect([notice.totalYuan, notice.totalCapital]).toEqual([0, '人民币零元整'])
  })

  it("has three copies, four signatures with the policy's enforcer, the pay cut when set, and the print stamp", () => {
    const svw = buildFineNotice(input([violation('v-01', {})], { payCutPercent: 20 }))
    expect(svw.copies).toEqual(['本人联', '财务联', '部门联'])
    expect(FINE_NOTICE_COPIES).toHaveLength(3)
    expect(svw.signatures).toEqual(['被处罚人（签字）', '部门负责人（签字）', '客户总监（签字）', '财务（签收）'])
    expect(svw.payCutPercent).toBe(20)
    expect(svw.auditHead).toEqual(STAMP.auditHead)
    expect(svw.printedBy).toBe('赵敏')
    const faw = buildFineNotice(input([], { fines: FAW, lines: [], payCutPercent: 0 }))
    expect(faw.signatures[2]).toBe('客服部（签字）')
    expect(faw.payCutPercent).toBeNull()
  })

  it('prints FAW-VW KPI points in their own column, adjusted points included', () => {
    const kpi = (id: string, changes: Partial<ViolationRecord>) =>
      violation(id, {
        personId: 'staff-wang',
        role: 'service_advisor',
        archiveKind: 'service',
        trigger: 'correction_late',
        ruleCode: 'faw-correction-late',
        clause: '一汽-大众 五(二)4(5)',
        ...changes
      })
    const violations = [
      kpi('v-01', {}),
      kpi('v-02', {
        occurredOn: '2026-11-06',
        status: 'adjusted',
        decision: { reason: '已说明特殊原因', by: '赵敏', at: '2026-11-20T01:00:00Z', kpiPoints: 0 }
      })
    ]
    const notice = buildFineNotice(input(violations, { fines: FAW, lines: assessFines(FAW, violations) }))
    expect(notice.lines.map((l) => [l.violationId, l.yuan, l.kpiPoints, l.rate])).toEqual([
      ['v-01', 0, 1, '1分/次'],
      ['v-02', 0, 0, '1分/次']
    ])
    expect([notice.totalYuan, notice.totalKpiPoints]).toEqual([0, 1])
  })

  it('marks a 五.10 repeat', () => {
    const { lines } = decidedFineLines(
      'staff-wang',
      '2026-11',
      [violation('v-01', { repeatOf: 'v-00' })],
      assessFines(SVW, [violation('v-01', {})]),
      SVW
    )
    expect(lines[0]?.repeat).toBe(true)
  })

  it('refuses a month that is not YYYY-MM, in Chinese', () => {
    const error = (() => {
      try {
        buildFineNotice(input([], { month: '2026-13' }))
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(DomainError)
    expect((error as DomainError).code).toBe('FINE_MONTH_INVALID')
    expect((error as DomainError).message).toContain('2026-13')
  })
})
