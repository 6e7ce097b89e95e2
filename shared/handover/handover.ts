import type { PrintStamp } from '../audit/print-record'
import type { SyncMeta } from '../model/sync-meta'
import type { ArchiveKind } from '../archive/archive-kind'
import type { VisitTypeCode } from '../policy'

import type { HandoverStatus } from './handover-status'

// 交接: a batch of paper archives handed from sales or service to customer care, signed on paper by both.

export type { HandoverStatus } from './handover-status'
export { HANDOVER_STATUS_LABELS } from './handover-status'

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

/** What the printed handover register (《档案交接表》, SVW-Skoda 《用户档案签收簿》) shows, before it is printed. */
export interface HandoverSheetContent {
  dealershipName: string
  /** The register's name in the policy, e.g. 档案交接表. */
  title: string
  number: string
  /** Which department hands over: it decides the sheet's columns. */
  department: ArchiveKind
  /** The department's name in the policy, e.g. 服务部. */
  departmentLabel: string
  handedByName: string
  receivedByName: string
  handedAt: string
  lines: HandoverSheetLine[]
  /** The policy's sign-off block (e.g. 编制 / 审核 / 批准), printed under the signatures when non-empty. */
  signOffBlock: readonly string[]
}

/** Everything the printed handover register shows. */
export type HandoverSheet = HandoverSheetContent & PrintStamp

export type { VisitTypeCode }
