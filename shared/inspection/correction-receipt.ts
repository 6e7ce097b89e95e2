import type { WorkingCalendar } from '../calendar'
import { parseInstant } from '../time'
import { chinaClock, chinaDate, chinaDateTimeText } from '../time'
import { computeDeadline } from '../deadlines/compute-deadline'
import { DomainError } from '../model/domain-error'
import type { CorrectionDeadline } from '../policy'
import { cleanFreeText } from '../validation/free-text'

// FAW-VW 五(二)4(5) 「对上交不合格档案要求相关人员在收到不合格档案24小时内修改后交于客服部档案管理员，如档案不能
// 及时上交，每次KPI扣1分。有特殊原因需说明情况，承诺上交时间。由服务经理签字有效。」
// The deadline counts from the advisor's signed receipt (签收) of the notice when the policy says so; a deadline
// on a closed day moves to the same time on the next working day unless the policy keeps it; a late
// correction is excused only with a reason, a promised time and the named manager's signature.

export const DEFAULT_CORRECTION_COUNTS_FROM = 'returned'
export const DEFAULT_OUTSIDE_WORKING_TIME = 'next_working_day_same_time'

const REASON_MAX = 200

function instantOrThrow(value: string, code: string, label: string): number {
  try {
    return parseInstant(value)
  } catch {
    throw new DomainError(code, `${label}“${value}”无效，应为日期和时间，如 2026-03-10 10:00`, { value })
  }
}

/** The deadline's anchor instant, or null while it counts from a receipt that is not recorded yet. */
export function correctionAnchor(
  deadline: CorrectionDeadline,
  times: { readonly returnedAt: string; readonly noticeReceivedAt?: string | null }
): string | null {
  const countsFrom = deadline.countsFrom ?? DEFAULT_CORRECTION_COUNTS_FROM
  if (countsFrom === 'returned') return times.returnedAt
  return times.noticeReceivedAt ?? null
}

/** When the corrected archive is due: null while the advisor has not signed for the notice (4(5) counts from then). */
export function correctionDueAt(
  deadline: CorrectionDeadline,
  times: { readonly returnedAt: string; readonly noticeReceivedAt?: string | null },
  calendar: WorkingCalendar
): string | null {
  const anchor = correctionAnchor(deadline, times)
  if (anchor === null) return null
  const due = computeDeadline(deadline.rule, anchor, calendar)
  if ((deadline.outsideWorkingTime ?? DEFAULT_OUTSIDE_WORKING_TIME) === 'as_is') return due
  const day = chinaDate(due)
  if (calendar.isWorkingDay(day)) return due
  // Same wall-clock time on the next working day (a Saturday 10:00 due date becomes Monday 10:00).
  return new Date(calendar.deadlineAtTimeOfDay(calendar.addWorkingDays(day, 0), chinaClock(due))).toISOString()
}

/** The advisor's 签收 of the notice: not before it was returned, not in the future; refused in Chinese otherwise. */
export function checkNoticeReceipt(receipt: {
  readonly returnedAt: string
  readonly receivedAt: string
  readonly receivedBy: string
  readonly now: string
}): { receivedAt: string; receivedBy: string } {
  const receivedBy = cleanFreeText(receipt.receivedBy)
  if (receivedBy === '')
    throw new DomainError('CORRECTION_RECEIPT_SIGNER_REQUIRED', '请填写签收人姓名（收到《不合格档案记录》的人）')
  const received = instantOrThrow(receipt.receivedAt, 'CORRECTION_RECEIPT_TIME_INVALID', '签收时间')
  if (received < parseInstant(receipt.returnedAt)) {
    throw new DomainError(
      'CORRECTION_RECEIPT_BEFORE_RETURN',
      `签收时间不能早于退回时间 ${chinaDateTimeText(receipt.returnedAt)}`,
      { returnedAt: chinaDateTimeText(receipt.returnedAt) }
    )
  }
  if (received > parseInstant(receipt.now))
    throw new DomainError('CORRECTION_RECEIPT_IN_FUTURE', '签收时间不能晚于现在')
  return { receivedAt: new Date(received).toISOString(), receivedBy }
}

export interface LateCorrectionExplanation {
  /** 特殊原因 */
  readonly reason: string
  /** 承诺上交时间, an ISO instant. */
  readonly promisedAt: string
  /** The name of the person who signed (e.g. the 服务经理). */
  readonly signedBy: string
}

/** A late correction's explanation as 4(5) requires it: reason, promised time, and the policy's signer. */
export function checkLateCorrectionExplanation(
  deadline: CorrectionDeadline,
  explanation: LateCorrectionExplanation,
  dueAt: string
): LateCorrectionExplanation {
  const reason = cleanFreeText(explanation.reason)
  if (reason === '') throw new DomainError('CORRECTION_LATE_REASON_REQUIRED', '请说明逾期的特殊原因')
  if (reason.length > REASON_MAX)
    throw new DomainError('CORRECTION_LATE_REASON_TOO_LONG', `特殊原因最多 ${REASON_MAX} 个字`, {
      max: String(REASON_MAX)
    })
  const promised = instantOrThrow(explanation.promisedAt, 'CORRECTION_PROMISED_TIME_INVALID', '承诺上交时间')
  if (promised <= parseInstant(dueAt)) {
    throw new DomainError(
      'CORRECTION_PROMISED_TIME_NOT_AFTER_DUE',
      `承诺上交时间应晚于原定期限 ${chinaDateTimeText(dueAt)}`,
      { dueAt: chinaDateTimeText(dueAt) }
    )
  }
  const signedBy = cleanFreeText(explanation.signedBy)
  const signer = deadline.lateExplanationSignedBy ?? '部门经理'
  if (signedBy === '') {
    throw new DomainError('CORRECTION_LATE_SIGNATURE_REQUIRED', `逾期说明须由${signer}签字有效，请填写签字人`, {
      signer
    })
  }
  return { reason, promisedAt: new Date(promised).toISOString(), signedBy }
}
