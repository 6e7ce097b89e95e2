import type { FactRef } from './fact-ref'

// One line of the inspection checklist. `auto` items are decided by a rule of the registry from the
// facts; `manual` items by the checker's tick (legibility, stamps, signing in the right place…).

/** A scalar a condition compares a fact with. */
export type ConditionValue = string | number | boolean

/**
 * The item applies only when a fact has (one_of) or has not (none_of) one of the values,
 * e.g. FAW-VW "5-单子除外" or "无消费发生除外". Otherwise the item is not applicable and `note` says why.
 */
export interface ApplicabilityCondition {
  readonly fact: FactRef
  readonly is: 'one_of' | 'none_of'
  readonly values: readonly ConditionValue[]
  readonly note: string
}

/** Whether a condition holds for a fact's value (text compared trimmed); one reading for items and documents. */
export function conditionHolds(condition: ApplicabilityCondition, value: unknown): boolean {
  const matches = condition.values.some((expected) =>
    typeof value === 'string' && typeof expected === 'string' ? value.trim() === expected.trim() : value === expected
  )
  return condition.is === 'one_of' ? matches : !matches
}

interface CheckItemBase {
  /** Stable within the archive template: inspection results are stored under it. */
  readonly code: string
  /** Chinese, in the policy text's words. */
  readonly title: string
  /** Which clause of which policy text the item comes from. */
  readonly clause: string
  readonly applicableWhen?: ApplicabilityCondition
  /** The fine rule (policy.fines.rules[].code) a failure of this item is charged under, if any. */
  readonly fineRuleCode?: string
}

export interface AutoCheckItemTemplate extends CheckItemBase {
  readonly mode: 'auto'
  /** Key into the rule registry. */
  readonly ruleId: string
  /** What the rule needs: the facts it reads and its numbers, e.g. `{ maxHours: 24 }`. */
  readonly params: Readonly<Record<string, unknown>>
}

export interface ManualCheckItemTemplate extends CheckItemBase {
  readonly mode: 'manual'
}

export type CheckItemTemplate = AutoCheckItemTemplate | ManualCheckItemTemplate

export type CheckMode = CheckItemTemplate['mode']
