import { DomainError } from '../model/domain-error'
import type { FinesPolicy } from '../policy/fine-schedule'
import { assessViolations } from './assess-fines'
import type { ViolationInput } from './violation'

// SVW-Skoda 五.6 「并可视情况将当月绩效工资实行10%—30%的扣罚」: the engine only flags the month; a manager
// decides whether to cut and by how much inside the range. The engine never invents the percentage.

export interface PerformancePayCutFlag {
  readonly personId: string
  /** 'YYYY-MM', China calendar month. */
  readonly month: string
  readonly escalationCode: string
  readonly clause: string
  readonly minPercent: number
  readonly maxPercent: number
}

/** The people and months whose penalties reached an escalation that allows a performance-pay cut. */
export function performancePayCutFlags(
  fines: FinesPolicy,
  violations: readonly ViolationInput[]
): PerformancePayCutFlag[] {
  const flags = new Map<string, PerformancePayCutFlag>()
  for (const { violation, escalation, penaltyNumber } of assessViolations(fines, violations)) {
    const cut = escalation?.performancePayCut
    if (!escalation || !cut || penaltyNumber < escalation.fromNthPenalty) continue
    const month = violation.occurredOn.slice(0, 7)
    const key = `${violation.personId}\u0000${month}\u0000${escalation.code}`
    if (flags.has(key)) continue
    flags.set(key, {
      personId: violation.personId,
      month,
      escalationCode: escalation.code,
      clause: escalation.clause,
      minPercent: cut.minPercent,
      maxPercent: cut.maxPercent
    })
  }
  return [...flags.values()]
}

/** The manager's choice for a flagged month: 0 (可视情况: no cut) or a percentage inside the policy's range. */
export function checkPerformancePayCut(flag: PerformancePayCutFlag, percent: number): number {
  if (percent === 0 || (Number.isFinite(percent) && percent >= flag.minPercent && percent <= flag.maxPercent))
    return percent
  throw new DomainError(
    'FINE_PAY_CUT_OUT_OF_RANGE',
    `绩效工资扣罚比例应为 0（不扣罚）或 ${flag.minPercent}%–${flag.maxPercent}% 之间，不能是 ${percent}%`,
    { min: String(flag.minPercent), max: String(flag.maxPercent), percent: String(percent) }
  )
}
