import { DomainError } from '@shared/model/domain-error'
import { newSyncMeta } from '@shared/model/sync-meta'
import type { ArchiveRecord, ArchiveStatus, InspectionRecord } from '@shared/archive'
import {
  ARCHIVE_STATUS_LABELS,
  documentsPresent,
  readArchiveInput,
  requiredDocumentsMissing,
  transition
} from '@shared/archive'
import type { ArchiveEvent } from '@shared/archive/archive-status'
import type { Policy } from '@shared/policy'
import { ARCHIVE_KIND_LABELS } from '@shared/policy'
import type { ArchiveEvaluation, ArchiveFailure, ArchiveInput, ManualCheckResult } from '@shared/rules'
import { evaluateArchive } from '@shared/rules'
import type { Handover, HandoverSheet } from '@shared/handover/handover'
import { HANDOVER_STATUS_LABELS } from '@shared/handover/handover'
import type { CorrectionNotice } from '@shared/inspection/correction-notice'
import { correctionNoticeCounterId, correctionNoticeNumber } from '@shared/inspection/correction-notice'
import type { LateCorrectionExplanation } from '@shared/inspection/correction-receipt'
import {
  checkLateCorrectionExplanation,
  checkNoticeReceipt,
  correctionDueAt
} from '@shared/inspection/correction-receipt'
import { computeDeadline } from '@shared/deadlines/compute-deadline'
import { readHandoverAnchorDate } from '@shared/handover/handover-date'
import type { HandoverScan } from '@shared/handover/handover-scan'
import { ambiguousScanError, readHandoverScan } from '@shared/handover/handover-scan'
import { factsFromHandover } from '@shared/handover/handover-facts'
import { chinaDate, chinaDateTimeText, chinaDayStamp } from '@shared/dates/china-time'
import { correctionClause, DEADLINE_ANCHOR_LABELS } from '@shared/policy'
import { normalizeInput } from '@shared/validation'
import type { VehicleFile } from '@shared/vehicle/vehicle-file'
import type {
  ArchiveFilter,
  ArchiveView,
  Archives,
  HandoverLineInput,
  Handovers,
  NewHandover,
  NoticeReceiptInput
} from '../repositories'
import { actorOf } from '../session'
import type { ChedangDatabase } from './database'
import type { AccessGuard } from './access-guard'
import { appendAuditEvent, recordAuditEvent } from './audit-writer'
import type { DexiePolicies } from './dexie-policies'
import { readDealershipSettings } from './dexie-settings'
import { FileAccessGate } from './file-access-gate'
import { handedByNameSchema, handoverLineTextSchema, parseHandoverText } from '@shared/handover/handover-input'
import { parseManualResults } from '@shared/rules/manual-check-schema'

function visitTypeName(policy: Policy, archive: Pick<ArchiveRecord, 'kind' | 'visitType'>): string | null {
  if (archive.kind !== 'service' || !archive.visitType) return null
  return policy.archiveTemplates.service.visitTypes.find((v) => v.code === archive.visitType)?.name ?? archive.visitType
}

function archiveLabel(policy: Policy, archive: Pick<ArchiveRecord, 'kind' | 'visitType'>): string {
  const visit = visitTypeName(policy, archive)
  return visit ? `${ARCHIVE_KIND_LABELS[archive.kind]}·${visit}` : ARCHIVE_KIND_LABELS[archive.kind]
}

/** Shared by the handover and the inspection side: archives, their status changes and audit events. */
abstract class ArchiveWork {
  protected readonly gate: FileAccessGate

  constructor(
    protected readonly db: ChedangDatabase,
    protected readonly guard: AccessGuard,
    protected readonly policies: DexiePolicies,
    protected readonly now: () => Date
  ) {
    this.gate = new FileAccessGate(db, guard, now)
  }

  protected get actor() {
    return actorOf(this.guard.session)
  }

  /** The vehicle file an archive hangs on, through the access decision: refused (and logged) when hidden. */
  protected async fileOf(archive: Pick<ArchiveRecord, 'vehicleFileId'>, what: string): Promise<VehicleFile> {
    const file = await this.db.vehicleFiles.get(archive.vehicleFileId)
    if (!file) throw new DomainError('ARCHIVE_ORPHAN', '该档案所属的车辆档案不存在')
    return this.gate.open(file, what)
  }

  protected async view(archive: ArchiveRecord, what: string): Promise<ArchiveView> {
    return { archive, file: await this.fileOf(archive, what) }
  }

