import { DomainError } from '@shared/model/domain-error'
import { newSyncMeta } from '@shared/model/sync-meta'
import type { Policy } from '@shared/policy'
import type { ArchiveRecord } from '@shared/archive'
import { IN_CORRECTION_STATUSES } from '@shared/archive/archive-status'
import type { ViolationRecord } from '@shared/fines/violation-record'
import type { ArchiveForDetection } from '@shared/fines/detect-violations'
import { detectViolations } from '@shared/fines/detect-violations'
import type { DecisionInput, FineMonthState, ManualViolationInput, MonthView } from '@shared/fines/fine-month'
import {
  answerObjection,
  assertMonthOpen,
  checkMonth,
  closeMonth,
  correctionEntry,
  decideViolation,
  manualViolation,
  monthView,
  objectToViolation,
  openMonth,
  setPayCut,
  VIOLATION_STATUS_LABELS,
  withholdArchiveDetails
} from '@shared/fines/fine-month'
import type { AuditEntry } from '@shared/audit/audit-entry'
import { chinaDate, chinaMonthWindow, firstDayOfChinaMonth, lastDayOfChinaMonth } from '@shared/time'
import type { ChinaMonth } from '@shared/time'
import type { FineDetection, FinePerson, Fines } from '../repositories'
import type { FineMonthRow, ViolationRow } from '../rows'
import { actorOf } from '../session'
import type { ChedangDatabase } from './database'
import type { AccessGuard } from './access-guard'
import { appendAuditEvent } from './audit-writer'
import type { DexiePolicies } from './dexie-policies'
import { FileAccessGate } from './file-access-gate'

const stateOf = (row: FineMonthRow | undefined, month: string): FineMonthState =>
  row
    ? { month: row.month, status: row.status, closedAt: row.closedAt, closedBy: row.closedBy, payCuts: row.payCuts }
    : openMonth(month)

const recordOf = (row: ViolationRow): ViolationRecord => {
  const { createdAt: _c, createdBy: _cb, updatedAt: _u, updatedBy: _ub, rev: _r, deletedAt: _d, ...record } = row
  return record
}

/** Fines and KPI: detection, the month's decisions and the advisor's own list, each checked and audited. */
export class DexieFines implements Fines {
  private readonly gate: FileAccessGate

  constructor(
    private readonly db: ChedangDatabase,
    private readonly guard: AccessGuard,
    private readonly policies: DexiePolicies,
    private readonly now: () => Date
  ) {
    this.gate = new FileAccessGate(db, guard, now)
  }

  private get actor() {
    return actorOf(this.guard.session)
  }

  private get by() {
    return this.guard.session.operator.name
  }

  private async state(month: string): Promise<FineMonthState> {
    checkMonth(month)
    return stateOf(await this.db.fineMonths.get(month), month)
  }

  private async load(id: string): Promise<ViolationRow> {
    const row = await this.db.violations.get(id)
    if (!row || row.deletedAt) throw new DomainError('FINE_VIOLATION_NOT_FOUND', '找不到该违规记录', { id })
    return row
  }

  /** The policy versions the violations were recorded under, and the one in force. */
  private async policiesFor(refs: Iterable<string>): Promise<Policy[]> {
    const found: Policy[] = []
    for (const ref of new Set(refs)) {
      const at = ref.lastIndexOf('@')
      const policy = await this.policies.getVersion(ref.slice(0, at), Number(ref.slice(at + 1)))
      if (policy) found.push(policy)
    }
    return found
  }

  /** Violations on files the operator may not see keep their amounts but lose what describes the file. */
  private async presented(rows: readonly ViolationRow[]): Promise<ViolationRecord[]> {
    const withheld = await this.gate.withheld()
    return rows.map((row) => {
      const record = recordOf(row)
      return record.archiveId && withheld.entities.has(record.archiveId) ? withholdArchiveDetails(record) : record
    })
  }

