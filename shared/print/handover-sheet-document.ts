// 《档案交接表》: the batch of paper archives sales or service hands to customer care, signed by both sides.
// SVW-Skoda calls it 《用户档案签收簿》 (四.1: 交接双方…签字确认，如资料不齐时需注明): the title comes from the policy.

import { printStamp } from '../export/export-stamp'
import type { ArchiveKind } from '../archive/archive-kind'
import type { HandoverSheet, HandoverSheetLine } from '../handover/handover'
import { ARCHIVE_KIND_LABELS } from '../archive/archive-kind'
import type { PdfContent, PdfDocumentDefinition, PdfInline, PdfTable } from './pdf-definition'
import {
  gridLayout,
  pageFooter,
  PRINT_CREATOR,
  PRINT_DEFAULT_STYLE,
  PRINT_STYLES,
  signatureLine,
  signatureLineWidth,
  signOffBlock
} from './print-layout'
import { chinaDateTimeText, orDash } from './print-format'

// A4 landscape is 841.89 × 595.28 pt.
const MARGINS: [number, number, number, number] = [32, 30, 32, 44]

interface SheetColumn {
  header: string
  width: number | '*'
  cell: (line: HandoverSheetLine, index: number) => PdfContent
}

const td = (text: string, center = false): PdfContent => ({
  text,
  style: 'td',
  ...(center ? { alignment: 'center' as const } : {})
})

/** Document names joined by 、; a line breaks only between names, never inside one (合格证复印件 stays whole). */
export function documentNamesCell(names: readonly string[], bold = false): PdfContent {
  if (names.length === 0) return td('—')
  const inlines: PdfInline[] = names.flatMap((name, i) => [
    ...(i > 0 ? ['、'] : []),
    { text: name, noWrap: true, ...(bold ? { bold: true } : {}) }
  ])
  return { text: inlines, style: 'td' }
}

const COLUMN = {
  index: { header: '序号', width: 22, cell: (_line, i) => td(String(i + 1), true) },
  archiveNo: { header: '档案编号', width: 74, cell: (line) => td(line.archiveNo) },
  vin: { header: '车架号', width: 92, cell: (line) => ({ text: line.vin, style: 'td', fontSize: 8.5, noWrap: true }) },
  plate: { header: '车牌号', width: 52, cell: (line) => td(orDash(line.plate), true) },
  owner: { header: '车主', width: 58, cell: (line) => td(line.ownerName) },
  visitType: { header: '维修类别', width: 40, cell: (line) => td(orDash(line.visitTypeLabel), true) },
  repairOrder: {
    header: '任务委托书号',
    width: 80,
    cell: (line) => ({ text: orDash(line.repairOrderNo), style: 'td', fontSize: 8.5 })
  },
  deliveryDate: {
    header: '交车日期',
    width: 56,
    cell: (line) => ({ text: orDash(line.anchorDate), style: 'td', fontSize: 8.5, alignment: 'center', noWrap: true })
  },
  salesAdvisor: { header: '销售顾问', width: 44, cell: (line) => td(line.advisorName, true) },
  serviceAdvisor: { header: '服务顾问', width: 44, cell: (line) => td(line.advisorName, true) },
  present: { header: '已交资料', width: '*', cell: (line) => documentNamesCell(line.documentsPresent) },
  missing: { header: '缺少资料', width: '*', cell: (line) => missingCell(line) }
} satisfies Record<string, SheetColumn>

/**
 * The columns fit the department: a sales sheet has no repair order or visit type; a service sheet
 * has both. 交车日期 is the delivery (sales) or hand-back (service) day the deadline counts from.
 */
const SHEET_COLUMNS: Record<ArchiveKind, readonly SheetColumn[]> = {
  sales: [
    COLUMN.index,
    COLUMN.archiveNo,
    COLUMN.vin,
    COLUMN.plate,
    COLUMN.owner,
    COLUMN.deliveryDate,
    COLUMN.salesAdvisor,
    COLUMN.present,
    COLUMN.missing
  ],
  service: [
    COLUMN.index,
    COLUMN.archiveNo,
    COLUMN.vin,
    COLUMN.plate,
    COLUMN.owner,
    COLUMN.visitType,
    COLUMN.repairOrder,
    COLUMN.deliveryDate,
    COLUMN.serviceAdvisor,
    COLUMN.present,
    COLUMN.missing
  ]
}

