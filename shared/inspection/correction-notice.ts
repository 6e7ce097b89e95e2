import type { AuditHead } from '../audit/audit-chain'
// 《不合格档案记录》 / correction notice: what failed, by whom it is corrected, by when; signed on paper.

export interface CorrectionNoticeItem {
  document: string
  check: string
  explanation: string
}

export interface CorrectionNotice {
  dealershipName: string
  /** e.g. BHG2026-0003: the year's third notice (see correctionNoticeNumber). */
  number: string
  archiveNo: string
  vin: string
  plate: string | null
  ownerName: string
  archiveLabel: string
  responsibleName: string
  departmentLabel: string
  round: number
  inspectedBy: string
  inspectedAt: string
  /** When the corrected archive must be back: an ISO instant. */
  dueAt: string
  dueRule: string
  items: CorrectionNoticeItem[]
  /** The role that confirms the record (FAW-VW: 服务经理 for service archives), from the policy. */
  confirmerRole: string | null
  policyLabel: string
  printedBy: string
  printedAt: string
  /** The print's own audit event: its short hash in the footer ties the paper to the audit chain. */
  auditHead: AuditHead
}

/** The counter a year's notices draw from; a new year starts again at 1, as archive numbers do. */
export function correctionNoticeCounterId(chinaYear: string): string {
  return `correctionNotice:${chinaYear}`
}

/** 《不合格档案记录》 numbers run in sequence per year (China time): BHG2026-0001, BHG2026-0002, … */
export function correctionNoticeNumber(chinaYear: string, seq: number): string {
  if (!/^\d{4}$/.test(chinaYear)) throw new RangeError(`not a year: ${chinaYear}`)
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`not a sequence number: ${seq}`)
  return `BHG${chinaYear}-${String(seq).padStart(4, '0')}`
}