  /** Archives shown together (a handover's lines): a file the operator may not see is withheld in place. */
  protected async views(archives: readonly ArchiveRecord[], what: string): Promise<ArchiveView[]> {
    const files = await this.db.vehicleFiles.bulkGet(archives.map((a) => a.vehicleFileId))
    if (files.some((f) => !f)) throw new DomainError('ARCHIVE_ORPHAN', '该档案所属的车辆档案不存在')
    const shown = await this.gate.present(files as VehicleFile[], what)
    return archives.map((archive, i) => ({ archive, file: shown[i]! }))
  }

  protected async policyOf(archive: Pick<ArchiveRecord, 'policyId' | 'policyVersion'>): Promise<Policy> {
    const policy = await this.policies.getVersion(archive.policyId, archive.policyVersion)
    if (!policy) throw new DomainError('POLICY_MISSING', `档案所依据的制度（第 ${archive.policyVersion} 版）不存在`)
    return policy
  }

  /** Moves an archive through the state machine inside the caller's transaction, with its audit event. */
  protected async step(
    archive: ArchiveRecord,
    event: ArchiveEvent,
    patch: Partial<ArchiveRecord>,
    summary: string,
    at: string
  ): Promise<ArchiveRecord> {
    const status: ArchiveStatus = transition(archive.status, event)
    const next: ArchiveRecord = {
      ...archive,
      ...patch,
      status,
      updatedAt: at,
      updatedBy: this.actor.operatorId,
      rev: archive.rev + 1
    }
    await this.db.archives.put(next)
    await appendAuditEvent(
      this.db,
      this.actor,
      {
        action: 'status.change',
        entity: 'archive',
        entityId: archive.id,
        changes: {
          status: [ARCHIVE_STATUS_LABELS[archive.status], ARCHIVE_STATUS_LABELS[status]],
          ...Object.fromEntries(
            Object.entries(patch)
              .filter(([k]) => !['input', 'manual'].includes(k))
              .map(([k, v]) => [k, [archive[k as keyof ArchiveRecord] ?? null, v]])
          )
        },
        summary
      },
      at
    )
    return next
  }
}

export class DexieHandovers extends ArchiveWork implements Handovers {
  async open(input: NewHandover): Promise<Handover> {
    await this.guard.require('handover.receive')
    const handedByName = parseHandoverText(handedByNameSchema, input.handedByName, 'handedByName')
    if (input.department !== 'sales' && input.department !== 'service')
      throw new DomainError('HANDOVER_INVALID', '请选择交档部门', { field: 'department' })
    const policy = await this.policies.active()
    const at = this.now()
    const actor = this.actor
    const { db } = this
    return db.transaction('rw', [db.handovers, db.counters, db.auditEvents], async () => {
      const counterId = `handover:${chinaDayStamp(at)}`
      const counter = await db.counters.get(counterId)
      const seq = (counter?.value ?? 0) + 1
      if (counter)
        await db.counters.update(counterId, { value: seq, rev: counter.rev + 1, updatedAt: at.toISOString() })
      else await db.counters.add({ ...newSyncMeta(counterId, actor, at.toISOString()), value: seq })
      const handover: Handover = {
        ...newSyncMeta(crypto.randomUUID(), actor, at.toISOString()),
        number: `JJ${chinaDayStamp(at)}-${String(seq).padStart(3, '0')}`,
        department: input.department,
        handedByName,
        receivedByName: this.guard.session.operator.name,
        handedAt: at.toISOString(),
        status: 'open',
        signedAt: null,
        policyId: policy.id,
        policyVersion: policy.version
      }
      await db.handovers.add(handover)
      await appendAuditEvent(
        db,
        actor,
        {
          action: 'create',
          entity: 'handover',
          entityId: handover.id,
          changes: { number: [null, handover.number], handedByName: [null, handedByName] },
          summary: `开始交接 ${handover.number}（${handedByName} 交档）`
        },
        handover.createdAt
      )
      return handover
    })
  }

  async get(id: string): Promise<Handover | undefined> {
    await this.guard.require('vehicleFile.read')
    return this.db.handovers.get(id)
  }

  async list(): Promise<Handover[]> {
    await this.guard.require('vehicleFile.read')
    return this.db.handovers.orderBy('handedAt').reverse().toArray()
  }

