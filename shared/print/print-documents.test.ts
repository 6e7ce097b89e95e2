import { describe, expect, it } from 'vitest'
import type { PdfContent, PdfDocumentDefinition, PdfInline, PdfTable } from './pdf-definition'
import {
  chinaDateText,
  chinaDateTimeText,
  CORRECTION_ITEMS_HEADER,
  correctionDeadlineText,
  correctionNoticeDocument,
  correctionSignatureLabels,
  handoverArchiveTypeText,
  handoverSheetDocument,
  handoverTableHeader,
  PRINT_FONT,
  RECHECK_LABELS
} from './index'
import {
  sampleCorrectionNotice,
  sampleHandoverSheet,
  sampleSalesHandoverSheet,
  sampleSvwSkodaHandoverSheet
} from '../../tests/fixtures/print-samples'
import { printStamp } from '../export/export-stamp'

// Reads a definition the way a person scans the page: all text, in order.
function textOf(node: PdfContent | PdfInline | undefined | null): string {
  if (node === undefined || node === null) return ''
  if (typeof node === 'string') return node
  if (Array.isArray(node)) return node.map((n: PdfContent) => textOf(n)).join('')
  if ('text' in node) return typeof node.text === 'string' ? node.text : node.text.map((n) => textOf(n)).join('')
  if ('stack' in node) return node.stack.map((n) => textOf(n)).join('\n')
  if ('columns' in node) return node.columns.map((n) => textOf(n)).join(' ')
  if ('table' in node) return node.table.body.map((row) => row.map((c) => textOf(c)).join('|')).join('\n')
  return ''
}

function tablesOf(node: PdfContent): PdfTable[] {
  if (typeof node === 'string') return []
  if (Array.isArray(node)) return node.flatMap((n: PdfContent) => tablesOf(n))
  if ('table' in node) return [node, ...node.table.body.flat().flatMap((c) => tablesOf(c))]
  if ('stack' in node) return node.stack.flatMap((n) => tablesOf(n))
  if ('columns' in node) return node.columns.flatMap((n) => tablesOf(n))
  return []
}

const textOfDoc = (doc: PdfDocumentDefinition): string => textOf(doc.content)
const footerOf = (doc: PdfDocumentDefinition, page: number, pages: number): string =>
  doc.footer ? textOf(doc.footer(page, pages)) : ''

/** The table whose header row starts with `firstHeader`. */
function tableWithHeader(doc: PdfDocumentDefinition, header: readonly string[]): PdfTable {
  const found = tablesOf(doc.content).find((t) => t.table.body[0]?.map((c) => textOf(c)).join('|') === header.join('|'))
  if (!found) throw new Error(`no table with header ${header.join('|')}`)
  return found
}

