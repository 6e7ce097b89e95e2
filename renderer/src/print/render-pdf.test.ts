// @vitest-environment node
// Renders both sheets with the real Noto Sans SC font and reads the text back out of the PDFs with pdf.js.
// Node environment: pdf.js's Node build and pdfmake both run there without DOM shims.

// eslint-disable-next-line no-restricted-imports -- the test reads the font files from disk instead of fetching them
import { mkdir, readFile, writeFile } from 'node:fs/promises'
// eslint-disable-next-line no-restricted-imports -- see above
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { TDocumentDefinitions } from 'pdfmake/interfaces'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { correctionDeadlineText, correctionNoticeDocument, handoverSheetDocument } from '@shared/print'
import {
  sampleCorrectionNotice,
  sampleHandoverSheet,
  sampleSalesHandoverSheet,
  sampleSvwSkodaHandoverSheet
} from '../../../tests/fixtures/print-samples'
import type { PdfDocumentDefinition } from '@shared/print'
import { printStamp } from '@shared/export/export-stamp'
import { configureFontSource, renderPdf } from './render-pdf'
import { printDocument, savePdf } from './print-document'
import type { Platform } from '../platform/platform'

const root = resolve(import.meta.dirname, '../../..')
const fontDir = resolve(root, 'node_modules/@expo-google-fonts/noto-sans-sc')
const samplesDir = resolve(root, 'out/print-samples')

// Our own definition types must stay assignable to pdfmake's.
const _compatible: (doc: PdfDocumentDefinition) => TDocumentDefinitions = (doc) => doc

interface PdfText {
  pages: number
  /** All text, whitespace removed (pdf.js splits runs and inserts spaces where glyphs are spaced). */
  compact: string
  raw: string
}

async function readPdfText(bytes: Uint8Array): Promise<PdfText> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise
  let raw = ''
  for (let p = 1; p <= pdf.numPages; p++) {
    const page = await pdf.getPage(p)
    const content = await page.getTextContent()
    raw += content.items.map((item) => ('str' in item ? item.str : '')).join('') + '\n'
  }
  const pages = pdf.numPages
  await pdf.destroy()
  return { pages, raw, compact: raw.replace(/\s+/g, '') }
}

const compact = (s: string): string => s.replace(/\s+/g, '')

const fontReads = vi.fn(async () => {
  const [regular, bold] = await Promise.all([
    readFile(resolve(fontDir, '400Regular/NotoSansSC_400Regular.ttf')),
    readFile(resolve(fontDir, '700Bold/NotoSansSC_700Bold.ttf'))
  ])
  return { regular, bold }
})

beforeAll(async () => {
  configureFontSource(fontReads)
  await mkdir(samplesDir, { recursive: true })
})

