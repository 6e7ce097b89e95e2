import type { ArchiveKind } from '../archive/archive-kind'
// Deadlines are data: the policy says "3 working days after delivery"; shared/calendar computes the date.

/** The event a deadline counts from. */
export type DeadlineAnchor =
  'delivery' | 'sale' | 'vehicle_handed_back' | 'returned_for_correction' | 'reconciliation' | 'loan_out'

export const DEADLINE_ANCHOR_LABELS: Readonly<Record<DeadlineAnchor, string>> = {
  delivery: '交车',
  sale: '销售',
  vehicle_handed_back: '维修完毕交车',
  returned_for_correction: '退回整改',
  reconciliation: '与系统核对',
  loan_out: '借出'
}

/**
 * The calendar a deadline counts its days on: the PRC working days (with the dealership's adjustments),
 * every calendar day, or the service department's own service days (every day but its closures, edited
 * in Settings). A rule that does not name one counts working days.
 */
export type DeadlineCalendar = 'working_days' | 'calendar_days' | 'service_days'

export const DEADLINE_CALENDAR_LABELS: Readonly<Record<DeadlineCalendar, string>> = {
  working_days: '工作日',
  calendar_days: '自然日',
  service_days: '本店服务日'
}

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7

export type DeadlineRule =
  /** e.g. SVW-Skoda: new-car file within 3 working days of delivery. */
  | { readonly kind: 'working_days_after'; readonly days: number; readonly from: DeadlineAnchor }
  /** e.g. missing-archive report within 2 days; loans at most 3 days. */
  | { readonly kind: 'calendar_days_after'; readonly days: number; readonly from: DeadlineAnchor }
  /** e.g. FAW-VW: a returned file corrected within 24 hours. */
  | { readonly kind: 'hours_after'; readonly hours: number; readonly from: DeadlineAnchor }
  /** e.g. FAW-VW: sales files handed in every Monday: due the first such weekday after the anchor day. */
  | {
      readonly kind: 'next_weekday'
      readonly weekday: IsoWeekday
      readonly from: DeadlineAnchor
      /** Which calendar moves a closed day on; absent: working days. */
      readonly countsOn?: DeadlineCalendar
    }
  /** e.g. FAW-VW: the day's service files by 10:00 of the next day (days: 1, time: '10:00'). */
  | {
      readonly kind: 'days_after_at_time'
      readonly days: number
      readonly time: string
      readonly from: DeadlineAnchor
      /** The days counted; absent: working days. */
      readonly countsOn?: DeadlineCalendar
    }

export type DeadlineRuleKind = DeadlineRule['kind']

/** Who a file is handed to at a stage of its way to customer care. */
export type HandInRecipient = 'customer_care' | 'sales_info_clerk' | 'service_info_clerk'

export const HAND_IN_RECIPIENT_LABELS: Readonly<Record<HandInRecipient, string>> = {
  customer_care: '客服部（客户关爱部）',
  sales_info_clerk: '销售信息员',
  service_info_clerk: '售后信息员'
}

/** One step of a hand-in; the last step of a list hands the file to customer care. */
export interface HandInStage {
  readonly code: string
  readonly label: string
  readonly handedTo: HandInRecipient
  readonly rule: DeadlineRule
  readonly clause: string
  /** Who signs a late file's explanation and promised date, e.g. '销售经理'. */
  readonly lateExplanationSignedBy?: string
}

export interface TimedDeadline {
  readonly rule: DeadlineRule
  readonly clause: string
}

/** What the correction deadline counts from: the return itself, or the advisor's signed receipt of the notice (签收). */
export type CorrectionCountsFrom = 'returned' | 'notice_received'

/** A deadline that falls on a closed day: moved to the same time on the next working day, or kept as it falls. */
export type OutsideWorkingTime = 'next_working_day_same_time' | 'as_is'

/** The correction deadline; a department's own clause, when its section says it, is cited on its notices. */
export interface CorrectionDeadline extends TimedDeadline {
  readonly clauseByKind?: { readonly sales?: string; readonly service?: string }
  /** Absent: 'returned'. FAW-VW 五(二)4(5) 「在收到不合格档案24小时内」 counts from the receipt. */
  readonly countsFrom?: CorrectionCountsFrom
  /** Absent: 'next_working_day_same_time'. */
  readonly outsideWorkingTime?: OutsideWorkingTime
  /** Who signs a late correction's reason and promised time, e.g. '服务经理' (FAW-VW 五(二)4(5) 「由服务经理签字有效」). */
  readonly lateExplanationSignedBy?: string
  /** Where a kind's deadline comes from when the text gives none, with the reason, shown beside it. */
  readonly basisByKind?: { readonly sales?: string; readonly service?: string }
}

/** The clause a 《不合格档案记录》 cites: the archive's own department's, else the general one. */
export function correctionClause(deadline: CorrectionDeadline, kind: ArchiveKind): string {
  return deadline.clauseByKind?.[kind]?.trim() || deadline.clause
}

export interface DeadlinesPolicy {
  readonly salesHandIn: readonly HandInStage[]
  readonly serviceHandIn: readonly HandInStage[]
  /** A file returned as nonconforming comes back corrected by then. */
  readonly correction: CorrectionDeadline
  /** 《档案缺失报告》 after a reconciliation against the DMS/CRM. */
  readonly missingArchiveReport: TimedDeadline
  /** A lent file is returned by then. */
  readonly loanReturn: TimedDeadline
}
