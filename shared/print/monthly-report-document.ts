// 档案管理月度报告: the department's month on paper — the policy's targets measured, the rates per department
// that feed the department heads' review (SVW-Skoda 五.8), per advisor, fines and KPI points, and the
// 12-month trend charts (SVG drawn by the renderer with ECharts, the same drawing the dashboard shows).

import { printStamp } from '../export/export-stamp'
import { DEPARTMENT_LABELS } from '../operators/roles'
import { QUALITY_METRIC_LABELS } from '../policy/fine-schedule'
import type { GroupFigures, MonthlyReport, Rate } from '../department-report/monthly-report'
import type { AuditHead } from '../audit/audit-chain'
import type { PdfContent, PdfDocumentDefinition, PdfTable } from './pdf-definition'
import {
  cjkTextWidth,
  gridLayout,
  pageFooter,
  PRINT_CREATOR,
  PRINT_DEFAULT_STYLE,
  PRINT_STYLES,
  signatureLine
} from './print-layout'
import { yuanFigures } from '../fines/capital-amount'

const MARGINS: [number, number, number, number] = [40, 36, 40, 48]

export const MONTHLY_REPORT_TITLE = '档案管理月度报告'

export interface MonthlyReportSheet {
  report: MonthlyReport
  dealershipName: string
  /** The trend charts as SVG markup, in order (rates, fines). */
  charts: readonly string[]
  printedBy: string
  printedAt: string
  auditHead: AuditHead
}

export const RATE_HEADERS = ['上交及时率', '完整率', '真实率', '不合格率', '罚款(元)', '考核(分)'] as const

/** '98.5%', or '—' when nothing was counted. */
export function rateText(rate: Rate): string {
  return rate.percent === null ? '—' : `${rate.percent}%`
}

const td = (text: string, alignment: 'left' | 'right' | 'center' = 'right') => ({
  text,
  style: 'td',
  alignment
})

function figuresRow(name: string, f: GroupFigures): PdfContent[] {
  return [
    td(name, 'left'),
    td(`${rateText(f.timeliness)}（${f.timeliness.count}/${f.timeliness.of}）`),
    td(rateText(f.completeness)),
    td(rateText(f.authenticity)),
    td(`${rateText(f.nonconformity)}（${f.nonconformity.count}/${f.nonconformity.of}）`),
    td(yuanFigures(f.yuan)),
    td(String(f.kpiPoints))
  ]
}

function figuresTable(first: string, rows: PdfContent[][]): PdfTable {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: ['*', 84, 50, 50, 78, 58, 44],
      body: [[first, ...RATE_HEADERS].map((h) => ({ text: h, style: 'th' })), ...rows]
    },
    layout: gridLayout(1)
  }
}

function targetsTable(report: MonthlyReport): PdfContent[] {
  if (report.targets.length === 0) return []
  return [
    { text: '质量目标', style: 'section' },
    {
      table: {
        headerRows: 1,
        widths: ['*', 60, 60, 60, 150],
        body: [
          ['指标', '目标', '本月', '是否达标', '依据'].map((h) => ({ text: h, style: 'th' })),
          ...report.targets.map((t) => [
            td(QUALITY_METRIC_LABELS[t.metric], 'left'),
            td(`≥ ${t.minPercent}%`),
            td(t.percent === null ? '—' : `${t.percent}%`),
            { ...td(t.met === null ? '无数据' : t.met ? '达标' : '未达标', 'center'), bold: t.met === false },
            td(t.clause, 'left')
          ])
        ]
      },
      layout: gridLayout(1)
    }
  ]
}

export function monthlyReportDocument(sheet: MonthlyReportSheet): PdfDocumentDefinition {
  const { report } = sheet
  const ref = `${MONTHLY_REPORT_TITLE} ${report.monthText}`
  const stamp = printStamp(sheet.printedBy, new Date(sheet.printedAt))
  const review = report.reviewMetrics.map((m) => QUALITY_METRIC_LABELS[m]).join('、')
  const signatures = ['编制人（签字）', '客户总监（审核）']
  const labelWidth = Math.max(...signatures.map((l) => cjkTextWidth(l, 11))) + 8
  const content: PdfContent[] = [
    { text: sheet.dealershipName, style: 'org' },
    { text: MONTHLY_REPORT_TITLE, style: 'title' },
    { text: report.monthText, style: 'subtitle' },
    ...targetsTable(report),
    { text: '各部门', style: 'section' },
    figuresTable('部门', [
      ...report.current.byDepartment.map((d) => figuresRow(DEPARTMENT_LABELS_BY_KEY[d.department], d)),
      figuresRow('合计', report.current).map((cell) => (typeof cell === 'object' ? { ...cell, bold: true } : cell))
    ]),
    ...(review === ''
      ? []
      : [
          {
            text: `${review}纳入部门负责人绩效考核。`,
            style: 'note',
            margin: [0, 3, 0, 0] as [number, number, number, number]
          }
        ]),
    { text: '各顾问', style: 'section' },
    figuresTable(
      '顾问',
      report.current.byAdvisor.length === 0
        ? [[{ ...td('（本月无记录）', 'center'), colSpan: 7 }, '', '', '', '', '', '']]
        : report.current.byAdvisor.map((a) => figuresRow(a.advisor, a))
    ),
    { text: '近12个月趋势', style: 'section', pageBreak: 'before' },
    ...sheet.charts.map((svg) => ({ svg, width: 515, margin: [0, 4, 0, 8] as [number, number, number, number] })),
    {
      unbreakable: true,
      margin: [0, 10, 0, 0],
      stack: signatures.map((label) => ({ ...signatureLine(label, 150, labelWidth), margin: [0, 12, 0, 0] }))
    }
  ]
  return {
    info: { title: ref, subject: `${sheet.dealershipName} ${ref}`, creator: PRINT_CREATOR },
    language: 'zh-CN',
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins: MARGINS,
    content,
    footer: pageFooter(stamp, ref, sheet.auditHead, MARGINS[0], MARGINS[2]),
    defaultStyle: { ...PRINT_DEFAULT_STYLE },
    styles: PRINT_STYLES
  }
}

const DEPARTMENT_LABELS_BY_KEY: Readonly<Record<'sales' | 'service' | 'customer_care', string>> = {
  sales: DEPARTMENT_LABELS.sales,
  service: DEPARTMENT_LABELS.service,
  customer_care: DEPARTMENT_LABELS.customer_care
}