describe('renderPdf', () => {
  it('prints the handover sheet with extractable Chinese text and an embedded font', async () => {
    const sheet = sampleHandoverSheet()
    const doc = handoverSheetDocument(sheet)
    const bytes = await renderPdf(doc)
    await writeFile(resolve(samplesDir, 'handover.pdf'), bytes)

    expect(bytes.byteLength).toBeGreaterThan(20_000)
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-')
    expect(new TextDecoder('latin1').decode(bytes)).toMatch(/\/FontFile2/)

    const text = await readPdfText(bytes)
    expect(text.pages).toBe(1)
    for (const expected of [
      '档案交接表',
      sheet.dealershipName,
      sheet.number,
      '2026-11-2214:05',
      '序号',
      '档案编号',
      '车架号',
      '任务委托书号',
      '已交资料',
      '缺少资料',
      '维修类别',
      '交车日期',
      '服务顾问',
      'FW-2026-003150',
      'FW-2026-003152',
      'FW-2026-003153',
      'LFV2A21K4S1234567',
      '吉A12345',
      '张伟',
      '欧阳晓雯',
      '长春市宏达物流有限公司',
      '首保',
      'RO202611220037',
      '2026-11-21',
      '首保凭证、交车检查表',
      '首保凭证客户未带，约定11月25日补交',
      '交档人（签字）',
      '接收人（签字）',
      '日期',
      compact(printStamp(sheet.printedBy, new Date(sheet.printedAt))),
      '第1页/共1页'
    ]) {
      expect(text.compact).toContain(expected)
    }
    // No tofu / replacement characters: every glyph mapped back to a real character.
    expect(text.raw).not.toMatch(/[\uFFFD\u25A1]/)
    expect(text.raw).toMatch(/[\u4E00-\u9FFF]/)
  })

  it('prints a sales sheet without the repair-order column, with delivery dates and whole document names', async () => {
    const sheet = sampleSalesHandoverSheet()
    const bytes = await renderPdf(handoverSheetDocument(sheet))
    await writeFile(resolve(samplesDir, 'handover-sales.pdf'), bytes)
    const text = await readPdfText(bytes)
    expect(text.pages).toBe(1)
    for (const expected of [
      '交车日期',
      '销售顾问',
      '2026-11-18',
      '2026-11-20',
      'XS2026-00872',
      '交车检查PDI盖章证明复印件',
      '合格证原件在银行'
    ]) {
      expect(text.compact).toContain(expected)
    }
    expect(text.compact).not.toContain('任务委托书号')
    expect(text.compact).not.toContain('维修类别')
  })

  it('prints an SVW-Skoda sheet as the policy names it: 《用户档案签收簿》 from 售后服务部, with 编制/审核/批准', async () => {
    // SVW-Skoda 二.5「客户档案管理员应建立《用户档案签收薄》」(薄 misprinted for 簿); 四.2「售后档案由售后服务部…」
    const sheet = sampleSvwSkodaHandoverSheet()
    const bytes = await renderPdf(handoverSheetDocument(sheet))
    await writeFile(resolve(samplesDir, 'handover-svw-skoda.pdf'), bytes)
    const text = await readPdfText(bytes)
    for (const expected of [
      '用户档案签收簿',
      '移交部门：售后服务部',
      '编制',
      '审核',
      '批准',
      '用户档案签收簿JJ20261124-001'
    ])
      expect(text.compact).toContain(expected)
    expect(text.compact).not.toContain('档案交接表')
  })

  it('prints the correction notice with the deadline, the failed items and the signatures', async () => {
    const notice = sampleCorrectionNotice()
    const bytes = await renderPdf(correctionNoticeDocument(notice))
    await writeFile(resolve(samplesDir, 'correction-notice.pdf'), bytes)

    expect(bytes.byteLength).toBeGreaterThan(20_000)
    const text = await readPdfText(bytes)
    for (const expected of [
      '不合格档案记录',
      '整改通知单',
      notice.number,
      'FW-2026-003152',
      'LFV3B28R7M3025816',
      '欧阳晓雯',
      '第2次检查',
      compact(correctionDeadlineText(notice)),
      '请于2026-11-2314:05前整改完毕并交回',
      '车牌号只写了“吉A”，缺后五位',
      '客户签名处空白，无用户签字',
      '检查人（签字）',
      '责任人（签收）',
      '服务经理（确认）',
      '复查记录',
      '整改情况',
      '复查人签字',
      '复查日期',
      '第1页/共1页'
    ]) {
      expect(text.compact).toContain(expected)
    }
    expect(text.raw).not.toMatch(/[\uFFFD\u25A1]/)
  })

  it('runs a long sheet onto more pages, repeating the table header and numbering every page', async () => {
    const bytes = await renderPdf(
      handoverSheetDocument({ ...sampleHandoverSheet(40), signOffBlock: ['编制', '审核', '批准'] })
    )
    await writeFile(resolve(samplesDir, 'handover-long.pdf'), bytes)
    const pdf = await readPdfText(bytes)
    expect(pdf.pages).toBeGreaterThan(1)
    expect(pdf.compact).toContain(`第${pdf.pages}页/共${pdf.pages}页`)
    expect(pdf.compact.split('任务委托书号').length - 1).toBe(pdf.pages)
    expect(pdf.compact).toContain('编制')
    expect(pdf.compact).toContain('批准')
  })

  it('loads the font once and leaves the definition it was given untouched', async () => {
    const doc = correctionNoticeDocument(sampleCorrectionNotice())
    const before = JSON.stringify(doc)
    await renderPdf(doc)
    await renderPdf(doc)
    expect(JSON.stringify(doc)).toBe(before)
    expect(fontReads).toHaveBeenCalledTimes(1)
  })
})

describe('printDocument / savePdf', () => {
  it('hands the rendered bytes to the platform', async () => {
    const printPdf = vi.fn<Platform['printPdf']>(async () => undefined)
    const saveFile = vi.fn<Platform['saveFile']>(async () => true)
    const doc = handoverSheetDocument(sampleHandoverSheet())

    await printDocument({ printPdf }, '档案交接表 JJ20261122-001', doc)
    expect(printPdf).toHaveBeenCalledTimes(1)
    const [title, printed] = printPdf.mock.calls[0]!
    expect(title).toBe('档案交接表 JJ20261122-001')
    expect(printed.buffer).toBeInstanceOf(ArrayBuffer)
    expect(printed.byteLength).toBeGreaterThan(20_000)

    await expect(savePdf({ saveFile }, '档案交接表-JJ20261122-001', doc)).resolves.toBe(true)
    expect(saveFile).toHaveBeenCalledWith('档案交接表-JJ20261122-001.pdf', expect.any(Uint8Array), [
      { name: 'PDF', extensions: ['pdf'] }
    ])
  })
})
