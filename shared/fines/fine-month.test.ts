import { describe, expect, it } from 'vitest'
import { DomainError } from '../model/domain-error'
import { getPreset } from '../policy'
import { revisePolicy } from '../rules/revise-policy'
import type { FineRule } from '../policy'
import {
  answerObjection,
  closeMonth,
  correctionEntry,
  decideViolation,
  manualViolation,
  monthView,
  objectToViolation,
  openMonth,
  setPayCut
} from './fine-month'
import type { FineMonthState } from './fine-month'
import type { ViolationRecord } from './violation-record'

const SVW = getPreset('svw-skoda')
const FAW = getPreset('faw-vw')
const AT = '2026-11-30T02:00:00.000Z'

function violation(id: string, extra: Partial<ViolationRecord> = {}): ViolationRecord {
  return {
    id,
    personId: 's-li',
    personName: '李强',
    role: 'service_advisor',
    trigger: 'customer_signature_missing',
    archiveKind: 'service',
    occurredOn: '2026-11-05',
    quantity: 1,
    month: '2026-11',
    ruleCode: 'svw-5-5-service-customer-signature',
    clause: '上汽大众斯柯达 五.5',
    policyRef: `${SVW.id}@${SVW.version}`,
    source: 'detected',
    reason: '第 1 轮检查：《结算单》有用户签名',
    evidence: { archiveId: 'a-1', inspectionId: 'i-1' },
    status: 'proposed',
    unit: '项',
    ...extra
  }
}

const refusal = (fn: () => unknown, code: string) => {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError)
    expect((error as DomainError).code).toBe(code)
    return error as DomainError
  }
  throw new Error(`expected ${code}`)
}

const NOV = openMonth('2026-11')

