import { DomainError } from '@shared/model/domain-error'
import type { Permission } from '@shared/operators/permissions'
import type { DestructionActor, DestructionRow } from '@shared/destruction'
import {
  approveDestructionRow,
  DESTRUCTION_METHODS,
  eraseDestroyedFile,
  newDestructionRow,
  recordDestructionRow
} from '@shared/destruction'
import type {
  DestructionListContent,
  FileRepair,
  FileRepairInput,
  KeepingPrintRequest,
  KeepingPrintStamp,
  LegalHold,
  LegalHoldInput,
  RetentionFacts,
  RetentionSchedule,
  SealingBatch,
  SealingTransferList,
  StorageInspection,
  StorageInspectionDue,
  StorageInspectionInput,
  StorageInspectionSheet
} from '@shared/retention'
import {
  DESTRUCTION_LIST_TITLE,
  filesDueForDestructionReview,
  filesDueForSealing,
  isHeld,
  keepingPrintEntry,
  placeLegalHold,
  planSealingBatch,
  recordFileRepair,
  recordStorageInspection,
  releaseLegalHold,
  retentionFactsOf,
  retentionSchedule,
  SEALING_TRANSFER_LIST_TITLE,
  sealBasisText,
  sealingBatchCounterId,
  sealingBatchNumber,
  STORAGE_INSPECTION_TITLE,
  storageInspectionDue
} from '@shared/retention'
import { DEFAULT_DORMANCY_CLOCK } from '@shared/retention'
import { archiveInputDocument } from '@shared/rules/archive-input-document'
import { newSyncMeta } from '@shared/model/sync-meta'
import { todayInChina, fixedClock } from '@shared/time'
import type { VehicleFile } from '@shared/vehicle/vehicle-file'
import type { Policy } from '@shared/policy'
import type { FileKeeping, KeepingFileRow, KeepingPolicySummary, Retention } from '../repositories'
import { actorOf } from '../session'
import type { AccessGuard } from './access-guard'
import type { ChedangDatabase } from './database'
import { appendAuditEvent, appendAuditEvents, recordAuditEvent } from './audit-writer'
import type { DexiePolicies } from './dexie-policies'
import { readDealershipSettings } from './dexie-settings'
import { FileAccessGate } from './file-access-gate'

const KEEPING_READ: readonly Permission[] = ['retention.manage', 'destruction.propose', 'destruction.approve']

/**
 * Keeping a file (保管): the lists of files due for sealing and for destruction review, sealing batches,
 * legal holds, the destruction register and storage inspections. Decisions are shared/retention's and
 * shared/destruction's; this loads, calls them and writes what they return with the audit event in the
 * same transaction. Every file or part of one that leaves goes through the one access decision.
 */
export class DexieRetention implements Retention {
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

  private get destructionActor(): DestructionActor {
    const { operator } = this.guard.session
    return { operatorId: operator.accountId, name: operator.name, role: operator.role }
  }

  private today(): string {
    return todayInChina(fixedClock(this.now()))
  }

  /** Opening the keeping lists: any one of the keeping permissions, and reading files. */
  private async requireKeeping(): Promise<void> {
    let allowed = false
    for (const permission of KEEPING_READ) allowed ||= await this.guard.allows(permission)
    if (!allowed) await this.guard.deny('retention.manage')
    await this.guard.require('vehicleFile.read')
  }

  private async liveFile(id: string): Promise<VehicleFile> {
    const file = await this.db.vehicleFiles.get(id)
    if (!file || file.deletedAt) throw new DomainError('VEHICLE_FILE_NOT_FOUND', '找不到该车辆档案，可能已被移除')
    return file
  }

