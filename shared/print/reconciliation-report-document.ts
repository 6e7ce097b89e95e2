// 《档案缺失报告》 (FAW-VW 二4) and 《未上报记录》 (二5) as printed: the report's facts, its sections as ruled
// tables, the count, and the signatures of those who counted and confirm.

import type { AuditHead } from '../audit/audit-chain'
import { printStamp } from '../export/export-stamp'
import type { ReconciliationReport } from '../reconciliation/reconciliation-reports'
import type { PdfContent, PdfDocumentDefinition, PdfTable } from './pdf-definition'
import {
  cjkTextWidth,
  gridLayout,
  labelCell,
  pageFooter,
  PRINT_CREATOR,
  PRINT_DEFAULT_STYLE,
  PRINT_STYLES,
  signatureLine
} from './print-layout'

// A4 landscape is 841.89 × 595.28 pt: VIN, repair order, date, advisor, plate and model side by side.
const MARGINS: [number, number, number, number] = [40, 36, 40, 48]

export interface PrintedReconciliationReport extends ReconciliationReport {
  printedBy: string
  printedAt: string
  auditHead: AuditHead
}

function factsTable(report: ReconciliationReport): PdfTable {
  const pairs = report.facts
  const body: PdfContent[][] = []
  for (let i = 0; i < pairs.length; i += 2) {
    const left = pairs[i]!
    const right = pairs[i + 1]
    body.push(
      right
        ? [
            labelCell(left.label),
            { text: left.value, style: 'td' },
            labelCell(right.label),
            { text: right.value, style: 'td' }
          ]
        : [labelCell(left.label), { text: left.value, style: 'td', colSpan: 3 }, '', '']
    )
  }
  return { margin: [0, 10, 0, 0], table: { widths: [64, '*', 64, '*'], body }, layout: gridLayout(0) }
}

function sectionTable(columns: readonly string[], rows: readonly (readonly string[])[]): PdfTable {
  const body: PdfContent[][] = [columns.map((text) => ({ text, style: 'th' }))]
  if (rows.length === 0)
    body.push([
      { text: '（无）', style: 'td', alignment: 'center', colSpan: columns.length },
      ...columns.slice(1).map(() => '')
    ])
  for (const row of rows)
    body.push(row.map((text, i) => ({ text, style: 'td', alignment: i === 0 ? 'center' : 'left' })))
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: columns.map((_, i) => (i === 0 ? 26 : i === 1 ? 120 : '*')),
      body
    },
    layout: gridLayout(1)
  }
}

/** The printed report as a pdfmake document definition. */
export function reconciliationReportDocument(report: PrintedReconciliationReport): PdfDocumentDefinition {
  const stamp = printStamp(report.printedBy, new Date(report.printedAt))
  const labelWidth = Math.max(...report.signOff.map((label) => cjkTextWidth(`${label}（签字）`, 11))) + 8
  const content: PdfContent[] = [
    { text: report.dealershipName, style: 'org' },
    { text: report.title, style: 'title' },
    factsTable(report),
    ...report.sections.flatMap((section): PdfContent[] => [
      { text: section.heading, style: 'section' },
      sectionTable(section.columns, section.rows)
    ]),
    { text: report.summary, style: 'meta', margin: [0, 10, 0, 0] },
    {
      unbreakable: true,
      margin: [0, 10, 0, 0],
      stack: report.signOff.map((label) => ({
        ...signatureLine(`${label}（签字）`, 150, labelWidth),
        margin: [0, 10, 0, 0]
      }))
    }
  ]
  return {
    info: { title: report.title, subject: `${report.dealershipName} ${report.title}`, creator: PRINT_CREATOR },
    language: 'zh-CN',
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: MARGINS,
    content,
    footer: pageFooter(stamp, report.title, report.auditHead, MARGINS[0], MARGINS[2]),
    defaultStyle: { ...PRINT_DEFAULT_STYLE },
    styles: PRINT_STYLES
  }
}
