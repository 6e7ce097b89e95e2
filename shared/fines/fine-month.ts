import { DomainError } from '../model/domain-error'
import type { FineRule, FineTrigger, PenalisedRole, Policy } from '../policy'
import { DEFAULT_PENALTY_COUNTING, PENALTY_UNIT_LABELS } from '../policy/fine-schedule'
import type { PenaltyCounting } from '../policy/fine-schedule'
import { isChinaMonth, isRealIsoDate } from '../time'
import { cleanFreeText } from '../validation/free-text'
import type { AwaitingKpiPoints } from './assess-fines'
import { assessFines, violationsAwaitingKpiPoints } from './assess-fines'
import type { PerformancePayCutFlag } from './performance-pay-cut'
import { checkPerformancePayCut, performancePayCutFlags } from './performance-pay-cut'
import type { FineLine, ViolationInput } from './violation'
import type { ViolationRecord, ViolationStatus } from './violation-record'

// The month's workflow on the violations: the director confirms, waives (reason) or adjusts (reason and
// amount) each; the person charged may object (申诉) and the director answers; closing the month freezes
// it, and afterwards it changes only through a correction entry in a later open month that refers to the
// closed month's violation, as accounting does. Every step is decided here; the repository writes it.

export type FineMonthStatus = 'open' | 'closed'

/** A person's performance-pay cut for the month (SVW-Skoda 五.6), set by a manager inside the range. */
export interface PayCut {
  readonly personId: string
  readonly percent: number
  readonly by: string
  readonly at: string
}

export interface FineMonthState {
  /** 'YYYY-MM', China calendar month. */
  readonly month: string
  readonly status: FineMonthStatus
  readonly closedAt: string | null
  readonly closedBy: string | null
  readonly payCuts: readonly PayCut[]
}

export type ViolationDecision = 'confirm' | 'waive' | 'adjust'

/** The transition table: which decision is allowed from which status, and where it leads. */
export const VIOLATION_TRANSITIONS: readonly {
  readonly from: ViolationStatus
  readonly event: ViolationDecision
  readonly to: ViolationStatus
}[] = [
  { from: 'proposed', event: 'confirm', to: 'confirmed' },
  { from: 'proposed', event: 'waive', to: 'waived' },
  { from: 'proposed', event: 'adjust', to: 'adjusted' },
  // The director may change their mind while the month is open.
  { from: 'confirmed', event: 'waive', to: 'waived' },
  { from: 'confirmed', event: 'adjust', to: 'adjusted' },
  { from: 'waived', event: 'confirm', to: 'confirmed' },
  { from: 'waived', event: 'adjust', to: 'adjusted' },
  { from: 'adjusted', event: 'confirm', to: 'confirmed' },
  { from: 'adjusted', event: 'waive', to: 'waived' },
  { from: 'adjusted', event: 'adjust', to: 'adjusted' }
]

export const VIOLATION_STATUS_LABELS: Readonly<Record<ViolationStatus, string>> = {
  proposed: '待确认',
  confirmed: '已确认',
  waived: '已免罚',
  adjusted: '已调整'
}

const DECISION_LABELS: Readonly<Record<ViolationDecision, string>> = {
  confirm: '确认',
  waive: '免罚',
  adjust: '调整'
}

const REASON_MAX = 500

/** A month's state before anything was written for it. */
export function openMonth(month: string): FineMonthState {
  checkMonth(month)
  return { month, status: 'open', closedAt: null, closedBy: null, payCuts: [] }
}

export function checkMonth(month: string): void {
  if (!isChinaMonth(month))
    throw new DomainError('FINE_MONTH_INVALID', `月份“${month}”无效，应为 年-月，如 2026-11`, { month })
}

/** Refused when the month is closed: it changes only through a correction entry in a later month. */
export function assertMonthOpen(state: FineMonthState): void {
  if (state.status === 'closed')
    throw new DomainError(
      'FINE_MONTH_CLOSED',
      `${state.month} 月的考核已结账，不能再修改；如需更正，请在以后未结账的月份登记更正`,
      { month: state.month }
    )
}

function requiredText(value: string, code: string, what: string): string {
  const text = cleanFreeText(value ?? '', true).trim()
  if (text === '') throw new DomainError(code, `请填写${what}`, { what })
  if (text.length > REASON_MAX)
    throw new DomainError('FINE_TEXT_TOO_LONG', `${what}不能超过 ${REASON_MAX} 个字`, {
      what,
      max: String(REASON_MAX)
    })
  return text
}

