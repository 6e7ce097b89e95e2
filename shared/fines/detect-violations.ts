import type { ArchiveRecord, InspectionRecord } from '../archive/archive-record'
import { readFailures } from '../archive/archive-record'
import type { WorkingCalendar } from '../calendar'
import { computeDeadline } from '../deadlines/compute-deadline'
import type { Department, Role } from '../operators/roles'
import type { FineRule, FineTrigger, PenalisedRole, Policy } from '../policy'
import { PENALTY_UNIT_LABELS } from '../policy/fine-schedule'
import type { ArchiveFailure } from '../rules'
import { asChinaDate, chinaDate, chinaDateTimeText, monthOfChinaDate } from '../time'
import type { ViolationRecord } from './violation-record'

// Detection: the violations the stored records show, proposed for the director's decision. Pure: the
// same records give the same violations with the same ids, so running it again adds nothing twice.
//
// Where each trigger comes from (one place; the policy's rules say what each costs and whom it charges):
// - an inspection failure: the policy's check item (or missing document) names its fine rule
//   (fineRuleCode); the rule's trigger and roles decide. One violation per round and rule, quantity the
//   number of items first found in that round (an item already found in an earlier round is not new:
//   五.10's repeats count it again).
// - the rest: the records themselves, charged under every rule of the policy with that trigger:
//   late_handover (handed over after its due time; counts on the day of the hand-in, when the lateness
//   is established), archive_nonconforming (the archive's first nonconforming round, one per file),
//   returned_unchanged (a round that found the file returned unchanged), correction_late (a round's
//   correction deadline passed before the file came back; counts on the deadline's day), archive_missing
//   (reconciliation's report) and archive_lost_or_damaged (the loans' report).
// - SVW-Skoda 五.10 「可按同一标准重复处罚，直至整改为止」: a violation from a round returned for correction
//   that was not corrected within the policy's period is proposed again, same rule and quantity, for each
//   further working day until the day the file came back (可予以: the director decides each).

/** A staff member who can be charged. */
export interface StaffForDetection {
  readonly id: string
  readonly name: string
  readonly department: Department
  readonly role: Role
  readonly active: boolean
}

/** An archive as detection reads it: the record, its vehicle file's archive number, its inspection rounds. */
export interface ArchiveForDetection {
  readonly archive: ArchiveRecord
  readonly archiveNo: string
  readonly rounds: readonly InspectionRecord[]
}

/** An expected archive that reconciliation found missing, with the person it holds responsible. */
export interface MissingArchiveReport {
  /** Stable key of the finding (e.g. the reconciliation row), for the violation's id. */
  readonly key: string
  readonly archiveKind: 'sales' | 'service'
  readonly personId: string
  readonly personName: string
  /** 'YYYY-MM-DD': the day the archive was reported missing. */
  readonly occurredOn: string
  /** What identifies the missing archive (VIN, repair order), for the reason. */
  readonly reference: string
  readonly policyId: string
  readonly policyVersion: number
  readonly archiveId?: string
  readonly archiveNo?: string
}

/** A file a loan (or upkeep) lost or damaged, with the person responsible. */
export interface LostOrDamagedReport {
  readonly key: string
  readonly what: 'lost' | 'damaged'
  readonly archiveKind?: 'sales' | 'service'
  readonly personId: string
  readonly personName: string
  readonly occurredOn: string
  readonly note: string
  readonly policyId: string
  readonly policyVersion: number
  readonly archiveId?: string
  readonly archiveNo?: string
}

export interface DetectionInput {
  readonly archives: readonly ArchiveForDetection[]
  readonly staff: readonly StaffForDetection[]
  /** Every policy version the archives and reports refer to. */
  readonly policies: readonly Policy[]
  readonly calendar: WorkingCalendar
  /** ISO instant: what has happened by now (an uncorrected file's repeats run up to today). */
  readonly asOf: string
  readonly missingArchives?: readonly MissingArchiveReport[]
  readonly lostOrDamaged?: readonly LostOrDamagedReport[]
}

/** A finding whose person cannot be named: no (or more than one) staff member of that name in the department. */
export interface UnassignedFinding {
  readonly archiveId: string
  readonly archiveNo: string
  readonly advisorName: string
  readonly ruleCode: string
  readonly reason: string
  /** Set for one who may not see the archive's file: its number and the reason were left out. */
  readonly withheld?: boolean
}

export interface DetectionResult {
  readonly violations: ViolationRecord[]
  readonly unassigned: UnassignedFinding[]
}

