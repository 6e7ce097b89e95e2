import type { FinePrintRequest } from '@shared/fines/fine-print-record'
import { finePrintEntry } from '@shared/fines/fine-print-record'
import type { PayrollInput } from '@shared/fines/fine-statement'
import { payrollTable } from '@shared/fines/fine-statement'
import { monthText } from '@shared/fines/fine-notice'
import { chinaDate } from '@shared/time'
import type { XlsxWriter } from '../../export/write-xlsx'
import { writeXlsxOffThread } from '../../export/write-xlsx'
import type { ExportFile, FinePrintStamp, FineReports } from '../repositories'
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
export class DexieFineReports implements FineReports {
  constructor(
    private readonly db: ChedangDatabase,
    private readonly guard: AccessGuard,
    private readonly now: () => Date = () => new Date(),
    private readonly writeXlsx: XlsxWriter = writeXlsxOffThread
  ) {}

  async payrollExport(input: PayrollInput): Promise<ExportFile> {
    await this.guard.require('reports.read', { entity: 'fineMonth', entityId: input.month, summary: '导出奖罚工资表' })
    const title = `奖罚工资表 ${monthText(input.month)}`
    const table = payrollTable(input)
    const at = this.now()
    const session = this.guard.session
    const bytes = await this.writeXlsx(table, { title, operatorName: session.operator.name, at })
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
