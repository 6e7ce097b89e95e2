import { DomainError } from '@shared/model/domain-error'
import { newSyncMeta } from '@shared/model/sync-meta'
import type { ArchiveRecord, InspectionRecord } from '@shared/archive'
import { readFailures } from '@shared/archive'
import type { ArchiveStep } from '@shared/archive/archive-step'
import type { PrintRequest, PrintStamp } from '@shared/audit/print-record'
import type { Policy } from '@shared/policy'
import type { ArchiveEvaluation, ArchiveInput, ManualCheckResult } from '@shared/rules'
import { evaluateArchive, ruleContextOf } from '@shared/rules'
import type { Handover, HandoverSheetContent } from '@shared/handover/handover'
import type { CorrectionNoticeContent } from '@shared/inspection/correction-notice'
import { buildCorrectionNotice, correctionNoticePrintEntry, noticeRound } from '@shared/inspection/correction-notice'
import {
  assertJudgeable,
  fileStep,
  noticeCounterIdAt,
  planInspectionRound,
  readShelfLocation,
  resubmitStep,
  saveProgressStep
} from '@shared/inspection/inspection-round'
import type { LateCorrectionExplanation } from '@shared/inspection/correction-receipt'
import { lateCorrectionStep, noticeReceiptStep } from '@shared/inspection/correction-steps'
import type { HandoverScan } from '@shared/handover/handover-scan'
import { readHandoverScan } from '@shared/handover/handover-scan'
import type { HandoverLineInput } from '@shared/handover/handover-line'
import { checkHandoverLine, newHandoverArchive, scannedFile } from '@shared/handover/handover-line'
import type { NewHandover } from '@shared/handover/handover-open'
import { checkNewHandover, handoverCounterId, openHandover } from '@shared/handover/handover-open'
import type { HandoverEvent } from '@shared/handover/handover-status'
import { handoverStep } from '@shared/handover/handover-step'
import { buildHandoverSheet, handoverSheetPrintEntry } from '@shared/handover/handover-sheet'
import { compareByDue } from '@shared/archive/archive-order'
import { isArchiveKind } from '@shared/archive/archive-kind'
import type { VehicleFile } from '@shared/vehicle/vehicle-file'
import type { ArchiveFilter, ArchiveView, Archives, Handovers, NoticeReceiptInput } from '../repositories'
import { actorOf } from '../session'
import type { ChedangDatabase } from './database'
import type { AccessGuard } from './access-guard'
import { appendAuditEvent, appendAuditEvents, recordAuditEvent } from './audit-writer'
import type { DexiePolicies } from './dexie-policies'
import { readDealershipSettings } from './dexie-settings'
import { FileAccessGate } from './file-access-gate'
import { parseManualResults } from '@shared/rules/manual-check-schema'
import { assertFileWritable } from '@shared/retention/file-writability'