  async addArchive(handoverId: string, line: HandoverLineInput): Promise<ArchiveView> {
    await this.guard.require('handover.receive')
    const handover = await this.db.handovers.get(handoverId)
    if (!handover) throw new DomainError('HANDOVER_NOT_FOUND', '找不到该交接单')
    if (handover.status !== 'open')
      throw new DomainError('HANDOVER_CLOSED', `交接单 ${handover.number} 已提交，不能再添加档案`)
    const policy = await this.policyOf(handover)
    const scan = normalizeInput(line.scan).toUpperCase()
    const { advisorName, missingNote } = parseHandoverText(handoverLineTextSchema, {
      advisorName: line.advisorName,
      missingNote: line.missingNote ?? null
    })
    const kind = line.kind
    const repairOrderNo = kind === 'service' ? normalizeInput(line.repairOrderNo ?? '').toUpperCase() : null
    if (kind === 'service' && !repairOrderNo)
      throw new DomainError('HANDOVER_INVALID', '服务档案须填写任务委托书号', { field: 'repairOrderNo' })
    const visitType = kind === 'service' ? (line.visitType ?? '') : null
    if (kind === 'service' && !policy.archiveTemplates.service.visitTypes.some((v) => v.code === visitType)) {
      throw new DomainError('HANDOVER_INVALID', '请选择维修类别', { field: 'visitType' })
    }
    const read = readHandoverScan(scan)
    const matches = await this.filesForScan(read)
    if (matches.length === 0) {
      const what = read.kind === 'vin' ? `车架号 ${read.vin}` : `车架号后 ${read.suffix.length} 位“${read.suffix}”`
      throw new DomainError('HANDOVER_NO_FILE', `${what} 还没有车辆档案，请先建档再交接`, {
        field: 'scan',
        ...(read.kind === 'vin' ? { vin: read.vin } : {})
      })
    }
    if (matches.length > 1) throw ambiguousScanError(read.kind === 'suffix' ? read.suffix : scan, matches.length)
    const file = matches[0]!
    const anchor = readHandoverAnchorDate(kind, line.anchorDate, this.now())
    const codes = new Set(policy.archiveTemplates[kind].documents.map((d) => d.code))
    const unknown = line.documentsPresent.filter((c) => !codes.has(c))
    if (unknown.length) throw new DomainError('HANDOVER_INVALID', `资料代码 ${unknown.join('、')} 不在本制度的清单中`)
    const input: ArchiveInput = {
      kind,
      ...(visitType ? { visitType } : {}),
      facts: factsFromHandover(policy.archiveTemplates[kind], { anchorDate: anchor.date, advisorName }),
      documents: Object.fromEntries(line.documentsPresent.map((code) => [code, { present: true }]))
    }
    const at = this.now().toISOString()
    const anchorAt = anchor.at
    const calendar = await this.policies.calendar()
    const stages = kind === 'sales' ? policy.deadlines.salesHandIn : policy.deadlines.serviceHandIn
    const lastStage = stages[stages.length - 1]
    const handInDueAt = lastStage ? computeDeadline(lastStage.rule, anchorAt, calendar) : null
    const actor = this.actor
    const { db } = this
    const archive = await db.transaction('rw', [db.archives, db.auditEvents, db.counters], async () => {
      if (kind === 'sales') {
        const existing = await db.archives
          .where('vehicleFileId')
          .equals(file.id)
          .filter((a) => a.kind === 'sales' && !a.deletedAt)
          .first()
        if (existing)
          throw new DomainError(
            'ARCHIVE_DUPLICATE',
            `车架号 ${file.vin} 的销售档案已于 ${chinaDateTimeText(existing.createdAt)} 交接（${ARCHIVE_STATUS_LABELS[existing.status]}），一车只有一份销售档案`
          )
      } else if (await db.archives.where('repairOrderNo').equals(repairOrderNo!).count()) {
        throw new DomainError('ARCHIVE_DUPLICATE', `任务委托书 ${repairOrderNo} 的服务档案已交接过`, {
          field: 'repairOrderNo'
        })
      }
      const handoverLine = (await db.archives.where('handoverId').equals(handoverId).count()) + 1
      const record: ArchiveRecord = {
        ...newSyncMeta(crypto.randomUUID(), actor, at),
        vehicleFileId: file.id,
        kind,
        visitType,
        repairOrderNo,
        status: 'handed_over',
        policyId: policy.id,
        policyVersion: policy.version,
        department: handover.department,
        advisorName,
        anchorAt,
        handInDueAt,
        handoverId,
        handoverLine,
        handedOverAt: handover.handedAt,
        missingNote,
        input: JSON.stringify(input),
        manual: '{}',
        round: 0,
        correctionDueAt: null,
        location: null
      }
      await db.archives.add(record)
      await appendAuditEvent(
        db,
        actor,
        {
          action: 'create',
          entity: 'archive',
          entityId: record.id,
          changes: {
            handover: [null, handover.number],
            archive: [null, archiveLabel(policy, record)],
            documents: [null, line.documentsPresent.length],
            missingNote: [null, record.missingNote]
          },
          summary: `交接 ${file.archiveNo} 的${archiveLabel(policy, record)}（交接单 ${handover.number}）`
        },
        at
      )
      return record
    })
    return { archive, file: (await this.gate.present([file], '交接档案'))[0]! }
  }