describe('the month workflow: proposed → confirmed / waived / adjusted', () => {
  it('confirm, waive with reason and approver, adjust with reason and amount', () => {
    const v = violation('v1')
    expect(decideViolation(v, NOV, { decision: 'confirm' }, 'dir', AT).status).toBe('confirmed')
    const waived = decideViolation(v, NOV, { decision: 'waive', reason: '客户出差，次日补签' }, 'dir', AT)
    expect(waived).toMatchObject({ status: 'waived', decision: { reason: '客户出差，次日补签', by: 'dir', at: AT } })
    const adjusted = decideViolation(v, NOV, { decision: 'adjust', reason: '仅一处漏签', yuan: 20 }, 'dir', AT)
    expect(adjusted).toMatchObject({ status: 'adjusted', decision: { reason: '仅一处漏签', yuan: 20 } })
  })

  it('a waiver or adjustment without a reason, or an adjustment without an amount, is refused', () => {
    refusal(
      () => decideViolation(violation('v1'), NOV, { decision: 'waive', reason: '  ' }, 'dir', AT),
      'FINE_REASON_REQUIRED'
    )
    refusal(
      () => decideViolation(violation('v1'), NOV, { decision: 'adjust', reason: '酌减' }, 'dir', AT),
      'FINE_ADJUST_AMOUNT_REQUIRED'
    )
    refusal(
      () => decideViolation(violation('v1'), NOV, { decision: 'adjust', reason: '酌减', yuan: -5 }, 'dir', AT),
      'FINE_AMOUNT_INVALID'
    )
  })

  it('a confirmed violation cannot be confirmed again (the table says what may follow)', () => {
    const confirmed = decideViolation(violation('v1'), NOV, { decision: 'confirm' }, 'dir', AT)
    const error = refusal(
      () => decideViolation(confirmed, NOV, { decision: 'confirm' }, 'dir', AT),
      'FINE_ILLEGAL_TRANSITION'
    )
    expect(error.message).toBe('违规当前为“已确认”，不能确认')
  })

  it('objection by the person charged only, one at a time; the director answers; upheld waives', () => {
    const v = violation('v1')
    refusal(() => objectToViolation(v, NOV, 's-zhao', '不是我的客户', AT), 'FINE_OBJECTION_NOT_OWN')
    const objected = objectToViolation(v, NOV, 's-li', '客户签名在背面', AT)
    expect(objected.objection).toEqual({ note: '客户签名在背面', at: AT })
    refusal(() => objectToViolation(objected, NOV, 's-li', '再申诉', AT), 'FINE_OBJECTION_OPEN')
    const rejected = answerObjection(objected, NOV, { note: '背面签名不符合要求', upheld: false }, 'dir', AT)
    expect(rejected.status).toBe('proposed')
    expect(rejected.objection!.answer).toMatchObject({ upheld: false, by: 'dir' })
    const upheld = answerObjection(objected, NOV, { note: '核实有签名', upheld: true }, 'dir', AT)
    expect(upheld).toMatchObject({ status: 'waived', decision: { reason: '申诉成立：核实有签名' } })
    refusal(() => answerObjection(upheld, NOV, { note: 'x', upheld: true }, 'dir', AT), 'FINE_NO_OPEN_OBJECTION')
  })

  it('closing needs every violation decided and every objection answered; a closed month refuses every change', () => {
    const undecided = [violation('v1'), decideViolation(violation('v2'), NOV, { decision: 'confirm' }, 'd', AT)]
    expect(refusal(() => closeMonth(NOV, undecided, 'dir', AT), 'FINE_MONTH_UNDECIDED').details.count).toBe('1')
    const objected = objectToViolation(
      decideViolation(violation('v1'), NOV, { decision: 'confirm' }, 'd', AT),
      NOV,
      's-li',
      '有异议',
      AT
    )
    refusal(() => closeMonth(NOV, [objected], 'dir', AT), 'FINE_MONTH_OBJECTIONS_OPEN')
    const confirmed = decideViolation(violation('v1'), NOV, { decision: 'confirm' }, 'd', AT)
    const closed = closeMonth(NOV, [confirmed], 'dir', AT)
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'dir', closedAt: AT })
    refusal(
      () => decideViolation(confirmed, closed, { decision: 'waive', reason: '改主意' }, 'dir', AT),
      'FINE_MONTH_CLOSED'
    )
    refusal(() => objectToViolation(confirmed, closed, 's-li', '申诉', AT), 'FINE_MONTH_CLOSED')
    refusal(() => closeMonth(closed, [], 'dir', AT), 'FINE_MONTH_CLOSED')
  })

  it('after closing, only a correction entry in a later open month that refers to it; it gives back without counting as a penalty', () => {
    const confirmed = decideViolation(violation('v1'), NOV, { decision: 'confirm' }, 'd', AT)
    const closed = closeMonth(NOV, [confirmed], 'dir', AT)
    const dec = openMonth('2026-12')
    refusal(
      () => correctionEntry(confirmed, NOV, dec, { reason: '复核', yuan: -50, kpiPoints: 0 }, 'dir', AT, '2026-12-02'),
      'FINE_CORRECTION_MONTH_OPEN'
    )
    refusal(
      () =>
        correctionEntry(
          confirmed,
          closed,
          openMonth('2026-10'),
          { reason: '复核', yuan: -50, kpiPoints: 0 },
          'dir',
          AT,
          '2026-10-02'
        ),
      'FINE_CORRECTION_MONTH_NOT_LATER'
    )
    const entry = correctionEntry(
      confirmed,
      closed,
      dec,
      { reason: '复核为客户原因', yuan: -50, kpiPoints: 0 },
      'dir',
      AT,
      '2026-12-02'
    )
    expect(entry).toMatchObject({ month: '2026-12', corrects: 'v1', status: 'adjusted', decision: { yuan: -50 } })
    // December: two real penalties of the service advisor, then the correction: no 五.6 doubling from it.
    const decViolations = [
      violation('d1', { month: '2026-12', occurredOn: '2026-12-01', status: 'confirmed' }),
      violation('d2', { month: '2026-12', occurredOn: '2026-12-03', status: 'confirmed' }),
      entry
    ]
    const view = monthView(dec, decViolations, [SVW], SVW)
    expect(view.lines.map((l) => [l.violationId, l.yuan, l.multiplier])).toEqual([
      ['d1', 50, 1],
      ['d2', 50, 1],
      [entry.id, -50, 1]
    ])
    expect(view.totals).toEqual([{ personId: 's-li', personName: '李强', yuan: 50, kpiPoints: 0, payCutPercent: null }])
  })
})

