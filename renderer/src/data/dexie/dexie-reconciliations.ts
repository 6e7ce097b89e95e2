import type { ArchiveKind } from '@shared/archive/archive-kind'
import { ARCHIVE_KINDS } from '@shared/archive/archive-kind'
import type { PrintStamp } from '@shared/audit/print-record'
import type { ImportMapping, ImportMappings, ImportSource } from '@shared/import/import-mappings'
import { importMappingsDocument, keptMapping } from '@shared/import/import-mappings'
import { SETTING_KEYS } from '@shared/settings/stored-settings'
import type { ReceivedArchive, ReconciliationResult } from '@shared/reconciliation'
import {
  buildMissingArchiveReport,
  buildUnreportedRecord,
  missingArchiveReportDeadline,
  parseSystemRows,
  reconcile,
  reconciliationReminder
} from '@shared/reconciliation'
import type { ReconciliationReport } from '@shared/reconciliation/reconciliation-reports'
import type { ExpectedArchive, ReconciliationRunRow } from '@shared/reconciliation/reconciliation-run'
import {
  expectedArchives,
  reconciliationRows,
  receivedKey,
  resultOfRun
} from '@shared/reconciliation/reconciliation-run'
import { RECONCILIATION_EXPORT_TITLE, reconciliationResultTable } from '@shared/reconciliation/reconciliation-export'
import {
  planSystemListImport,
  SYSTEM_LIST_DEPARTMENT,
  SYSTEM_LIST_LABELS,
  systemListKeys,
  systemRecordOf
} from '@shared/reconciliation/system-list'
import { checkVehicleImportSource, MAX_IMPORT_ROWS } from '@shared/vehicle/vehicle-file-import'
import { DomainError } from '@shared/model/domain-error'
import { newSyncMeta } from '@shared/model/sync-meta'
import { chinaDate, todayInChina } from '@shared/time'
import type { XlsxWriter } from '../../export/write-xlsx'
import { writeXlsxOffThread } from '../../export/write-xlsx'
import type {
  ExportFile,
  ReconciliationReportKind,
  ReconciliationRequest,
  Reconciliations,
  SystemListCheck,
  SystemListImportRequest,
  SystemListImportResult
} from '../repositories'
import { actorOf } from '../session'
import type { AccessGuard } from './access-guard'
import { appendAuditEvent, recordAuditEvent } from './audit-writer'
import type { ChedangDatabase } from './database'
import type { DexiePolicies } from './dexie-policies'
import { readDealershipSettings, writeSetting } from './dexie-settings'
import { FileAccessGate } from './file-access-gate'

const PERMISSION = 'reconciliation.manage' as const
const REPORT_TITLES: Readonly<Record<ReconciliationReportKind, string>> = {
  missingArchiveReport: '档案缺失报告',
  unreportedRecord: '未上报记录'
}

/**
 * The dealer systems' lists and the counts against them (导入系统清单与核对档案). Archives of files the
 * operator may not see still count as received (so they are not reported missing), but nothing of them
 * comes out: their ids and the lines only they make are left out of every result, report and export.
 */
export class DexieReconciliations implements Reconciliations {
  private readonly gate: FileAccessGate

  constructor(
    private readonly db: ChedangDatabase,
    private readonly guard: AccessGuard,
    private readonly policies: DexiePolicies,
    private readonly now: () => Date = () => new Date(),
    private readonly writeXlsx: XlsxWriter = writeXlsxOffThread
  ) {
    this.gate = new FileAccessGate(db, guard, now)
  }

  private get actor() {
    return actorOf(this.guard.session)
  }

  async mapping(source: ImportSource): Promise<ImportMapping | null> {
    await this.guard.require(source === 'vehicleFiles' ? 'vehicleFile.create' : PERMISSION)
    return (await this.readMappings())[source] ?? null
  }

  async saveMapping(source: ImportSource, mapping: Readonly<Record<string, string | undefined>>): Promise<void> {
    await this.guard.require(source === 'vehicleFiles' ? 'vehicleFile.create' : PERMISSION)
    const kept = keptMapping(mapping)
    const { db } = this
    const at = this.now().toISOString()
    await db.transaction('rw', [db.settings, db.auditEvents, db.counters], async () => {
      const current = await this.readMappings()
      if (JSON.stringify(current[source] ?? {}) === JSON.stringify(kept)) return
      const next: ImportMappings = { ...current, [source]: kept }
      await writeSetting(
        db,
        this.actor,
        SETTING_KEYS.importMappings,
        importMappingsDocument.write(next),
        {
          action: 'setting.change',
          changes: { [source]: [current[source] ?? null, kept] },
          summary: '保存导入列对应关系'
        },
        at
      )
    })
  }

