// The archive envelope cover (档案袋封面, SVW-Skoda 二.3: 统一标准的用户档案袋) and the labels of a shelf or
// box, as pdfmake document definitions. The barcode (Code 128 of the archive number, what a USB scanner
// reads) comes in as SVG drawn by the renderer; a QR code of the same text sits beside it for phones.

import { printStamp } from '../export/export-stamp'
import type { EnvelopeCover, ShelfLabels } from '../folders/envelope-cover'
import type { PdfContent, PdfDocumentDefinition } from './pdf-definition'
import {
  gridLayout,
  labelCell,
  pageFooter,
  PRINT_CREATOR,
  PRINT_DEFAULT_STYLE,
  PRINT_STYLES,
  signatureLine
} from './print-layout'
import { orDash } from './print-format'

const MARGINS: [number, number, number, number] = [48, 40, 48, 44]

/** A tick (√) where the document is in the envelope, blank where it is not. */
export const TICK = '√'

export function envelopeCoverDocument(cover: EnvelopeCover, barcodeSvg: string): PdfDocumentDefinition {
  const stamp = printStamp(cover.printedBy, new Date(cover.printedAt))
  const value = (text: string, colSpan = 1): PdfContent => ({ text: orDash(text), style: 'td', fontSize: 12, colSpan })
  const checklist: PdfContent[][] = [
    [
      { text: '序号', style: 'th' },
      { text: '资料名称', style: 'th' },
      { text: '在袋', style: 'th' }
    ],
    ...cover.checklist.map((item, i) => [
      { text: String(i + 1), style: 'td', alignment: 'center' as const },
      { text: item.name, style: 'td' },
      { text: item.present ? TICK : '', style: 'td', alignment: 'center' as const, bold: true }
    ])
  ]
  const content: PdfContent[] = [
    { text: cover.dealershipName, style: 'org' },
    { text: cover.title, style: 'title' },
    {
      margin: [0, 14, 0, 0],
      columns: [
        {
          width: '*',
          stack: [
            { text: '档案编号', style: 'note' },
            { text: cover.archiveNo, fontSize: 22, bold: true, margin: [0, 2, 0, 6] },
            { svg: barcodeSvg, width: 260, height: 52 },
            { text: cover.code, style: 'note', margin: [0, 2, 0, 0] }
          ]
        },
        { width: 90, qr: cover.code, fit: 90, alignment: 'right' }
      ]
    },
    {
      margin: [0, 14, 0, 0],
      table: {
        widths: [70, '*', 70, '*'],
        body: [
          [labelCell('车架号'), value(cover.vin, 3), '', ''],
          [labelCell('车牌号'), value(cover.plate ?? ''), labelCell('车主'), value(cover.ownerName)],
          [labelCell('车型'), value(cover.series), labelCell('存放位置'), value(cover.location)]
        ]
      },
      layout: gridLayout(0)
    },
    { text: '销售档案资料清单', style: 'section' },
    { table: { headerRows: 1, widths: [30, '*', 40], body: checklist }, layout: gridLayout(1) },
    { text: '售后档案', style: 'section' },
    cover.serviceLines.length
      ? {
          table: {
            headerRows: 1,
            widths: [30, '*', 90],
            body: [
              [
                { text: '序号', style: 'th' },
                { text: '任务委托书号', style: 'th' },
                { text: '日期', style: 'th' }
              ],
              ...cover.serviceLines.map((l, i) => [
                { text: String(i + 1), style: 'td', alignment: 'center' as const },
                { text: l.repairOrderNo, style: 'td' },
                { text: l.date, style: 'td', alignment: 'center' as const }
              ])
            ]
          },
          layout: gridLayout(1)
        }
      : { text: '（暂无）', style: 'note' },
    { margin: [0, 22, 0, 0], ...signatureLine('档案管理员（签字）', 130) }
  ]
  return {
    info: {
      title: `${cover.title} ${cover.archiveNo}`,
      subject: `${cover.dealershipName} ${cover.title}`,
      creator: PRINT_CREATOR
    },
    language: 'zh-CN',
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: MARGINS,
    content,
    footer: pageFooter(stamp, `${cover.title} ${cover.archiveNo}`, cover.auditHead, MARGINS[0], MARGINS[2]),
    defaultStyle: { ...PRINT_DEFAULT_STYLE },
    styles: PRINT_STYLES
  }
}

/** One label per box, two to a row: the place in large type, its barcode, and the files it holds. */
export function shelfLabelsDocument(
  labels: ShelfLabels,
  barcodeSvgs: Readonly<Record<string, string>>
): PdfDocumentDefinition {
  const stamp = printStamp(labels.printedBy, new Date(labels.printedAt))
  const label = (l: ShelfLabels['labels'][number]): PdfContent => ({
    unbreakable: true,
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: l.place, fontSize: 20, bold: true, alignment: 'center' },
              { svg: barcodeSvgs[l.code] ?? '', width: 200, height: 36, alignment: 'center', margin: [0, 4, 0, 4] },
              { text: `共 ${l.files.length} 份`, style: 'note', alignment: 'center' },
              ...l.files.map((f) => ({
                text: `${f.archiveNo}\u3000${orDash(f.plate)}\u3000${f.ownerName}`,
                fontSize: 8
              }))
            ]
          }
        ]
      ]
    },
    layout: gridLayout(0),
    margin: [0, 0, 0, 12]
  })
  const rows: PdfContent[] = []
  for (let i = 0; i < labels.labels.length; i += 2) {
    const pair = labels.labels.slice(i, i + 2)
    rows.push({ columnGap: 16, columns: [label(pair[0]!), pair[1] ? label(pair[1]) : { text: '', width: '*' }] })
  }
  return {
    info: {
      title: `${labels.title} ${labels.scope}`,
      subject: `${labels.dealershipName} ${labels.title}`,
      creator: PRINT_CREATOR
    },
    language: 'zh-CN',
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: MARGINS,
    content: [
      { text: `${labels.title}（${labels.scope}）`, style: 'subtitle', margin: [0, 0, 0, 10] },
      ...(rows.length ? rows : [{ text: '（该位置没有档案）', style: 'note' }])
    ],
    footer: pageFooter(stamp, `${labels.title} ${labels.scope}`, labels.auditHead, MARGINS[0], MARGINS[2]),
    defaultStyle: { ...PRINT_DEFAULT_STYLE },
    styles: PRINT_STYLES
  }
}
