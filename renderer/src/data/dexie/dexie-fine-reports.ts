import type { FinePrintRequest } from '@shared/fines/fine-print-record'
import { finePrintEntry } from '@shared/fines/fine-print-record'
import type { FinePrintStamp, FineReports } from '../repositories'
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
    private readonly now: () => Date = () => new Date()
  ) {}

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
