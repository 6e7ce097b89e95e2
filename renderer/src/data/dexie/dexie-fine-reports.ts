import type { FinePrintRequest } from '@shared/fines/fine-print-record'
import { finePrintEntry } from '@shared/fines/fine-print-record'
import type { PayrollInput } from '@shared/fines/fine-statement'
import { payrollTable } from '@shared/fines/fine-statement'
import { monthText } from '@shared/fines/fine-notice'
import { chinaDate } from '@shared/time'
import type { XlsxWriter } from '../../export/write-xlsx'
import { writeXlsxOffThread } from '../../export/write-xlsx'
import type { ExportFile, FinePrintStamp, FineReports, Policies } from '../repositories'
import type { FineLine } from '@shared/fines/violation'
import type { ViolationRecord } from '@shared/fines/violation-record'
import type { Policy } from '@shared/policy'
import { readFailures } from '@shared/archive'
import type { ArchiveKind } from '@shared/archive'
import { checkRulesOf, roundQuality } from '@shared/department-report/archive-quality'
import type { MonthlyReport, MonthRecords, ReportArchive, ReportRound } from '@shared/department-report/monthly-report'
import { monthlyReport } from '@shared/department-report/monthly-report'
import { addChinaMonths, chinaMonthWindow, type ChinaMonth } from '@shared/time'
import { actorOf } from '../session'
import type { AccessGuard } from './access-guard'
import { recordAuditEvent } from './audit-writer'
import type { ChedangDatabase } from './database'
import { readDealershipSettings } from './dexie-settings'

/**
 * The month's fines on paper and in figures: the prints of notices, statements and the department's report
 * are recorded here (the print's audit event goes in the footer). Guarded by 'reports.read': the director,
 * the general manager and the department managers.
 */
/** A month's violations and their lines (the fines tables' month view); none until the fines are kept. */
export type FineMonthSource = (month: string) => Promise<{ violations: ViolationRecord[]; lines: FineLine[] }>

const NO_FINES: FineMonthSource = async () => ({ violations: [], lines: [] })

/** How many months the trend shows, the report's own month last. */
export const TREND_MONTHS = 12

export class DexieFineReports implements FineReports {
  constructor(
    private readonly db: ChedangDatabase,
    private readonly guard: AccessGuard,
    private readonly policies: Pick<Policies, 'active' | 'getVersion'>,
    private readonly now: () => Date = () => new Date(),
    private readonly options: { writeXlsx?: XlsxWriter; fineMonths?: FineMonthSource } = {}
  ) {}

  /**
   * The department's monthly report and its 12-month trend. Each month is read by index ranges: archives by
   * handInDueAt and inspections by inspectedAt inside the China month's window, then the first rounds'
   * archives by key — about one month of rows per month, whatever the size of the archive.
   */
  async monthlyReport(month: string): Promise<MonthlyReport> {
    await this.guard.require('reports.read', {
      entity: 'monthlyReport',
      entityId: month,
      summary: '查看档案管理月度报告'
    })
    monthText(month)
    const policy = await this.policies.active()
    const months = Array.from({ length: TREND_MONTHS }, (_, i) =>
      addChinaMonths(month as ChinaMonth, i - TREND_MONTHS + 1)
    )
    const records = await Promise.all(months.map((m) => this.monthRecords(m)))
    return monthlyReport(records, policy.fines, this.now().toISOString())
  }

  private async monthRecords(month: ChinaMonth): Promise<MonthRecords> {
    const { start, end } = chinaMonthWindow(month)
    const [due, rounds, fines] = await Promise.all([
      this.db.archives.where('handInDueAt').between(start, end, true, false).toArray(),
      this.db.inspections.where('inspectedAt').between(start, end, true, false).toArray(),
      (this.options.fineMonths ?? NO_FINES)(month)
    ])
    const first = rounds.filter((r) => r.round === 1 && !r.deletedAt)
    const archives = await this.db.archives.bulkGet(first.map((r) => r.archiveId))
    const firstRounds: ReportRound[] = []
    for (const [i, round] of first.entries()) {
      const archive = archives[i]
      if (!archive || archive.deletedAt) continue
      const rules = await this.checkRules(archive.policyId, archive.policyVersion, archive.kind)
      firstRounds.push({ archive: reportArchive(archive), quality: roundQuality(readFailures(round), rules) })
    }
    return {
      month,
      due: due.filter((a) => !a.deletedAt).map(reportArchive),
      firstRounds,
      violations: fines.violations,
      lines: fines.lines
    }
  }

  private readonly rulesByPolicy = new Map<string, Map<string, string>>()

  private async checkRules(policyId: string, version: number, kind: ArchiveKind): Promise<Map<string, string>> {
    const key = `${policyId}@${version}:${kind}`
    let rules = this.rulesByPolicy.get(key)
    if (!rules) {
      const policy: Policy | undefined = await this.policies.getVersion(policyId, version)
      rules = policy ? checkRulesOf(policy.archiveTemplates[kind]) : new Map<string, string>()
      this.rulesByPolicy.set(key, rules)
    }
    return rules
  }

  async payrollExport(input: PayrollInput): Promise<ExportFile> {
    await this.guard.require('reports.read', { entity: 'fineMonth', entityId: input.month, summary: '导出奖罚工资表' })
    const title = `奖罚工资表 ${monthText(input.month)}`
    const table = payrollTable(input)
    const at = this.now()
    const session = this.guard.session
    const bytes = await (this.options.writeXlsx ?? writeXlsxOffThread)(table, {
      title,
      operatorName: session.operator.name,
      at
    })
    // Logged after the file is written, in its own transaction (no file work inside one).
    await recordAuditEvent(
      this.db,
      actorOf(session),
      {
        action: 'export',
        entity: 'payroll',
        entityId: input.month,
        changes: { month: input.month, rows: table.rows.length },
        summary: `导出${title} ${table.rows.length} 人`
      },
      at.toISOString()
    )
    return { fileName: `奖罚工资表-${input.month}-${chinaDate(at)}.xlsx`, bytes, rows: table.rows.length }
  }

  async recordPrint(request: FinePrintRequest): Promise<FinePrintStamp> {
    await this.guard.require('reports.read', {
      entity: 'fineMonth',
      entityId: request.month,
      summary: '打印奖罚通知单'
    })
    const entry = finePrintEntry(request)
    const { dealershipName } = await readDealershipSettings(this.db)
    const at = this.now().toISOString()
    const printed = await recordAuditEvent(this.db, actorOf(this.guard.session), entry, at)
    return {
      dealershipName,
      printedBy: this.guard.session.operator.name,
      printedAt: at,
      auditHead: { deviceSeq: printed.deviceSeq, hash: printed.hash }
    }
  }
}

const reportArchive = (a: {
  id: string
  department: ArchiveKind
  advisorName: string
  handInDueAt: string | null
  handedOverAt: string | null
}): ReportArchive => ({
  id: a.id,
  department: a.department,
  advisorName: a.advisorName,
  handInDueAt: a.handInDueAt,
  handedOverAt: a.handedOverAt
})
