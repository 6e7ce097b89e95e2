import type { ArchiveRecord, InspectionRecord } from '../archive/archive-record'
import { ARCHIVE_STATUS_LABELS, INSPECTABLE_STATUSES } from '../archive/archive-status'
import type { ArchiveStep } from '../archive/archive-step'
import { archiveStep } from '../archive/archive-step'
import type { WorkingCalendar } from '../calendar'
import { chinaDateTimeText, chinaDayStamp } from '../time'
import { archiveFailuresDocument, archiveInputDocument, manualResultsDocument } from '../rules/archive-input-document'
import { readManualResults, sameArchiveInput } from '../archive/archive-record'
import { computeDeadline } from '../deadlines/compute-deadline'
import { DomainError } from '../model/domain-error'
import type { Actor } from '../model/sync-meta'
import { newSyncMeta } from '../model/sync-meta'
import { normalizeInput } from '../validation'
import type { Policy } from '../policy'
import type { ArchiveEvaluation, ArchiveInput, ManualCheckResult } from '../rules'
import { correctionNoticeCounterId, correctionNoticeNumber } from './correction-notice'

// An inspection round and the steps around it (keeping progress, the corrected file coming back, filing),
// decided here as records to write with their audit events; the repository loads, writes and audits.

/** Refuses to change what was checked once the archive has left inspection (ARCHIVE_LOCKED). */
export function assertInspectable(archive: Pick<ArchiveRecord, 'status'>): void {
  if (!INSPECTABLE_STATUSES.includes(archive.status)) {
    const status = ARCHIVE_STATUS_LABELS[archive.status]
    throw new DomainError('ARCHIVE_LOCKED', `档案当前为“${status}”，不能修改检查内容`, { status })
  }
}

/** A verdict can only be given when nothing is left open (INSPECTION_INCOMPLETE). */
export function assertJudgeable(evaluation: Pick<ArchiveEvaluation, 'verdict' | 'openItems'>): void {
  if (evaluation.verdict === 'incomplete')
    throw new DomainError(
      'INSPECTION_INCOMPLETE',
      `还有 ${evaluation.openItems} 项未检查完（未勾选的人工检查项或未录入的信息），请检查完再判定`,
      { openItems: String(evaluation.openItems) }
    )
}

/** What the checker typed, as stored on the archive and the round. */
export function serialiseRound(input: ArchiveInput, manual: Readonly<Record<string, ManualCheckResult>>) {
  return { input: archiveInputDocument.write(input), manual: manualResultsDocument.write(manual) }
}

/** The progress kept, or null when nothing changed; refused once the archive has left inspection. */
export function saveProgressStep(
  archive: ArchiveRecord,
  input: ArchiveInput,
  manual: Readonly<Record<string, ManualCheckResult>>,
  at: string,
  operatorId: string
): ArchiveStep | null {
  assertInspectable(archive)
  const serialised = serialiseRound(input, manual)
  // Compared as read, so progress stored before documents carried a version still counts as unchanged.
  if (
    sameArchiveInput(archive, serialised) &&
    manualResultsDocument.write(readManualResults(archive)) === serialised.manual
  )
    return null
  const record = { ...archive, ...serialised, updatedAt: at, updatedBy: operatorId, rev: archive.rev + 1 }
  return {
    record,
    audit: {
      action: 'update',
      entity: 'archive',
      entityId: archive.id,
      changes: { input: [archive.input, record.input], manual: [archive.manual, record.manual] },
      summary: '保存检查进度'
    }
  }
}

/** The counter the year's 《不合格档案记录》 numbers draw from, for a round judged at `at` (China year). */
export function noticeCounterIdAt(at: Date): string {
  return correctionNoticeCounterId(chinaDayStamp(at).slice(0, 4))
}

export interface InspectionRoundFacts {
  readonly policy: Policy
  /** The archive as read inside the writing transaction. */
  readonly archive: ArchiveRecord
  /** The revision the checker opened: a change by someone else since is refused (STALE_WRITE). */
  readonly openedRev: number
  /** The latest round recorded before this one. */
  readonly previous: InspectionRecord | undefined
  readonly input: ArchiveInput
  readonly manual: Readonly<Record<string, ManualCheckResult>>
  readonly evaluation: ArchiveEvaluation
  readonly calendar: WorkingCalendar
  /** The value of the year's notice counter (0 when the year has none yet). */
  readonly noticeCounter: number
  readonly inspectionId: string
  readonly inspectorName: string
  readonly actor: Actor
  readonly at: Date
}

export interface InspectionRoundPlan {
  /** The archive's moves in order (start, verdict, return); the last record is the archive's new state. */
  readonly steps: readonly ArchiveStep[]
  readonly inspection: InspectionRecord
  /** The notice counter's new value, when the round drew a notice number. */
  readonly noticeCounter: { readonly id: string; readonly value: number } | null
}