  /** The retention facts of `files`, read in two index scans (archives, holds) rather than per file. */
  private async factsOf(files: readonly VehicleFile[]): Promise<Map<string, RetentionFacts>> {
    const ids = files.map((f) => f.id)
    const [archives, holds] = await Promise.all([
      this.db.archives.where('vehicleFileId').anyOf(ids).toArray(),
      this.db.legalHolds.where('vehicleFileId').anyOf(ids).toArray()
    ])
    const byFile = <T extends { vehicleFileId: string }>(rows: readonly T[]) => {
      const map = new Map<string, T[]>()
      for (const row of rows) map.set(row.vehicleFileId, [...(map.get(row.vehicleFileId) ?? []), row])
      return map
    }
    const archivesOf = byFile(archives)
    const holdsOf = byFile(holds)
    return new Map(
      files.map((f) => [f.id, retentionFactsOf(f, archivesOf.get(f.id) ?? [], holdsOf.get(f.id) ?? [])] as const)
    )
  }

  private async liveFiles(): Promise<VehicleFile[]> {
    return (await this.db.vehicleFiles.toArray()).filter((f) => !f.deletedAt)
  }

  private async rowsFor(
    due: (policy: Policy['retention'], facts: RetentionFacts[], today: string) => RetentionSchedule[]
  ): Promise<KeepingFileRow[]> {
    await this.requireKeeping()
    const policy = await this.policies.active()
    const files = await this.liveFiles()
    const facts = await this.factsOf(files)
    const byId = new Map(files.map((f) => [f.id, f]))
    const schedules = due(policy.retention, [...facts.values()], this.today())
    const shown = await this.gate.listed(schedules.map((s) => byId.get(s.fileId)))
    return schedules.flatMap((schedule, i) => {
      const file = shown[i]
      if (!file) return []
      const f = facts.get(schedule.fileId)!
      return [
        {
          file,
          schedule,
          createdOn: f.createdOn,
          lastVisitOn: f.visitDates.reduce<string | null>((m, d) => (m === null || d > m ? d : m), null)
        }
      ]
    })
  }

  async policy(): Promise<KeepingPolicySummary> {
    await this.requireKeeping()
    const policy = await this.policies.active()
    const r = policy.retention
    return {
      policyName: policy.name,
      clause: r.clause,
      sealsByAge: r.dormancy !== null || r.keepYearsAfterLastService !== null,
      keepYearsAfterLastService: r.keepYearsAfterLastService,
      noServiceYears: r.dormancy?.noServiceYears ?? null,
      keepYearsFromCreation: r.dormancy?.keepYearsFromCreation ?? null,
      dormancyClock: r.dormancyClock ?? DEFAULT_DORMANCY_CLOCK,
      destroyNotBeforeYears: r.destroyNotBeforeYears
    }
  }

  dueForSealing(): Promise<KeepingFileRow[]> {
    return this.rowsFor(filesDueForSealing)
  }

  dueForDestruction(): Promise<KeepingFileRow[]> {
    return this.rowsFor(filesDueForDestructionReview)
  }

  async seal(input: { fileIds: readonly string[]; location: string; note?: string | null }): Promise<SealingBatch> {
    await this.guard.require('retention.manage')
    const policy = await this.policies.active()
    const visible = await this.gate.visibleLevels()
    const actor = this.actor
    const at = this.now().toISOString()
    const today = this.today()
    const { db } = this
    return db.transaction(
      'rw',
      [db.vehicleFiles, db.archives, db.legalHolds, db.sealingBatches, db.sealingLines, db.counters, db.auditEvents],
      async () => {
        const files = await db.vehicleFiles.bulkGet([...input.fileIds])
        const found: VehicleFile[] = []
        for (const file of files) {
          if (!file || file.deletedAt || !visible.has(file.secrecy))
            throw new DomainError('VEHICLE_FILE_NOT_FOUND', '找不到该车辆档案，可能已被移除或您无权查看')
          found.push(file)
        }
        const facts = await this.factsOf(found)
        const counterId = sealingBatchCounterId(today.slice(0, 4))
        const counter = await db.counters.get(counterId)
        const seq = (counter?.value ?? 0) + 1
        const plan = planSealingBatch(
          policy,
          found.map((file) => ({ file, facts: facts.get(file.id)! })),
          { location: input.location, note: input.note ?? null },
          today,
          sealingBatchNumber(today.slice(0, 4), seq),
          { batch: crypto.randomUUID(), line: () => crypto.randomUUID() },
          actor,
          at
        )
        if (counter)
          await db.counters.update(counterId, {
            value: seq,
            rev: counter.rev + 1,
            updatedAt: at,
            updatedBy: actor.operatorId
          })
        else await db.counters.add({ ...newSyncMeta(counterId, actor, at), value: seq })
        await db.sealingBatches.add(plan.batch)
        await db.sealingLines.bulkAdd(plan.lines)
        for (const { fileId, patch } of plan.patches) await db.vehicleFiles.update(fileId, { ...patch })
        await appendAuditEvents(db, actor, plan.audit, at)
        return plan.batch
      }
    )
  }