  /** The live files a scan names: the one whole VIN, or every file the operator may see whose VIN ends so. */
  private async filesForScan(read: HandoverScan): Promise<VehicleFile[]> {
    if (read.kind === 'vin') {
      const file = await this.db.vehicleFiles.where('vin').equals(read.vin).first()
      return file && !file.deletedAt ? [file] : []
    }
    const reversed = [...read.suffix].reverse().join('')
    const found = await this.db.vehicleFiles.where('vinReversed').startsWith(reversed).limit(50).toArray()
    const visible = await this.gate.visibleLevels()
    return found
      .filter((f) => !f.deletedAt && visible.has(f.secrecy))
      .sort((a, b) => a.archiveNo.localeCompare(b.archiveNo))
  }

  async matchScan(scan: string): Promise<VehicleFile[]> {
    await this.guard.require('handover.receive')
    return this.gate.filter(await this.filesForScan(readHandoverScan(scan)))
  }

  async lines(handoverId: string): Promise<ArchiveView[]> {
    return this.linesFor(handoverId, '查看交接单')
  }

  private async linesFor(handoverId: string, what: string): Promise<ArchiveView[]> {
    await this.guard.require('vehicleFile.read')
    const archives = await this.db.archives.where('handoverId').equals(handoverId).sortBy('handoverLine')
    return this.views(archives, what)
  }

  private async setStatus(
    handoverId: string,
    from: Handover['status'],
    to: Handover['status'],
    summary: string
  ): Promise<Handover> {
    await this.guard.require('handover.receive')
    const at = this.now().toISOString()
    const { db } = this
    return db.transaction('rw', [db.handovers, db.auditEvents, db.counters, db.archives], async () => {
      const handover = await db.handovers.get(handoverId)
      if (!handover) throw new DomainError('HANDOVER_NOT_FOUND', '找不到该交接单')
      if (handover.status !== from)
        throw new DomainError('HANDOVER_STATE', `交接单 ${handover.number} 当前不能执行此操作`)
      if (to === 'submitted' && (await db.archives.where('handoverId').equals(handoverId).count()) === 0) {
        throw new DomainError('HANDOVER_EMPTY', '交接单上还没有档案，请先扫描车架号添加')
      }
      const next: Handover = {
        ...handover,
        status: to,
        signedAt: to === 'signed' ? at : handover.signedAt,
        updatedAt: at,
        updatedBy: this.actor.operatorId,
        rev: handover.rev + 1
      }
      await db.handovers.put(next)
      await appendAuditEvent(
        db,
        this.actor,
        {
          action: 'status.change',
          entity: 'handover',
          entityId: handoverId,
          changes: { status: [HANDOVER_STATUS_LABELS[handover.status], HANDOVER_STATUS_LABELS[to]] },
          summary: `${summary} ${handover.number}`
        },
        at
      )
      return next
    })
  }

  submit(handoverId: string): Promise<Handover> {
    return this.setStatus(handoverId, 'open', 'submitted', '交接单提交待签字')
  }

  markSigned(handoverId: string): Promise<Handover> {
    return this.setStatus(handoverId, 'submitted', 'signed', '交接单双方已签字')
  }