function amount(value: number | undefined, what: string): number | undefined {
  if (value === undefined) return undefined
  if (!Number.isFinite(value) || value < 0 || Math.round(value * 100) !== value * 100)
    throw new DomainError('FINE_AMOUNT_INVALID', `${what}“${value}”无效，应为不小于 0 的数，最多两位小数`, {
      what,
      value: String(value)
    })
  return value
}

export interface DecisionInput {
  readonly decision: ViolationDecision
  readonly reason?: string
  /** adjust: the amounts that replace the computed ones (yuan after escalation; KPI points). */
  readonly yuan?: number
  readonly kpiPoints?: number
}

/** The violation after the director's decision; refused when the month is closed or the table forbids it. */
export function decideViolation(
  violation: ViolationRecord,
  state: FineMonthState,
  input: DecisionInput,
  by: string,
  at: string
): ViolationRecord {
  assertMonthOpen(state)
  const found = VIOLATION_TRANSITIONS.find((t) => t.from === violation.status && t.event === input.decision)
  if (!found)
    throw new DomainError(
      'FINE_ILLEGAL_TRANSITION',
      `违规当前为“${VIOLATION_STATUS_LABELS[violation.status]}”，不能${DECISION_LABELS[input.decision] ?? input.decision}`,
      {
        from: violation.status,
        event: String(input.decision),
        status: VIOLATION_STATUS_LABELS[violation.status],
        action: DECISION_LABELS[input.decision] ?? String(input.decision)
      }
    )
  if (input.decision === 'confirm') {
    const { decision: _dropped, ...rest } = violation
    return { ...rest, status: 'confirmed' }
  }
  const reason = requiredText(
    input.reason ?? '',
    'FINE_REASON_REQUIRED',
    input.decision === 'waive' ? '免罚理由' : '调整理由'
  )
  if (input.decision === 'waive') return { ...violation, status: 'waived', decision: { reason, by, at } }
  const yuan = amount(input.yuan, '调整后的罚款金额')
  const kpiPoints = amount(input.kpiPoints, '调整后的考核扣分')
  if (yuan === undefined && kpiPoints === undefined)
    throw new DomainError('FINE_ADJUST_AMOUNT_REQUIRED', '调整须填写调整后的罚款金额或考核扣分')
  return {
    ...violation,
    status: 'adjusted',
    decision: {
      reason,
      by,
      at,
      ...(yuan === undefined ? {} : { yuan }),
      ...(kpiPoints === undefined ? {} : { kpiPoints })
    }
  }
}

/** The person charged objects (申诉) with a note: only their own violation, one open objection at a time. */
export function objectToViolation(
  violation: ViolationRecord,
  state: FineMonthState,
  personId: string,
  note: string,
  at: string
): ViolationRecord {
  assertMonthOpen(state)
  if (violation.personId !== personId) throw new DomainError('FINE_OBJECTION_NOT_OWN', '只能对本人的违规提出申诉')
  if (violation.objection && !violation.objection.answer)
    throw new DomainError('FINE_OBJECTION_OPEN', '该违规已有待答复的申诉，请等待客户总监答复')
  return { ...violation, objection: { note: requiredText(note, 'FINE_OBJECTION_NOTE_REQUIRED', '申诉理由'), at } }
}

/** The director answers an open objection; an upheld one waives the violation with the answer as its reason. */
export function answerObjection(
  violation: ViolationRecord,
  state: FineMonthState,
  answer: { note: string; upheld: boolean },
  by: string,
  at: string
): ViolationRecord {
  assertMonthOpen(state)
  if (!violation.objection || violation.objection.answer)
    throw new DomainError('FINE_NO_OPEN_OBJECTION', '该违规没有待答复的申诉')
  const note = requiredText(answer.note, 'FINE_ANSWER_REQUIRED', '申诉答复')
  const answered: ViolationRecord = {
    ...violation,
    objection: { ...violation.objection, answer: { note, upheld: answer.upheld, by, at } }
  }
  return answer.upheld ? { ...answered, status: 'waived', decision: { reason: `申诉成立：${note}`, by, at } } : answered
}

