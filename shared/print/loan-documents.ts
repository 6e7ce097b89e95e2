// The loan slip (借阅单) and the register 《档案借阅登记簿》 as pdfmake document definitions.

import { printStamp } from '../export/export-stamp'
import type { LoanFileLine, LoanRegister, LoanSlip } from '../loans/loan-sheets'
import type { PdfContent, PdfDocumentDefinition, PdfTable } from './pdf-definition'
import {
  gridLayout,
  labelCell,
  pageFooter,
  PRINT_CREATOR,
  PRINT_DEFAULT_STYLE,
  PRINT_STYLES,
  signatureLine,
  signOffBlock
} from './print-layout'
import { orDash } from './print-format'

const MARGINS: [number, number, number, number] = [36, 32, 36, 44]

const td = (text: string, center = false): PdfContent => ({
  text,
  style: 'td',
  ...(center ? { alignment: 'center' as const } : {})
})

const rtd = (text: string, center = false): PdfContent => ({
  text,
  style: 'td',
  fontSize: 8,
  ...(center ? { alignment: 'center' as const } : {})
})

export const LOAN_SLIP_FILE_HEADER = ['序号', '档案编号', '车架号', '车牌号', '车主', '份数']
export const LOAN_REGISTER_HEADER = [
  '借阅单号',
  '借出日期',
  '借阅人',
  '档案编号',
  '份数',
  '用途',
  '方式',
  '批准人',
  '应还日期',
  '归还日期',
  '归还清点',
  '逾期',
  '借阅人签字',
  '经办人签字'
]

function filesTable(lines: readonly LoanFileLine[]): PdfTable {
  return {
    margin: [0, 10, 0, 0],
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [24, 90, 110, 60, '*', 30],
      body: [
        LOAN_SLIP_FILE_HEADER.map((h) => ({ text: h, style: 'th' })),
        ...lines.map((l, i) => [
          td(String(i + 1), true),
          td(l.archiveNo),
          { text: orDash(l.vin), style: 'td', fontSize: 8.5, noWrap: true },
          td(orDash(l.plate), true),
          td(l.ownerName),
          td(String(l.pieces), true)
        ])
      ]
    },
    layout: gridLayout(1)
  }
}

function documentOf(
  title: string,
  ref: string,
  dealershipName: string,
  stampOf: { printedBy: string; printedAt: string; auditHead: LoanSlip['auditHead'] },
  orientation: 'portrait' | 'landscape',
  content: PdfContent[]
): PdfDocumentDefinition {
  const stamp = printStamp(stampOf.printedBy, new Date(stampOf.printedAt))
  return {
    info: { title: `${title} ${ref}`, subject: `${dealershipName} ${title}`, creator: PRINT_CREATOR },
    language: 'zh-CN',
    pageSize: 'A4',
    pageOrientation: orientation,
    pageMargins: MARGINS,
    content,
    footer: pageFooter(stamp, `${title} ${ref}`, stampOf.auditHead, MARGINS[0], MARGINS[2]),
    defaultStyle: { ...PRINT_DEFAULT_STYLE },
    styles: PRINT_STYLES
  }
}

