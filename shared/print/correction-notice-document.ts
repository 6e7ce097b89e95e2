// 《不合格档案记录》 / 整改通知单: what failed an inspection, who corrects it, by when; signed on paper.
// FAW-VW: 对不合格档案发回原处整改，并进行《不合格档案记录》 (service files confirmed by the 服务经理).

import { printStamp } from '../export/export-stamp'
import type { CorrectionNotice } from '../inspection/correction-notice'
import type { PdfContent, PdfDocumentDefinition, PdfTable, PdfText } from './pdf-definition'
import {
  cjkTextWidth,
  gridLayout,
  labelCell,
  pageFooter,
  PRINT_CREATOR,
  PRINT_DEFAULT_STYLE,
  PRINT_STYLES,
  signatureLine,
  signOffBlock
} from './print-layout'
import { chinaDateTimeText, orDash } from './print-format'

export const CORRECTION_NOTICE_SUBTITLE = '（整改通知单）'

// A4 portrait is 595.28 × 841.89 pt.
const MARGINS: [number, number, number, number] = [46, 36, 46, 48]

export const CORRECTION_ITEMS_HEADER = ['序号', '资料', '检查项', '不合格说明'] as const

/** "请于 2026年11月23日 14:05 前整改完毕并交回（依据：…）" */
export function correctionDeadlineText(notice: Pick<CorrectionNotice, 'dueAt' | 'dueRule'>): string {
  const rule = notice.dueRule.trim()
  return `请于 ${chinaDateTimeText(notice.dueAt)} 前整改完毕并交回${rule === '' ? '' : `（依据：${rule}）`}`
}

/** 第 2 次检查 */
export function inspectionRoundText(round: number): string {
  return `第 ${round} 次检查`
}

/** The signatures the notice carries, in order: inspector, the person responsible, and the policy's confirmer. */
export function correctionSignatureLabels(notice: Pick<CorrectionNotice, 'confirmerRole'>): string[] {
  const labels = ['检查人（签字）', '责任人（签收）']
  const confirmer = notice.confirmerRole?.trim() ?? ''
  if (confirmer !== '') labels.push(`${confirmer}（确认）`)
  return labels
}

function archiveTable(n: CorrectionNotice): PdfTable {
  const value = (text: string): PdfText => ({ text, style: 'td', fontSize: 10, verticalAlignment: 'middle' })
  return {
    margin: [0, 10, 0, 0],
    table: {
      widths: [64, '*', 64, '*'],
      heights: 20,
      body: [
        [labelCell('档案编号'), value(n.archiveNo), labelCell('档案类型'), value(n.archiveLabel)],
        [labelCell('车架号'), value(n.vin), labelCell('车牌号'), value(orDash(n.plate))],
        [labelCell('车主'), value(n.ownerName), labelCell('检查轮次'), value(inspectionRoundText(n.round))],
        [labelCell('责任人'), value(n.responsibleName), labelCell('部门'), value(n.departmentLabel)],
        [labelCell('检查人'), value(n.inspectedBy), labelCell('检查时间'), value(chinaDateTimeText(n.inspectedAt))],
        [labelCell('执行标准'), { ...value(orDash(n.policyLabel)), colSpan: 3 }, '', '']
      ]
    },
    layout: gridLayout(0)
  }
}

function itemsTable(n: CorrectionNotice): PdfTable {
  const body: PdfContent[][] = [CORRECTION_ITEMS_HEADER.map((h) => ({ text: h, style: 'th' }))]
  if (n.items.length === 0) {
    body.push([{ text: '（无不合格项）', style: 'td', alignment: 'center', colSpan: 4 }, '', '', ''])
  }
  n.items.forEach((item, i) => {
    body.push([
      { text: String(i + 1), style: 'td', alignment: 'center' },
      { text: item.document, style: 'td' },
      { text: item.check, style: 'td' },
      { text: item.explanation, style: 'td' }
    ])
  })
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [26, 96, 150, '*'],
      heights: (row) => (row === 0 ? 'auto' : 20),
      body
    },
    layout: gridLayout(1)
  }
}

