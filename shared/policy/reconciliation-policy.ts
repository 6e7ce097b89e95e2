// Counting received archives against the dealer's system; the exceptions are not "missing".

export interface ReconciliationRule {
  /** The system the count comes from, e.g. 'AAK' (FAW-VW sales), '小R3' (FAW-VW service), 'CRM'. */
  readonly system: string
  /** Allowed reasons a file is not handed in yet (recorded in 《未上报记录》). */
  readonly exceptions: readonly { readonly code: string; readonly label: string }[]
  readonly clause: string
}

export interface ReconciliationPolicy {
  readonly sales: ReconciliationRule
  readonly service: ReconciliationRule
}
