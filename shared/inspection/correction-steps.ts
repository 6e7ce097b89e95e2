import type { WorkingCalendar } from '../calendar'
import type { ArchiveRecord, InspectionRecord } from '../archive/archive-record'
import type { ArchiveStep } from '../archive/archive-step'
import { ARCHIVE_STATUS_LABELS } from '../archive/archive-status'
import { DomainError } from '../model/domain-error'
import type { CorrectionDeadline } from '../policy'
import { chinaDateTimeText } from '../time'
import type { LateCorrectionExplanation } from './correction-receipt'
import { checkLateCorrectionExplanation, checkNoticeReceipt, correctionDueAt } from './correction-receipt'

// FAW-VW 五(二)4(5): the advisor's 签收 of the 《不合格档案记录》 and a late correction's explanation, decided here
// as the archive record to write and its audit event; the repository loads, calls and writes.

/** The round that sent the archive back, while it is out for correction; refused otherwise. */
function returnedRound(archive: ArchiveRecord, latest: InspectionRecord | undefined): InspectionRecord {
  if (archive.status !== 'returned' || !latest || latest.verdict !== 'nonconforming') {
    throw new DomainError(
      'ARCHIVE_NOT_RETURNED',
      `档案当前为“${ARCHIVE_STATUS_LABELS[archive.status]}”，没有待签收的整改通知`,
      { status: ARCHIVE_STATUS_LABELS[archive.status] }
    )
  }
  return latest
}

/** The receipt recorded, and the correction deadline counted from it where the policy says so. */
export function noticeReceiptStep(
  archive: ArchiveRecord,
  latest: InspectionRecord | undefined,
  receipt: { readonly receivedAt: string; readonly receivedBy: string },
  deadline: CorrectionDeadline,
  calendar: WorkingCalendar,
  at: string,
  operatorId: string
): ArchiveStep {
  const returned = returnedRound(archive, latest)
  const { receivedAt, receivedBy } = checkNoticeReceipt({
    returnedAt: returned.inspectedAt,
    receivedAt: receipt.receivedAt,
    receivedBy: receipt.receivedBy,
    now: at
  })
  const dueAt =
    correctionDueAt(deadline, { returnedAt: returned.inspectedAt, noticeReceivedAt: receivedAt }, calendar) ??
    archive.correctionDueAt
  const record: ArchiveRecord = {
    ...archive,
    noticeReceivedAt: receivedAt,
    noticeReceivedBy: receivedBy,
    correctionDueAt: dueAt,
    updatedAt: at,
    updatedBy: operatorId,
    rev: archive.rev + 1
  }
  return {
    record,
    audit: {
      action: 'update',
      entity: 'archive',
      entityId: archive.id,
      changes: {
        noticeReceivedAt: [archive.noticeReceivedAt ?? null, receivedAt],
        noticeReceivedBy: [archive.noticeReceivedBy ?? null, receivedBy],
        correctionDueAt: [archive.correctionDueAt, dueAt]
      },
      summary: `${receivedBy} 签收《不合格档案记录》（${chinaDateTimeText(receivedAt)}）${
        dueAt ? `，限 ${chinaDateTimeText(dueAt)} 前交回` : ''
      }`
    }
  }
}

/** A late correction's special reason, promised time and the policy's signer, while the archive is in correction. */
export function lateCorrectionStep(
  archive: ArchiveRecord,
  explanation: LateCorrectionExplanation,
  deadline: CorrectionDeadline,
  at: string,
  operatorId: string
): ArchiveStep {
  if (!['returned', 'resubmitted'].includes(archive.status) || !archive.correctionDueAt) {
    throw new DomainError(
      'ARCHIVE_NOT_IN_CORRECTION',
      `档案当前为“${ARCHIVE_STATUS_LABELS[archive.status]}”，不在整改中，无需逾期说明`,
      { status: ARCHIVE_STATUS_LABELS[archive.status] }
    )
  }
  const late = checkLateCorrectionExplanation(deadline, explanation, archive.correctionDueAt)
  const record: ArchiveRecord = {
    ...archive,
    lateCorrectionReason: late.reason,
    lateCorrectionPromisedAt: late.promisedAt,
    lateCorrectionSignedBy: late.signedBy,
    updatedAt: at,
    updatedBy: operatorId,
    rev: archive.rev + 1
  }
  return {
    record,
    audit: {
      action: 'update',
      entity: 'archive',
      entityId: archive.id,
      changes: {
        lateCorrectionReason: [archive.lateCorrectionReason ?? null, late.reason],
        lateCorrectionPromisedAt: [archive.lateCorrectionPromisedAt ?? null, late.promisedAt],
        lateCorrectionSignedBy: [archive.lateCorrectionSignedBy ?? null, late.signedBy]
      },
      summary: `逾期整改说明：承诺 ${chinaDateTimeText(late.promisedAt)} 前交回，${late.signedBy} 签字`
    }
  }
}