  async sheet(handoverId: string): Promise<HandoverSheet> {
    await this.guard.require('vehicleFile.read')
    const handover = await this.db.handovers.get(handoverId)
    if (!handover) throw new DomainError('HANDOVER_NOT_FOUND', '找不到该交接单')
    const policy = await this.policyOf(handover)
    const views = await this.linesFor(handoverId, `打印档案交接表 ${handover.number}`)
    const { dealershipName } = await readDealershipSettings(this.db)
    const at = this.now()
    const lines = views.map(({ archive, file }) => {
      const input = readArchiveInput(archive)
      const present = documentsPresent(policy, archive, input).map((d) => d.name)
      const missing = requiredDocumentsMissing(policy, archive, input).map((d) => d.name)
      return {
        archiveNo: file.archiveNo,
        vin: file.vin,
        plate: file.plate,
        ownerName: file.ownerName,
        kind: archive.kind,
        visitTypeLabel: visitTypeName(policy, archive),
        repairOrderNo: archive.repairOrderNo,
        advisorName: archive.advisorName,
        anchorDate: archive.anchorAt ? chinaDate(archive.anchorAt) : null,
        documentsPresent: present,
        documentsMissing: missing,
        missingNote: archive.missingNote
      }
    })
    const printed = await recordAuditEvent(
      this.db,
      this.actor,
      {
        action: 'print',
        entity: 'handover',
        entityId: handoverId,
        changes: { lines: lines.length },
        summary: `打印档案交接表 ${handover.number}`
      },
      at.toISOString()
    )
    return {
      dealershipName: dealershipName || '（未设置经销商名称）',
      number: handover.number,
      department: handover.department,
      departmentLabel: handover.department === 'sales' ? '销售部' : '售后服务部',
      handedByName: handover.handedByName,
      receivedByName: handover.receivedByName,
      handedAt: handover.handedAt,
      lines,
      printedBy: this.guard.session.operator.name,
      printedAt: at.toISOString(),
      auditHead: { deviceSeq: printed.deviceSeq, hash: printed.hash }
    }
  }
}

/** A file returned from correction with the same documents and facts as the round that rejected it. */
function sameRound(a: { input: string }, b: { input: string }): boolean {
  return a.input === b.input
}

export class DexieArchives extends ArchiveWork implements Archives {
  async get(id: string): Promise<ArchiveView | undefined> {
    await this.guard.require('vehicleFile.read')
    const archive = await this.db.archives.get(id)
    return archive && !archive.deletedAt ? this.view(archive, '查看档案检查') : undefined
  }

  async forVehicle(vehicleFileId: string): Promise<ArchiveRecord[]> {
    await this.guard.require('vehicleFile.read')
    await this.fileOf({ vehicleFileId }, '查看档案记录')
    const archives = await this.db.archives.where('vehicleFileId').equals(vehicleFileId).toArray()
    return archives.filter((a) => !a.deletedAt).sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  }

  async list(filter: ArchiveFilter): Promise<ArchiveView[]> {
    await this.guard.require('vehicleFile.read')
    const base = filter.statuses?.length
      ? this.db.archives.where('status').anyOf([...filter.statuses])
      : this.db.archives.toCollection()
    const archives = await base
      .filter(
        (a) =>
          !a.deletedAt &&
          (!filter.department || a.department === filter.department) &&
          (!filter.advisorName || a.advisorName === filter.advisorName)
      )
      .toArray()
    const files = await this.gate.listed(await this.db.vehicleFiles.bulkGet(archives.map((a) => a.vehicleFileId)))
    return archives
      .flatMap((archive, i) => {
        const file = files[i]
        return file ? [{ archive, file }] : []
      })
      .sort((a, b) =>
        (a.archive.correctionDueAt ?? a.archive.handInDueAt ?? a.archive.createdAt).localeCompare(
          b.archive.correctionDueAt ?? b.archive.handInDueAt ?? b.archive.createdAt
        )
      )
  }

  async mine(): Promise<ArchiveView[]> {
    await this.guard.require('vehicleFile.read')
    // The advisor is known by the staff record behind the session, never by a name typed in.
    const staff = await this.db.staff.get(this.guard.session.operator.staffId)
    if (!staff || (staff.department !== 'sales' && staff.department !== 'service')) return []
    return this.list({ department: staff.department, advisorName: staff.name })
  }

  private async load(id: string): Promise<ArchiveRecord> {
    const archive = await this.db.archives.get(id)
    if (!archive || archive.deletedAt) throw new DomainError('ARCHIVE_NOT_FOUND', '找不到该档案')
    return archive
  }

  async saveProgress(
    id: string,
    input: ArchiveInput,
    typed: Record<string, ManualCheckResult>
  ): Promise<ArchiveRecord> {
    await this.guard.require('archive.inspect')
    await this.fileOf(await this.load(id), '检查档案')
    const manual = parseManualResults(typed)
    const at = this.now().toISOString()
    const { db } = this
    return db.transaction('rw', [db.archives, db.auditEvents, db.counters], async () => {
      const archive = await this.load(id)
      if (!['handed_over', 'inspecting', 'resubmitted'].includes(archive.status)) {
        throw new DomainError(
          'ARCHIVE_LOCKED',
          `档案当前为“${ARCHIVE_STATUS_LABELS[archive.status]}”，不能修改检查内容`
        )
      }
      const next = {
        ...archive,
        input: JSON.stringify(input),
        manual: JSON.stringify(manual),
        updatedAt: at,
        updatedBy: this.actor.operatorId,
        rev: archive.rev + 1
      }
      if (next.input === archive.input && next.manual === archive.manual) return archive
      await db.archives.put(next)
      await appendAuditEvent(
        db,
        this.actor,
        {
          action: 'update',
          entity: 'archive',
          entityId: id,
          changes: { input: [archive.input, next.input], manual: [archive.manual, next.manual] },
          summary: '保存检查进度'
        },
        at
      )
      return next
    })
  }

