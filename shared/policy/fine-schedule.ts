import type { ArchiveKind } from '../archive/archive-kind'
import type { DeadlineRule } from './deadline-rule'

// Fines and KPI deductions as data. Computing them is a later concern (shared/fines); this is the schedule.

/**
 * What one penalty is counted per: 车次 (vehicle visit), 项 (item), 份 (file), 件 (piece), 次 (occurrence).
 * 份 and 件 both count files; each rule prints the word its text uses (SVW-Skoda 五.7 "20元/件").
 */
export type PenaltyUnit = 'vehicle_visit' | 'item' | 'file' | 'piece' | 'occurrence'

export const PENALTY_UNIT_LABELS: Readonly<Record<PenaltyUnit, string>> = {
  vehicle_visit: '车次',
  item: '项',
  file: '份',
  piece: '件',
  occurrence: '次'
}

export type Penalty =
  | { readonly kind: 'yuan'; readonly amount: number; readonly per: PenaltyUnit }
  /** points null: the text leaves the value open and the director has not set it yet; no KPI line is computed. */
  | { readonly kind: 'kpi_points'; readonly points: number | null; readonly per: PenaltyUnit }

/** What happened; the fines module maps inspection results, late hand-ins, etc. onto these. */
export type FineTrigger =
  | 'late_handover'
  | 'customer_signature_missing'
  | 'internal_signature_missing'
  | 'document_nonconforming'
  | 'contact_not_confirmed'
  | 'archive_missing'
  | 'archive_nonconforming'
  | 'archive_lost_or_damaged'
  | 'correction_late'
  | 'returned_unchanged'
  | 'favouritism'

export const FINE_TRIGGER_LABELS: Readonly<Record<FineTrigger, string>> = {
  late_handover: '档案未按期移交',
  customer_signature_missing: '无用户签名或签名错误',
  internal_signature_missing: '无内部人员签名或签名错误',
  document_nonconforming: '档案不完整、错误或不符合要求',
  contact_not_confirmed: '未核对当次联系人及唯一联系方式',
  archive_missing: '档案缺失',
  archive_nonconforming: '不合格档案',
  archive_lost_or_damaged: '档案遗失或毁损',
  correction_late: '整改逾期',
  returned_unchanged: '不合格档案未修改原样返回',
  favouritism: '徇私舞弊'
}

/** The staff a fine is charged to. */
export type PenalisedRole = 'sales_advisor' | 'service_advisor' | 'archive_manager' | 'responsible_person'

export const PENALISED_ROLE_LABELS: Readonly<Record<PenalisedRole, string>> = {
  sales_advisor: '销售顾问',
  service_advisor: '服务顾问',
  archive_manager: '档案管理员',
  responsible_person: '责任人'
}

export interface FineRule {
  readonly code: string
  readonly title: string
  readonly clause: string
  readonly trigger: FineTrigger
  /** Each listed role is charged (FAW-VW favouritism: archive manager and service advisor, 10 yuan each). */
  readonly appliesTo: readonly PenalisedRole[]
  /** Only for this kind of archive; absent: both. */
  readonly archiveKind?: ArchiveKind
  readonly penalty: Penalty
  readonly note?: string
}

/** A KPI rule whose points the director still has to set before its violations are counted. */
export interface UnsetKpiRule {
  readonly code: string
  readonly title: string
  readonly clause: string
}

/** FAW-VW 五(一)3(2)(3), 五(二)4(3)(4): the rules whose KPI points the text leaves open and nobody has set yet. */
export function unsetKpiRules(fines: Pick<FinesPolicy, 'rules'>): UnsetKpiRule[] {
  return fines.rules
    .filter((rule) => rule.penalty.kind === 'kpi_points' && rule.penalty.points === null)
    .map((rule) => ({ code: rule.code, title: rule.title, clause: rule.clause }))
}

/** SVW-Skoda 五.6: from the nth penalty of a person in a calendar month on, each penalty is multiplied. */
export interface FineEscalation {
  readonly code: string
  readonly title: string
  readonly clause: string
  readonly appliesTo: PenalisedRole
  readonly window: 'calendar_month'
  readonly fromNthPenalty: number
  readonly multiplier: number
  /** The month's performance pay may also be cut by a manager's choice inside this range. */
  readonly performancePayCut?: { readonly minPercent: number; readonly maxPercent: number }
}

/** SVW-Skoda 五.10: a violation not corrected in time counts again, same amount, until corrected. */
export interface RepeatUntilCorrected {
  readonly clause: string
  readonly every: DeadlineRule
}

export type QualityMetric = 'completeness' | 'authenticity' | 'timeliness'

export const QUALITY_METRIC_LABELS: Readonly<Record<QualityMetric, string>> = {
  completeness: '档案完整性',
  authenticity: '档案真实性',
  timeliness: '档案上交及时率'
}

export interface QualityTarget {
  readonly metric: QualityMetric
  readonly minPercent: number
  readonly clause: string
}

/**
 * What counts as one penalty (受处罚一次) toward an escalation: each violation (the default), or all the
 * findings on one archive on one day together.
 */
export type PenaltyCounting = 'each_violation' | 'archive_day'

export const DEFAULT_PENALTY_COUNTING: PenaltyCounting = 'each_violation'

export interface FinesPolicy {
  readonly rules: readonly FineRule[]
  readonly escalations: readonly FineEscalation[]
  /** Absent: DEFAULT_PENALTY_COUNTING, each violation is one penalty. */
  readonly penaltyCounting?: PenaltyCounting
  readonly repeatUntilCorrected: RepeatUntilCorrected | null
  readonly qualityTargets: readonly QualityTarget[]
  /** Rates per department that feed the department head's review (SVW-Skoda 五.8). */
  readonly departmentReviewMetrics: readonly QualityMetric[]
  /** Who checks and enforces the fines, e.g. '客户总监'. */
  readonly enforcedBy: string | null
}
