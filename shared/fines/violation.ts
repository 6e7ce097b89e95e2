import type { FineTrigger, PenalisedRole } from '../policy'

// The contract of the fines engine: what detection hands in, what the engine hands back. Other tools
// (the month's screen, the notice, the payroll export, the bench) build on exactly these shapes.

/** 'sales' | 'service': the same values as the archive kind of shared/policy (one type once they are unified). */
export type ArchiveKind = 'sales' | 'service'

export interface ViolationInput {
  id: string
  personId: string
  role: PenalisedRole
  trigger: FineTrigger
  archiveKind?: ArchiveKind
  /** 'YYYY-MM-DD', a China calendar date. */
  occurredOn: string
  /** Items, files or vehicle visits, per the rule's unit; a whole number of at least 1. */
  quantity: number
  /**
   * The archive the violation was found on. Only read when the policy counts one archive's findings on
   * one day as one penalty (penaltyCounting 'archive_day'); without it the violation is a penalty of its own.
   */
  archiveId?: string
}

export interface FineLine {
  violationId: string
  personId: string
  ruleCode: string
  /** After escalation. */
  yuan: number
  kpiPoints: number
  /** 1, or the escalation's multiplier. */
  multiplier: number
}