  async completeInspection(
    id: string,
    input: ArchiveInput,
    typed: Record<string, ManualCheckResult>
  ): Promise<{ archive: ArchiveRecord; evaluation: ArchiveEvaluation }> {
    await this.guard.require('archive.inspect')
    const manual = parseManualResults(typed)
    const current = await this.load(id)
    await this.fileOf(current, '检查档案')
    const policy = await this.policyOf(current)
    const evaluation = evaluateArchive(policy, input, manual)
    if (evaluation.verdict === 'incomplete') {
      throw new DomainError(
        'INSPECTION_INCOMPLETE',
        `还有 ${evaluation.openItems} 项未检查完（未勾选的人工检查项或未录入的信息），请检查完再判定`
      )
    }
    const calendar = await this.policies.calendar()
    const now = this.now()
    const at = now.toISOString()
    const inspector = this.guard.session.operator.name
    const { db } = this
    const archive = await db.transaction('rw', [db.archives, db.inspections, db.auditEvents, db.counters], async () => {
      let archive = await this.load(id)
      if (archive.rev !== current.rev)
        throw new DomainError('STALE_WRITE', '该档案在您检查期间已被他人修改，请重新打开')
      const previous = (await db.inspections.where('archiveId').equals(id).sortBy('round')).at(-1)
      const serialised = { input: JSON.stringify(input), manual: JSON.stringify(manual) }
      archive = await this.step(
        archive,
        'start_inspection',
        { round: archive.round + 1, ...serialised },
        `第 ${archive.round + 1} 轮检查开始`,
        at
      )
      const returnedUnchanged =
        previous !== undefined && previous.verdict === 'nonconforming' && sameRound(previous, serialised)
      const accepted = evaluation.verdict === 'accepted'
      const correctionDueAt = accepted ? null : computeDeadline(policy.deadlines.correction.rule, at, calendar)
      const noticeNumber = accepted ? null : await this.nextNoticeNumber(now)
      const record: InspectionRecord = {
        ...newSyncMeta(crypto.randomUUID(), this.actor, at),
        archiveId: id,
        round: archive.round,
        inspectedAt: at,
        inspectorName: inspector,
        verdict: accepted ? 'accepted' : 'nonconforming',
        failures: JSON.stringify(evaluation.failures),
        ...serialised,
        correctionDueAt,
        returnedUnchanged,
        noticeNumber
      }
      await db.inspections.add(record)
      if (accepted) return this.step(archive, 'accept', { correctionDueAt: null }, `第 ${archive.round} 轮检查合格`, at)
      archive = await this.step(
        archive,
        'reject',
        {},
        `第 ${archive.round} 轮检查不合格：${evaluation.failures.length} 项${returnedUnchanged ? '（整改后原样交回）' : ''}`,
        at
      )
      return this.step(
        archive,
        'return_for_correction',
        { correctionDueAt },
        `退回整改，限 ${chinaDateTimeText(correctionDueAt!)} 前交回`,
        at
      )
    })
    return { archive, evaluation }
  }

  /** Draws the next 《不合格档案记录》 number of the year, inside the caller's transaction. */
  private async nextNoticeNumber(at: Date): Promise<string> {
    const year = chinaDayStamp(at).slice(0, 4)
    const counterId = correctionNoticeCounterId(year)
    const counter = await this.db.counters.get(counterId)
    const seq = (counter?.value ?? 0) + 1
    const stamp = at.toISOString()
    if (counter)
      await this.db.counters.update(counterId, {
        value: seq,
        rev: counter.rev + 1,
        updatedAt: stamp,
        updatedBy: this.actor.operatorId
      })
    else await this.db.counters.add({ ...newSyncMeta(counterId, this.actor, stamp), value: seq })
    return correctionNoticeNumber(year, seq)
  }