/** Closing: every violation decided and every objection answered; the month is then frozen. */
export function closeMonth(
  state: FineMonthState,
  violations: readonly ViolationRecord[],
  by: string,
  at: string
): FineMonthState {
  assertMonthOpen(state)
  const undecided = violations.filter((v) => v.month === state.month && v.status === 'proposed').length
  if (undecided > 0)
    throw new DomainError('FINE_MONTH_UNDECIDED', `还有 ${undecided} 条违规待确认、免罚或调整，不能结账`, {
      count: String(undecided)
    })
  const open = violations.filter((v) => v.month === state.month && v.objection && !v.objection.answer).length
  if (open > 0)
    throw new DomainError('FINE_MONTH_OBJECTIONS_OPEN', `还有 ${open} 条申诉未答复，不能结账`, { count: String(open) })
  return { ...state, status: 'closed', closedAt: at, closedBy: by }
}

/** A manager's pay cut for a flagged person: 0 or inside the policy's range; replaces an earlier choice. */
export function setPayCut(
  state: FineMonthState,
  flag: PerformancePayCutFlag | undefined,
  personId: string,
  percent: number,
  by: string,
  at: string
): FineMonthState {
  assertMonthOpen(state)
  if (!flag) throw new DomainError('FINE_PAY_CUT_NOT_FLAGGED', '该人员本月未达到可扣罚绩效工资的处罚次数', { personId })
  const checked = checkPerformancePayCut(flag, percent)
  return {
    ...state,
    payCuts: [...state.payCuts.filter((c) => c.personId !== personId), { personId, percent: checked, by, at }]
  }
}

/** A violation the director records by hand (FAW-VW 4(7) favouritism; anything else a rule covers). */
export interface ManualViolationInput {
  readonly personId: string
  readonly personName: string
  readonly role: PenalisedRole
  readonly ruleCode: string
  readonly occurredOn: string
  readonly quantity: number
  readonly reason: string
  /** What was seen, by whom; the archive when there is one. */
  readonly evidence: string
  readonly archiveId?: string
  readonly archiveNo?: string
}

/** The manual violation as a record, proposed like a detected one; refused when the rule does not charge the role. */
export function manualViolation(
  policy: Policy,
  input: ManualViolationInput,
  state: FineMonthState,
  id: string
): ViolationRecord {
  const rule = policy.fines.rules.find((r) => r.code === input.ruleCode)
  if (!rule)
    throw new DomainError('FINE_RULE_UNKNOWN', `处罚条款“${input.ruleCode}”不在本制度中`, { rule: input.ruleCode })
  if (!rule.appliesTo.includes(input.role))
    throw new DomainError('FINE_RULE_ROLE_MISMATCH', `处罚条款“${rule.title}”不适用于该岗位`, { rule: rule.title })
  if (!isRealIsoDate(input.occurredOn))
    throw new DomainError(
      'FINE_VIOLATION_DATE_INVALID',
      `违规的发生日期“${input.occurredOn}”无效，应为 年-月-日，如 2026-03-05`,
      {
        id,
        date: input.occurredOn
      }
    )
  if (input.occurredOn.slice(0, 7) !== state.month)
    throw new DomainError('FINE_DATE_OUTSIDE_MONTH', `发生日期 ${input.occurredOn} 不在 ${state.month} 月内`, {
      date: input.occurredOn,
      month: state.month
    })
  assertMonthOpen(state)
  if (!Number.isSafeInteger(input.quantity) || input.quantity < 1)
    throw new DomainError(
      'FINE_VIOLATION_QUANTITY_INVALID',
      `违规“${id}”的数量“${input.quantity}”无效，应为不小于 1 的整数`,
      {
        id,
        quantity: String(input.quantity)
      }
    )
  if (input.personId.trim() === '')
    throw new DomainError('FINE_VIOLATION_PERSON_MISSING', `违规“${id}”未指明被处罚人`, { id })
  const reason = requiredText(input.reason, 'FINE_REASON_REQUIRED', '违规事由')
  const evidence = requiredText(input.evidence, 'FINE_EVIDENCE_REQUIRED', '证据说明')
  return {
    id,
    personId: input.personId,
    personName: input.personName,
    role: input.role,
    trigger: rule.trigger,
    ...(rule.archiveKind ? { archiveKind: rule.archiveKind } : {}),
    occurredOn: input.occurredOn,
    quantity: input.quantity,
    month: state.month,
    ruleCode: rule.code,
    clause: rule.clause,
    policyRef: `${policy.id}@${policy.version}`,
    source: 'manual',
    reason,
    evidence: { note: evidence, ...(input.archiveId ? { archiveId: input.archiveId } : {}) },
    ...(input.archiveId ? { archiveId: input.archiveId } : {}),
    ...(input.archiveNo ? { archiveNo: input.archiveNo } : {}),
    status: 'proposed',
    unit: PENALTY_UNIT_LABELS[rule.penalty.per]
  }
}