  async sealingBatches(): Promise<SealingBatch[]> {
    await this.requireKeeping()
    return (await this.db.sealingBatches.orderBy('sealedAt').reverse().toArray()).filter((b) => !b.deletedAt)
  }

  /** The transfer list's content (files through the access decision; confidential ones withheld in place). */
  async transferList(batchId: string): Promise<SealingTransferList> {
    await this.requireKeeping()
    const batch = await this.db.sealingBatches.get(batchId)
    if (!batch) throw new DomainError('SEALING_BATCH_NOT_FOUND', '找不到该封存批次')
    const lines = (await this.db.sealingLines.where('batchId').equals(batchId).toArray()).sort(
      (a, b) => a.line - b.line
    )
    const files = await this.db.vehicleFiles.bulkGet(lines.map((l) => l.vehicleFileId))
    if (files.some((f) => !f)) throw new DomainError('ARCHIVE_ORPHAN', '该档案所属的车辆档案不存在')
    const shown = await this.gate.present(files as VehicleFile[], '查看封存移交清单')
    const facts = await this.factsOf(files as VehicleFile[])
    const policy =
      (await this.policies.getVersion(batch.policyId, batch.policyVersion)) ?? (await this.policies.active())
    const r = policy.retention
    const years = { afterVisit: r.keepYearsAfterLastService, fromCreation: r.dormancy?.keepYearsFromCreation ?? null }
    return {
      title: SEALING_TRANSFER_LIST_TITLE,
      dealershipName: (await readDealershipSettings(this.db)).dealershipName,
      batch,
      clause: r.clause,
      lines: lines.map((line, i) => {
        const file = shown[i]!
        return {
          line: line.line,
          archiveNo: file.archiveNo,
          vin: file.vin,
          plate: file.plate,
          ownerName: file.ownerName,
          createdOn: facts.get(line.vehicleFileId)?.createdOn ?? '',
          sealDueOn: line.sealDueOn,
          basisText: sealBasisText(line.sealBasis, years),
          previousLocation: line.previousLocation
        }
      })
    }
  }

  async fileKeeping(fileId: string): Promise<FileKeeping> {
    await this.guard.require('vehicleFile.read')
    const file = await this.liveFile(fileId)
    await this.gate.open(file, '查看档案保管情况')
    const policy = await this.policies.active()
    const facts = (await this.factsOf([file])).get(file.id)!
    const [holds, repairs, destructions, batch] = await Promise.all([
      this.db.legalHolds.where('vehicleFileId').equals(fileId).toArray(),
      this.db.fileRepairs.where('vehicleFileId').equals(fileId).toArray(),
      this.db.destructions.where('vehicleFileId').equals(fileId).toArray(),
      file.sealBatchId ? this.db.sealingBatches.get(file.sealBatchId) : Promise.resolve(undefined)
    ])
    return {
      status: file.status,
      sealedAt: file.sealedAt ?? null,
      sealLocation: file.sealLocation ?? null,
      batchNumber: batch?.number ?? null,
      holds: holds.sort((a, b) => b.placedAt.localeCompare(a.placedAt)),
      held: isHeld(holds),
      repairs: repairs.sort((a, b) => b.repairedOn.localeCompare(a.repairedOn)),
      destruction: destructions.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null,
      schedule: file.status === 'destroyed' ? null : retentionSchedule(policy.retention, facts)
    }
  }

