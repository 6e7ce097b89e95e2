// The keeping sheets: 《档案封存移交清单》 (a sealing batch moving to the archive store), 《档案销毁清单》 (files
// destroyed by approval; 客户信息管理制度 第25条: never sold as waste paper) and 《档案保管检查记录》 (the
// half-yearly inspection, 第14–16条). Each carries its signature lines and the print's audit event.

import { printStamp } from '../export/export-stamp'
import { DESTRUCTION_METHOD_LABELS } from '../destruction/destruction-register'
import type {
  DestructionListContent,
  KeepingPrintStamp,
  SealingTransferList,
  StorageInspectionSheet
} from '../retention/keeping-sheets'
import {
  checkResultOf,
  FILE_REPAIR_PROBLEM_LABELS,
  STORAGE_CHECK_ITEMS,
  STORAGE_CHECK_LABELS
} from '../retention/storage-inspection'
import type { PdfContent, PdfDocumentDefinition, PdfTable } from './pdf-definition'
import {
  gridLayout,
  labelCell,
  pageFooter,
  PRINT_CREATOR,
  PRINT_DEFAULT_STYLE,
  PRINT_STYLES,
  signatureLine,
  signatureLineWidth
} from './print-layout'
import { chinaDateTimeText, orDash } from './print-format'

const LANDSCAPE: [number, number, number, number] = [32, 30, 32, 44]
const PORTRAIT: [number, number, number, number] = [40, 36, 40, 48]

const td = (text: string, center = false): PdfContent => ({
  text,
  style: 'td',
  ...(center ? { alignment: 'center' as const } : {})
})

function table(headers: readonly string[], widths: (number | '*')[], rows: PdfContent[][], empty: string): PdfTable {
  const body: PdfContent[][] = [headers.map((h) => ({ text: h, style: 'th' }))]
  if (rows.length === 0)
    body.push([
      { text: empty, style: 'td', alignment: 'center', colSpan: headers.length },
      ...headers.slice(1).map(() => '')
    ])
  else body.push(...rows)
  return {
    margin: [0, 8, 0, 0],
    table: { headerRows: 1, dontBreakRows: true, widths, body },
    layout: gridLayout(1)
  }
}

/** Two or more signature lines side by side, each with its date. */
function signatures(labels: readonly string[], width = 96): PdfContent {
  const rows: PdfContent[] = []
  for (let i = 0; i < labels.length; i += 2) {
    const pair = labels.slice(i, i + 2)
    rows.push({
      margin: [0, 16, 0, 0],
      columns: pair.flatMap((label, j) => [
        ...(j > 0 ? [{ width: '*' as const, text: '' }] : []),
        { ...signatureLine(label, width), width: signatureLineWidth(label, width) }
      ])
    })
  }
  return { unbreakable: true, margin: [0, 10, 0, 0], stack: rows }
}

function frame(
  title: string,
  ref: string,
  dealershipName: string,
  stamp: KeepingPrintStamp,
  orientation: 'landscape' | 'portrait',
  content: PdfContent[]
): PdfDocumentDefinition {
  const margins = orientation === 'landscape' ? LANDSCAPE : PORTRAIT
  return {
    info: { title: `${title} ${ref}`, subject: `${dealershipName} ${title}`, creator: PRINT_CREATOR },
    language: 'zh-CN',
    pageSize: 'A4',
    pageOrientation: orientation,
    pageMargins: margins,
    content: [{ text: dealershipName, style: 'org' }, { text: title, style: 'title' }, ...content],
    footer: pageFooter(
      printStamp(stamp.printedBy, new Date(stamp.printedAt)),
      `${title} ${ref}`,
      stamp.auditHead,
      margins[0],
      margins[2]
    ),
    defaultStyle: { ...PRINT_DEFAULT_STYLE },
    styles: PRINT_STYLES
  }
}

/** 《档案封存移交清单》 of one sealing batch. */
export function sealingTransferListDocument(list: SealingTransferList & KeepingPrintStamp): PdfDocumentDefinition {
  const { batch } = list
  const rows = list.lines.map((line) => [
    td(String(line.line), true),
    td(line.archiveNo),
    { text: line.vin, style: 'td', fontSize: 8.5, noWrap: true },
    td(orDash(line.plate), true),
    td(line.ownerName),
    td(line.createdOn, true),
    td(line.sealDueOn, true),
    td(line.basisText),
    td(orDash(line.previousLocation), true)
  ])
  return frame(SEALING_TITLE, batch.number, list.dealershipName, list, 'landscape', [
    {
      style: 'meta',
      margin: [0, 10, 0, 0],
      columnGap: 24,
      columns: [
        { text: `批次号：${batch.number}`, width: 'auto' },
        { text: `封存位置：${batch.location}`, width: 'auto' },
        { text: `经办人：${batch.sealedByName}`, width: 'auto' },
        { text: `封存时间：${chinaDateTimeText(batch.sealedAt)}`, width: '*', alignment: 'right' }
      ]
    },
    table(
      ['序号', '档案编号', '车架号', '车牌号', '车主', '建档日期', '到期日', '封存依据', '原存放位置'],
      [22, 80, 100, 56, 64, 58, 58, '*', 70],
      rows,
      '（本批次无档案）'
    ),
    {
      style: 'note',
      margin: [0, 6, 0, 0],
      text: [
        `合计 ${list.lines.length} 份档案，移入${batch.location}封存。依据：${list.clause}。`,
        batch.note ? `备注：${batch.note}。` : '',
        '封存后档案只可查阅，不得修改；法律保全中的档案不在本清单内。'
      ]
    },
    signatures(['移交人（签字）', '接收人（签字）', '监交人（签字）'])
  ])
}

