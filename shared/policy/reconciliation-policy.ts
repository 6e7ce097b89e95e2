// Counting received archives against the dealer's system; the exceptions are not "missing".

import type { IsoWeekday } from './deadline-rule'

/** How often the archives are counted against the system. */
export type ReconciliationCadence =
  /** e.g. FAW-VW 五(一)3(1): sales files are collected every Monday against the week's AAK scan. */
  | { readonly kind: 'weekly'; readonly weekday: IsoWeekday; readonly clause?: string }
  /** e.g. SVW-Skoda 二.5: the register of received files is kept every day. */
  | { readonly kind: 'daily'; readonly clause?: string }

/** Without a cadence in the policy the count is weekly, on Monday. */
export const DEFAULT_RECONCILIATION_CADENCE: ReconciliationCadence = { kind: 'weekly', weekday: 1 }

export interface ReconciliationRule {
  /** The system the count comes from, e.g. 'AAK' (FAW-VW sales), '小R3' (FAW-VW service), 'CRM'. */
  readonly system: string
  /** Allowed reasons a file is not handed in yet (recorded in 《未上报记录》). */
  readonly exceptions: readonly { readonly code: string; readonly label: string }[]
  readonly clause: string
  /** How often to count; absent means DEFAULT_RECONCILIATION_CADENCE. */
  readonly cadence?: ReconciliationCadence
}

export interface ReconciliationPolicy {
  readonly sales: ReconciliationRule
  readonly service: ReconciliationRule
}