/** Shared by the handover and the inspection side: loading archives and their files, writing what shared/ decided. */
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

  /** The file of an archive about to change: as fileOf, and refused when the file is sealed or destroyed. */
  protected async writableFileOf(archive: Pick<ArchiveRecord, 'vehicleFileId'>, what: string): Promise<VehicleFile> {
    const file = await this.fileOf(archive, what)
    assertFileWritable(file)
    return file
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
    if (!policy)
      throw new DomainError('POLICY_MISSING', `档案所依据的制度（第 ${archive.policyVersion} 版）不存在`, {
        version: String(archive.policyVersion)
      })
    return policy
  }

  protected async load(id: string): Promise<ArchiveRecord> {
    const archive = await this.db.archives.get(id)
    if (!archive || archive.deletedAt) throw new DomainError('ARCHIVE_NOT_FOUND', '找不到该档案')
    return archive
  }

  /** Writes the archive's steps and their audit events, inside the caller's transaction; the last record. */
  protected async write(steps: readonly ArchiveStep[], at: string): Promise<ArchiveRecord> {
    for (const step of steps) await this.db.archives.put(step.record)
    await appendAuditEvents(
      this.db,
      this.actor,
      steps.map((step) => step.audit),
      at
    )
    return steps.at(-1)!.record
  }

  /** Sets a numbering counter inside the caller's transaction. */
  protected async setCounter(id: string, value: number, at: string): Promise<void> {
    const counter = await this.db.counters.get(id)
    if (counter)
      await this.db.counters.update(id, {
        value,
        rev: counter.rev + 1,
        updatedAt: at,
        updatedBy: this.actor.operatorId
      })
    else await this.db.counters.add({ ...newSyncMeta(id, this.actor, at), value })
  }

  /** The next number of a counter, drawn inside the caller's transaction. */
  protected async drawNumber(id: string, at: string): Promise<number> {
    const value = ((await this.db.counters.get(id))?.value ?? 0) + 1
    await this.setCounter(id, value, at)
    return value
  }

  /** What the handover register shows (nothing is logged but the confidential files it shows). */
  protected async sheetContent(handoverId: string, what: string): Promise<HandoverSheetContent> {
    await this.guard.require('vehicleFile.read')
    const handover = await this.db.handovers.get(handoverId)
    if (!handover) throw new DomainError('HANDOVER_NOT_FOUND', '找不到该交接单')
    const policy = await this.policyOf(handover)
    const archives = await this.db.archives.where('handoverId').equals(handoverId).sortBy('handoverLine')
    const lines = await this.views(archives, what)
    const { dealershipName } = await readDealershipSettings(this.db)
    return buildHandoverSheet(policy, handover, lines, dealershipName)
  }

  /** What the 《不合格档案记录》 of the latest round shows; refused for a file the operator may not see. */
  protected async noticeContent(id: string): Promise<CorrectionNoticeContent> {
    await this.guard.require('vehicleFile.read')
    const archive = await this.load(id)
    const round = noticeRound(await this.db.inspections.where('archiveId').equals(id).toArray())
    const policy = await this.policyOf(archive)
    const file = await this.fileOf(archive, '打印不合格档案记录')
    const { dealershipName } = await readDealershipSettings(this.db)
    const failures = readFailures(round)
    return buildCorrectionNotice(policy, archive, file, round, failures, dealershipName)
  }
}