function deadlineBox(n: CorrectionNotice): PdfTable {
  const rule = n.dueRule.trim()
  return {
    unbreakable: true,
    margin: [0, 10, 0, 0],
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              {
                fontSize: 13,
                bold: true,
                text: [
                  '请于 ',
                  { text: chinaDateTimeText(n.dueAt), fontSize: 15 },
                  ' 前整改完毕并交回',
                  ...(rule === '' ? [] : ['\n', { text: `（依据：${rule}）`, fontSize: 10, bold: false }])
                ]
              },
              { text: '整改完毕后请将档案交回档案管理员复查。', style: 'note', margin: [0, 3, 0, 0] }
            ]
          }
        ]
      ]
    },
    layout: {
      hLineWidth: () => 1.4,
      vLineWidth: () => 1.4,
      hLineColor: () => '#000000',
      vLineColor: () => '#000000',
      fillColor: () => '#F2F2F2',
      paddingLeft: () => 10,
      paddingRight: () => 10,
      paddingTop: () => 8,
      paddingBottom: () => 8
    }
  }
}

/** The labels of the re-check block the archive manager fills in when the corrected file comes back. */
export const RECHECK_LABELS = ['整改情况', '复查人签字', '复查日期'] as const

/** Filled in by hand when the corrected file comes back: what was corrected, who re-checked it, when. */
function recheckBlock(): PdfTable {
  const blank = (height: number): PdfText => ({ text: '', style: 'td', margin: [0, height / 2, 0, height / 2] })
  return {
    unbreakable: true,
    margin: [0, 12, 0, 0],
    table: {
      widths: [64, '*', 64, 150],
      body: [
        [{ text: '复查记录（整改交回后由档案管理员填写）', style: 'th', colSpan: 4, alignment: 'left' }, '', '', ''],
        [labelCell(RECHECK_LABELS[0]), { ...blank(24), colSpan: 3 }, '', ''],
        [
          labelCell(RECHECK_LABELS[1]),
          blank(14),
          labelCell(RECHECK_LABELS[2]),
          { text: '　　　　年　　月　　日', style: 'td', alignment: 'right', margin: [0, 4, 0, 4] }
        ]
      ]
    },
    layout: gridLayout(1)
  }
}

function signatureStack(labels: readonly string[]): PdfContent[] {
  const labelWidth = Math.max(...labels.map((l) => cjkTextWidth(l, 11))) + 8
  return labels.map((label) => ({ ...signatureLine(label, 150, labelWidth), margin: [0, 10, 0, 0] }))
}

/** The printed 《不合格档案记录》 / 整改通知单 as a pdfmake document definition. */
export function correctionNoticeDocument(notice: CorrectionNotice): PdfDocumentDefinition {
  const title = notice.title
  const stamp = printStamp(notice.printedBy, new Date(notice.printedAt))
  const content: PdfContent[] = [
    { text: notice.dealershipName, style: 'org' },
    { text: title, style: 'title' },
    { text: CORRECTION_NOTICE_SUBTITLE, style: 'subtitle' },
    { text: `编号：${notice.number}`, style: 'meta', alignment: 'right', margin: [0, 4, 0, 0] },
    archiveTable(notice),
    { text: `不合格项目（共 ${notice.items.length} 项）`, style: 'section' },
    itemsTable(notice),
    deadlineBox(notice),
    {
      unbreakable: true,
      margin: [0, 10, 0, 0],
      stack: signatureStack(correctionSignatureLabels(notice))
    },
    recheckBlock(),
    ...signOffBlock(notice.signOffBlock)
  ]

  return {
    info: {
      title: `${title} ${notice.number}`,
      subject: `${notice.dealershipName} ${title}`,
      creator: PRINT_CREATOR
    },
    language: 'zh-CN',
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: MARGINS,
    content,
    footer: pageFooter(stamp, `${title} ${notice.number}`, notice.auditHead, MARGINS[0], MARGINS[2]),
    defaultStyle: { ...PRINT_DEFAULT_STYLE },
    styles: PRINT_STYLES
  }
}
