import type { AuditHead } from '../audit/audit-chain'
import type { SyncMeta } from '../model/sync-meta'
import type { ArchiveKind } from '../archive/archive-kind'
import type { VisitTypeCode } from '../policy'

// 交接: a batch of paper archives handed from sales or service to customer care, signed on paper by both.

export type HandoverStatus = 'open' | 'submitted' | 'signed'

export const HANDOVER_STATUS_LABELS: Record<HandoverStatus, string> = {
  open: '登记中',
  submitted: '待签字',
  signed: '已签字'
}

export interface Handover extends SyncMeta {
  /** Printed on the sheet, e.g. JJ20261122-001. */
  number: string
  department: ArchiveKind
  handedByName: string
  receivedByName: string
  /** ISO instant the files changed hands. */
  handedAt: string
  status: HandoverStatus
  signedAt: string | null
  policyId: string
  policyVersion: number
}

/** One archive on a handover sheet, as printed. */
export interface HandoverSheetLine {
  archiveNo: string
  vin: string
  plate: string | null
  ownerName: string
  kind: ArchiveKind
  visitTypeLabel: string | null
  repairOrderNo: string | null
  advisorName: string
  /** Delivery (sales) or hand-back (service) day, YYYY-MM-DD China time, as typed at the handover. */
  anchorDate: string | null
  documentsPresent: string[]
  documentsMissing: string[]
  missingNote: string | null
}

/** Everything the printed 《档案交接表》 shows. */
export interface HandoverSheet {
  dealershipName: string
  number: string
  /** Which department hands over: it decides the sheet's columns. */
  department: ArchiveKind
  departmentLabel: string
  handedByName: string
  receivedByName: string
  handedAt: string
  lines: HandoverSheetLine[]
  printedBy: string
  printedAt: string
  /** The print's own audit event: its short hash in the footer ties the paper to the audit chain. */
  auditHead: AuditHead
}

export type { VisitTypeCode }