  private async readMappings(): Promise<ImportMappings> {
    const row = await this.db.settings.get(SETTING_KEYS.importMappings)
    return row ? importMappingsDocument.read(row.value) : {}
  }

  async checkSystemList({ source, table, mapping }: Omit<SystemListImportRequest, 'file'>): Promise<SystemListCheck> {
    await this.guard.require(PERMISSION)
    const department = SYSTEM_LIST_DEPARTMENT[source]
    const parsed = parseSystemRows(table, mapping, department)
    const keys = systemListKeys(department, parsed)
    const kept = await this.keptKeys(keys)
    return {
      rows: parsed.records.length + parsed.issues.filter((issue) => issue.code !== 'SYSTEM_ROW_DUPLICATE').length,
      valid: parsed.records.length,
      alreadyKept: keys.filter((key) => kept.has(key)).length,
      blankRows: parsed.blankRows,
      issues: [...parsed.issues]
    }
  }

  private async keptKeys(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set()
    return new Set(
      (await this.db.systemRecords
        .where('recordKey')
        .anyOf([...keys])
        .keys()) as string[]
    )
  }

  /** All lines or none: any row with a problem writes nothing; one audit event names the file, its hash, the counts and the ids. */
  async importSystemList({ source, table, mapping, file }: SystemListImportRequest): Promise<SystemListImportResult> {
    await this.guard.require(PERMISSION)
    const { fileName, sha256 } = checkVehicleImportSource(file)
    const department = SYSTEM_LIST_DEPARTMENT[source]
    const parsed = parseSystemRows(table, mapping, department)
    if (parsed.issues.length > 0) return { ok: false, issues: [...parsed.issues] }
    if (parsed.records.length === 0) throw new DomainError('IMPORT_EMPTY', '文件中没有可导入的行')
    // The import's audit event names every id kept; a backup refuses an event's details above 10 MB.
    if (parsed.records.length > MAX_IMPORT_ROWS)
      throw new DomainError(
        'IMPORT_TOO_MANY_ROWS',
        `一次最多导入 ${MAX_IMPORT_ROWS} 行，此文件有 ${parsed.records.length} 行，请分成几个文件导入`,
        { max: String(MAX_IMPORT_ROWS), rows: String(parsed.records.length) }
      )
    const actor = this.actor
    const at = this.now().toISOString()
    const importId = crypto.randomUUID()
    const keys = systemListKeys(department, parsed)
    const { db } = this
    return db.transaction(
      'rw',
      [db.systemRecords, db.importBatches, db.settings, db.auditEvents, db.counters],
      async () => {
        const plan = planSystemListImport(department, parsed, await this.keptKeys(keys), {
          importId,
          actor,
          at,
          newId: () => crypto.randomUUID()
        })
        await db.systemRecords.bulkAdd(plan.rows)
        const ids = plan.rows.map((row) => row.id)
        await db.importBatches.add({
          ...newSyncMeta(importId, actor, at),
          source,
          fileName,
          sha256,
          rows: parsed.records.length,
          created: ids.length,
          alreadyKept: plan.alreadyKept,
          importedAt: at,
          importedBy: actor.operatorName
        })
        await appendAuditEvent(
          db,
          actor,
          {
            action: 'import',
            entity: 'systemListImport',
            entityId: importId,
            changes: {
              source,
              fileName,
              sha256,
              rows: parsed.records.length,
              created: ids.length,
              alreadyKept: plan.alreadyKept,
              ids
            },
            summary: `导入${SYSTEM_LIST_LABELS[source]} ${fileName}：新增 ${ids.length} 条，已有 ${plan.alreadyKept} 条`
          },
          at
        )
        return { ok: true as const, importId, created: ids.length, alreadyKept: plan.alreadyKept, ids }
      }
    )
  }

  async exceptionChoices(department: ArchiveKind): Promise<{ code: string; label: string }[]> {
    await this.guard.require(PERMISSION)
    const policy = await this.policies.active()
    return policy.reconciliation[department].exceptions.map((e) => ({ code: e.code, label: e.label }))
  }

  async preview(request: ReconciliationRequest): Promise<ReconciliationResult> {
    await this.guard.require(PERMISSION)
    return (await this.countAgainstSystem(request)).result
  }

