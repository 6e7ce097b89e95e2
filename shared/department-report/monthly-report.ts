import type { ArchiveKind } from '../archive/archive-kind'
import { decidedFineLines, fineTotals, monthText, violationDepartment } from '../fines/fine-notice'
import type { FineLine } from '../fines/violation'
import type { ViolationRecord } from '../fines/violation-record'
import type { FinesPolicy, QualityMetric } from '../policy/fine-schedule'
import { parseInstant } from '../time'
import type { RoundQuality } from './archive-quality'

// The department's monthly report (档案管理月度报告): pure figures from what the month's records hold.
// The repository reads each month by index ranges (archives by handInDueAt, inspections by inspectedAt,
// violations by month) and hands the rows in; nothing here reads storage.
//
// - 上交及时率 (timeliness): of the archives whose hand-in deadline fell in the month, the share handed over
//   by it; one not handed over whose deadline is still ahead (at `asOf`) is not counted yet.
// - 完整率 (completeness), 真实率 (authenticity), 不合格率 (nonconformity): over the first inspection round
//   of each archive inspected in the month (later rounds are corrections, not new files); see archive-quality.
// - Fines: the month's decided lines (confirmed and adjusted; waived ones are not charged, proposed ones are
//   counted apart), per person, per department.
// Rates are null when nothing was counted (a month without archives has no rate, not 100 %).

export type ReportDepartment = ArchiveKind | 'customer_care'

export interface ReportArchive {
  id: string
  department: ArchiveKind
  advisorName: string
  handInDueAt: string | null
  handedOverAt: string | null
}

export interface ReportRound {
  archive: ReportArchive
  quality: RoundQuality
}

export interface MonthRecords {
  /** 'YYYY-MM' */
  month: string
  /** Archives whose hand-in deadline falls in the month. */
  due: readonly ReportArchive[]
  /** First inspection rounds held in the month, with what they found. */
  firstRounds: readonly ReportRound[]
  violations: readonly ViolationRecord[]
  lines: readonly FineLine[]
}

export interface Rate {
  count: number
  of: number
  /** Percent with one decimal; null when nothing was counted. */
  percent: number | null
}

export interface GroupFigures {
  timeliness: Rate
  completeness: Rate
  authenticity: Rate
  nonconformity: Rate
  yuan: number
  kpiPoints: number
  /** Violations charged (decided lines' violations). */
  violations: number
  /** Violations still waiting for the director. */
  undecided: number
}

export interface MonthFigures extends GroupFigures {
  month: string
  byDepartment: ({ department: ReportDepartment } & GroupFigures)[]
  /** By advisor name, most fined first, then by name. */
  byAdvisor: ({ advisor: string } & GroupFigures)[]
}

export interface TargetCheck {
  metric: QualityMetric
  minPercent: number
  clause: string
  percent: number | null
  /** null while there is nothing to measure. */
  met: boolean | null
}

export interface MonthlyReport {
  month: string
  monthText: string
  current: MonthFigures
  /** The 12 months ending with `month`, oldest first. */
  trend: MonthFigures[]
  /** FAW-VW 五(二)5 targets, measured on the month. */
  targets: TargetCheck[]
  /** SVW-Skoda 五.8 / FAW-VW: the rates per department that feed the department head's review. */
  reviewMetrics: readonly QualityMetric[]
}

function rate(count: number, of: number): Rate {
  return { count, of, percent: of === 0 ? null : Math.round((count / of) * 1000) / 10 }
}

interface Tally {
  dueCounted: number
  onTime: number
  rounds: number
  complete: number
  authentic: number
  nonconforming: number
  yuan: number
  kpiPoints: number
  violations: number
  undecided: number
}

const emptyTally = (): Tally => ({
  dueCounted: 0,
  onTime: 0,
  rounds: 0,
  complete: 0,
  authentic: 0,
  nonconforming: 0,
  yuan: 0,
  kpiPoints: 0,
  violations: 0,
  undecided: 0
})

function figuresOf(t: Tally): GroupFigures {
  return {
    timeliness: rate(t.onTime, t.dueCounted),
    completeness: rate(t.complete, t.rounds),
    authenticity: rate(t.authentic, t.rounds),
    nonconformity: rate(t.nonconforming, t.rounds),
    yuan: Math.round(t.yuan * 100) / 100,
    kpiPoints: t.kpiPoints,
    violations: t.violations,
    undecided: t.undecided
  }
}

