// 《备份密钥登记表》: the recovery sheet of the backup passphrase. It names the key (its fingerprint,
// who set it and when) and leaves blank boxes where the director writes the passphrase BY HAND: the
// app never prints the passphrase (it does not keep it), so the sheet is evidence only once filled in,
// signed and sealed.

import type { AuditHead } from '../audit/audit-chain'
import { printStamp } from '../export/export-stamp'
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
import { chinaDateTimeText } from './print-format'

export const BACKUP_KEY_SHEET_TITLE = '备份密钥登记表'

export interface BackupKeySheet {
  dealershipName: string
  /** Fingerprint of the backup key, e.g. 3F2A-91C0-7B44-E015: every backup names the key it needs. */
  keyId: string
  setAt: string
  setBy: string
  printedAt: string
  printedBy: string
  /** The print event's place in the audit chain, shown in the footer so paper anchors the chain. */
  auditHead: AuditHead
}

const MARGINS: [number, number, number, number] = [46, 36, 46, 48]

function facts(sheet: BackupKeySheet): PdfTable {
  const value = (text: string): PdfText => ({ text, style: 'td', fontSize: 11, verticalAlignment: 'middle' })
  return {
    margin: [0, 12, 0, 0],
    table: {
      widths: [90, '*'],
      heights: 22,
      body: [
        [labelCell('密钥指纹'), { ...value(sheet.keyId), bold: true }],
        [labelCell('设置人'), value(sheet.setBy)],
        [labelCell('设置时间'), value(chinaDateTimeText(sheet.setAt))],
        [labelCell('打印时间'), value(`${chinaDateTimeText(sheet.printedAt)}（${sheet.printedBy}）`)]
      ]
    },
    layout: gridLayout(0)
  }
}

/** Four boxed lines to write the passphrase by hand (a long passphrase may need more than one). */
function passphraseBoxes(): PdfTable {
  return {
    margin: [0, 6, 0, 0],
    table: {
      widths: ['*'],
      heights: 30,
      body: [[{ text: '' }], [{ text: '' }], [{ text: '' }], [{ text: '' }]]
    },
    layout: gridLayout(0)
  }
}

/** The printed 《备份密钥登记表》 as a pdfmake document definition. */
export function backupKeySheetDocument(sheet: BackupKeySheet): PdfDocumentDefinition {
  const stamp = printStamp(sheet.printedBy, new Date(sheet.printedAt))
  const labels = ['设置人（签字）', '见证人（签字）', '封存日期']
  const labelWidth = Math.max(...labels.map((l) => cjkTextWidth(l, 11))) + 8
  const content: PdfContent[] = [
    { text: sheet.dealershipName, style: 'org' },
    { text: BACKUP_KEY_SHEET_TITLE, style: 'title' },
    facts(sheet),
    { text: '备份密码（手写，请逐字核对；本软件不保存、也无法找回备份密码）', style: 'section' },
    passphraseBoxes(),
    {
      text: [
        '说明：车档的备份文件用此密码加密，恢复时必须输入。忘记密码，备份将无法恢复。',
        '更改密码后，此前的备份仍需用原密码恢复，原登记表请一并保存。',
        '本表填写后装入信封密封，由客户总监与总经理分别签字，存放在保险柜中。'
      ].join('\n'),
      style: 'note',
      margin: [0, 10, 0, 0]
    },
    {
      unbreakable: true,
      margin: [0, 10, 0, 0],
      stack: labels.map((label) => ({ ...signatureLine(label, 150, labelWidth), margin: [0, 22, 0, 0] }))
    }
  ]
  return {
    info: {
      title: `${BACKUP_KEY_SHEET_TITLE} ${sheet.keyId}`,
      subject: `${sheet.dealershipName} ${BACKUP_KEY_SHEET_TITLE}`,
      creator: PRINT_CREATOR
    },
    language: 'zh-CN',
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: MARGINS,
    content,
    footer: pageFooter(stamp, `${BACKUP_KEY_SHEET_TITLE} ${sheet.keyId}`, sheet.auditHead, MARGINS[0], MARGINS[2]),
    defaultStyle: { ...PRINT_DEFAULT_STYLE },
    styles: PRINT_STYLES
  }
}
