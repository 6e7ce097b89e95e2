import type { PrintStamp } from '../audit/print-record'
import { DomainError } from '../model/domain-error'
import { PENALISED_ROLE_LABELS, PENALTY_UNIT_LABELS } from '../policy/fine-schedule'
import { DEPARTMENT_LABELS } from '../operators/roles'
import type { FineRule, FinesPolicy } from '../policy/fine-schedule'
import { capitalYuan, roundToFen } from './capital-amount'
import type { FineLine } from './violation'
import type { ViolationRecord } from './violation-record'

// 奖罚通知单: one person's fines and KPI deductions of one China calendar month, as the notice prints them.
// Content only (pure); shared/print lays it out in three copies. What prints:
// - confirmed violations with their engine lines (escalated amount and multiplier as assessed);
// - adjusted ones with the adjusted amount (decision.yuan / decision.kpiPoints) and the reason;
// - waived ones never; proposed ones (not yet decided) are left out and counted in `undecided`, so the
//   paper only carries what the director has decided.

/** The three copies: the person, finance (payroll), the penalised department. */
export const FINE_NOTICE_COPIES = ['本人联', '财务联', '部门联'] as const
export type FineNoticeCopy = (typeof FINE_NOTICE_COPIES)[number]

export const FINE_NOTICE_TITLE = '奖罚通知单'

export interface FineNoticePerson {
  id: string
  name: string
  /** e.g. 服务顾问 */
  roleLabel: string
  /** e.g. 售后服务部 */
  department: string
}

export interface FineNoticeInput extends PrintStamp {
  dealershipName: string
  person: FineNoticePerson
  /** 'YYYY-MM', China calendar month. */
  month: string
  /** The month's violations (of anyone: only this person's in this month are read). */
  violations: readonly ViolationRecord[]
  /** assessFines' lines for those violations. */
  lines: readonly FineLine[]
  /** The policy whose rules the lines' codes name (titles, units, amounts per unit). */
  fines: FinesPolicy
  /** SVW-Skoda 五.6: the performance-pay cut a manager set for the month; absent or 0: none. */
  payCutPercent?: number | null
}

export interface FineNoticeLine {
  /** 1, 2, 3… in the order the violations occurred. */
  seq: number
  violationId: string
  ruleCode: string
  clause: string
  ruleTitle: string
  archiveNo: string
  /** 'YYYY-MM-DD' the violation occurred on (or the day a 五.10 repeat counts for). */
  day: string
  quantity: number
  /** 车次, 项, 件, 份, 次 */
  unitLabel: string
  /** '50元/车次', '1分/项' */
  rate: string
  multiplier: number
  yuan: number
  kpiPoints: number
  /** Set when the director adjusted the amount: the reason. */
  adjustedReason?: string
  /** SVW-Skoda 五.10: a repeat of an uncorrected violation. */
  repeat: boolean
}

export interface FineNotice extends PrintStamp {
  title: typeof FINE_NOTICE_TITLE
  dealershipName: string
  person: FineNoticePerson
  month: string
  /** 2026年11月 */
  monthText: string
  lines: FineNoticeLine[]
  totalYuan: number
  totalKpiPoints: number
  /** The yuan total in capital numerals: 人民币壹佰元整. */
  totalCapital: string
  payCutPercent: number | null
  /** Violations still waiting for the director's decision; not on the notice. */
  undecided: number
  /** Who enforces (客户总监 / 客服部): signs under the person and the department head. */
  enforcedBy: string
  copies: readonly FineNoticeCopy[]
  /** The signature lines every copy carries, in order. */
  signatures: readonly string[]
}

/** The department a violation is charged to: the advisor's, the archive manager's (客户关爱部), else the archive's kind. */
export function violationDepartment(
  v: Pick<ViolationRecord, 'role' | 'archiveKind'>
): 'sales' | 'service' | 'customer_care' {
  if (v.role === 'sales_advisor') return 'sales'
  if (v.role === 'service_advisor') return 'service'
  if (v.role === 'archive_manager') return 'customer_care'
  return v.archiveKind ?? 'customer_care'
}