const SEALING_TITLE = '档案封存移交清单'

/** 《档案销毁清单》: who proposed and approved, when and how each file was (or is to be) destroyed. */
export function destructionListDocument(
  list: DestructionListContent & KeepingPrintStamp & { ref: string }
): PdfDocumentDefinition {
  const rows = list.lines.map(({ row, vehicle }, i) => [
    td(String(i + 1), true),
    td(row.archiveNo),
    { text: row.vin, style: 'td', fontSize: 8.5, noWrap: true },
    td(orDash(vehicle)),
    td(row.reason),
    td(`${row.proposedByName}\n${row.proposedOn}`, true),
    td(row.directorByName ? `${row.directorByName}\n${row.directorOn ?? ''}` : '待审批', true),
    td(row.generalManagerByName ? `${row.generalManagerByName}\n${row.generalManagerOn ?? ''}` : '待审批', true),
    td(
      row.destroyedOn ? `${row.destroyedOn}\n${row.method ? DESTRUCTION_METHOD_LABELS[row.method] : ''}` : '未销毁',
      true
    ),
    td(row.destroyedByName ? `${row.destroyedByName} / ${row.witnessName ?? ''}` : '—', true)
  ])
  return frame(DESTRUCTION_TITLE, list.ref, list.dealershipName, list, 'landscape', [
    table(
      [
        '序号',
        '档案编号',
        '车架号',
        '车型',
        '销毁理由',
        '提出人/日期',
        '客户总监批准',
        '总经理批准',
        '销毁日期/方式',
        '销毁人/监销人'
      ],
      [22, 76, 100, 60, '*', 62, 62, 62, 74, 70],
      rows,
      '（无销毁档案）'
    ),
    {
      style: 'note',
      margin: [0, 6, 0, 0],
      text: `合计 ${list.lines.length} 份档案。依客户信息管理制度第25条按规定销毁（粉碎、化浆或焚毁），不得当作废纸出售；销毁后档案记录（车架号、档案编号、审批与销毁经过）永久保留，客户个人信息已清除。`
    },
    signatures(['经办人（签字）', '监销人（签字）', '客户总监（签字）', '总经理（签字）'])
  ])
}

const DESTRUCTION_TITLE = '档案销毁清单'

/** 《档案保管检查记录》: the half-yearly inspection, its findings, actions and the files repaired. */
export function storageInspectionDocument(sheet: StorageInspectionSheet & KeepingPrintStamp): PdfDocumentDefinition {
  const { inspection } = sheet
  const checks: PdfTable = {
    margin: [0, 10, 0, 0],
    table: {
      headerRows: 1,
      widths: [110, 50, '*'],
      body: [
        [
          { text: '检查项目', style: 'th' },
          { text: '结果', style: 'th' },
          { text: '情况说明', style: 'th' }
        ],
        ...STORAGE_CHECK_ITEMS.map((item) => {
          const result = checkResultOf(inspection, item)
          return [
            labelCell(STORAGE_CHECK_LABELS[item]),
            td(result.ok ? '正常' : '有问题', true),
            td(orDash(result.note))
          ]
        })
      ]
    },
    layout: gridLayout(1)
  }
  const repairs = sheet.repairs.map(({ repair, archiveNo }, i) => [
    td(String(i + 1), true),
    td(archiveNo),
    td(FILE_REPAIR_PROBLEM_LABELS[repair.problem], true),
    td(repair.description),
    td(repair.repair),
    td(`${repair.repairedByName}\n${repair.repairedOn}`, true)
  ])
  return frame(STORAGE_TITLE, inspection.inspectedOn, sheet.dealershipName, sheet, 'portrait', [
    {
      style: 'meta',
      margin: [0, 10, 0, 0],
      columnGap: 18,
      columns: [
        { text: `检查日期：${inspection.inspectedOn}`, width: 'auto' },
        { text: `检查人：${inspection.inspectorName}`, width: 'auto' },
        { text: `检查范围：${inspection.scope}`, width: '*' }
      ]
    },
    checks,
    { text: '检查发现', style: 'section' },
    { text: orDash(inspection.findings), style: 'td' },
    { text: '处理措施', style: 'section' },
    { text: orDash(inspection.actions), style: 'td' },
    { text: '修复的档案（第15条：字迹变色或材料破损及时修复）', style: 'section' },
    table(
      ['序号', '档案编号', '问题', '损坏情况', '修复措施', '修复人/日期'],
      [22, 76, 48, '*', '*', 64],
      repairs,
      '（无）'
    ),
    {
      style: 'note',
      margin: [0, 6, 0, 0],
      text: '依客户信息管理制度第14–16条：每半年全面检查一次客户档案的保管状况，做好防潮、防霉，发现字迹变色或材料破损及时修复。'
    },
    signatures(['检查人（签字）', '部门负责人（签字）'], 90)
  ])
}

const STORAGE_TITLE = '档案保管检查记录'