/**
 * A correction entry in an open later month for a violation of a closed month: the amounts it adds (negative
 * to give back), the reason, and the violation it corrects. It is not a penalty of its own (no escalation).
 */
export function correctionEntry(
  corrected: ViolationRecord,
  correctedMonth: FineMonthState,
  state: FineMonthState,
  input: { reason: string; yuan: number; kpiPoints: number },
  by: string,
  at: string,
  occurredOn: string
): ViolationRecord {
  if (correctedMonth.status !== 'closed')
    throw new DomainError('FINE_CORRECTION_MONTH_OPEN', `${corrected.month} 月尚未结账，请直接修改该违规`, {
      month: corrected.month
    })
  assertMonthOpen(state)
  if (state.month <= corrected.month)
    throw new DomainError('FINE_CORRECTION_MONTH_NOT_LATER', `更正须登记在 ${corrected.month} 月之后的月份`, {
      month: corrected.month
    })
  const reason = requiredText(input.reason, 'FINE_REASON_REQUIRED', '更正理由')
  for (const [value, what] of [
    [input.yuan, '更正的罚款金额'],
    [input.kpiPoints, '更正的考核扣分']
  ] as const) {
    if (!Number.isFinite(value) || Math.round(value * 100) !== value * 100)
      throw new DomainError('FINE_AMOUNT_INVALID', `${what}“${value}”无效，最多两位小数`, {
        what,
        value: String(value)
      })
  }
  if (input.yuan === 0 && input.kpiPoints === 0)
    throw new DomainError('FINE_ADJUST_AMOUNT_REQUIRED', '更正须填写罚款金额或考核扣分的变化')
  const {
    decision: _decision,
    objection: _objection,
    repeatOf: _repeatOf,
    fix: _fix,
    fixBy: _fixBy,
    ...kept
  } = corrected
  return {
    ...kept,
    id: `correction:${corrected.id}:${at}`,
    month: state.month,
    occurredOn,
    source: 'manual',
    reason: `更正 ${corrected.month} 月违规：${reason}`,
    status: 'adjusted',
    decision: { reason, by, at, yuan: input.yuan, kpiPoints: input.kpiPoints },
    corrects: corrected.id
  }
}

/** A line of the month: the engine's line, or the director's adjusted amounts, with what it is for. */
export interface MonthLine extends FineLine {
  readonly clause: string
  readonly quantity: number
  readonly unit: string
  readonly status: ViolationStatus
}

export interface PersonTotal {
  readonly personId: string
  readonly personName: string
  readonly yuan: number
  readonly kpiPoints: number
  readonly payCutPercent: number | null
}

export interface MonthView {
  readonly state: FineMonthState
  readonly violations: readonly ViolationRecord[]
  readonly lines: readonly MonthLine[]
  readonly awaitingKpiPoints: readonly AwaitingKpiPoints[]
  readonly payCutFlags: readonly PerformancePayCutFlag[]
  readonly totals: readonly PersonTotal[]
  /** What counts as one penalty toward escalation, as the policy in force says (default: each violation). */
  readonly penaltyCounting: PenaltyCounting
}

const toInput = (v: ViolationRecord): ViolationInput => ({
  id: v.id,
  personId: v.personId,
  role: v.role,
  trigger: v.trigger,
  ...(v.archiveKind ? { archiveKind: v.archiveKind } : {}),
  occurredOn: v.occurredOn,
  quantity: v.quantity,
  ...(v.archiveId ? { archiveId: v.archiveId } : {})
})

const cents = (n: number) => Math.round(n * 100) / 100

/**
 * The month's lines: each violation assessed under the policy version it was recorded with (a later
 * version never alters it), waived ones left out (not a penalty), adjusted ones at the director's amounts,
 * correction entries at their own amounts with no escalation.
 */