/** The person as a notice names them, from one of their violations. */
export function noticePersonOf(
  v: Pick<ViolationRecord, 'personId' | 'personName' | 'role' | 'archiveKind'>
): FineNoticePerson {
  return {
    id: v.personId,
    name: v.personName,
    roleLabel: PENALISED_ROLE_LABELS[v.role],
    department: DEPARTMENT_LABELS[violationDepartment(v)]
  }
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

export function monthText(month: string): string {
  const m = MONTH.exec(month)
  if (m === null) throw new DomainError('FINE_MONTH_INVALID', `月份“${month}”无效，应为 年-月，如 2026-11`, { month })
  return `${m[1]}年${Number(m[2])}月`
}

/** The signatures under every copy: the person, the department head, the enforcer, finance. */
export function fineNoticeSignatures(enforcedBy: string): string[] {
  return ['被处罚人（签字）', '部门负责人（签字）', `${enforcedBy}（签字）`, '财务（签收）']
}

function rateText(rule: FineRule | undefined): string {
  if (!rule) return '—'
  const unit = PENALTY_UNIT_LABELS[rule.penalty.per]
  return rule.penalty.kind === 'yuan' ? `${rule.penalty.amount}元/${unit}` : `${rule.penalty.points ?? '—'}分/${unit}`
}

const byOccurrence = (a: ViolationRecord, b: ViolationRecord) =>
  a.occurredOn !== b.occurredOn ? (a.occurredOn < b.occurredOn ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

/**
 * The decided lines of one person's month, in the order the violations occurred: confirmed violations with
 * their engine lines, adjusted ones with the adjusted amount; waived ones never; proposed ones are counted
 * in `undecided`. The notice, the statement, the payroll export and the report all read fines through this.
 */
export function decidedFineLines(
  personId: string,
  month: string,
  violations: readonly ViolationRecord[],
  fineLines: readonly FineLine[],
  fines: Pick<FinesPolicy, 'rules'>
): { lines: FineNoticeLine[]; undecided: number } {
  const rules = new Map(fines.rules.map((rule) => [rule.code, rule]))
  const mine = violations.filter((v) => v.personId === personId && v.month === month).sort(byOccurrence)
  const linesOf = new Map<string, FineLine[]>()
  for (const line of fineLines) {
    if (line.personId !== personId) continue
    const list = linesOf.get(line.violationId) ?? []
    list.push(line)
    linesOf.set(line.violationId, list)
  }

  const lines: FineNoticeLine[] = []
  let undecided = 0
  for (const violation of mine) {
    if (violation.status === 'waived') continue
    if (violation.status === 'proposed') {
      undecided++
      continue
    }
    const adjusted = violation.status === 'adjusted' ? violation.decision : undefined
    let yuanSet = false
    let pointsSet = false
    for (const line of linesOf.get(violation.id) ?? []) {
      const rule = rules.get(line.ruleCode)
      let yuan = line.yuan
      let kpiPoints = line.kpiPoints
      // An adjustment replaces the violation's amount: the first yuan line carries it, any further one 0.
      if (adjusted?.yuan !== undefined && rule?.penalty.kind !== 'kpi_points') {
        yuan = yuanSet ? 0 : adjusted.yuan
        yuanSet = true
      }
      if (adjusted?.kpiPoints !== undefined && rule?.penalty.kind === 'kpi_points') {
        kpiPoints = pointsSet ? 0 : adjusted.kpiPoints
        pointsSet = true
      }
      lines.push({
        seq: lines.length + 1,
        violationId: violation.id,
        ruleCode: line.ruleCode,
        clause: rule?.clause ?? violation.clause,
        ruleTitle: rule?.title ?? violation.ruleCode,
        archiveNo: violation.archiveNo ?? '',
        day: violation.occurredOn,
        quantity: violation.quantity,
        unitLabel: rule ? PENALTY_UNIT_LABELS[rule.penalty.per] : '',
        rate: rateText(rule),
        multiplier: line.multiplier,
        yuan: roundToFen(yuan),
        kpiPoints,
        ...(adjusted ? { adjustedReason: adjusted.reason } : {}),
        repeat: violation.repeatOf !== undefined
      })
    }
  }
  return { lines, undecided }
}

/** The yuan and KPI totals of decided lines. */
export function fineTotals(lines: readonly Pick<FineNoticeLine, 'yuan' | 'kpiPoints'>[]): {
  yuan: number
  kpiPoints: number
} {
  return {
    yuan: roundToFen(lines.reduce((sum, line) => sum + line.yuan, 0)),
    kpiPoints: lines.reduce((sum, line) => sum + line.kpiPoints, 0)
  }
}

/** The notice's content: what prints, the totals, 大写. Pure: the same input gives the same notice. */
export function buildFineNotice(input: FineNoticeInput): FineNotice {
  const text = monthText(input.month)
  const { lines, undecided } = decidedFineLines(
    input.person.id,
    input.month,
    input.violations,
    input.lines,
    input.fines
  )
  const totals = fineTotals(lines)
  const enforcedBy = input.fines.enforcedBy?.trim() || '客服部'
  const payCut = input.payCutPercent ?? null
  return {
    title: FINE_NOTICE_TITLE,
    dealershipName: input.dealershipName,
    person: input.person,
    month: input.month,
    monthText: text,
    lines,
    totalYuan: totals.yuan,
    totalKpiPoints: totals.kpiPoints,
    totalCapital: capitalYuan(totals.yuan),
    payCutPercent: payCut !== null && payCut > 0 ? payCut : null,
    undecided,
    enforcedBy,
    copies: FINE_NOTICE_COPIES,
    signatures: fineNoticeSignatures(enforcedBy),
    printedBy: input.printedBy,
    printedAt: input.printedAt,
    auditHead: input.auditHead
  }
}