  private async countAgainstSystem(request: ReconciliationRequest) {
    const { department, period } = request
    const policy = await this.policies.active()
    const [system, received] = await Promise.all([
      this.db.systemRecords
        .where('[department+date]')
        .between([department, ''], [department, '\uffff'])
        .filter((row) => !row.deletedAt)
        .toArray(),
      this.receivedArchives(department)
    ])
    const result = reconcile({
      department,
      period,
      rule: policy.reconciliation[department],
      system: system.map(systemRecordOf),
      received: received.archives,
      exceptions: request.exceptions ?? []
    })
    return { policy, result: this.withoutHidden(result, received.hidden) }
  }

  /** Archives received of the department (an expected one is not received), and the ids of those the operator may not see. */
  private async receivedArchives(
    department: ArchiveKind
  ): Promise<{ archives: ReceivedArchive[]; hidden: Set<string> }> {
    const archives = (
      await this.db.archives.filter((a) => a.kind === department && !a.deletedAt && a.status !== 'expected').toArray()
    ).filter(Boolean)
    const files = await this.db.vehicleFiles.bulkGet(archives.map((a) => a.vehicleFileId))
    const visible = await this.gate.listed(files)
    const hidden = new Set<string>()
    const received: ReceivedArchive[] = []
    archives.forEach((archive, i) => {
      const file = files[i]
      if (!file) return
      if (visible[i] === null) hidden.add(archive.id)
      received.push({
        archiveId: archive.id,
        department,
        vin: file.vin,
        repairOrderNo: archive.repairOrderNo,
        date: archive.anchorAt ? chinaDate(archive.anchorAt) : null,
        advisor: archive.advisorName
      })
    })
    return { archives: received, hidden }
  }

  private withoutHidden(result: ReconciliationResult, hidden: ReadonlySet<string>): ReconciliationResult {
    if (hidden.size === 0) return result
    const shown = <T extends { archiveIds: readonly string[] }>(line: T): T => ({
      ...line,
      archiveIds: line.archiveIds.filter((id) => !hidden.has(id))
    })
    return {
      ...result,
      matched: result.matched.map(shown),
      extra: result.extra.filter((line) => !line.archiveIds.some((id) => hidden.has(id)))
    }
  }

  private async hiddenArchiveIds(): Promise<Set<string>> {
    const withheld = await this.gate.withheld()
    return new Set(withheld.entities.keys())
  }

  async record(request: ReconciliationRequest): Promise<{ run: ReconciliationRunRow; result: ReconciliationResult }> {
    await this.guard.require(PERMISSION)
    const { policy, result } = await this.countAgainstSystem(request)
    const calendar = await this.policies.calendar()
    const actor = this.actor
    const at = this.now().toISOString()
    const id = crypto.randomUUID()
    const due = missingArchiveReportDeadline(policy, at, calendar)
    const { run, lines } = reconciliationRows(result, {
      id,
      actor,
      at,
      reconciledBy: actor.operatorName,
      policyId: policy.id,
      policyVersion: policy.version,
      reportDueAt: due.dueAt,
      newId: () => crypto.randomUUID()
    })
    const { db } = this
    await db.transaction('rw', [db.reconciliations, db.reconciliationLines, db.auditEvents, db.counters], async () => {
      await db.reconciliations.add(run)
      await db.reconciliationLines.bulkAdd(lines)
      await appendAuditEvent(
        db,
        actor,
        {
          action: 'create',
          entity: 'reconciliation',
          entityId: id,
          changes: {
            department: run.department,
            period: `${run.periodFrom}..${run.periodTo}`,
            system: run.system,
            matched: run.matched,
            missing: run.missing,
            excepted: run.excepted,
            extra: run.extra,
            exceptions: result.excepted.map(
              (line) => `${line.vin}${line.repairOrderNo ? `/${line.repairOrderNo}` : ''}:${line.exception.code}`
            )
          },
          summary: `与${run.system}核对 ${run.periodFrom} 至 ${run.periodTo}：缺失 ${run.missing} 份，未上报 ${run.excepted} 份`
        },
        at
      )
    })
    return { run, result }
  }

  async list(): Promise<ReconciliationRunRow[]> {
    await this.guard.require(PERMISSION)
    return (await this.db.reconciliations.orderBy('reconciledAt').reverse().toArray()).filter((run) => !run.deletedAt)
  }

  async get(id: string): Promise<{ run: ReconciliationRunRow; result: ReconciliationResult } | undefined> {
    await this.guard.require(PERMISSION)
    return this.load(id)
  }

