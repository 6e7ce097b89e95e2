// The pieces every printed sheet shares: styles, the ruled table, signature lines, the sign-off block, the footer.

import { type AuditHead, shortAuditHash } from '../audit/audit-chain'
import type {
  PdfCanvas,
  PdfColumns,
  PdfContent,
  PdfDynamicContent,
  PdfStyle,
  PdfTable,
  PdfTableLayout,
  PdfText
} from './pdf-definition'

/** The family name the renderer registers the embedded CJK font under. */
export const PRINT_FONT = 'NotoSansSC'

export const PRINT_CREATOR = 'CheDang 车档'

export const PRINT_DEFAULT_STYLE: PdfStyle = { font: PRINT_FONT, fontSize: 10, lineHeight: 1.1 }

export const PRINT_STYLES: Record<string, PdfStyle> = {
  org: { fontSize: 11, alignment: 'center', color: '#333333' },
  title: { fontSize: 20, bold: true, alignment: 'center', characterSpacing: 3, margin: [0, 2, 0, 0] },
  subtitle: { fontSize: 11, alignment: 'center', margin: [0, 0, 0, 0] },
  meta: { fontSize: 10 },
  th: { fontSize: 9, bold: true, alignment: 'center' },
  td: { fontSize: 9 },
  label: { fontSize: 10, bold: true, alignment: 'center' },
  section: { fontSize: 11, bold: true, margin: [0, 12, 0, 4] },
  note: { fontSize: 9, color: '#333333' },
  sign: { fontSize: 11 },
  footer: { fontSize: 8, color: '#555555' }
}

const HEADER_FILL = '#E6E6E6'
const LABEL_FILL = '#F2F2F2'
const RULE = '#333333'

/** Ruled grid: thin dark lines, the first `headerRows` rows shaded. */
export function gridLayout(headerRows: number): PdfTableLayout {
  return {
    hLineWidth: () => 0.6,
    vLineWidth: () => 0.6,
    hLineColor: () => RULE,
    vLineColor: () => RULE,
    fillColor: (row) => (row < headerRows ? HEADER_FILL : null),
    paddingLeft: () => 4,
    paddingRight: () => 4,
    paddingTop: () => 3,
    paddingBottom: () => 3
  }
}

/** A shaded label cell of a key–value grid. */
export function labelCell(text: string): PdfText {
  return { text, style: 'label', fillColor: LABEL_FILL, verticalAlignment: 'middle' }
}

/** A blank to write on: a rule `width` points long at the text baseline of an 11 pt line. */
export function writeOnLine(width: number): PdfCanvas {
  return { width, canvas: [{ type: 'line', x1: 0, y1: 15, x2: width, y2: 15, lineWidth: 0.6, lineColor: '#000000' }] }
}

/** Width of a one-line label of CJK text at `fontSize` (full-width glyphs are 1 em wide). */
export function cjkTextWidth(text: string, fontSize: number): number {
  return [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 1 : 0.6), 0) * fontSize
}

/**
 * One handwritten sign-off: "交档人（签字）＿＿＿＿＿ 日期 ＿＿年＿＿月＿＿日".
 * `label` already says what is written there, e.g. 交档人（签字） or 责任人（签收）; give several lines the same
 * `labelWidth` and their rules line up.
 */
export function signatureLine(
  label: string,
  signatureWidth = 150,
  labelWidth = cjkTextWidth(label, 11) + 6
): PdfColumns {
  const word = (text: string, left = 3): PdfText => ({
    text,
    width: cjkTextWidth(text, 11) + left + 3,
    margin: [left, 0, 3, 0],
    noWrap: true
  })
  return {
    style: 'sign',
    columnGap: 0,
    columns: [
      { text: label, width: labelWidth, noWrap: true },
      writeOnLine(signatureWidth),
      word('日期', 16),
      writeOnLine(44),
      word('年'),
      writeOnLine(26),
      word('月'),
      writeOnLine(26),
      word('日')
    ]
  }
}

/** The width signatureLine() takes up. */
export function signatureLineWidth(
  label: string,
  signatureWidth = 150,
  labelWidth = cjkTextWidth(label, 11) + 6
): number {
  return labelWidth + signatureWidth + (cjkTextWidth('日期', 11) + 19) + 44 + 3 * (11 + 6) + 2 * 26
}

/**
 * The policy's own sign-off block (e.g. 编制 / 审核 / 批准): a box per role with room to sign and a date.
 * Empty when the policy has none.
 */
export function signOffBlock(roles: readonly string[]): PdfContent[] {
  if (roles.length === 0) return []
  const table: PdfTable = {
    unbreakable: true,
    margin: [0, 14, 0, 0],
    table: {
      widths: roles.map(() => '*'),
      heights: (row) => (row === 1 ? 34 : 'auto'),
      body: [
        roles.map((role) => ({ text: role, style: 'th' })),
        roles.map(() => ''),
        roles.map(() => ({
          text: '日期：\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日',
          style: 'td',
          alignment: 'right' as const
        }))
      ]
    },
    layout: gridLayout(1)
  }
  return [table]
}

/** The print's audit event as the footer shows it: 审计链 第 41 条 1a2b3c4d5e6f. */
export function auditHeadText(head: AuditHead): string {
  return `审计链 第 ${head.deviceSeq} 条 ${shortAuditHash(head.hash)}`
}

/**
 * Footer on every page: who printed it and when, which sheet, the print's audit event (so the paper
 * anchors the audit chain), 第 x 页 / 共 y 页.
 */
export function pageFooter(
  stamp: string,
  sheetRef: string,
  auditHead: AuditHead,
  marginLeft: number,
  marginRight: number
): PdfDynamicContent {
  return (currentPage, pageCount) => ({
    style: 'footer',
    margin: [marginLeft, 14, marginRight, 0],
    columnGap: 16,
    columns: [
      { text: stamp, width: '*' },
      { text: sheetRef, width: 'auto' },
      { text: auditHeadText(auditHead), width: 'auto' },
      { text: `第 ${currentPage} 页 / 共 ${pageCount} 页`, width: 'auto' }
    ]
  })
}
