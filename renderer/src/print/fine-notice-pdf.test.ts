// @vitest-environment node
// The 奖罚通知单 rendered with the real font and read back with pdf.js: three copies, the doubled line, the
// totals in figures and in 大写, the signatures and the print's audit event.

// eslint-disable-next-line no-restricted-imports -- the test reads the font files from disk instead of fetching them
import { mkdir, readFile, writeFile } from 'node:fs/promises'
// eslint-disable-next-line no-restricted-imports -- see above
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { buildFineNotice } from '@shared/fines/fine-notice'
import { sampleFineMonth, SVW_FINES } from '../../../tests/fixtures/fine-samples'
import { configureFontSource } from './render-pdf'
import { fineNoticePdf } from './fine-prints'

const root = resolve(import.meta.dirname, '../../..')
const fontDir = resolve(root, 'node_modules/@expo-google-fonts/noto-sans-sc')
const samplesDir = resolve(root, 'out/print-samples')

beforeAll(async () => {
  configureFontSource(async () => {
    const [regular, bold] = await Promise.all([
      readFile(resolve(fontDir, '400Regular/NotoSansSC_400Regular.ttf')),
      readFile(resolve(fontDir, '700Bold/NotoSansSC_700Bold.ttf'))
    ])
    return { regular, bold }
  })
  await mkdir(samplesDir, { recursive: true })
})

async function pagesOf(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise
  const pages: string[] = []
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent()
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join('')
        .replace(/\s+/g, '')
    )
  }
  await pdf.destroy()
  return pages
}

const STAMP = {
  printedBy: '赵敏',
  printedAt: '2026-12-01T02:00:00.000Z',
  auditHead: { deviceSeq: 88, hash: '5e0c1f9a7b3d2e4f6a8c0b1d3e5f7a9c1b3d5e7f9a0c2e4b6d8f0a1c3e5b7d9f' }
}

describe('奖罚通知单 PDF', () => {
  it('prints three copies, each with the lines, the doubled amount, the totals in 大写 and four signatures', async () => {
    const { violations, lines } = sampleFineMonth()
    const notice = buildFineNotice({
      dealershipName: '长春恒信斯柯达4S店',
      person: { id: 'staff-wang', name: '王磊', roleLabel: '销售顾问', department: '销售部' },
      month: '2026-11',
      violations,
      lines,
      fines: SVW_FINES,
      ...STAMP
    })
    const bytes = await fineNoticePdf(notice)
    await writeFile(resolve(samplesDir, 'fine-notice.pdf'), bytes)
    const pages = await pagesOf(bytes)
    expect(pages).toHaveLength(3)
    const copies = ['（本人联）', '（财务联）', '（部门联）']
    pages.forEach((text, i) => {
      expect(text).toContain(copies[i])
      for (const other of copies.filter((_, j) => j !== i)) expect(text).not.toContain(other)
      for (const expected of [
        '长春恒信斯柯达4S店',
        '奖罚通知单',
        '王磊',
        '销售顾问',
        '2026年11月',
        '上汽大众斯柯达五.1',
        'SK-2026-00101',
        '50元/车次',
        '×2',
        '100.00',
        '20元/项',
        '80.00',
        '230.00',
        '人民币贰佰叁拾元整',
        '被处罚人（签字）',
        '部门负责人（签字）',
        '客户总监（签字）',
        '财务（签收）',
        '审计链第88条5e0c1f9a7b3d',
        `第${i + 1}页/共3页`
      ])
        expect(text).toContain(expected)
      // 李强's violations are on his own notice, not on this one.
      expect(text).not.toContain('李强')
    })
  })

  it('leaves a waived violation off and prints an adjusted one at its adjusted amount with the reason', async () => {
    const { violations, lines } = sampleFineMonth()
    const notice = buildFineNotice({
      dealershipName: '长春恒信斯柯达4S店',
      person: { id: 'staff-li', name: '李强', roleLabel: '服务顾问', department: '售后服务部' },
      month: '2026-11',
      violations,
      lines,
      fines: SVW_FINES,
      ...STAMP,
      payCutPercent: 10
    })
    const [first] = await pagesOf(await fineNoticePdf(notice))
    expect(first).toContain('上汽大众斯柯达五.3')
    expect(first).not.toContain('上汽大众斯柯达五.4')
    expect(first).toContain('调整：其中一项为系统打印缺陷，按两项计')
    expect(first).toContain('人民币玖拾元整')
    expect(first).toContain('当月绩效工资扣罚：10%')
  })
})
