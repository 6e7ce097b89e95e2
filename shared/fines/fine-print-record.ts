import type { AuditEntry } from '../audit/audit-entry'
import { monthText } from './fine-notice'

// Printing a fine notice, a monthly statement or the department's report is recorded before the paper
// comes out: the print's audit event goes into the footer, so a printed amount can be traced to who
// printed it, when, and what the chain held then.

export type FinePrintRequest =
  | {
      readonly document: 'fineNotice' | 'fineStatement'
      readonly month: string
      readonly personId: string
      readonly personName: string
      /** What the paper shows, for the record. */
      readonly lines: number
      readonly totalYuan: number
      readonly totalKpiPoints: number
    }
  | { readonly document: 'monthlyReport'; readonly month: string }

export const FINE_PRINT_TITLES: Readonly<Record<FinePrintRequest['document'], string>> = {
  fineNotice: '奖罚通知单',
  fineStatement: '月度奖罚明细',
  monthlyReport: '档案管理月度报告'
}

/** The print's audit event; refuses a month that is not YYYY-MM (FINE_MONTH_INVALID) before anything is written. */
export function finePrintEntry(request: FinePrintRequest): AuditEntry {
  const when = monthText(request.month)
  const title = FINE_PRINT_TITLES[request.document]
  if (request.document === 'monthlyReport') {
    return {
      action: 'print',
      entity: 'monthlyReport',
      entityId: request.month,
      changes: { document: request.document, month: request.month },
      summary: `打印${title} ${when}`
    }
  }
  return {
    action: 'print',
    entity: 'fineMonth',
    entityId: `${request.month}:${request.personId}`,
    changes: {
      document: request.document,
      month: request.month,
      personId: request.personId,
      lines: request.lines,
      totalYuan: request.totalYuan,
      totalKpiPoints: request.totalKpiPoints
    },
    summary: `打印${title} ${when} ${request.personName}（${request.totalYuan} 元，${request.totalKpiPoints} 分）`
  }
}
