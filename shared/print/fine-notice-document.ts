// 奖罚通知单: one person's fines of one month, printed in three copies (本人联 / 财务联 / 部门联), each on its
// own page with the same lines, totals in figures and in capital numerals, and four signature lines.
// SVW-Skoda 五.9: checked and enforced by the 客户总监; FAW-VW: by the 客服部.

import { printStamp } from '../export/export-stamp'
import { yuanFigures } from '../fines/capital-amount'
import type { FineNotice, FineNoticeCopy, FineNoticeLine } from '../fines/fine-notice'
import type { PdfContent, PdfDocumentDefinition, PdfTable, PdfText } from './pdf-definition'
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

// A4 portrait is 595.28 × 841.89 pt.
const MARGINS: [number, number, number, number] = [40, 36, 40, 48]

export const FINE_NOTICE_HEADER = [
  '序号',
  '条款',
  '违规事项',
  '档案编号',
  '日期',
  '数量',
  '标准',
  '倍数',
  '罚款(元)',
  '考核(分)'
] as const

/** 'YYYY-MM' → '奖罚通知单 2026年11月 李强' */
export function fineNoticeRef(notice: Pick<FineNotice, 'title' | 'monthText' | 'person'>): string {
  return `${notice.title} ${notice.monthText} ${notice.person.name}`
}

/** '×2' for an escalated line, '' for ×1. */
export function multiplierText(multiplier: number): string {
  return multiplier === 1 ? '' : `×${multiplier}`
}

const cell = (text: string, alignment: 'left' | 'center' | 'right' = 'left'): PdfText => ({
  text,
  style: 'td',
  fontSize: 8.5,
  alignment
})

function lineRow(line: FineNoticeLine): PdfContent[] {
  const notes = [
    ...(line.repeat ? ['（未整改，重复计）'] : []),
    ...(line.adjustedReason !== undefined ? [`（调整：${line.adjustedReason}）`] : [])
  ]
  return [
    cell(String(line.seq), 'center'),
    cell(line.clause),
    cell([line.ruleTitle, ...notes].join('\n')),
    cell(line.archiveNo === '' ? '—' : line.archiveNo),
    cell(line.day.slice(5), 'center'),
    cell(`${line.quantity}${line.unitLabel}`, 'center'),
    cell(line.rate, 'center'),
    cell(multiplierText(line.multiplier), 'center'),
    cell(line.yuan === 0 ? '' : yuanFigures(line.yuan), 'right'),
    cell(line.kpiPoints === 0 ? '' : String(line.kpiPoints), 'right')
  ]
}

/** The charged lines with their total row (the notice's table; the statement reuses it). */
export function fineLinesTable(notice: Pick<FineNotice, 'lines' | 'totalYuan' | 'totalKpiPoints'>): PdfTable {
  const body: PdfContent[][] = [FINE_NOTICE_HEADER.map((h) => ({ text: h, style: 'th', fontSize: 8.5 }))]
  if (notice.lines.length === 0) body.push([{ ...cell('（本月无违规）', 'center'), colSpan: 10 }])
  for (const line of notice.lines) body.push(lineRow(line))
  body.push([
    { ...cell('合计', 'center'), bold: true, colSpan: 8 },
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    { ...cell(yuanFigures(notice.totalYuan), 'right'), bold: true },
    { ...cell(String(notice.totalKpiPoints), 'right'), bold: true }
  ])
  return {
    margin: [0, 8, 0, 0],
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [18, 54, '*', 64, 30, 30, 46, 22, 40, 30],
      body
    },
    layout: gridLayout(1)
  }
}

/** Who and which month. */
export function finePersonTable(notice: Pick<FineNotice, 'person' | 'monthText'>): PdfTable {
  const value = (text: string): PdfText => ({ text, style: 'td', fontSize: 10, verticalAlignment: 'middle' })
  return {
    margin: [0, 8, 0, 0],
    table: {
      widths: [64, '*', 64, '*'],
      heights: 20,
      body: [
        [labelCell('被处罚人'), value(notice.person.name), labelCell('岗位'), value(notice.person.roleLabel)],
        [labelCell('部门'), value(notice.person.department), labelCell('考核月份'), value(notice.monthText)]
      ]
    },
    layout: gridLayout(0)
  }
}

/** The totals in 大写 and figures, the KPI points, the pay cut. */
export function fineTotalBox(
  notice: Pick<FineNotice, 'totalCapital' | 'totalYuan' | 'totalKpiPoints' | 'payCutPercent'>
): PdfTable {
  const rows: PdfContent[][] = [
    [
      {
        text: [
          '罚款合计（大写）：',
          { text: notice.totalCapital, bold: true, fontSize: 12 },
          `\u3000（小写）¥${yuanFigures(notice.totalYuan)}`
        ],
        fontSize: 11
      }
    ],
    [{ text: `考核扣分合计：${notice.totalKpiPoints} 分`, fontSize: 11 }]
  ]
  if (notice.payCutPercent !== null)
    rows.push([{ text: `当月绩效工资扣罚：${notice.payCutPercent}%`, fontSize: 11, bold: true }])
  return {
    unbreakable: true,
    margin: [0, 8, 0, 0],
    table: { widths: ['*'], body: rows },
    layout: {
      hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 1.2 : 0),
      vLineWidth: () => 1.2,
      hLineColor: () => '#000000',
      vLineColor: () => '#000000',
      fillColor: () => '#F2F2F2',
      paddingLeft: () => 8,
      paddingRight: () => 8,
      paddingTop: () => 4,
      paddingBottom: () => 4
    }
  }
}

function copyContent(notice: FineNotice, copy: FineNoticeCopy, index: number): PdfContent {
  const labelWidth = Math.max(...notice.signatures.map((l) => cjkTextWidth(l, 11))) + 8
  const notes: PdfContent[] =
    notice.undecided > 0
      ? [{ text: `另有 ${notice.undecided} 条违规尚待确认，未列入本通知单。`, style: 'note', margin: [0, 6, 0, 0] }]
      : []
  return {
    ...(index > 0 ? { pageBreak: 'before' as const } : {}),
    stack: [
      { text: notice.dealershipName, style: 'org' },
      { text: notice.title, style: 'title' },
      { text: `（${copy}）`, style: 'subtitle' },
      finePersonTable(notice),
      fineLinesTable(notice),
      fineTotalBox(notice),
      ...notes,
      {
        unbreakable: true,
        margin: [0, 8, 0, 0],
        stack: notice.signatures.map((label) => ({
          ...signatureLine(label, 150, labelWidth),
          margin: [0, 12, 0, 0]
        }))
      }
    ]
  }
}

/** The printed 奖罚通知单, three copies, as a pdfmake document definition. */
export function fineNoticeDocument(notice: FineNotice): PdfDocumentDefinition {
  const ref = fineNoticeRef(notice)
  const stamp = printStamp(notice.printedBy, new Date(notice.printedAt))
  return {
    info: { title: ref, subject: `${notice.dealershipName} ${ref}`, creator: PRINT_CREATOR },
    language: 'zh-CN',
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: MARGINS,
    content: notice.copies.map((copy, i) => copyContent(notice, copy, i)),
    footer: pageFooter(stamp, ref, notice.auditHead, MARGINS[0], MARGINS[2]),
    defaultStyle: { ...PRINT_DEFAULT_STYLE },
    styles: PRINT_STYLES
  }
}
