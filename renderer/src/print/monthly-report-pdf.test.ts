// @vitest-environment node
// The department's monthly report as PDF: the figures read back with pdf.js, and the two ECharts trend
// charts drawn into it as vectors (their axis labels and legends are text in the PDF).

// eslint-disable-next-line no-restricted-imports -- the test reads the font files from disk instead of fetching them
import { mkdir, readFile, writeFile } from 'node:fs/promises'
// eslint-disable-next-line no-restricted-imports -- see above
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { getPreset } from '@shared/policy'
import type { MonthRecords } from '@shared/department-report/monthly-report'
import { monthlyReport } from '@shared/department-report/monthly-report'
import { sampleFineMonth } from '../../../tests/fixtures/fine-samples'
import { configureFontSource, renderPdf } from './render-pdf'
import { monthlyReportDefinition, PRINT_CHART_LABELS } from './fine-prints'
import { ratesTrendSvg } from '../charts/report-charts'

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

function sampleReport() {
  const faw = getPreset('faw-vw')
  const { violations, lines } = sampleFineMonth()
  const months: MonthRecords[] = Array.from({ length: 12 }, (_, i) => {
    const month = i === 0 ? '2025-12' : `2026-${String(i).padStart(2, '0')}`
    const archive = (id: string, department: 'sales' | 'service', advisorName: string) => ({
      id,
      department,
      advisorName,
      handInDueAt: `${month}-10T02:00:00.000Z`,
      handedOverAt: `${month}-10T01:00:00.000Z`
    })
    return {
      month,
      due: Array.from({ length: 20 }, (_, j) => ({
        ...archive(`${month}-${j}`, j % 2 ? 'sales' : 'service', j % 2 ? '王磊' : '李强'),
        ...(j < i % 4 ? { handedOverAt: `${month}-12T01:00:00.000Z` } : {})
      })),
      firstRounds: Array.from({ length: 50 }, (_, j) => ({
        archive: archive(`${month}-r${j}`, j % 2 ? 'sales' : 'service', j % 2 ? '王磊' : '李强'),
        quality: { complete: j !== 0 || i % 3 !== 0, authentic: j > 1, conforming: j > 2 }
      })),
      violations: i === 11 ? violations : [],
      lines: i === 11 ? lines : []
    }
  })
  return monthlyReport(months, faw.fines, '2026-12-01T02:00:00.000Z')
}

describe('档案管理月度报告 PDF', () => {
  it('prints the targets, the departments, the advisors and both trend charts', async () => {
    const report = sampleReport()
    const bytes = await renderPdf(
      monthlyReportDefinition(report, {
        dealershipName: '长春一汽大众4S店',
        printedBy: '张丽',
        printedAt: '2026-12-01T02:00:00.000Z',
        auditHead: { deviceSeq: 12, hash: '0f'.repeat(32) }
      })
    )
    await writeFile(resolve(samplesDir, 'monthly-report.pdf'), bytes)
    const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise
    let text = ''
    for (let p = 1; p <= pdf.numPages; p++)
      text += (await (await pdf.getPage(p)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('')
    await pdf.destroy()
    text = text.replace(/\s+/g, '')
    for (const expected of [
      '档案管理月度报告',
      '2026年11月',
      '质量目标',
      '档案完整性',
      '≥99%',
      '达标',
      '售后服务部',
      '销售部',
      '王磊',
      '230.00',
      '档案上交及时率、档案完整性纳入部门负责人绩效考核',
      '近12个月趋势',
      // From the charts: their titles, legends and month axis, drawn as text.
      '档案质量（%）',
      '罚款与考核扣分',
      '12月',
      '11月',
      '档案完整性目标99%',
      '审计链第12条'
    ])
      expect(text).toContain(expected)
  })

  it('draws the trend as SVG with one point per month and the target line', () => {
    const svg = ratesTrendSvg(sampleReport(), PRINT_CHART_LABELS, { width: 500, height: 240 })
    expect(svg.startsWith('<svg')).toBe(true)
    expect(svg).toContain('1月')
    expect(svg).toContain('档案完整性目标 99%')
  })
})