/** A round's previous verdict was nonconforming and the file came back exactly as it was (FAW-VW 4(6)). */
function returnedUnchanged(previous: InspectionRecord | undefined, serialised: { input: string }): boolean {
  return previous !== undefined && previous.verdict === 'nonconforming' && sameArchiveInput(previous, serialised)
}

/**
 * Judges one round: the archive opens a new round, and is accepted, or judged nonconforming and returned
 * for correction with the policy's deadline and the year's next 《不合格档案记录》 number.
 */
export function planInspectionRound(facts: InspectionRoundFacts): InspectionRoundPlan {
  const { policy, evaluation, actor } = facts
  assertJudgeable(evaluation)
  if (facts.archive.rev !== facts.openedRev)
    throw new DomainError('STALE_WRITE', '该档案在您检查期间已被他人修改，请重新打开')
  const at = facts.at.toISOString()
  const serialised = serialiseRound(facts.input, facts.manual)
  const round = facts.archive.round + 1
  const steps: ArchiveStep[] = []
  const push = (step: ArchiveStep) => {
    steps.push(step)
    return step.record
  }
  let archive = push(
    archiveStep(
      facts.archive,
      'start_inspection',
      { round, ...serialised },
      `第 ${round} 轮检查开始`,
      at,
      actor.operatorId
    )
  )
  const unchanged = returnedUnchanged(facts.previous, serialised)
  const accepted = evaluation.verdict === 'accepted'
  const correctionDueAt = accepted ? null : computeDeadline(policy.deadlines.correction.rule, at, facts.calendar)
  const noticeCounter = accepted ? null : { id: noticeCounterIdAt(facts.at), value: facts.noticeCounter + 1 }
  const inspection: InspectionRecord = {
    ...newSyncMeta(facts.inspectionId, actor, at),
    archiveId: facts.archive.id,
    round,
    inspectedAt: at,
    inspectorName: facts.inspectorName,
    verdict: accepted ? 'accepted' : 'nonconforming',
    failures: archiveFailuresDocument.write([...evaluation.failures]),
    ...serialised,
    correctionDueAt,
    returnedUnchanged: unchanged,
    noticeNumber: noticeCounter
      ? correctionNoticeNumber(chinaDayStamp(facts.at).slice(0, 4), noticeCounter.value)
      : null,
    // When the corrected file came back and what it was due by (FAW-VW 4(5), SVW-Skoda 五.10 read it).
    ...(facts.archive.status === 'resubmitted'
      ? { resubmittedAt: facts.archive.resubmittedAt ?? null, resubmissionDueAt: facts.archive.correctionDueAt }
      : {})
  }
  if (accepted) {
    push(archiveStep(archive, 'accept', { correctionDueAt: null }, `第 ${round} 轮检查合格`, at, actor.operatorId))
    return { steps, inspection, noticeCounter }
  }
  archive = push(
    archiveStep(
      archive,
      'reject',
      {},
      `第 ${round} 轮检查不合格：${evaluation.failures.length} 项${unchanged ? '（整改后原样交回）' : ''}`,
      at,
      actor.operatorId
    )
  )
  push(
    archiveStep(
      archive,
      'return_for_correction',
      { correctionDueAt },
      `退回整改，限 ${chinaDateTimeText(correctionDueAt!)} 前交回`,
      at,
      actor.operatorId
    )
  )
  return { steps, inspection, noticeCounter }
}

/** The corrected file handed back: a new round can open; a late return says how late. */
export function resubmitStep(archive: ArchiveRecord, at: string, operatorId: string): ArchiveStep {
  const late =
    archive.correctionDueAt && at > archive.correctionDueAt
      ? `（逾期，应于 ${chinaDateTimeText(archive.correctionDueAt)} 前）`
      : ''
  return archiveStep(archive, 'resubmit', { resubmittedAt: at }, `整改后交回${late}`, at, operatorId)
}

const SHELF_LOCATION = /^[A-Z0-9]{1,6}-[A-Z0-9]{1,4}-[A-Z0-9]{1,6}$/

/** A cabinet place as typed, 柜-层-盒 (A3-2-15), upper case; refused otherwise (LOCATION_INVALID). */
export function readShelfLocation(typed: string): string {
  const place = normalizeInput(typed).toUpperCase()
  if (!SHELF_LOCATION.test(place))
    throw new DomainError('LOCATION_INVALID', '存放位置请按 柜-层-盒 填写，如 A3-2-15', { field: 'location' })
  return place
}

/** An accepted archive put into its place. */
export function fileStep(archive: ArchiveRecord, place: string, at: string, operatorId: string): ArchiveStep {
  return archiveStep(archive, 'file', { location: place }, `归档入柜 ${place}`, at, operatorId)
}