  async month(month: string): Promise<MonthView> {
    await this.guard.require('fines.read')
    const state = await this.state(month)
    const rows = (await this.db.violations.where('month').equals(month).toArray()).filter((r) => !r.deletedAt)
    const current = await this.policies.active()
    const policies = await this.policiesFor(rows.map((r) => r.policyRef))
    const view = monthView(state, rows.map(recordOf), [...policies, current], current)
    return { ...view, violations: await this.presented(rows.filter((r) => view.violations.some((v) => v.id === r.id))) }
  }

  async mine(month?: string): Promise<ViolationRecord[]> {
    await this.guard.require('vehicleFile.read')
    // The person is the staff record behind the session, never a name typed in.
    const personId = this.guard.session.operator.staffId
    const rows = (await this.db.violations.where('personId').equals(personId).toArray()).filter(
      (r) => !r.deletedAt && (month === undefined || r.month === month)
    )
    rows.sort((a, b) => (a.occurredOn !== b.occurredOn ? (a.occurredOn < b.occurredOn ? 1 : -1) : a.id < b.id ? -1 : 1))
    return this.presented(rows)
  }

  async people(): Promise<FinePerson[]> {
    await this.guard.require('fines.manage')
    const staff = await this.db.staff.toArray()
    return staff
      .filter((s) => !s.deletedAt)
      .map((s) => ({ id: s.id, name: s.name, department: s.department, role: s.role, active: s.active }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
  }

  /** The archives a month's detection reads: handed over, inspected or due in it, or still out for correction. */
  private async archivesFor(month: ChinaMonth): Promise<ArchiveForDetection[]> {
    const { db } = this
    const { start, end } = chinaMonthWindow(month)
    // A handover opened up to a week before the month may still take lines in it.
    const earlier = new Date(new Date(start).getTime() - 7 * 86_400_000).toISOString()
    const handovers = await db.handovers.where('handedAt').between(earlier, end, true, false).primaryKeys()
    const ids = new Set<string>()
    if (handovers.length)
      for (const a of await db.archives.where('handoverId').anyOf(handovers).toArray())
        if (a.handedOverAt && a.handedOverAt >= start && a.handedOverAt < end) ids.add(a.id)
    for (const i of await db.inspections.where('inspectedAt').between(start, end, true, false).toArray())
      ids.add(i.archiveId)
    for (const id of await db.archives.where('correctionDueAt').between(start, end, true, false).primaryKeys())
      ids.add(id)
    for (const id of await db.archives
      .where('status')
      .anyOf([...IN_CORRECTION_STATUSES, 'resubmitted'])
      .primaryKeys())
      ids.add(id)
    const archives = (await db.archives.bulkGet([...ids])).filter(
      (a): a is ArchiveRecord => a !== undefined && !a.deletedAt
    )
    const rounds = archives.length
      ? await db.inspections
          .where('archiveId')
          .anyOf(archives.map((a) => a.id))
          .toArray()
      : []
    const files = await db.vehicleFiles.bulkGet(archives.map((a) => a.vehicleFileId))
    return archives.map((archive, i) => ({
      archive,
      archiveNo: files[i]?.archiveNo ?? '',
      rounds: rounds.filter((r) => r.archiveId === archive.id)
    }))
  }

  async detect(month: string): Promise<FineDetection> {
    await this.guard.require('fines.manage')
    const state = await this.state(month)
    assertMonthOpen(state)
    const archives = await this.archivesFor(month as ChinaMonth)
    const staff = await this.db.staff.toArray()
    const policies = await this.policiesFor(archives.map((a) => `${a.archive.policyId}@${a.archive.policyVersion}`))
    const calendar = await this.policies.calendar()
    const asOf = this.now().toISOString()
    const found = detectViolations({
      archives,
      staff: staff.filter((s) => !s.deletedAt),
      policies,
      calendar,
      asOf
    })
    const inMonth = found.violations.filter((v) => v.month === month)
    const { db } = this
    const actor = this.actor
    return db
      .transaction('rw', [db.violations, db.fineMonths, db.auditEvents, db.counters], async () => {
        const current = stateOf(await db.fineMonths.get(month), month)
        assertMonthOpen(current)
        const known = await db.violations.bulkGet(inMonth.map((v) => v.id))
        const added = inMonth.filter((_, i) => known[i] === undefined)
        if (!(await db.fineMonths.get(month)))
          await db.fineMonths.add({ ...newSyncMeta(month, actor, asOf), ...current })
        if (added.length) await db.violations.bulkAdd(added.map((v) => ({ ...v, ...newSyncMeta(v.id, actor, asOf) })))
        await appendAuditEvent(
          db,
          actor,
          {
            action: 'fine.propose',
            entity: 'fineMonth',
            entityId: month,
            changes: { added: added.length, known: inMonth.length - added.length, unassigned: found.unassigned.length },
            summary: `${month} 月违规检测：新提出 ${added.length} 条，已有 ${inMonth.length - added.length} 条${
              found.unassigned.length ? `，${found.unassigned.length} 条无法对应到人员` : ''
            }`
          },
          asOf
        )
        return { added: added.length, known: inMonth.length - added.length }
      })
      .then(async (counts) => {
        // Findings on files the operator may not see are counted, not described.
        const withheld = await this.gate.withheld()
        const unassigned = found.unassigned.map((u) =>
          withheld.entities.has(u.archiveId) ? { ...u, archiveNo: '', reason: '', withheld: true } : u
        )
        return { ...counts, unassigned }
      })
  }

  /** One violation changed by a pure step, written with its audit event in one transaction. */
  private async change(
    id: string,
    step: (violation: ViolationRecord, state: FineMonthState) => ViolationRecord,
    audit: (before: ViolationRecord, after: ViolationRecord) => Omit<AuditEntry, 'entity' | 'entityId'>
  ): Promise<ViolationRecord> {
    const { db } = this
    const at = this.now().toISOString()
    const actor = this.actor
    const written = await db.transaction(
      'rw',
      [db.violations, db.fineMonths, db.auditEvents, db.counters],
      async () => {
        const row = await this.load(id)
        const state = stateOf(await db.fineMonths.get(row.month), row.month)
        const before = recordOf(row)
        const after = step(before, state)
        const next: ViolationRow = { ...row, ...after, updatedAt: at, updatedBy: actor.operatorId, rev: row.rev + 1 }
        // A field the step removed (a decision undone by a confirmation) is removed from the row too.
        for (const key of Object.keys(before) as (keyof ViolationRecord)[])
          if (!(key in after)) delete (next as Partial<ViolationRow>)[key]
        await db.violations.put(next)
        await appendAuditEvent(db, actor, { entity: 'violation', entityId: id, ...audit(before, after) }, at)
        return next
      }
    )
    return (await this.presented([written]))[0]!
  }

  async decide(id: string, input: DecisionInput): Promise<ViolationRecord> {
    await this.guard.require('fines.manage')
    const at = this.now().toISOString()
    return this.change(
      id,
      (v, state) => decideViolation(v, state, input, this.by, at),
      (before, after) => ({
        action: 'fine.decide',
        changes: {
          status: [VIOLATION_STATUS_LABELS[before.status], VIOLATION_STATUS_LABELS[after.status]],
          ...(after.decision ? { reason: [before.decision?.reason ?? null, after.decision.reason] } : {}),
          ...(after.decision?.yuan !== undefined ? { yuan: [before.decision?.yuan ?? null, after.decision.yuan] } : {}),
          ...(after.decision?.kpiPoints !== undefined
            ? { kpiPoints: [before.decision?.kpiPoints ?? null, after.decision.kpiPoints] }
            : {})
        },
        summary: `${after.personName} ${after.clause}：${VIOLATION_STATUS_LABELS[after.status]}${
          after.decision && after.status !== 'confirmed' ? `（${after.decision.reason}）` : ''
        }`
      })
    )
  }

  async object(id: string, note: string): Promise<ViolationRecord> {
    await this.guard.require('vehicleFile.read')
    const at = this.now().toISOString()
    const personId = this.guard.session.operator.staffId
    return this.change(
      id,
      (v, state) => objectToViolation(v, state, personId, note, at),
      (_before, after) => ({
        action: 'fine.objection',
        changes: { objection: [null, after.objection!.note] },
        summary: `${after.personName} 对 ${after.clause} 的违规提出申诉`
      })
    )
  }

  async answer(id: string, answer: { note: string; upheld: boolean }): Promise<ViolationRecord> {
    await this.guard.require('fines.manage')
    const at = this.now().toISOString()
    return this.change(
      id,
      (v, state) => answerObjection(v, state, answer, this.by, at),
      (before, after) => ({
        action: 'fine.objection',
        changes: {
          answer: [null, after.objection!.answer!.note],
          upheld: [null, answer.upheld],
          status: [VIOLATION_STATUS_LABELS[before.status], VIOLATION_STATUS_LABELS[after.status]]
        },
        summary: `答复 ${after.personName} 的申诉：${answer.upheld ? '成立，免罚' : '不成立'}`
      })
    )
  }

  async recordManual(
    input: Omit<ManualViolationInput, 'personName'> & { personName?: string }
  ): Promise<ViolationRecord> {
    await this.guard.require('fines.manage')
    const policy = await this.policies.active()
    const month = input.occurredOn.slice(0, 7)
    const { db } = this
    const at = this.now().toISOString()
    const actor = this.actor
    const person = await db.staff.get(input.personId)
    if (!person || person.deletedAt)
      throw new DomainError('FINE_PERSON_UNKNOWN', '请选择被处罚人（本店员工）', { personId: input.personId })
    const row = await db.transaction('rw', [db.violations, db.fineMonths, db.auditEvents, db.counters], async () => {
      const state = stateOf(await db.fineMonths.get(month), /^\d{4}-\d{2}$/.test(month) ? month : '0000-00')
      const record = manualViolation(
        policy,
        { ...input, personName: person.name },
        state,
        `manual:${crypto.randomUUID()}`
      )
      if (!(await db.fineMonths.get(month))) await db.fineMonths.add({ ...newSyncMeta(month, actor, at), ...state })
      const row: ViolationRow = { ...record, ...newSyncMeta(record.id, actor, at) }
      await db.violations.add(row)
      await appendAuditEvent(
        db,
        actor,
        {
          action: 'fine.propose',
          entity: 'violation',
          entityId: record.id,
          changes: { person: [null, person.name], rule: [null, record.clause], reason: [null, record.reason] },
          summary: `登记违规：${person.name} ${record.clause}（${record.reason}）`
        },
        at
      )
      return row
    })
    return recordOf(row)
  }

  async closeMonth(month: string): Promise<FineMonthState> {
    await this.guard.require('fines.manage')
    checkMonth(month)
    const { db } = this
    const at = this.now().toISOString()
    const actor = this.actor
    return db.transaction('rw', [db.violations, db.fineMonths, db.auditEvents, db.counters], async () => {
      const row = await db.fineMonths.get(month)
      const violations = (await db.violations.where('month').equals(month).toArray()).filter((v) => !v.deletedAt)
      const closed = closeMonth(stateOf(row, month), violations, this.by, at)
      if (row)
        await db.fineMonths.put({ ...row, ...closed, updatedAt: at, updatedBy: actor.operatorId, rev: row.rev + 1 })
      else await db.fineMonths.add({ ...newSyncMeta(month, actor, at), ...closed })
      await appendAuditEvent(
        db,
        actor,
        {
          action: 'fine.close',
          entity: 'fineMonth',
          entityId: month,
          changes: { status: ['open', 'closed'], violations: violations.length },
          summary: `${month} 月罚款考核结账（${violations.length} 条违规）`
        },
        at
      )
      return closed
    })
  }

  async correct(
    id: string,
    month: string,
    input: { reason: string; yuan: number; kpiPoints: number }
  ): Promise<ViolationRecord> {
    await this.guard.require('fines.manage')
    checkMonth(month)
    const { db } = this
    const now = this.now()
    const at = now.toISOString()
    const actor = this.actor
    // The entry counts on today when today is in its month, else on the month's first day.
    const today = chinaDate(now)
    const first = firstDayOfChinaMonth(month as ChinaMonth)
    const occurredOn = today >= first && today <= lastDayOfChinaMonth(month as ChinaMonth) ? today : first
    const row = await db.transaction('rw', [db.violations, db.fineMonths, db.auditEvents, db.counters], async () => {
      const corrected = await this.load(id)
      const correctedMonth = stateOf(await db.fineMonths.get(corrected.month), corrected.month)
      const state = stateOf(await db.fineMonths.get(month), month)
      const entry = correctionEntry(recordOf(corrected), correctedMonth, state, input, this.by, at, occurredOn)
      if (!(await db.fineMonths.get(month))) await db.fineMonths.add({ ...newSyncMeta(month, actor, at), ...state })
      const row: ViolationRow = { ...entry, ...newSyncMeta(entry.id, actor, at) }
      await db.violations.add(row)
      await appendAuditEvent(
        db,
        actor,
        {
          action: 'fine.correct',
          entity: 'violation',
          entityId: entry.id,
          changes: { corrects: [null, corrected.id], yuan: [null, input.yuan], kpiPoints: [null, input.kpiPoints] },
          summary: `${month} 月更正 ${corrected.month} 月 ${corrected.personName} 的违规（${entry.decision!.reason}）`
        },
        at
      )
      return row
    })
    return recordOf(row)
  }

  async setPayCut(month: string, personId: string, percent: number): Promise<FineMonthState> {
    await this.guard.require('fines.payCut')
    checkMonth(month)
    const view = await this.monthForPayCut(month)
    const flag = view.payCutFlags.find((f) => f.personId === personId)
    const { db } = this
    const at = this.now().toISOString()
    const actor = this.actor
    return db.transaction('rw', [db.fineMonths, db.auditEvents, db.counters], async () => {
      const row = await db.fineMonths.get(month)
      const before = stateOf(row, month)
      const after = setPayCut(before, flag, personId, percent, this.by, at)
      if (row)
        await db.fineMonths.put({ ...row, ...after, updatedAt: at, updatedBy: actor.operatorId, rev: row.rev + 1 })
      else await db.fineMonths.add({ ...newSyncMeta(month, actor, at), ...after })
      const name = view.totals.find((t) => t.personId === personId)?.personName ?? personId
      await appendAuditEvent(
        db,
        actor,
        {
          action: 'fine.payCut',
          entity: 'fineMonth',
          entityId: month,
          changes: {
            [personId]: [before.payCuts.find((c) => c.personId === personId)?.percent ?? null, percent]
          },
          summary: `${month} 月 ${name} 绩效工资扣罚 ${percent}%`
        },
        at
      )
      return after
    })
  }

  /** The month's flags for a pay cut, read without the fines.read check (the pay-cut permission was checked). */
  private async monthForPayCut(month: string): Promise<MonthView> {
    const state = await this.state(month)
    const rows = (await this.db.violations.where('month').equals(month).toArray()).filter((r) => !r.deletedAt)
    const current = await this.policies.active()
    const policies = await this.policiesFor(rows.map((r) => r.policyRef))
    return monthView(state, rows.map(recordOf), [...policies, current], current)
  }
}