describe('the month view', () => {
  it('waived violations are not penalties: escalation counts the others (五.6 doubles the service advisor from the 3rd)', () => {
    const list = [
      violation('v1', { occurredOn: '2026-11-02', status: 'confirmed' }),
      violation('v2', { occurredOn: '2026-11-03', status: 'waived', decision: { reason: '补签', by: 'd', at: AT } }),
      violation('v3', { occurredOn: '2026-11-04', status: 'confirmed' }),
      violation('v4', { occurredOn: '2026-11-05', status: 'proposed' })
    ]
    const view = monthView(NOV, list, [SVW], SVW)
    expect(view.lines.map((l) => [l.violationId, l.yuan, l.multiplier])).toEqual([
      ['v1', 50, 1],
      ['v3', 50, 1],
      ['v4', 100, 2]
    ])
    expect(view.totals[0]!.yuan).toBe(200)
    expect(view.penaltyCounting).toBe('each_violation')
    expect(view.payCutFlags.map((f) => [f.personId, f.minPercent, f.maxPercent])).toEqual([['s-li', 10, 30]])
  })

  it('an adjusted violation counts at the director’s amount', () => {
    const list = [violation('v1', { status: 'adjusted', decision: { reason: '酌减', by: 'd', at: AT, yuan: 30 } })]
    expect(monthView(NOV, list, [SVW], SVW).lines[0]).toMatchObject({
      yuan: 30,
      clause: '上汽大众斯柯达 五.5',
      unit: '项'
    })
  })

  it('a policy change in mid-month: earlier violations keep their version’s amounts', () => {
    const raised = revisePolicy(
      SVW,
      {
        fines: {
          ...SVW.fines,
          rules: SVW.fines.rules.map((r): FineRule =>
            r.code === 'svw-5-5-service-customer-signature'
              ? { ...r, penalty: { kind: 'yuan', amount: 80, per: 'item' } }
              : r
          )
        }
      },
      '2026-11-15T00:00:00.000Z'
    )
    expect(raised.version).toBe(SVW.version + 1)
    const list = [
      violation('v1', { occurredOn: '2026-11-05', status: 'confirmed' }),
      violation('v2', { occurredOn: '2026-11-20', status: 'confirmed', policyRef: `${raised.id}@${raised.version}` })
    ]
    const view = monthView(NOV, list, [SVW, raised], raised)
    expect(view.lines.map((l) => [l.violationId, l.yuan])).toEqual([
      ['v1', 50],
      ['v2', 80]
    ])
  })

  it('a KPI rule with unset points: no line, the violation waits for the value', () => {
    const list = [
      violation('f1', {
        role: 'service_advisor',
        trigger: 'archive_nonconforming',
        ruleCode: 'faw-service-nonconforming',
        policyRef: `${FAW.id}@${FAW.version}`
      })
    ]
    const view = monthView(NOV, list, [FAW], FAW)
    expect(view.lines).toEqual([])
    expect(view.awaitingKpiPoints.map((a) => a.ruleCode)).toEqual(['faw-service-nonconforming'])
  })
})

describe('pay cut and manual violations', () => {
  it('五.6 pay cut: only for a flagged person, 0 or 10–30 %', () => {
    const flag = {
      personId: 's-li',
      month: '2026-11',
      escalationCode: 'svw-5-6-service-advisor',
      clause: '上汽大众斯柯达 五.6',
      minPercent: 10,
      maxPercent: 30
    }
    refusal(() => setPayCut(NOV, undefined, 's-zhao', 10, 'mgr', AT), 'FINE_PAY_CUT_NOT_FLAGGED')
    refusal(() => setPayCut(NOV, flag, 's-li', 35, 'mgr', AT), 'FINE_PAY_CUT_OUT_OF_RANGE')
    const set = setPayCut(setPayCut(NOV, flag, 's-li', 10, 'mgr', AT), flag, 's-li', 20, 'mgr', AT)
    expect(set.payCuts).toEqual([{ personId: 's-li', percent: 20, by: 'mgr', at: AT }])
  })

  it('FAW-VW 五(二)4(7) favouritism: 10 yuan per file for each of the archive manager and the service advisor', () => {
    const base = {
      ruleCode: 'faw-favouritism',
      occurredOn: '2026-11-18',
      quantity: 2,
      reason: '利用个人关系为亲友档案补签',
      evidence: '客户投诉记录 2026-11-18'
    }
    const manager = manualViolation(
      FAW,
      { ...base, personId: 's-zhou', personName: '周敏', role: 'archive_manager' },
      NOV,
      'm1'
    )
    const advisor = manualViolation(
      FAW,
      { ...base, personId: 's-li', personName: '李强', role: 'service_advisor' },
      NOV,
      'm2'
    )
    expect(manager).toMatchObject({
      source: 'manual',
      trigger: 'favouritism',
      unit: '份',
      evidence: { note: '客户投诉记录 2026-11-18' }
    })
    const view = monthView(NOV, [manager, advisor], [FAW], FAW)
    expect(view.lines.map((l) => [l.personId, l.yuan])).toEqual([
      ['s-zhou', 20],
      ['s-li', 20]
    ])
    refusal(
      () => manualViolation(FAW, { ...base, personId: 's-w', personName: '王芳', role: 'sales_advisor' }, NOV, 'm3'),
      'FINE_RULE_ROLE_MISMATCH'
    )
    refusal(
      () =>
        manualViolation(
          FAW,
          { ...base, occurredOn: '2026-12-01', personId: 's-li', personName: '李强', role: 'service_advisor' },
          NOV,
          'm4'
        ),
      'FINE_DATE_OUTSIDE_MONTH'
    )
    refusal(
      () =>
        manualViolation(
          FAW,
          { ...base, evidence: '', personId: 's-li', personName: '李强', role: 'service_advisor' },
          NOV,
          'm5'
        ),
      'FINE_EVIDENCE_REQUIRED'
    )
    const closed: FineMonthState = { ...NOV, status: 'closed' }
    refusal(
      () =>
        manualViolation(FAW, { ...base, personId: 's-li', personName: '李强', role: 'service_advisor' }, closed, 'm6'),
      'FINE_MONTH_CLOSED'
    )
  })
})