const ADVISOR_ROLE: Readonly<Record<'sales' | 'service', PenalisedRole>> = {
  sales: 'sales_advisor',
  service: 'service_advisor'
}

const policyKey = (policyId: string, version: number) => `${policyId}@${version}`

/** The role an archive's advisor is charged in under a rule: the advisor's own role, else 责任人; null when neither. */
function chargedRole(rule: FineRule, kind: 'sales' | 'service'): PenalisedRole | null {
  if (rule.appliesTo.includes(ADVISOR_ROLE[kind])) return ADVISOR_ROLE[kind]
  if (rule.appliesTo.includes('responsible_person')) return 'responsible_person'
  return null
}

const rulesFor = (policy: Policy, trigger: FineTrigger, kind: 'sales' | 'service' | undefined) =>
  policy.fines.rules.filter(
    (rule) => rule.trigger === trigger && (rule.archiveKind === undefined || rule.archiveKind === kind)
  )

const itemKey = (failure: ArchiveFailure) => `${failure.documentCode}\u0000${failure.checkCode ?? ''}`

/** The working days on which a violation ordered corrected at `orderedAt` counts again, up to `correctedAt` (or asOf). */
export function repeatDays(
  policy: Policy,
  orderedAt: string,
  correctedAt: string | null,
  asOf: string,
  calendar: WorkingCalendar
): string[] {
  const repeat = policy.fines.repeatUntilCorrected
  if (!repeat) return []
  const due = computeDeadline(repeat.every, orderedAt, calendar)
  const until = correctedAt ?? asOf
  if (until <= due) return []
  const lastDay = chinaDate(until)
  const days: string[] = []
  // The first further working day after the one the correction was due on, then each one after it.
  for (let day = calendar.nextWorkingDay(chinaDate(due)); day <= lastDay; day = calendar.nextWorkingDay(day)) {
    days.push(day)
    // A file left out for years is still a bounded list: at most one line per working day up to today.
    if (days.length > 400) break
  }
  return days
}

/** When the file a round returned came back: the next round's resubmission, or the archive's when it is back now. */
function correctedAt(entry: ArchiveForDetection, round: InspectionRecord): string | null {
  const next = entry.rounds.find((r) => r.round === round.round + 1)
  if (next) return next.resubmittedAt ?? next.inspectedAt
  const { archive } = entry
  if (archive.round === round.round && archive.status === 'resubmitted')
    return archive.resubmittedAt ?? archive.updatedAt
  return null
}

/** A round's correction deadline as it stood when the file came back (a notice receipt may have moved it). */
function correctionDueOf(entry: ArchiveForDetection, round: InspectionRecord): string | null {
  const next = entry.rounds.find((r) => r.round === round.round + 1)
  if (next) return next.resubmissionDueAt ?? round.correctionDueAt
  const { archive } = entry
  if (archive.round === round.round && archive.correctionDueAt) return archive.correctionDueAt
  return round.correctionDueAt
}

interface Finding {
  readonly id: string
  readonly rule: FineRule
  readonly trigger: FineTrigger
  readonly occurredOn: string
  readonly quantity: number
  readonly reason: string
  readonly evidence: ViolationRecord['evidence']
  /** The round that ordered the correction: its violations repeat under 五.10. */
  readonly orderedBy?: InspectionRecord
  readonly fix?: string
  readonly fixBy?: string
}

