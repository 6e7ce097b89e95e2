import type { ViolationInput } from './violation'

// A violation as the app keeps it: what detection (or the director) proposed, the evidence it rests on,
// the policy version in force on the day, and the month's decisions on it. The month's screen, the
// notices (奖罚通知单), the statement, the payroll export and the monthly report read exactly this shape.

/** Where a violation came from: found in the records, or recorded by hand with its reason and evidence. */
export type ViolationSource = 'detected' | 'manual'

/** proposed → confirmed | waived | adjusted (each with its reason); a closed month freezes them. */
export type ViolationStatus = 'proposed' | 'confirmed' | 'waived' | 'adjusted'

/** The records a violation rests on; at least one for a detected violation. */
export interface ViolationEvidence {
  archiveId?: string
  handoverId?: string
  inspectionId?: string
  /** Free text for a manual violation (what was seen, by whom). */
  note?: string
}

export interface ViolationObjection {
  /** 申诉 by the person charged. */
  note: string
  at: string
  /** The director's answer; absent while open. */
  answer?: { note: string; upheld: boolean; by: string; at: string }
}

export interface ViolationRecord extends ViolationInput {
  /** The China calendar month it counts in, 'YYYY-MM' (the month of occurredOn, or of the correction). */
  month: string
  personName: string
  /** The fine rule's code and clause in the policy version below (e.g. 'SVW 五.3'). */
  ruleCode: string
  clause: string
  /** 'policyId@version' in force on occurredOn: a later policy change never alters this violation. */
  policyRef: string
  source: ViolationSource
  /** Why it was proposed, in Chinese, e.g. 「交接时间 2026-11-03 16:20，晚于截止 2026-11-03 10:00」. */
  reason: string
  evidence: ViolationEvidence
  archiveNo?: string
  /** SVW-Skoda 五.10: the repeat's day, and the violation it repeats. */
  repeatOf?: string
  status: ViolationStatus
  /** Reason and approver of a waiver or adjustment. */
  decision?: { reason: string; by: string; at: string; yuan?: number; kpiPoints?: number }
  objection?: ViolationObjection
  /** A correction entry in a later month refers to the closed month's violation it corrects. */
  corrects?: string
  /** The rule's unit as its text writes it (车次, 项, 件, 份, 次). */
  unit?: string
  /** What the person charged is to fix, and by when (ISO instant), for their 我的 page. */
  fix?: string
  fixBy?: string
  /** Read by one who may not see the archive's file: what names or describes it was left out. */
  withheld?: boolean
}