export function handoverTableHeader(department: ArchiveKind): string[] {
  return SHEET_COLUMNS[department].map((c) => c.header)
}

/** 销售档案, 服务档案·首保, or 服务档案 when the visit type is unknown. */
export function handoverArchiveTypeText(line: Pick<HandoverSheetLine, 'kind' | 'visitTypeLabel'>): string {
  const kind = ARCHIVE_KIND_LABELS[line.kind]
  const visit = line.visitTypeLabel?.trim() ?? ''
  return visit === '' ? kind : `${kind}·${visit}`
}

function hasGaps(line: HandoverSheetLine): boolean {
  return line.documentsMissing.length > 0 || (line.missingNote?.trim() ?? '') !== ''
}

function missingCell(line: HandoverSheetLine): PdfContent {
  const note = line.missingNote?.trim() ?? ''
  if (!hasGaps(line)) return { text: '无', style: 'td', alignment: 'center' }
  const parts: PdfContent[] = []
  if (line.documentsMissing.length > 0) parts.push(documentNamesCell(line.documentsMissing, true))
  if (note !== '') parts.push({ text: `注：${note}`, style: 'td' })
  return { stack: parts }
}

function archivesTable(department: ArchiveKind, lines: readonly HandoverSheetLine[]): PdfTable {
  const columns = SHEET_COLUMNS[department]
  const body: PdfContent[][] = [columns.map((c) => ({ text: c.header, style: 'th' }))]
  if (lines.length === 0) {
    body.push([
      { text: '（本次无交接档案）', style: 'td', alignment: 'center', colSpan: columns.length },
      ...columns.slice(1).map(() => '')
    ])
  } else {
    lines.forEach((line, i) => body.push(columns.map((c) => c.cell(line, i))))
  }
  return {
    margin: [0, 8, 0, 0],
    table: {
      headerRows: 1,
      dontBreakRows: true,
      // 778 pt of A4 landscape between the margins; the two document columns share what is left.
      widths: columns.map((c) => c.width),
      heights: (row) => (row === 0 ? 'auto' : 22),
      body
    },
    layout: gridLayout(1)
  }
}

/** The printed handover register, titled as the policy names it, as a pdfmake document definition. */
export function handoverSheetDocument(sheet: HandoverSheet): PdfDocumentDefinition {
  const title = sheet.title
  const incomplete = sheet.lines.filter(hasGaps).length
  const total = sheet.lines.length
  const stamp = printStamp(sheet.printedBy, new Date(sheet.printedAt))

  const content: PdfContent[] = [
    { text: sheet.dealershipName, style: 'org' },
    { text: title, style: 'title' },
    {
      style: 'meta',
      margin: [0, 10, 0, 0],
      columnGap: 24,
      columns: [
        { text: `交接单号：${sheet.number}`, width: 'auto' },
        { text: `移交部门：${sheet.departmentLabel}`, width: 'auto' },
        { text: `交档人：${sheet.handedByName}`, width: 'auto' },
        { text: `接收人：${sheet.receivedByName}`, width: 'auto' },
        { text: `交接时间：${chinaDateTimeText(sheet.handedAt)}`, width: '*', alignment: 'right' }
      ]
    },
    archivesTable(sheet.department, sheet.lines),
    {
      style: 'note',
      margin: [0, 6, 0, 0],
      text: [
        `合计 ${total} 份档案`,
        total > 0 ? `，资料齐全 ${total - incomplete} 份，资料不齐 ${incomplete} 份` : '',
        '。交接双方核对档案后签字确认；资料不齐时需在“缺少资料”栏注明。'
      ]
    },
    {
      unbreakable: true,
      margin: [0, 22, 0, 0],
      columns: [
        { ...signatureLine('交档人（签字）', 104), width: signatureLineWidth('交档人（签字）', 104) },
        { width: '*', text: '' },
        { ...signatureLine('接收人（签字）', 104), width: signatureLineWidth('接收人（签字）', 104) }
      ]
    },
    ...signOffBlock(sheet.signOffBlock)
  ]

  return {
    info: { title: `${title} ${sheet.number}`, subject: `${sheet.dealershipName} ${title}`, creator: PRINT_CREATOR },
    language: 'zh-CN',
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: MARGINS,
    content,
    footer: pageFooter(stamp, `${title} ${sheet.number}`, sheet.auditHead, MARGINS[0], MARGINS[2]),
    defaultStyle: { ...PRINT_DEFAULT_STYLE },
    styles: PRINT_STYLES
  }
}