export function monthView(
  state: FineMonthState,
  violations: readonly ViolationRecord[],
  policies: readonly Policy[],
  current: Policy
): MonthView {
  const inMonth = violations.filter((v) => v.month === state.month)
  const counted = inMonth.filter((v) => v.status !== 'waived' && v.corrects === undefined)
  const inputs = counted.map(toInput)
  const byRef = new Map(policies.map((p) => [`${p.id}@${p.version}`, p]))
  const refs = [...new Set(counted.map((v) => v.policyRef))].sort()
  const lines: MonthLine[] = []
  const awaiting: AwaitingKpiPoints[] = []
  const flags: PerformancePayCutFlag[] = []
  const byId = new Map(inMonth.map((v) => [v.id, v]))
  const ruleOf = new Map<string, FineRule>()
  for (const ref of refs) {
    const policy = byRef.get(ref)
    if (!policy) continue
    const own = new Set(counted.filter((v) => v.policyRef === ref).map((v) => v.id))
    for (const rule of policy.fines.rules) ruleOf.set(`${ref}\u0000${rule.code}`, rule)
    // Escalation counts the person's penalties across the whole month; each keeps its own version's amount.
    for (const line of assessFines(policy.fines, inputs)) {
      if (!own.has(line.violationId)) continue
      const v = byId.get(line.violationId)!
      const rule = ruleOf.get(`${ref}\u0000${line.ruleCode}`)
      lines.push({
        ...line,
        clause: rule?.clause ?? v.clause,
        quantity: v.quantity,
        unit: rule ? PENALTY_UNIT_LABELS[rule.penalty.per] : (v.unit ?? ''),
        status: v.status
      })
    }
    awaiting.push(...violationsAwaitingKpiPoints(policy.fines, counted.filter((v) => own.has(v.id)).map(toInput)))
    for (const flag of performancePayCutFlags(policy.fines, inputs))
      if (!flags.some((f) => f.personId === flag.personId)) flags.push(flag)
  }
  // Adjusted: the director's amounts replace the first line's; any further line of it is zeroed.
  const seen = new Set<string>()
  const adjusted = lines.map((line): MonthLine => {
    const v = byId.get(line.violationId)!
    if (v.status !== 'adjusted' || !v.decision) return line
    const first = !seen.has(v.id)
    seen.add(v.id)
    return {
      ...line,
      yuan: first ? (v.decision.yuan ?? line.yuan) : 0,
      kpiPoints: first ? (v.decision.kpiPoints ?? line.kpiPoints) : 0
    }
  })
  for (const v of inMonth.filter((x) => x.corrects !== undefined)) {
    adjusted.push({
      violationId: v.id,
      personId: v.personId,
      ruleCode: v.ruleCode,
      yuan: v.decision?.yuan ?? 0,
      kpiPoints: v.decision?.kpiPoints ?? 0,
      multiplier: 1,
      clause: v.clause,
      quantity: v.quantity,
      unit: v.unit ?? '',
      status: v.status
    })
  }
  const names = new Map(inMonth.map((v) => [v.personId, v.personName]))
  const totals = new Map<string, { yuan: number; kpiPoints: number }>()
  for (const line of adjusted) {
    const t = totals.get(line.personId) ?? { yuan: 0, kpiPoints: 0 }
    totals.set(line.personId, { yuan: cents(t.yuan + line.yuan), kpiPoints: cents(t.kpiPoints + line.kpiPoints) })
  }
  for (const v of inMonth) if (!totals.has(v.personId)) totals.set(v.personId, { yuan: 0, kpiPoints: 0 })
  return {
    state,
    violations: [...inMonth].sort((a, b) =>
      a.occurredOn !== b.occurredOn ? (a.occurredOn < b.occurredOn ? -1 : 1) : a.id < b.id ? -1 : 1
    ),
    lines: adjusted,
    awaitingKpiPoints: awaiting,
    payCutFlags: flags,
    totals: [...totals.entries()]
      .map(([personId, t]) => ({
        personId,
        personName: names.get(personId) ?? personId,
        ...t,
        payCutPercent: state.payCuts.find((c) => c.personId === personId)?.percent ?? null
      }))
      .sort((a, b) => a.personName.localeCompare(b.personName, 'zh-CN')),
    penaltyCounting: current.fines.penaltyCounting ?? DEFAULT_PENALTY_COUNTING
  }
}

/** The triggers the director may record by hand: every rule of the policy (favouritism has no record to detect it from). */
export function manualRules(policy: Policy): readonly {
  code: string
  title: string
  clause: string
  trigger: FineTrigger
  appliesTo: readonly PenalisedRole[]
}[] {
  return policy.fines.rules.map((r) => ({
    code: r.code,
    title: r.title,
    clause: r.clause,
    trigger: r.trigger,
    appliesTo: r.appliesTo
  }))
}

/**
 * A violation on a file the operator may not see (机密/绝密): the person, rule and amount stay (they are the
 * person's fine), what names or describes the file is withheld.
 */
export function withholdArchiveDetails(violation: ViolationRecord): ViolationRecord {
  const { archiveNo: _no, fix: _fix, ...rest } = violation
  return {
    ...rest,
    reason: '',
    evidence: {},
    withheld: true
  }
}