  private async load(id: string): Promise<{ run: ReconciliationRunRow; result: ReconciliationResult } | undefined> {
    const run = await this.db.reconciliations.get(id)
    if (!run || run.deletedAt) return undefined
    const lines = (await this.db.reconciliationLines.where('reconciliationId').equals(id).toArray()).filter(
      (line) => !line.deletedAt
    )
    return { run, result: this.withoutHidden(resultOfRun(run, lines), await this.hiddenArchiveIds()) }
  }

  private async loadOrRefuse(id: string) {
    const found = await this.load(id)
    if (!found) throw new DomainError('RECONCILIATION_NOT_FOUND', '找不到这次核对记录', { id })
    return found
  }

  async expectedArchives(): Promise<ExpectedArchive[]> {
    await this.guard.require(PERMISSION)
    const [runs, lines, received] = await Promise.all([
      this.db.reconciliations.toArray(),
      this.db.reconciliationLines.where('outcome').anyOf(['missing', 'matched', 'excepted']).toArray(),
      Promise.all(ARCHIVE_KINDS.map((kind) => this.receivedArchives(kind)))
    ])
    const keys = new Set(
      received.flatMap(({ archives }) => archives.map((a) => receivedKey(a.department, a.vin, a.repairOrderNo)))
    )
    return expectedArchives(runs, lines, keys)
  }

  async report(id: string, kind: ReconciliationReportKind): Promise<ReconciliationReport> {
    await this.guard.require(PERMISSION)
    const { run, result } = await this.loadOrRefuse(id)
    const policy = (await this.policies.getVersion(run.policyId, run.policyVersion)) ?? (await this.policies.active())
    const input = {
      result,
      policy,
      reconciledAt: run.reconciledAt,
      calendar: await this.policies.calendar(),
      dealershipName: (await readDealershipSettings(this.db)).dealershipName,
      preparedBy: run.reconciledBy
    }
    return kind === 'missingArchiveReport' ? buildMissingArchiveReport(input) : buildUnreportedRecord(input)
  }

  async recordPrint(id: string, kind: ReconciliationReportKind): Promise<PrintStamp> {
    await this.guard.require(PERMISSION)
    const { run } = await this.loadOrRefuse(id)
    const at = this.now().toISOString()
    const printed = await recordAuditEvent(
      this.db,
      this.actor,
      {
        action: 'print',
        entity: 'reconciliation',
        entityId: id,
        changes: { document: kind, period: `${run.periodFrom}..${run.periodTo}` },
        summary: `打印《${REPORT_TITLES[kind]}》 ${run.periodFrom} 至 ${run.periodTo}`
      },
      at
    )
    return {
      printedBy: this.guard.session.operator.name,
      printedAt: at,
      auditHead: { deviceSeq: printed.deviceSeq, hash: printed.hash }
    }
  }

  async exportResult(id: string): Promise<ExportFile> {
    await this.guard.require(PERMISSION)
    await this.guard.require('backup.export')
    const { run, result } = await this.loadOrRefuse(id)
    const table = reconciliationResultTable(result)
    const at = this.now()
    const bytes = await this.writeXlsx(table, {
      title: RECONCILIATION_EXPORT_TITLE,
      operatorName: this.guard.session.operator.name,
      at
    })
    await recordAuditEvent(
      this.db,
      this.actor,
      {
        action: 'export',
        entity: 'reconciliation',
        entityId: id,
        changes: { rows: table.rows.length },
        summary: `导出${RECONCILIATION_EXPORT_TITLE} ${table.rows.length} 条`
      },
      at.toISOString()
    )
    return {
      fileName: `${RECONCILIATION_EXPORT_TITLE}-${run.department === 'sales' ? '销售' : '服务'}-${run.periodFrom}至${run.periodTo}.xlsx`,
      bytes,
      rows: table.rows.length
    }
  }

  async reminders() {
    await this.guard.require(PERMISSION)
    const policy = await this.policies.active()
    const calendar = await this.policies.calendar()
    const today = todayInChina(this.now)
    const runs = await this.list()
    return ARCHIVE_KINDS.map((department) => {
      const last = runs.find((run) => run.department === department)
      const rule = policy.reconciliation[department]
      return {
        department,
        system: rule.system,
        reminder: reconciliationReminder(rule.cadence, last ? chinaDate(last.reconciledAt) : null, today, calendar)
      }
    })
  }
}