  async placeHold(fileId: string, input: LegalHoldInput): Promise<LegalHold> {
    await this.guard.require('retention.manage')
    const file = await this.liveFile(fileId)
    await this.gate.open(file, '法律保全')
    const actor = this.actor
    const at = this.now().toISOString()
    const { db } = this
    return db.transaction('rw', [db.vehicleFiles, db.legalHolds, db.auditEvents, db.counters], async () => {
      const current = await this.liveFile(fileId)
      const standing = await db.legalHolds.where('vehicleFileId').equals(fileId).toArray()
      const { hold, audit } = placeLegalHold(current, standing, input, crypto.randomUUID(), actor, at)
      await db.legalHolds.add(hold)
      await appendAuditEvent(db, actor, audit, at)
      return hold
    })
  }

  async releaseHold(holdId: string, reason: string): Promise<LegalHold> {
    await this.guard.require('retention.manage')
    const existing = await this.db.legalHolds.get(holdId)
    if (!existing || existing.deletedAt) throw new DomainError('LEGAL_HOLD_NOT_FOUND', '找不到该项法律保全')
    const file = await this.liveFile(existing.vehicleFileId)
    await this.gate.open(file, '解除法律保全')
    const actor = this.actor
    const at = this.now().toISOString()
    const { db } = this
    return db.transaction('rw', [db.legalHolds, db.auditEvents, db.counters], async () => {
      const hold = (await db.legalHolds.get(holdId))!
      const released = releaseLegalHold(hold, file.archiveNo, reason, actor, at)
      await db.legalHolds.put(released.hold)
      await appendAuditEvent(db, actor, released.audit, at)
      return released.hold
    })
  }

  async holds(): Promise<{ hold: LegalHold; file: VehicleFile }[]> {
    await this.requireKeeping()
    const standing = (await this.db.legalHolds.toArray()).filter((h) => h.releasedAt === null && !h.deletedAt)
    const shown = await this.gate.listed(await this.db.vehicleFiles.bulkGet(standing.map((h) => h.vehicleFileId)))
    return standing
      .flatMap((hold, i) => (shown[i] ? [{ hold, file: shown[i] }] : []))
      .sort((a, b) => b.hold.placedAt.localeCompare(a.hold.placedAt))
  }

  async proposeDestruction(fileId: string, reason: string): Promise<DestructionRow> {
    await this.guard.require('destruction.propose')
    const file = await this.liveFile(fileId)
    await this.gate.open(file, '提出销毁')
    const policy = await this.policies.active()
    const actor = this.actor
    const at = this.now().toISOString()
    const today = this.today()
    const { db } = this
    return db.transaction(
      'rw',
      [db.vehicleFiles, db.archives, db.legalHolds, db.destructions, db.auditEvents, db.counters],
      async () => {
        const current = await this.liveFile(fileId)
        const facts = (await this.factsOf([current])).get(fileId)!
        const schedule = retentionSchedule(policy.retention, facts)
        const open = await db.destructions.where('vehicleFileId').equals(fileId).toArray()
        const { row, audit } = newDestructionRow(
          current,
          open,
          { reason, legalHold: facts.legalHold, reviewDueOn: schedule.destructionReviewOn, today },
          this.destructionActor,
          crypto.randomUUID(),
          actor,
          at
        )
        await db.destructions.add(row)
        await appendAuditEvent(db, actor, audit, at)
        return row
      }
    )
  }

  private async loadDestruction(id: string): Promise<{ row: DestructionRow; file: VehicleFile }> {
    const row = await this.db.destructions.get(id)
    if (!row || row.deletedAt) throw new DomainError('DESTRUCTION_NOT_FOUND', '找不到该销毁申请')
    const file = await this.liveFile(row.vehicleFileId)
    return { row, file }
  }