describe('print dates', () => {
  it('prints instants in China time in the one 年-月-日 form', () => {
    expect(chinaDateTimeText('2026-11-22T06:05:00.000Z')).toBe('2026-11-22 14:05')
    expect(chinaDateTimeText('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30')
    expect(chinaDateText('2026-03-04T20:00:00Z')).toBe('2026-03-05')
    expect(chinaDateTimeText('不详')).toBe('不详')
  })
})

describe('handoverSheetDocument', () => {
  const sheet = sampleHandoverSheet()
  const doc = handoverSheetDocument(sheet)
  const text = textOfDoc(doc)

  it('is an A4 landscape sheet in the embedded Chinese font', () => {
    expect(doc.pageSize).toBe('A4')
    expect(doc.pageOrientation).toBe('landscape')
    expect(doc.defaultStyle.font).toBe(PRINT_FONT)
    expect(PRINT_FONT).toBe('NotoSansSC')
    expect(doc.language).toBe('zh-CN')
  })

  it('carries the title, dealership, number, department and the handover time in China time', () => {
    const title = doc.content[1]
    expect(title).toMatchObject({ text: '档案交接表', style: 'title' })
    expect(doc.styles?.title).toMatchObject({ bold: true, alignment: 'center' })
    expect(text).toContain(sheet.dealershipName)
    expect(text).toContain('交接单号：JJ20261122-001')
    expect(text).toContain('移交部门：服务部')
    expect(text).toContain('交档人：孙丽娟')
    expect(text).toContain('接收人：刘敏')
    expect(text).toContain('交接时间：2026-11-22 14:05')
  })

  it('lists every service archive under the service columns, with missing documents and the note', () => {
    const header = handoverTableHeader('service')
    expect(header).toEqual([
      '序号',
      '档案编号',
      '车架号',
      '车牌号',
      '车主',
      '维修类别',
      '任务委托书号',
      '交车日期',
      '服务顾问',
      '已交资料',
      '缺少资料'
    ])
    const table = tableWithHeader(doc, header)
    expect(table.table.headerRows).toBe(1)
    expect(table.table.dontBreakRows).toBe(true)
    expect(table.table.widths).toHaveLength(header.length)
    expect(table.table.body).toHaveLength(1 + sheet.lines.length)

    const rows = table.table.body.slice(1).map((row) => row.map((c) => textOf(c)))
    expect(rows[1]).toEqual([
      '2',
      'FW-2026-003152',
      'LFV3B28R7M3025816',
      '吉A12345',
      '欧阳晓雯',
      '首保',
      'RO202611220037',
      '2026-11-21',
      '李强',
      '任务委托书、结算单、保养表',
      '首保凭证、交车检查表\n注：首保凭证客户未带，约定11月25日补交'
    ])
    // A note alone (nothing missing) is still printed in the 缺少资料 column.
    expect(rows[2]?.[10]).toBe('注：旧件已返厂，索赔单号 SP2611-0192')
    expect(text).toContain('合计 3 份档案，资料齐全 1 份，资料不齐 2 份')
    expect(text).toContain('资料不齐时需在“缺少资料”栏注明')
  })

  it('gives a sales sheet the sales columns: delivery date and sales advisor, no repair order or visit type', () => {
    const sales = sampleSalesHandoverSheet()
    const salesDoc = handoverSheetDocument(sales)
    const header = handoverTableHeader('sales')
    expect(header).toEqual([
      '序号',
      '档案编号',
      '车架号',
      '车牌号',
      '车主',
      '交车日期',
      '销售顾问',
      '已交资料',
      '缺少资料'
    ])
    expect(header).not.toContain('任务委托书号')
    const rows = tableWithHeader(salesDoc, header)
      .table.body.slice(1)
      .map((row) => row.map((c) => textOf(c)))
    expect(rows[0]!.slice(0, 7)).toEqual(['1', 'XS2026-00871', 'LFV2A21K4S1234567', '—', '张伟', '2026-11-18', '王丽'])
    expect(rows[1]![8]).toBe('合格证复印件\n注：合格证原件在银行，复印件后补')
    expect(textOfDoc(salesDoc)).not.toContain('任务委托书号')
  })

  it('never breaks a document name inside itself: each name is one unbreakable piece, the line breaks at 、', () => {
    const sales = handoverSheetDocument(sampleSalesHandoverSheet())
    const cell = tableWithHeader(sales, handoverTableHeader('sales')).table.body[1]![7]!
    const pieces = (cell as { text: PdfInline[] }).text
    const names = pieces.filter((p): p is Exclude<PdfInline, string> => typeof p !== 'string')
    expect(names.map((n) => n.text)).toContain('交车检查PDI盖章证明复印件')
    expect(names.every((n) => n.noWrap === true)).toBe(true)
    expect(pieces.filter((p) => typeof p === 'string').every((p) => p === '、')).toBe(true)
  })

  it('has signature lines with dates for both sides', () => {
    expect(text).toMatch(/交档人（签字）.*日期.*年.*月.*日/)
    expect(text).toMatch(/接收人（签字）.*日期.*年.*月.*日/)
    const block = doc.content.find(
      (c) => typeof c === 'object' && !Array.isArray(c) && textOf(c).includes('交档人（签字）')
    )
    expect(block).toMatchObject({ unbreakable: true })
  })

  it('prints who printed it and the page count on every page', () => {
    const stamp = printStamp('刘敏', new Date('2026-11-22T06:30:00.000Z'))
    expect(stamp).toBe('打印人：刘敏\u3000打印时间：2026-11-22 14:30')
    expect(footerOf(doc, 1, 3)).toContain(stamp)
    expect(footerOf(doc, 1, 3)).toContain('第 1 页 / 共 3 页')
    expect(footerOf(doc, 3, 3)).toContain('第 3 页 / 共 3 页')
    expect(footerOf(doc, 2, 3)).toContain('JJ20261122-001')
  })

  it('ties every page to the audit chain with the print event’s sequence and short hash', () => {
    for (const page of [1, 2, 3]) expect(footerOf(doc, page, 3)).toContain('审计链 第 418 条 7c1e0f9a42d3')
  })

  it('keeps a long batch as one table whose header repeats on every page', () => {
    const long = handoverSheetDocument(sampleHandoverSheet(120))
    const tables = tablesOf(long.content).filter((t) => t.table.headerRows === 1)
    expect(tables).toHaveLength(1)
    expect(tables[0]!.table.body).toHaveLength(1 + 123)
    expect(textOf(tables[0]!.table.body[123]![0])).toBe('123')
  })

  it('prints the policy sign-off block only when the policy has one, and the policy’s title', () => {
    expect(text).not.toContain('编制')
    const svw = handoverSheetDocument(sampleSvwSkodaHandoverSheet())
    expect(svw.content[1]).toMatchObject({ text: '用户档案签收簿' })
    expect(svw.info?.title).toBe('用户档案签收簿 JJ20261124-001')
    expect(textOfDoc(svw)).toContain('移交部门：售后服务部')
    const block = tableWithHeader(svw, ['编制', '审核', '批准'])
    expect(block.unbreakable).toBe(true)
    expect(textOf(block.table.body[2])).toContain('日期')
  })

  it('labels archive types and copes with an empty batch', () => {
    expect(handoverArchiveTypeText({ kind: 'sales', visitTypeLabel: null })).toBe('销售档案')
    expect(handoverArchiveTypeText({ kind: 'service', visitTypeLabel: '首保' })).toBe('服务档案·首保')
    expect(handoverArchiveTypeText({ kind: 'service', visitTypeLabel: ' ' })).toBe('服务档案')
    const empty = handoverSheetDocument({ ...sheet, lines: [] })
    expect(textOfDoc(empty)).toContain('本次无交接档案')
    expect(textOfDoc(empty)).toContain('合计 0 份档案。')
  })

  it('does not change the sheet it was given', () => {
    const s = sampleHandoverSheet()
    const before = JSON.stringify(s)
    handoverSheetDocument(s)
    expect(JSON.stringify(s)).toBe(before)
  })
})

describe('correctionNoticeDocument', () => {
  const notice = sampleCorrectionNotice()
  const doc = correctionNoticeDocument(notice)
  const text = textOfDoc(doc)

  it('is an A4 portrait sheet titled 不合格档案记录 / 整改通知单', () => {
    expect(doc.pageOrientation).toBe('portrait')
    expect(doc.defaultStyle.font).toBe('NotoSansSC')
    expect(doc.content[1]).toMatchObject({ text: '不合格档案记录', style: 'title' })
    expect(text).toContain('整改通知单')
    expect(text).toContain('编号：BHG2026-0003')
  })

  it('identifies the archive, the responsible person and the inspection round', () => {
    for (const pair of [
      '档案编号|FW-2026-003152',
      '档案类型|服务档案·首保',
      '车架号|LFV3B28R7M3025816',
      '车牌号|吉A12345',
      '车主|欧阳晓雯',
      '检查轮次|第 2 次检查',
      '责任人|李强',
      '部门|服务部',
      '检查人|刘敏',
      '检查时间|2026-11-22 14:05',
      '执行标准|一汽-大众经销商客户档案管理标准（第 3 版）'
    ]) {
      expect(text).toContain(pair)
    }
    const noPlate = textOfDoc(correctionNoticeDocument({ ...notice, plate: null }))
    expect(noPlate).toContain('车牌号|—')
  })

  it('tables the failed items with a repeating header', () => {
    const table = tableWithHeader(doc, CORRECTION_ITEMS_HEADER)
    expect(table.table.headerRows).toBe(1)
    expect(table.table.body.slice(1).map((r) => r.map((c) => textOf(c)).join('|'))).toEqual([
      '1|任务委托书|车牌号码填写完整，不允许出现“吉A”|车牌号只写了“吉A”，缺后五位',
      '2|任务委托书|客户签名处有用户签字|客户签名处空白，无用户签字',
      '3|结算单|结算单加盖财务章（无消费发生除外）|未加盖财务章',
      '4|保养表|所有项目单位填写完整，如2.5Bar、6.5MM|胎压一栏只写数字 2.3，未写单位 Bar'
    ])
    expect(text).toContain('不合格项目（共 4 项）')
  })

  it('states the deadline prominently, in China time, with its rule', () => {
    expect(correctionDeadlineText(notice)).toBe(
      '请于 2026-11-23 14:05 前整改完毕并交回（依据：发现不合格后1个工作日内整改完毕）'
    )
    expect(correctionDeadlineText({ ...notice, dueRule: '' })).toBe('请于 2026-11-23 14:05 前整改完毕并交回')
    expect(text.replace(/\n/g, '')).toContain(correctionDeadlineText(notice))
    const box = tablesOf(doc.content).find((t) => textOf(t).startsWith('请于'))
    expect(box?.unbreakable).toBe(true)
    const heading = box?.table.body[0]?.[0]
    expect(heading && typeof heading === 'object' && 'stack' in heading ? heading.stack[0] : null).toMatchObject({
      bold: true,
      fontSize: 13
    })
  })

  it('has signature lines with dates for the inspector, the person responsible and the confirmer', () => {
    expect(correctionSignatureLabels(notice)).toEqual(['检查人（签字）', '责任人（签收）', '服务经理（确认）'])
    for (const label of correctionSignatureLabels(notice)) {
      expect(text).toMatch(new RegExp(`${label.replace(/[（）]/g, '.')}.*日期.*年.*月.*日`))
    }
    const salesNotice = correctionNoticeDocument({ ...notice, confirmerRole: null })
    expect(textOfDoc(salesNotice)).not.toContain('（确认）')
    expect(correctionSignatureLabels({ confirmerRole: null })).toEqual(['检查人（签字）', '责任人（签收）'])
  })

  it('prints who printed it and the page count on every page', () => {
    expect(footerOf(doc, 2, 2)).toContain('打印人：刘敏\u3000打印时间：2026-11-22 14:30')
    expect(footerOf(doc, 2, 2)).toContain('第 2 页 / 共 2 页')
    expect(footerOf(doc, 1, 2)).toContain('BHG2026-0003')
    expect(footerOf(doc, 1, 2)).toContain('审计链 第 421 条 e4b7a1c9d03f')
  })

  it('ends with a re-check block for the corrected file: 整改情况, 复查人签字, 复查日期', () => {
    const block = tablesOf(doc.content).find((t) => textOf(t).startsWith('复查记录'))
    expect(block?.unbreakable).toBe(true)
    const rows = block!.table.body.map((row) => row.map((c) => textOf(c)).join('|'))
    expect(rows[1]).toMatch(/^整改情况\|/)
    expect(rows[2]).toMatch(/^复查人签字\|\|复查日期\|.*年.*月.*日$/)
    expect(RECHECK_LABELS).toEqual(['整改情况', '复查人签字', '复查日期'])
  })

  it('prints the sign-off block when the policy has one', () => {
    const withBlock = correctionNoticeDocument({ ...notice, signOffBlock: ['编制', '审核', '批准'] })
    expect(textOfDoc(withBlock)).toContain('编制|审核|批准')
    expect(text).not.toContain('批准')
  })
})