function archiveFindings(entry: ArchiveForDetection, policy: Policy, asOf: string): Finding[] {
  const { archive } = entry
  const kind = archive.kind
  const findings: Finding[] = []
  const evidence = { archiveId: archive.id, ...(archive.handoverId ? { handoverId: archive.handoverId } : {}) }

  if (archive.handedOverAt && archive.handInDueAt && archive.handedOverAt > archive.handInDueAt) {
    for (const rule of rulesFor(policy, 'late_handover', kind)) {
      findings.push({
        id: `late:${archive.id}:${rule.code}`,
        rule,
        trigger: 'late_handover',
        occurredOn: chinaDate(archive.handedOverAt),
        quantity: 1,
        reason: `交接时间 ${chinaDateTimeText(archive.handedOverAt)}，晚于截止 ${chinaDateTimeText(archive.handInDueAt)}`,
        evidence
      })
    }
  }

  const rounds = [...entry.rounds].sort((a, b) => a.round - b.round)
  const seenItems = new Set<string>()
  let firstNonconforming = true
  for (const round of rounds) {
    if (round.verdict !== 'nonconforming') continue
    const roundEvidence = { ...evidence, inspectionId: round.id }
    const notice = round.noticeNumber ? `《不合格档案记录》${round.noticeNumber}，` : ''
    const dueAt = correctionDueOf(entry, round)
    const fixBy = dueAt ?? undefined
    const failures = readFailures(round)
    const byRule = new Map<string, ArchiveFailure[]>()
    for (const failure of failures) {
      if (failure.fineRuleCode === undefined || seenItems.has(itemKey(failure))) continue
      byRule.set(failure.fineRuleCode, [...(byRule.get(failure.fineRuleCode) ?? []), failure])
    }
    for (const [code, items] of byRule) {
      const rule = policy.fines.rules.find((r) => r.code === code)
      if (!rule) continue
      const what = items.map((f) => `《${f.documentName}》${f.checkCode === null ? f.message : f.title}`).join('；')
      findings.push({
        id: `item:${round.id}:${rule.code}`,
        rule,
        trigger: rule.trigger,
        occurredOn: chinaDate(round.inspectedAt),
        quantity: items.length,
        reason: `第 ${round.round} 轮检查（${notice}${chinaDateTimeText(round.inspectedAt)}）：${what}`,
        evidence: roundEvidence,
        orderedBy: round,
        fix: what,
        ...(fixBy ? { fixBy } : {})
      })
    }
    for (const failure of failures) seenItems.add(itemKey(failure))

    if (firstNonconforming) {
      firstNonconforming = false
      for (const rule of rulesFor(policy, 'archive_nonconforming', kind)) {
        findings.push({
          id: `file:${round.id}:${rule.code}`,
          rule,
          trigger: 'archive_nonconforming',
          occurredOn: chinaDate(round.inspectedAt),
          quantity: 1,
          reason: `第 ${round.round} 轮检查判定不合格（${notice}${failures.length} 项）`,
          evidence: roundEvidence,
          fix: failures.map((f) => `《${f.documentName}》${f.title}`).join('；'),
          ...(fixBy ? { fixBy } : {})
        })
      }
    }

    if (dueAt) {
      const back = correctedAt(entry, round)
      const late = back === null ? asOf > dueAt : back > dueAt
      if (late) {
        const when = back === null ? `至 ${chinaDateTimeText(asOf)} 仍未交回` : `${chinaDateTimeText(back)} 才交回`
        for (const rule of rulesFor(policy, 'correction_late', kind)) {
          findings.push({
            id: `corrlate:${round.id}:${rule.code}`,
            rule,
            trigger: 'correction_late',
            occurredOn: chinaDate(dueAt),
            quantity: 1,
            reason: `第 ${round.round} 轮退回整改，限 ${chinaDateTimeText(dueAt)} 前交回，${when}`,
            evidence: roundEvidence
          })
        }
      }
    }
  }

  for (const round of rounds) {
    if (!round.returnedUnchanged) continue
    for (const rule of rulesFor(policy, 'returned_unchanged', kind)) {
      findings.push({
        id: `unchanged:${round.id}:${rule.code}`,
        rule,
        trigger: 'returned_unchanged',
        occurredOn: chinaDate(round.inspectedAt),
        quantity: 1,
        reason: `第 ${round.round} 轮检查发现整改后原样交回，未做任何更改`,
        evidence: { ...evidence, inspectionId: round.id }
      })
    }
  }
  return findings
}

/** The staff member an archive's advisor name stands for: one active member of that name in the department. */
function resolveAdvisor(staff: readonly StaffForDetection[], archive: ArchiveRecord): StaffForDetection | null {
  const named = staff.filter((s) => s.name === archive.advisorName && s.department === archive.department)
  const active = named.filter((s) => s.active)
  const pick = active.length > 0 ? active : named
  return pick.length === 1 ? pick[0]! : null
}

function record(
  base: Omit<ViolationRecord, 'month' | 'status' | 'source' | 'ruleCode' | 'clause'>,
  rule: FineRule
): ViolationRecord {
  return {
    ...base,
    month: monthOfChinaDate(asChinaDate(base.occurredOn)),
    ruleCode: rule.code,
    clause: rule.clause,
    source: 'detected',
    status: 'proposed',
    unit: PENALTY_UNIT_LABELS[rule.penalty.per]
  }
}