export class DexieHandovers extends ArchiveWork implements Handovers {
  async open(input: NewHandover): Promise<Handover> {
    await this.guard.require('handover.receive')
    checkNewHandover(input)
    const policy = await this.policies.active()
    const at = this.now()
    const actor = this.actor
    const receivedBy = this.guard.session.operator.name
    const { db } = this
    return db.transaction('rw', [db.handovers, db.counters, db.auditEvents], async () => {
      const seq = await this.drawNumber(handoverCounterId(at), at.toISOString())
      const { handover, audit } = openHandover(input, policy, seq, crypto.randomUUID(), actor, receivedBy, at)
      await db.handovers.add(handover)
      await appendAuditEvent(db, actor, audit, handover.createdAt)
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

  async addArchive(handoverId: string, input: HandoverLineInput): Promise<ArchiveView> {
    await this.guard.require('handover.receive')
    const handover = await this.loadHandover(handoverId)
    const policy = await this.policyOf(handover)
    const line = checkHandoverLine(policy, handover, input, this.now(), await this.policies.calendar())
    const file = scannedFile(line.scan, await this.filesForScan(line.scan))
    assertFileWritable(file)
    const at = this.now().toISOString()
    const actor = this.actor
    const { db } = this
    const archive = await db.transaction('rw', [db.archives, db.auditEvents, db.counters], async () => {
      const existingSalesArchive = await db.archives
        .where('vehicleFileId')
        .equals(file.id)
        .filter((a) => a.kind === 'sales' && !a.deletedAt)
        .first()
      const repairOrderTaken =
        line.repairOrderNo !== null && (await db.archives.where('repairOrderNo').equals(line.repairOrderNo).count()) > 0
      const linesSoFar = await db.archives.where('handoverId').equals(handoverId).count()
      const { record, audit } = newHandoverArchive(
        policy,
        line,
        { handover, file, existingSalesArchive, repairOrderTaken, linesSoFar },
        crypto.randomUUID(),
        actor,
        at
      )
      await db.archives.add(record)
      await appendAuditEvent(db, actor, audit, at)
      return record
    })
    return { archive, file: (await this.gate.present([file], '交接档案'))[0]! }
  }

  private async loadHandover(id: string): Promise<Handover> {
    const handover = await this.db.handovers.get(id)
    if (!handover) throw new DomainError('HANDOVER_NOT_FOUND', '找不到该交接单')
    return handover
  }

  /** The live files a scan names: the one whole VIN, or every file the operator may see whose VIN ends so. */
  private async filesForScan(read: HandoverScan): Promise<VehicleFile[]> {
    if (read.kind === 'vin') {
      const file = await this.db.vehicleFiles.where('vin').equals(read.vin).first()
      return file && !file.deletedAt ? [file] : []
    }
    const reversed = [...read.suffix].reverse().join('')
    const found = await this.db.vehicleFiles.where('vinReversed').startsWith(reversed).limit(50).toArray()
    return (await this.gate.listed(found))
      .flatMap((shown, i) => (shown ? [found[i]!] : []))
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

  private async step(handoverId: string, event: HandoverEvent): Promise<Handover> {
    await this.guard.require('handover.receive')
    const at = this.now().toISOString()
    const { db } = this
    return db.transaction('rw', [db.handovers, db.auditEvents, db.counters, db.archives], async () => {
      const current = await this.loadHandover(handoverId)
      const lineCount = await db.archives.where('handoverId').equals(handoverId).count()
      const { handover, audit } = handoverStep(current, event, lineCount, at, this.actor.operatorId)
      await db.handovers.put(handover)
      await appendAuditEvent(db, this.actor, audit, at)
      return handover
    })
  }

  submit(handoverId: string): Promise<Handover> {
    return this.step(handoverId, 'submit')
  }

  markSigned(handoverId: string): Promise<Handover> {
    return this.step(handoverId, 'sign')
  }

  async sheet(handoverId: string): Promise<HandoverSheetContent> {
    return this.sheetContent(handoverId, '查看交接单')
  }
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
      .sort((a, b) => compareByDue(a.archive, b.archive))
  }

  async mine(): Promise<ArchiveView[]> {
    await this.guard.require('vehicleFile.read')
    // The advisor is known by the staff record behind the session, never by a name typed in.
    const staff = await this.db.staff.get(this.guard.session.operator.staffId)
    if (!staff || !isArchiveKind(staff.department)) return []
    return this.list({ department: staff.department, advisorName: staff.name })
  }

  async saveProgress(
    id: string,
    input: ArchiveInput,
    typed: Record<string, ManualCheckResult>
  ): Promise<ArchiveRecord> {
    await this.guard.require('archive.inspect')
    await this.writableFileOf(await this.load(id), '检查档案')
    const manual = parseManualResults(typed)
    const at = this.now().toISOString()
    const { db } = this
    return db.transaction('rw', [db.archives, db.auditEvents, db.counters], async () => {
      const archive = await this.load(id)
      const step = saveProgressStep(archive, input, manual, at, this.actor.operatorId)
      if (!step) return archive
      return this.write([step], at)
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
    await this.writableFileOf(current, '检查档案')
    const policy = await this.policyOf(current)
    const evaluation = evaluateArchive(policy, input, manual, ruleContextOf(await readDealershipSettings(this.db)))
    assertJudgeable(evaluation)
    const calendar = await this.policies.calendar()
    const now = this.now()
    const at = now.toISOString()
    const inspectorName = this.guard.session.operator.name
    const actor = this.actor
    const { db } = this
    const archive = await db.transaction('rw', [db.archives, db.inspections, db.auditEvents, db.counters], async () => {
      const counterId = noticeCounterIdAt(now)
      const plan = planInspectionRound({
        policy,
        archive: await this.load(id),
        openedRev: current.rev,
        previous: (await db.inspections.where('archiveId').equals(id).sortBy('round')).at(-1),
        input,
        manual,
        evaluation,
        calendar,
        noticeCounter: (await db.counters.get(counterId))?.value ?? 0,
        inspectionId: crypto.randomUUID(),
        inspectorName,
        actor,
        at: now
      })
      if (plan.noticeCounter) await this.setCounter(plan.noticeCounter.id, plan.noticeCounter.value, at)
      const [start, ...verdict] = plan.steps
      await this.write([start!], at)
      await db.inspections.add(plan.inspection)
      return this.write(verdict, at)
    })
    return { archive, evaluation }
  }

  async resubmit(id: string): Promise<ArchiveRecord> {
    await this.guard.require('archive.inspect')
    await this.writableFileOf(await this.load(id), '整改交回')
    const at = this.now().toISOString()
    const { db } = this
    return db.transaction('rw', [db.archives, db.auditEvents, db.counters], async () =>
      this.write([resubmitStep(await this.load(id), at, this.actor.operatorId)], at)
    )
  }

  async file(id: string, location: string): Promise<ArchiveRecord> {
    await this.guard.require('archive.inspect')
    const place = readShelfLocation(location)
    await this.writableFileOf(await this.load(id), '归档入柜')
    const at = this.now().toISOString()
    const { db } = this
    return db.transaction('rw', [db.archives, db.auditEvents, db.counters], async () =>
      this.write([fileStep(await this.load(id), place, at, this.actor.operatorId)], at)
    )
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
    await this.writableFileOf(current, '登记整改通知签收')
    const policy = await this.policyOf(current)
    const calendar = await this.policies.calendar()
    const at = this.now().toISOString()
    const { db } = this
    return db.transaction('rw', [db.archives, db.inspections, db.auditEvents, db.counters], async () => {
      const archive = await this.load(id)
      const latest = (await db.inspections.where('archiveId').equals(id).sortBy('round')).at(-1)
      const step = noticeReceiptStep(
        archive,
        latest,
        receipt,
        policy.deadlines.correction,
        calendar,
        at,
        this.actor.operatorId
      )
      return this.write([step], at)
    })
  }

  /** A late correction's special reason, promised time and the policy's signer (FAW-VW 五(二)4(5)). */
  async recordLateCorrection(id: string, explanation: LateCorrectionExplanation): Promise<ArchiveRecord> {
    await this.guard.require('archive.inspect')
    const current = await this.load(id)
    await this.writableFileOf(current, '登记逾期整改说明')
    const policy = await this.policyOf(current)
    const at = this.now().toISOString()
    const { db } = this
    return db.transaction('rw', [db.archives, db.auditEvents, db.counters], async () => {
      const step = lateCorrectionStep(
        await this.load(id),
        explanation,
        policy.deadlines.correction,
        at,
        this.actor.operatorId
      )
      return this.write([step], at)
    })
  }

  async correctionNotice(id: string): Promise<CorrectionNoticeContent> {
    return this.noticeContent(id)
  }

  async recordPrint(request: PrintRequest): Promise<PrintStamp> {
    const { entry } =
      request.document === 'handoverSheet'
        ? await this.sheetContent(request.handoverId, '打印交接表').then((sheet) => ({
            entry: handoverSheetPrintEntry(request.handoverId, sheet)
          }))
        : await this.noticeContent(request.archiveId).then((notice) => ({
            entry: correctionNoticePrintEntry(request.archiveId, notice)
          }))
    const at = this.now().toISOString()
    const printed = await recordAuditEvent(this.db, this.actor, entry, at)
    return {
      printedBy: this.guard.session.operator.name,
      printedAt: at,
      auditHead: { deviceSeq: printed.deviceSeq, hash: printed.hash }
    }
  }
}
