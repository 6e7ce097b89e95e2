import { isRealIsoDate } from '../time'
import { DomainError } from '../model/domain-error'
import { DEFAULT_PENALTY_COUNTING } from '../policy/fine-schedule'
import type { FineEscalation, FineRule, FinesPolicy } from '../policy/fine-schedule'
import type { FineLine, ViolationInput } from './violation'

// The fines engine: the policy's schedule applied to the month's violations. Pure and order-independent:
// violations are taken in the order they occurred (occurredOn, then id), whatever order they come in.
//
// - A violation gets one line per rule that matches its trigger, the role charged and the archive kind
//   (a rule without an archive kind matches both, and a violation without one).
// - Yuan and KPI points are separate: a yuan rule gives kpiPoints 0, a KPI rule gives yuan 0.
// - A KPI rule whose points are unset (null: the text leaves them open and the director has not set them)
//   gives no line; violationsAwaitingKpiPoints lists those violations for the month's screen.
// - Escalation (SVW-Skoda 五.6) counts a person's penalties in a China calendar month (occurredOn's
//   YYYY-MM): from the escalation's nth penalty on, each of that person's fines in the month is multiplied
//   (×2, not progressively). A violation is a penalty when it gets at least one line. By default each
//   violation is one penalty (受处罚一次); the policy option penaltyCounting 'archive_day' counts one
//   archive's findings on one day as one. The text says 罚款翻倍: the multiplier applies to yuan, and a
//   KPI line always has multiplier 1.
// - Lines carry the rule code. The engine applies the one policy it is given: when the policy changes in
//   mid-month the caller assesses each violation under the version in force when it occurred and keeps
//   the earlier lines, so a later version never alters an earlier month.

const PER_MONTH_KEY = (violation: ViolationInput) => `${violation.personId}\u0000${violation.occurredOn.slice(0, 7)}`

function refuseInvalid(violations: readonly ViolationInput[]): void {
  const seen = new Set<string>()
  for (const violation of violations) {
    const id = violation.id
    if (seen.has(id))
      throw new DomainError('FINE_VIOLATION_ID_DUPLICATE', `违规编号“${id}”重复，每条违规只能计一次`, { id })
    seen.add(id)
    if (violation.personId.trim() === '')
      throw new DomainError('FINE_VIOLATION_PERSON_MISSING', `违规“${id}”未指明被处罚人`, { id })
    if (!isRealIsoDate(violation.occurredOn)) {
      throw new DomainError(
        'FINE_VIOLATION_DATE_INVALID',
        `违规“${id}”的发生日期“${violation.occurredOn}”无效，应为 年-月-日，如 2026-03-05`,
        { id, date: violation.occurredOn }
      )
    }
    if (!Number.isSafeInteger(violation.quantity) || violation.quantity < 1) {
      throw new DomainError(
        'FINE_VIOLATION_QUANTITY_INVALID',
        `违规“${id}”的数量“${violation.quantity}”无效，应为不小于 1 的整数`,
        { id, quantity: String(violation.quantity) }
      )
    }
  }
}

function byOccurrence(a: ViolationInput, b: ViolationInput): number {
  if (a.occurredOn !== b.occurredOn) return a.occurredOn < b.occurredOn ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** The rules a violation falls under: same trigger, the role is charged, and the archive kind fits. */
export function matchingRules(fines: Pick<FinesPolicy, 'rules'>, violation: ViolationInput): FineRule[] {
  return fines.rules.filter(
    (rule) =>
      rule.trigger === violation.trigger &&
      rule.appliesTo.includes(violation.role) &&
      (rule.archiveKind === undefined || rule.archiveKind === violation.archiveKind)
  )
}

const pointsUnset = (rule: FineRule) => rule.penalty.kind === 'kpi_points' && rule.penalty.points === null

/** One violation as the engine judged it: the rules it is charged under, its place in the month, the multiplier. */
export interface AssessedViolation {
  readonly violation: ViolationInput
  readonly rules: readonly FineRule[]
  /** The how-manieth penalty of the person in the month it is. */
  readonly penaltyNumber: number
  readonly escalation: FineEscalation | null
  readonly multiplier: number
}

/** The violations that are penalties, in the order they occurred, each with its number in the person's month. */
export function assessViolations(fines: FinesPolicy, violations: readonly ViolationInput[]): AssessedViolation[] {
  refuseInvalid(violations)
  const counting = fines.penaltyCounting ?? DEFAULT_PENALTY_COUNTING
  const penaltiesInMonth = new Map<string, number>()
  const numberOfArchiveDay = new Map<string, number>()
  const assessed: AssessedViolation[] = []
  for (const violation of [...violations].sort(byOccurrence)) {
    const rules = matchingRules(fines, violation).filter((rule) => !pointsUnset(rule))
    if (rules.length === 0) continue
    const monthKey = PER_MONTH_KEY(violation)
    const archiveDayKey =
      counting === 'archive_day' && violation.archiveId !== undefined
        ? `${monthKey}\u0000${violation.archiveId}\u0000${violation.occurredOn}`
        : undefined
    let penaltyNumber = archiveDayKey === undefined ? undefined : numberOfArchiveDay.get(archiveDayKey)
    if (penaltyNumber === undefined) {
      penaltyNumber = (penaltiesInMonth.get(monthKey) ?? 0) + 1
      penaltiesInMonth.set(monthKey, penaltyNumber)
      if (archiveDayKey !== undefined) numberOfArchiveDay.set(archiveDayKey, penaltyNumber)
    }
    const escalation = fines.escalations.find((e) => e.appliesTo === violation.role) ?? null
    const multiplier = escalation !== null && penaltyNumber >= escalation.fromNthPenalty ? escalation.multiplier : 1
    assessed.push({ violation, rules, penaltyNumber, escalation, multiplier })
  }
  return assessed
}

const toCents = (yuan: number) => Math.round(yuan * 100) / 100

function lineOf(rule: FineRule, assessed: AssessedViolation): FineLine {
  const { violation } = assessed
  const base = { violationId: violation.id, personId: violation.personId, ruleCode: rule.code }
  if (rule.penalty.kind === 'yuan') {
    const yuan = toCents(rule.penalty.amount * violation.quantity * assessed.multiplier)
    return { ...base, yuan, kpiPoints: 0, multiplier: assessed.multiplier }
  }
  return { ...base, yuan: 0, kpiPoints: (rule.penalty.points ?? 0) * violation.quantity, multiplier: 1 }
}

/** The fine lines of the violations under the policy's schedule: the same lines whatever order they come in. */
export function assessFines(fines: FinesPolicy, violations: readonly ViolationInput[]): FineLine[] {
  return assessViolations(fines, violations).flatMap((assessed) => assessed.rules.map((rule) => lineOf(rule, assessed)))
}

/** A violation that waits for the director to set the KPI points of its rule before it is counted. */
export interface AwaitingKpiPoints {
  readonly violationId: string
  readonly personId: string
  readonly ruleCode: string
  readonly ruleTitle: string
  readonly clause: string
}

/** The violations under rules whose KPI points are unset, in the order they occurred, for the month's screen. */
export function violationsAwaitingKpiPoints(
  fines: FinesPolicy,
  violations: readonly ViolationInput[]
): AwaitingKpiPoints[] {
  refuseInvalid(violations)
  return [...violations].sort(byOccurrence).flatMap((violation) =>
    matchingRules(fines, violation)
      .filter(pointsUnset)
      .map((rule) => ({
        violationId: violation.id,
        personId: violation.personId,
        ruleCode: rule.code,
        ruleTitle: rule.title,
        clause: rule.clause
      }))
  )
}