/** The violations the records show, each once, in a stable order (by day, then id). */
export function detectViolations(input: DetectionInput): DetectionResult {
  const policies = new Map(input.policies.map((p) => [policyKey(p.id, p.version), p]))
  const violations: ViolationRecord[] = []
  const unassigned: UnassignedFinding[] = []

  for (const entry of input.archives) {
    const { archive } = entry
    if (archive.deletedAt) continue
    const ref = policyKey(archive.policyId, archive.policyVersion)
    const policy = policies.get(ref)
    if (!policy) continue
    const findings = archiveFindings(entry, policy, input.asOf)
    if (findings.length === 0) continue
    const person = resolveAdvisor(input.staff, archive)
    for (const finding of findings) {
      const role = chargedRole(finding.rule, archive.kind)
      if (role === null) continue
      if (!person) {
        unassigned.push({
          archiveId: archive.id,
          archiveNo: entry.archiveNo,
          advisorName: archive.advisorName,
          ruleCode: finding.rule.code,
          reason: finding.reason
        })
        continue
      }
      const base = {
        id: finding.id,
        personId: person.id,
        personName: person.name,
        role,
        trigger: finding.trigger,
        archiveKind: archive.kind,
        archiveId: archive.id,
        archiveNo: entry.archiveNo,
        occurredOn: finding.occurredOn,
        quantity: finding.quantity,
        policyRef: ref,
        reason: finding.reason,
        evidence: finding.evidence,
        ...(finding.fix ? { fix: finding.fix } : {}),
        ...(finding.fixBy ? { fixBy: finding.fixBy } : {})
      }
      violations.push(record(base, finding.rule))
      if (!finding.orderedBy) continue
      const days = repeatDays(
        policy,
        finding.orderedBy.inspectedAt,
        correctedAt(entry, finding.orderedBy),
        input.asOf,
        input.calendar
      )
      const clause = policy.fines.repeatUntilCorrected?.clause ?? ''
      days.forEach((day, i) =>
        violations.push(
          record(
            {
              ...base,
              id: `${finding.id}:repeat:${day}`,
              occurredOn: day,
              repeatOf: finding.id,
              reason: `${clause}：责令整改后未在期限内整改，第 ${i + 1} 次重复计罚（计于 ${day}）。原违规：${finding.reason}`
            },
            finding.rule
          )
        )
      )
    }
  }

  for (const report of input.missingArchives ?? []) {
    const ref = policyKey(report.policyId, report.policyVersion)
    const policy = policies.get(ref)
    if (!policy) continue
    for (const rule of rulesFor(policy, 'archive_missing', report.archiveKind)) {
      const role = rule.appliesTo.includes('responsible_person') ? 'responsible_person' : rule.appliesTo[0]!
      violations.push(
        record(
          {
            id: `missing:${report.key}:${rule.code}`,
            personId: report.personId,
            personName: report.personName,
            role,
            trigger: 'archive_missing',
            archiveKind: report.archiveKind,
            occurredOn: report.occurredOn,
            quantity: 1,
            policyRef: ref,
            reason: `与系统核对缺失档案：${report.reference}`,
            evidence: { note: report.reference, ...(report.archiveId ? { archiveId: report.archiveId } : {}) },
            ...(report.archiveId ? { archiveId: report.archiveId } : {}),
            ...(report.archiveNo ? { archiveNo: report.archiveNo } : {})
          },
          rule
        )
      )
    }
  }

  for (const report of input.lostOrDamaged ?? []) {
    const ref = policyKey(report.policyId, report.policyVersion)
    const policy = policies.get(ref)
    if (!policy) continue
    for (const rule of rulesFor(policy, 'archive_lost_or_damaged', report.archiveKind)) {
      const role = rule.appliesTo.includes('responsible_person') ? 'responsible_person' : rule.appliesTo[0]!
      violations.push(
        record(
          {
            id: `lost:${report.key}:${rule.code}`,
            personId: report.personId,
            personName: report.personName,
            role,
            trigger: 'archive_lost_or_damaged',
            ...(report.archiveKind ? { archiveKind: report.archiveKind } : {}),
            occurredOn: report.occurredOn,
            quantity: 1,
            policyRef: ref,
            reason: `档案${report.what === 'lost' ? '遗失' : '毁损'}：${report.note}`,
            evidence: { note: report.note, ...(report.archiveId ? { archiveId: report.archiveId } : {}) },
            ...(report.archiveId ? { archiveId: report.archiveId } : {}),
            ...(report.archiveNo ? { archiveNo: report.archiveNo } : {})
          },
          rule
        )
      )
    }
  }

  violations.sort((a, b) =>
    a.occurredOn !== b.occurredOn ? (a.occurredOn < b.occurredOn ? -1 : 1) : a.id < b.id ? -1 : 1
  )
  return { violations, unassigned }
}