const DEPARTMENTS: readonly ReportDepartment[] = ['sales', 'service', 'customer_care']

/** One month's figures, whole and by department and advisor. */
export function monthFigures(records: MonthRecords, fines: Pick<FinesPolicy, 'rules'>, asOf: string): MonthFigures {
  monthText(records.month)
  const now = parseInstant(asOf)
  const total = emptyTally()
  const byDepartment = new Map<ReportDepartment, Tally>()
  const byAdvisor = new Map<string, Tally>()
  const tallies = (department: ReportDepartment, advisor: string | null): Tally[] => {
    const list = [total]
    let d = byDepartment.get(department)
    if (!d) byDepartment.set(department, (d = emptyTally()))
    list.push(d)
    if (advisor !== null && advisor.trim() !== '') {
      let a = byAdvisor.get(advisor)
      if (!a) byAdvisor.set(advisor, (a = emptyTally()))
      list.push(a)
    }
    return list
  }

  for (const archive of records.due) {
    if (archive.handInDueAt === null) continue
    const due = parseInstant(archive.handInDueAt)
    const handed = archive.handedOverAt === null ? null : parseInstant(archive.handedOverAt)
    if (handed === null && due >= now) continue
    const onTime = handed !== null && handed <= due
    for (const t of tallies(archive.department, archive.advisorName)) {
      t.dueCounted++
      if (onTime) t.onTime++
    }
  }

  for (const { archive, quality } of records.firstRounds) {
    for (const t of tallies(archive.department, archive.advisorName)) {
      t.rounds++
      if (quality.complete) t.complete++
      if (quality.authentic) t.authentic++
      if (!quality.conforming) t.nonconforming++
    }
  }

  const people = new Map<string, ViolationRecord>()
  for (const v of records.violations)
    if (v.month === records.month && !people.has(v.personId)) people.set(v.personId, v)
  for (const [personId, sample] of people) {
    const { lines, undecided } = decidedFineLines(personId, records.month, records.violations, records.lines, fines)
    const totals = fineTotals(lines)
    const charged = new Set(lines.map((l) => l.violationId)).size
    const name = sample.role === 'sales_advisor' || sample.role === 'service_advisor' ? sample.personName : null
    for (const t of tallies(violationDepartment(sample), name)) {
      t.yuan += totals.yuan
      t.kpiPoints += totals.kpiPoints
      t.violations += charged
      t.undecided += undecided
    }
  }

  const advisors = [...byAdvisor.entries()]
    .map(([advisor, t]) => ({ advisor, ...figuresOf(t) }))
    .sort((a, b) => b.yuan - a.yuan || b.kpiPoints - a.kpiPoints || a.advisor.localeCompare(b.advisor, 'zh-CN'))
  return {
    month: records.month,
    ...figuresOf(total),
    byDepartment: DEPARTMENTS.filter((d) => byDepartment.has(d)).map((department) => ({
      department,
      ...figuresOf(byDepartment.get(department)!)
    })),
    byAdvisor: advisors
  }
}

const METRIC_OF: Readonly<Record<QualityMetric, (f: GroupFigures) => Rate>> = {
  timeliness: (f) => f.timeliness,
  completeness: (f) => f.completeness,
  authenticity: (f) => f.authenticity
}

/** The month's rate of a metric. */
export function metricRate(figures: GroupFigures, metric: QualityMetric): Rate {
  return METRIC_OF[metric](figures)
}

/**
 * The report: the month's figures, the 12-month trend (the records of each month, oldest first, ending
 * with the report's month) and the policy's targets measured on the month.
 */
export function monthlyReport(
  months: readonly MonthRecords[],
  fines: Pick<FinesPolicy, 'rules' | 'qualityTargets' | 'departmentReviewMetrics'>,
  asOf: string
): MonthlyReport {
  const trend = [...months].sort((a, b) => (a.month < b.month ? -1 : 1)).map((m) => monthFigures(m, fines, asOf))
  const current = trend.at(-1)
  if (!current) throw new RangeError('a monthly report needs at least its own month')
  return {
    month: current.month,
    monthText: monthText(current.month),
    current,
    trend,
    targets: fines.qualityTargets.map((target) => {
      const { percent } = metricRate(current, target.metric)
      return {
        metric: target.metric,
        minPercent: target.minPercent,
        clause: target.clause,
        percent,
        met: percent === null ? null : percent >= target.minPercent
      }
    }),
    reviewMetrics: fines.departmentReviewMetrics
  }
}