/** The slip the borrower signs when the files go out and again when they come back. */
export function loanSlipDocument(slip: LoanSlip): PdfDocumentDefinition {
  const value = (text: string, colSpan = 1): PdfContent => ({ text: orDash(text), style: 'td', colSpan })
  const approvals = slip.approvals.map((a) => `${a.title}：${a.by}`).join('\u3000')
  const grid: PdfTable = {
    margin: [0, 10, 0, 0],
    table: {
      widths: [70, '*', 70, '*'],
      body: [
        [labelCell('借阅单号'), value(slip.number), labelCell('借阅方式'), value(slip.modeLabel)],
        [labelCell('借阅人'), value(slip.borrowerText, 3), '', ''],
        [labelCell('所持证件'), value(slip.documentsText, 3), '', ''],
        [labelCell('借阅用途'), value(slip.purpose, 3), '', ''],
        [labelCell('带出原因'), value(slip.takeOutReason ?? '', 3), '', ''],
        [labelCell('批准'), value(approvals, 3), '', ''],
        [labelCell('借出日期'), value(slip.outOn), labelCell('应还日期'), value(slip.dueOn)]
      ]
    },
    layout: gridLayout(0)
  }
  return documentOf(slip.title, slip.number, slip.dealershipName, slip, 'portrait', [
    { text: slip.dealershipName, style: 'org' },
    { text: slip.title, style: 'title' },
    grid,
    filesTable(slip.lines),
    {
      style: 'note',
      margin: [0, 6, 0, 0],
      text: `合计 ${slip.lines.length} 份档案，${slip.lines.reduce((s, l) => s + l.pieces, 0)} 份资料。归还时双方当面清点；逾期未还、遗失或损坏按制度处理。依据：${slip.clause}`
    },
    {
      unbreakable: true,
      margin: [0, 20, 0, 0],
      stack: ['借阅人（签字）', '经办人（签字）', '归还人（签字）', '接收人（签字）'].map((label, i) => ({
        ...signatureLine(label, 150, 90),
        margin: [0, i === 0 ? 0 : 12, 0, 0] as [number, number, number, number]
      }))
    }
  ])
}

/** The register: one row per loan, the borrower's and the archive manager's signatures on each. */
export function loanRegisterDocument(register: LoanRegister): PdfDocumentDefinition {
  const body: PdfContent[][] = [LOAN_REGISTER_HEADER.map((h) => ({ text: h, style: 'th' }))]
  if (register.rows.length === 0) {
    body.push([
      { text: '（无借阅记录）', style: 'td', alignment: 'center', colSpan: LOAN_REGISTER_HEADER.length },
      ...LOAN_REGISTER_HEADER.slice(1).map(() => '')
    ])
  }
  for (const row of register.rows) {
    body.push([
      { text: row.number, style: 'td', fontSize: 8 },
      rtd(row.outOn, true),
      rtd(row.borrowerText),
      { text: row.archiveNos, style: 'td', fontSize: 8 },
      rtd(String(row.pieces), true),
      rtd(row.purpose),
      rtd(row.modeLabel, true),
      rtd(row.approvalsText),
      rtd(row.dueOn, true),
      rtd(orDash(row.returnedOn), true),
      rtd(row.returnedOn ? row.conditionText : '未还', true),
      { text: row.daysOverdue > 0 ? `逾期 ${row.daysOverdue} 天` : '', style: 'td', bold: true, alignment: 'center' },
      '',
      ''
    ])
  }
  const overdue = register.rows.filter((r) => r.daysOverdue > 0).length
  return documentOf(register.title, register.scope, register.dealershipName, register, 'landscape', [
    { text: register.dealershipName, style: 'org' },
    { text: register.title, style: 'title' },
    { text: `范围：${register.scope}\u3000统计至：${register.asOf}`, style: 'subtitle', margin: [0, 4, 0, 0] },
    {
      margin: [0, 8, 0, 0],
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [58, 44, 58, 62, 20, '*', 26, 56, 44, 44, 34, 32, 38, 38],
        heights: (row) => (row === 0 ? 'auto' : 24),
        body
      },
      layout: gridLayout(1)
    },
    {
      style: 'note',
      margin: [0, 6, 0, 0],
      text: `共 ${register.rows.length} 条借阅，其中逾期 ${overdue} 条。逾期未归还档案者按违纪处理。`
    },
    {
      unbreakable: true,
      margin: [0, 18, 0, 0],
      stack: [
        signatureLine('档案管理员（签字）', 150, 140),
        { ...signatureLine('客户服务部经理（审核）', 150, 140), margin: [0, 12, 0, 0] }
      ]
    },
    ...signOffBlock(register.signOffBlock)
  ])
}