  async approveDestruction(id: string): Promise<DestructionRow> {
    await this.guard.require('destruction.approve')
    const { file } = await this.loadDestruction(id)
    await this.gate.open(file, '审批销毁')
    const actor = this.actor
    const at = this.now().toISOString()
    const today = this.today()
    const { db } = this
    return db.transaction('rw', [db.destructions, db.legalHolds, db.auditEvents, db.counters], async () => {
      const row = (await db.destructions.get(id))!
      const holds = await db.legalHolds.where('vehicleFileId').equals(row.vehicleFileId).toArray()
      const approved = approveDestructionRow(row, this.destructionActor, isHeld(holds), today, actor, at)
      await db.destructions.put(approved.row)
      await appendAuditEvent(db, actor, approved.audit, at)
      return approved.row
    })
  }

  async recordDestruction(id: string, input: { method: string; witnessName: string }): Promise<DestructionRow> {
    await this.guard.require('destruction.propose')
    const { file } = await this.loadDestruction(id)
    await this.gate.open(file, '登记销毁')
    if (!DESTRUCTION_METHODS.some((m) => m === input.method))
      throw new DomainError('DESTRUCTION_METHOD_INVALID', '销毁方式应为碎纸、化浆或焚毁；客户资料不得当作废纸出售', {
        method: input.method
      })
    const actor = this.actor
    const at = this.now().toISOString()
    const today = this.today()
    const { db } = this
    return db.transaction(
      'rw',
      [db.destructions, db.vehicleFiles, db.archives, db.legalHolds, db.auditEvents, db.counters],
      async () => {
        const row = (await db.destructions.get(id))!
        const holds = await db.legalHolds.where('vehicleFileId').equals(row.vehicleFileId).toArray()
        if (isHeld(holds))
          throw new DomainError(
            'DESTRUCTION_LEGAL_HOLD',
            `档案 ${row.archiveNo} 处于法律保全（投诉、争议或调查）中，解除前不得销毁`,
            { archiveNumber: row.archiveNo }
          )
        const done = recordDestructionRow(row, { ...input, today }, this.destructionActor, actor, at)
        const current = await this.liveFile(row.vehicleFileId)
        const erasure = eraseDestroyedFile(current, actor, at)
        await db.vehicleFiles.update(current.id, erasure.file)
        const archives = await db.archives.where('vehicleFileId').equals(current.id).toArray()
        for (const archive of archives) {
          const input = erasure.archiveInput(archiveInputDocument.read(archive.input))
          await db.archives.update(archive.id, {
            input: archiveInputDocument.write(input),
            missingNote: null,
            rev: archive.rev + 1,
            updatedAt: at,
            updatedBy: actor.operatorId
          })
        }
        await db.destructions.put(done.row)
        await appendAuditEvent(db, actor, done.audit, at)
        return done.row
      }
    )
  }

  /** The register: rows of files the operator may not see are left out. */
  async destructions(): Promise<DestructionRow[]> {
    await this.requireKeeping()
    const rows = (await this.db.destructions.toArray()).filter((r) => !r.deletedAt)
    const shown = await this.gate.listed(await this.db.vehicleFiles.bulkGet(rows.map((r) => r.vehicleFileId)))
    return rows.filter((_, i) => shown[i] !== null).sort((a, b) => b.createdAt.localeCompare(a.createdAt))
  }

  async destructionList(ids: readonly string[]): Promise<DestructionListContent> {
    await this.requireKeeping()
    const rows = await this.db.destructions.bulkGet([...ids])
    if (rows.some((r) => !r || r.deletedAt)) throw new DomainError('DESTRUCTION_NOT_FOUND', '找不到该销毁申请')
    const files = await this.db.vehicleFiles.bulkGet(rows.map((r) => r!.vehicleFileId))
    if (files.some((f) => !f)) throw new DomainError('ARCHIVE_ORPHAN', '该档案所属的车辆档案不存在')
    const shown = await this.gate.present(files as VehicleFile[], '查看档案销毁清单')
    return {
      title: DESTRUCTION_LIST_TITLE,
      dealershipName: (await readDealershipSettings(this.db)).dealershipName,
      lines: rows.map((row, i) => {
        const file = shown[i]!
        const withheld = file.vin !== row!.vin
        return {
          row: withheld ? { ...row!, vin: file.vin, archiveNo: file.archiveNo, reason: '—' } : row!,
          vehicle: [file.series, file.model].filter(Boolean).join(' ')
        }
      })
    }
  }