  async resubmit(id: string): Promise<ArchiveRecord> {
    await this.guard.require('archive.inspect')
    await this.fileOf(await this.load(id), '整改交回')
    const at = this.now().toISOString()
    const { db } = this
    return db.transaction('rw', [db.archives, db.auditEvents, db.counters], async () => {
      const archive = await this.load(id)
      const late =
        archive.correctionDueAt && at > archive.correctionDueAt
          ? `（逾期，应于 ${chinaDateTimeText(archive.correctionDueAt)} 前）`
          : ''
      return this.step(archive, 'resubmit', {}, `整改后交回${late}`, at)
    })
  }

  async file(id: string, location: string): Promise<ArchiveRecord> {
    await this.guard.require('archive.inspect')
    const place = normalizeInput(location).toUpperCase()
    if (!/^[A-Z0-9]{1,6}-[A-Z0-9]{1,4}-[A-Z0-9]{1,6}$/.test(place))
      throw new DomainError('LOCATION_INVALID', '存放位置请按 柜-层-盒 填写，如 A3-2-15', { field: 'location' })
    await this.fileOf(await this.load(id), '归档入柜')
    const at = this.now().toISOString()
    const { db } = this
    return db.transaction('rw', [db.archives, db.auditEvents, db.counters], async () => {
      const archive = await this.load(id)
      return this.step(archive, 'file', { location: place }, `归档入柜 ${place}`, at)
    })
  }

  async inspections(id: string): Promise<InspectionRecord[]> {
    await this.guard.require('vehicleFile.read')
    await this.fileOf(await this.load(id), '查看检查记录')
    return this.db.inspections.where('archiveId').equals(id).sortBy('round')
  }

  /** The advisor's 签收 of the 《不合格档案记录》: recorded, and the correction deadline counted from it where the policy says so. */
  async recordNoticeReceipt(id: string, receipt: NoticeReceiptInput): Promise<ArchiveRecord> {
    await this.guard.require('archive.inspect')
    const current = await this.load(id)
    await this.fileOf(current, '登记整改通知签收')
    const policy = await this.policyOf(current)
    const calendar = await this.policies.calendar()
    const at = this.now().toISOString()
    const { db } = this
    return db.transaction('rw', [db.archives, db.inspections, db.auditEvents, db.counters], async () => {
      const archive = await this.load(id)
      const returned = await this.returnedRound(archive)
      const { receivedAt, receivedBy } = checkNoticeReceipt({
        returnedAt: returned.inspectedAt,
        receivedAt: receipt.receivedAt,
        receivedBy: receipt.receivedBy,
        now: at
      })
      const dueAt =
        correctionDueAt(
          policy.deadlines.correction,
          { returnedAt: returned.inspectedAt, noticeReceivedAt: receivedAt },
          calendar
        ) ?? archive.correctionDueAt
      const next: ArchiveRecord = {
        ...archive,
        noticeReceivedAt: receivedAt,
        noticeReceivedBy: receivedBy,
        correctionDueAt: dueAt,
        updatedAt: at,
        updatedBy: this.actor.operatorId,
        rev: archive.rev + 1
      }
      await db.archives.put(next)
      await appendAuditEvent(
        db,
        this.actor,
        {
          action: 'update',
          entity: 'archive',
          entityId: id,
          changes: {
            noticeReceivedAt: [archive.noticeReceivedAt ?? null, receivedAt],
            noticeReceivedBy: [archive.noticeReceivedBy ?? null, receivedBy],
            correctionDueAt: [archive.correctionDueAt, dueAt]
          },
          summary: `${receivedBy} 签收《不合格档案记录》（${chinaDateTimeText(receivedAt)}）${
            dueAt ? `，限 ${chinaDateTimeText(dueAt)} 前交回` : ''
          }`
        },
        at
      )
      return next
    })
  }

