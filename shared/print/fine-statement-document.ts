// 月度奖罚明细: one person's month on one sheet — the charged lines (as on the notice), the waived ones with
// the reason and approver, the ones still waiting for the director — signed by the person and the department head.

import { printStamp } from '../export/export-stamp'
import type { FineStatement, FineStatementEntry } from '../fines/fine-statement'
import { VIOLATION_STATUS_LABELS } from '../fines/fine-month'
import type { PdfContent, PdfDocumentDefinition, PdfTable } from './pdf-definition'
import { finePersonTable, fineLinesTable, fineTotalBox } from './fine-notice-document'
import {
  cjkTextWidth,
  gridLayout,
  pageFooter,
  PRINT_CREATOR,
  PRINT_DEFAULT_STYLE,
  PRINT_STYLES,
  signatureLine
} from './print-layout'

const MARGINS: [number, number, number, number] = [40, 36, 40, 48]

export const FINE_STATEMENT_SIGNATURES = ['本人确认（签字）', '部门负责人（签字）'] as const

export function fineStatementRef(statement: Pick<FineStatement, 'title' | 'monthText' | 'person'>): string {
  return `${statement.title} ${statement.monthText} ${statement.person.name}`
}

function entriesTable(entries: readonly FineStatementEntry[]): PdfTable {
  const td = (text: string) => ({ text, style: 'td', fontSize: 8.5 })
  const body: PdfContent[][] = [
    ['日期', '条款', '档案编号', '违规说明', '状态', '处理意见'].map((h) => ({ text: h, style: 'th', fontSize: 8.5 }))
  ]
  for (const e of entries)
    body.push([
      td(e.day.slice(5)),
      td(e.clause),
      td(e.archiveNo === '' ? '—' : e.archiveNo),
      td(e.reason),
      td(VIOLATION_STATUS_LABELS[e.status]),
      td(e.decision ?? '—')
    ])
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: [30, 60, 64, '*', 36, 120], body },
    layout: gridLayout(1)
  }
}

export function fineStatementDocument(statement: FineStatement): PdfDocumentDefinition {
  const ref = fineStatementRef(statement)
  const stamp = printStamp(statement.printedBy, new Date(statement.printedAt))
  const labelWidth = Math.max(...FINE_STATEMENT_SIGNATURES.map((l) => cjkTextWidth(l, 11))) + 8
  const content: PdfContent[] = [
    { text: statement.dealershipName, style: 'org' },
    { text: statement.title, style: 'title' },
    finePersonTable(statement),
    { text: `计罚（共 ${statement.charged.length} 条）`, style: 'section' },
    { ...fineLinesTable({ ...statement, lines: statement.charged }), margin: [0, 0, 0, 0] },
    fineTotalBox(statement)
  ]
  if (statement.waived.length > 0)
    content.push({ text: `免罚（共 ${statement.waived.length} 条）`, style: 'section' }, entriesTable(statement.waived))
  if (statement.undecided.length > 0)
    content.push(
      { text: `待确认（共 ${statement.undecided.length} 条，未计入合计）`, style: 'section' },
      entriesTable(statement.undecided)
    )
  content.push({
    unbreakable: true,
    margin: [0, 10, 0, 0],
    stack: FINE_STATEMENT_SIGNATURES.map((label) => ({
      ...signatureLine(label, 150, labelWidth),
      margin: [0, 12, 0, 0]
    }))
  })
  return {
    info: { title: ref, subject: `${statement.dealershipName} ${ref}`, creator: PRINT_CREATOR },
    language: 'zh-CN',
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: MARGINS,
    content,
    footer: pageFooter(stamp, ref, statement.auditHead, MARGINS[0], MARGINS[2]),
    defaultStyle: { ...PRINT_DEFAULT_STYLE },
    styles: PRINT_STYLES
  }
}