  async inspectionDue(): Promise<StorageInspectionDue> {
    await this.requireKeeping()
    const days = (await this.db.storageInspections.toArray()).filter((i) => !i.deletedAt).map((i) => i.inspectedOn)
    return storageInspectionDue(days, this.today())
  }

  async recordInspection(input: StorageInspectionInput): Promise<StorageInspection> {
    await this.guard.require('retention.manage')
    const actor = this.actor
    const at = this.now().toISOString()
    const { inspection, audit } = recordStorageInspection(input, this.today(), crypto.randomUUID(), actor, at)
    const { db } = this
    return db.transaction('rw', [db.storageInspections, db.auditEvents, db.counters], async () => {
      await db.storageInspections.add(inspection)
      await appendAuditEvent(db, actor, audit, at)
      return inspection
    })
  }

  async inspections(): Promise<StorageInspection[]> {
    await this.requireKeeping()
    return (await this.db.storageInspections.orderBy('inspectedOn').reverse().toArray()).filter((i) => !i.deletedAt)
  }

  async inspectionSheet(id: string): Promise<StorageInspectionSheet> {
    await this.requireKeeping()
    const inspection = await this.db.storageInspections.get(id)
    if (!inspection || inspection.deletedAt)
      throw new DomainError('STORAGE_INSPECTION_NOT_FOUND', '找不到该保管检查记录')
    const repairs = await this.db.fileRepairs.where('inspectionId').equals(id).toArray()
    const shown = await this.gate.present(
      (await this.db.vehicleFiles.bulkGet(repairs.map((r) => r.vehicleFileId))).filter((f): f is VehicleFile => !!f),
      '查看保管检查记录'
    )
    const byId = new Map(shown.map((f) => [f.id, f]))
    return {
      title: STORAGE_INSPECTION_TITLE,
      dealershipName: (await readDealershipSettings(this.db)).dealershipName,
      inspection,
      repairs: repairs.map((repair) => ({ repair, archiveNo: byId.get(repair.vehicleFileId)?.archiveNo ?? '—' }))
    }
  }

  async recordRepair(fileId: string, input: FileRepairInput): Promise<FileRepair> {
    await this.guard.require('retention.manage')
    const file = await this.liveFile(fileId)
    await this.gate.open(file, '登记档案修复')
    if (input.inspectionId && !(await this.db.storageInspections.get(input.inspectionId)))
      throw new DomainError('STORAGE_INSPECTION_NOT_FOUND', '找不到该保管检查记录')
    const actor = this.actor
    const at = this.now().toISOString()
    const { repair, audit } = recordFileRepair(file, input, this.today(), crypto.randomUUID(), actor, at)
    const { db } = this
    return db.transaction('rw', [db.fileRepairs, db.auditEvents, db.counters], async () => {
      await db.fileRepairs.add(repair)
      await appendAuditEvent(db, actor, audit, at)
      return repair
    })
  }

  async recordPrint(request: KeepingPrintRequest): Promise<KeepingPrintStamp> {
    const { ref, count } =
      request.document === 'sealingTransferList'
        ? await this.transferList(request.batchId).then((l) => ({ ref: l.batch.number, count: l.lines.length }))
        : request.document === 'destructionList'
          ? await this.destructionList(request.destructionIds).then((l) => ({
              ref: this.today(),
              count: l.lines.length
            }))
          : await this.inspectionSheet(request.inspectionId).then((s) => ({
              ref: s.inspection.inspectedOn,
              count: s.repairs.length
            }))
    const at = this.now().toISOString()
    const printed = await recordAuditEvent(this.db, this.actor, keepingPrintEntry(request, ref, count), at)
    return {
      printedBy: this.guard.session.operator.name,
      printedAt: at,
      auditHead: { deviceSeq: printed.deviceSeq, hash: printed.hash }
    }
  }
}