  /** A late correction's special reason, promised time and the policy's signer (FAW-VW 五(二)4(5)). */
  async recordLateCorrection(id: string, explanation: LateCorrectionExplanation): Promise<ArchiveRecord> {
    await this.guard.require('archive.inspect')
    const current = await this.load(id)
    await this.fileOf(current, '登记逾期整改说明')
    const policy = await this.policyOf(current)
    const at = this.now().toISOString()
    const { db } = this
    return db.transaction('rw', [db.archives, db.auditEvents, db.counters], async () => {
      const archive = await this.load(id)
      if (!['returned', 'resubmitted'].includes(archive.status) || !archive.correctionDueAt) {
        throw new DomainError(
          'ARCHIVE_NOT_IN_CORRECTION',
          `档案当前为“${ARCHIVE_STATUS_LABELS[archive.status]}”，不在整改中，无需逾期说明`,
          { status: ARCHIVE_STATUS_LABELS[archive.status] }
        )
      }
      const late = checkLateCorrectionExplanation(policy.deadlines.correction, explanation, archive.correctionDueAt)
      const next: ArchiveRecord = {
        ...archive,
        lateCorrectionReason: late.reason,
        lateCorrectionPromisedAt: late.promisedAt,
        lateCorrectionSignedBy: late.signedBy,
        updatedAt: at,
        updatedBy: this.actor.operatorId,
        rev: archive.rev + 1
      }
      await db.archives.put(next)
      await appendAuditEvent(
        db,
        this.actor,
        {
          action: 'update',
          entity: 'archive',
          entityId: id,
          changes: {
            lateCorrectionReason: [archive.lateCorrectionReason ?? null, late.reason],
            lateCorrectionPromisedAt: [archive.lateCorrectionPromisedAt ?? null, late.promisedAt],
            lateCorrectionSignedBy: [archive.lateCorrectionSignedBy ?? null, late.signedBy]
          },
          summary: `逾期整改说明：承诺 ${chinaDateTimeText(late.promisedAt)} 前交回，${late.signedBy} 签字`
        },
        at
      )
      return next
    })
  }

  /** The round that sent the archive back, while it is out for correction. */
  private async returnedRound(archive: ArchiveRecord): Promise<InspectionRecord> {
    const round =
      archive.status === 'returned'
        ? (await this.db.inspections.where('archiveId').equals(archive.id).sortBy('round')).at(-1)
        : undefined
    if (!round || round.verdict !== 'nonconforming') {
      throw new DomainError(
        'ARCHIVE_NOT_RETURNED',
        `档案当前为“${ARCHIVE_STATUS_LABELS[archive.status]}”，没有待签收的整改通知`,
        { status: ARCHIVE_STATUS_LABELS[archive.status] }
      )
    }
    return round
  }

  async correctionNotice(id: string): Promise<CorrectionNotice> {
    await this.guard.require('vehicleFile.read')
    const archive = await this.load(id)
    const latest = (await this.db.inspections.where('archiveId').equals(id).sortBy('round')).at(-1)
    if (!latest || latest.verdict !== 'nonconforming')
      throw new DomainError('NOTICE_NONE', '该档案最近一轮检查没有不合格项，无需整改通知')
    const policy = await this.policyOf(archive)
    const file = await this.fileOf(archive, '打印不合格档案记录')
    const { dealershipName } = await readDealershipSettings(this.db)
    const failures = JSON.parse(latest.failures) as ArchiveFailure[]
    const rule = policy.deadlines.correction.rule
    const ruleText =
      rule.kind === 'hours_after'
        ? `${rule.hours} 小时内`
        : rule.kind === 'working_days_after'
          ? `${rule.days} 个工作日内`
          : '按制度规定'
    const at = this.now()
    const printed = await recordAuditEvent(
      this.db,
      this.actor,
      {
        action: 'print',
        entity: 'archive',
        entityId: id,
        changes: { round: latest.round, items: failures.length },
        summary: `打印不合格档案记录 ${file.archiveNo} 第 ${latest.round} 轮`
      },
      at.toISOString()
    )
    return {
      dealershipName: dealershipName || '（未设置经销商名称）',
      // Rounds recorded before notices were numbered keep the number they were first printed with.
      number:
        latest.noticeNumber ??
        `BHG${chinaDayStamp(new Date(latest.inspectedAt))}-${latest.id.slice(0, 4).toUpperCase()}`,
      archiveNo: file.archiveNo,
      vin: file.vin,
      plate: file.plate,
      ownerName: file.ownerName,
      archiveLabel: archiveLabel(policy, archive),
      responsibleName: archive.advisorName,
      departmentLabel: archive.department === 'sales' ? '销售部' : '售后服务部',
      round: latest.round,
      inspectedBy: latest.inspectorName,
      inspectedAt: latest.inspectedAt,
      dueAt: latest.correctionDueAt ?? latest.inspectedAt,
      dueRule: `${correctionClause(policy.deadlines.correction, archive.kind)}：退回后${ruleText}整改完毕（自${DEADLINE_ANCHOR_LABELS[rule.from]}起算）`,
      items: failures.map((f) => ({ document: f.documentName, check: f.title, explanation: f.message })),
      confirmerRole: policy.signOff.nonconformityRecordConfirmedBy[archive.kind][0] ?? null,
      policyLabel: `${policy.name} 第 ${policy.version} 版`,
      printedBy: this.guard.session.operator.name,
      printedAt: at.toISOString(),
      auditHead: { deviceSeq: printed.deviceSeq, hash: printed.hash }
    }
  }
}
