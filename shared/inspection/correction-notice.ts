import type { ArchiveRecord, InspectionRecord } from '../archive/archive-record'
import { archiveLabel } from '../archive/archive-label'
import type { AuditEntry } from '../audit/audit-entry'
import { chinaDayStamp } from '../time'
import type { PrintStamp } from '../audit/print-record'
import { DomainError } from '../model/domain-error'
import type { Policy } from '../policy'
import { correctionClause, DEADLINE_ANCHOR_LABELS } from '../policy/deadline-rule'
import { printedForms } from '../policy/printed-forms'
import type { ArchiveFailure } from '../rules'
import type { VehicleFile } from '../vehicle/vehicle-file'

// 《不合格档案记录》 / correction notice: what failed, by whom it is corrected, by when; signed on paper.

export interface CorrectionNoticeItem {
  document: string
  check: string
  explanation: string
}

/** What the printed 《不合格档案记录》 shows, before it is printed. */
export interface CorrectionNoticeContent {
  dealershipName: string
  /** The record's name in the policy, e.g. 不合格档案记录. */
  title: string
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
  /** The policy's sign-off block (e.g. 编制 / 审核 / 批准), printed under the signatures when non-empty. */
  signOffBlock: readonly string[]
}

/** Everything the printed 《不合格档案记录》 shows. */
export type CorrectionNotice = CorrectionNoticeContent & PrintStamp

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

/** The round the notice is for: the latest, when it found the archive nonconforming. */
export function noticeRound(inspections: readonly InspectionRecord[]): InspectionRecord {
  const latest = [...inspections].sort((a, b) => a.round - b.round).at(-1)
  if (!latest || latest.verdict !== 'nonconforming')
    throw new DomainError('NOTICE_NONE', '该档案最近一轮检查没有不合格项，无需整改通知')
  return latest
}

function dueRuleText(policy: Policy, archive: Pick<ArchiveRecord, 'kind'>): string {
  const rule = policy.deadlines.correction.rule
  const within =
    rule.kind === 'hours_after'
      ? `${rule.hours} 小时内`
      : rule.kind === 'working_days_after'
        ? `${rule.days} 个工作日内`
        : '按制度规定'
  return `${correctionClause(policy.deadlines.correction, archive.kind)}：退回后${within}整改完毕（自${DEADLINE_ANCHOR_LABELS[rule.from]}起算）`
}

/**
 * The notice of `round` (see noticeRound) for `archive` on `file` (as the operator may see it), under the
 * policy the archive is checked with: its title, the department's name and the confirmer come from the policy.
 */
export function buildCorrectionNotice(
  policy: Policy,
  archive: ArchiveRecord,
  file: Pick<VehicleFile, 'archiveNo' | 'vin' | 'plate' | 'ownerName'>,
  round: InspectionRecord,
  failures: readonly ArchiveFailure[],
  dealershipName: string
): CorrectionNoticeContent {
  const forms = printedForms(policy)
  return {
    dealershipName: dealershipName || '（未设置经销商名称）',
    title: forms.nonconformityRecordTitle,
    // Rounds recorded before notices were numbered keep the number they were first printed with.
    number:
      round.noticeNumber ?? `BHG${chinaDayStamp(new Date(round.inspectedAt))}-${round.id.slice(0, 4).toUpperCase()}`,
    archiveNo: file.archiveNo,
    vin: file.vin,
    plate: file.plate,
    ownerName: file.ownerName,
    archiveLabel: archiveLabel(policy, archive),
    responsibleName: archive.advisorName,
    departmentLabel: forms.departmentNames[archive.department],
    round: round.round,
    inspectedBy: round.inspectorName,
    inspectedAt: round.inspectedAt,
    dueAt: round.correctionDueAt ?? round.inspectedAt,
    dueRule: dueRuleText(policy, archive),
    items: failures.map((f) => ({ document: f.documentName, check: f.title, explanation: f.message })),
    confirmerRole: policy.signOff.nonconformityRecordConfirmedBy[archive.kind][0] ?? null,
    policyLabel: `${policy.name} 第 ${policy.version} 版`,
    signOffBlock: [...policy.signOff.block]
  }
}

/** The audit event of printing the notice. */
export function correctionNoticePrintEntry(archiveId: string, notice: CorrectionNoticeContent): AuditEntry {
  return {
    action: 'print',
    entity: 'archive',
    entityId: archiveId,
    changes: {
      document: 'correctionNotice',
      title: notice.title,
      archiveId,
      noticeNumber: notice.number,
      round: notice.round,
      items: notice.items.length
    },
    summary: `打印${notice.title} ${notice.number}（${notice.archiveNo} 第 ${notice.round} 轮）`
  }
}
