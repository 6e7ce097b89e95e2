import type { AuditHead } from '../audit/audit-chain'
// 《不合格档案记录》 / correction notice: what failed, by whom it is corrected, by when; signed on paper.

export interface CorrectionNoticeItem {
  document: string
  check: string
  explanation: string
}

export interface CorrectionNotice {
  dealershipName: string
  /** e.g. BHG20261122-003 */
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
