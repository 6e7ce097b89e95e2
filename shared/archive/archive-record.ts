import type { SyncMeta } from '../model/sync-meta'
import type { VisitTypeCode } from '../policy'
import type { ArchiveKind } from './archive-kind'
import type { ArchiveFailure, ArchiveInput, ManualCheckResult } from '../rules'
import { archiveFailuresDocument, archiveInputDocument, manualResultsDocument } from '../rules/archive-input-document'
import type { ArchiveStatus } from './archive-status'

// A sales archive (one per vehicle) or a service archive (one per repair order, 任务委托书) in
// customer care's hands. Nested data (what was received, what the checker ticked) is kept as JSON text
// so rows stay flat for a later sync engine.

export interface ArchiveRecord extends SyncMeta {
  vehicleFileId: string
  kind: ArchiveKind
  /** Service archives: the visit type of the policy (首保, 保养, …). */
  visitType: VisitTypeCode | null
  /** Service archives: the repair-order number (任务委托书号). */
  repairOrderNo: string | null
  status: ArchiveStatus
  /** The policy version the archive is checked under. */
  policyId: string
  policyVersion: number
  /** The department that handed it over: always the one of its kind. */
  department: ArchiveKind
  /** The advisor responsible for the paper file (销售顾问 / 服务顾问). */
  advisorName: string
  /** When the hand-in deadline counts from: delivery (sales) or the car handed back (service). */
  anchorAt: string | null
  handInDueAt: string | null
  handoverId: string | null
  /** The line on the handover sheet, from 1, in the order the archives were received. */
  handoverLine: number | null
  handedOverAt: string | null
  /** What the hand-over sheet notes as missing ("资料不齐时需注明"). */
  missingNote: string | null
  /** JSON of ArchiveInput: documents received, their form and facts, the archive's own facts. */
  input: string
  /** JSON of Record<checkCode, ManualCheckResult>: the checker's ticks. */
  manual: string
  /** Inspection round: 1 at the first inspection, +1 at each resubmission. */
  round: number
  correctionDueAt: string | null
  /** When and by whom the returned archive's 《不合格档案记录》 was signed for (签收); absent until then. */
  noticeReceivedAt?: string | null
  noticeReceivedBy?: string | null
  /** A late correction's 特殊原因, 承诺上交时间 and the signer (FAW-VW 五(二)4(5)). */
  lateCorrectionReason?: string | null
  lateCorrectionPromisedAt?: string | null
  lateCorrectionSignedBy?: string | null
  /** Cabinet–shelf–box where the accepted paper file was put. */
  location: string | null
  /** When the corrected file last came back (整改交回); absent on archives resubmitted before it was kept. */
  resubmittedAt?: string | null
}

export interface InspectionRecord extends SyncMeta {
  archiveId: string
  round: number
  inspectedAt: string
  inspectorName: string
  verdict: 'accepted' | 'nonconforming'
  /** JSON of the ArchiveFailure list printed on the 《不合格档案记录》. */
  failures: string
  /** The input and ticks this round judged, as JSON, to tell a file returned unchanged. */
  input: string
  manual: string
  correctionDueAt: string | null
  /** The file came back from correction with nothing changed (FAW-VW: −1 point per file). */
  returnedUnchanged: boolean
  /** A nonconforming round's 《不合格档案记录》 number, e.g. BHG2026-0007; absent on rounds recorded before numbering. */
  noticeNumber?: string | null
  /** A round after a correction: when the file came back, and the correction deadline then in force. */
  resubmittedAt?: string | null
  resubmissionDueAt?: string | null
}

export function readArchiveInput(record: Pick<ArchiveRecord, 'input'>): ArchiveInput {
  return archiveInputDocument.read(record.input)
}

export function readManualResults(record: Pick<ArchiveRecord, 'manual'>): Record<string, ManualCheckResult> {
  return manualResultsDocument.read(record.manual)
}

/** The items a nonconforming round printed on the 《不合格档案记录》. */
export function readFailures(round: Pick<InspectionRecord, 'failures'>): ArchiveFailure[] {
  return archiveFailuresDocument.read(round.failures)
}

/** How many items a round found nonconforming: none when accepted, else the length of its stored list. */
export function readFailureCount(round: Pick<InspectionRecord, 'verdict' | 'failures'>): number {
  return round.verdict === 'accepted' ? 0 : readFailures(round).length
}

/** True when two rounds (or a round and the archive now) judged the same input, whichever format version stored it. */
export function sameArchiveInput(a: Pick<ArchiveRecord, 'input'>, b: Pick<ArchiveRecord, 'input'>): boolean {
  return archiveInputDocument.write(readArchiveInput(a)) === archiveInputDocument.write(readArchiveInput(b))
}
