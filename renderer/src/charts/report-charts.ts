// The monthly report's 12-month trend charts, drawn by ECharts on the server-side path (SSR, SVG renderer):
// the same SVG string goes on the dashboard and into the report PDF (a pdfmake svg node), so the screen and
// the paper show one drawing. Only the parts used are imported, so the bundle keeps what it draws.

import * as echarts from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'
import type { MonthlyReport } from '@shared/department-report/monthly-report'
import type { QualityMetric } from '@shared/policy/fine-schedule'
import { PRINT_FONT } from '@shared/print'

echarts.use([LineChart, BarChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, SVGRenderer])

export interface ChartLabels {
  ratesTitle: string
  finesTitle: string
  timeliness: string
  completeness: string
  authenticity: string
  nonconformity: string
  yuan: string
  kpiPoints: string
  /** '目标 99%' for a metric's target line. */
  target: (metric: QualityMetric, percent: number) => string
  /** '11月' for 'YYYY-MM'. */
  month: (month: string) => string
}

export interface ChartSize {
  width: number
  height: number
  /** The font family of every text: the PDF's registered CJK font for print, the page's for the screen. */
  fontFamily?: string
}

const COLORS = ['#1f6feb', '#2da44e', '#8250df', '#cf222e']

function render(option: echarts.EChartsCoreOption, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height })
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: size.fontFamily ?? PRINT_FONT }, ...option })
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

/** Timeliness, completeness, authenticity and nonconformity (%) over the 12 months, with the policy's targets. */
export function ratesTrendSvg(report: MonthlyReport, labels: ChartLabels, size: ChartSize): string {
  const months = report.trend.map((m) => labels.month(m.month))
  const series: { name: string; key: 'timeliness' | 'completeness' | 'authenticity' | 'nonconformity' }[] = [
    { name: labels.timeliness, key: 'timeliness' },
    { name: labels.completeness, key: 'completeness' },
    { name: labels.authenticity, key: 'authenticity' },
    { name: labels.nonconformity, key: 'nonconformity' }
  ]
  return render(
    {
      color: COLORS,
      title: { text: labels.ratesTitle, left: 'center', textStyle: { fontSize: 13 } },
      legend: { bottom: 0, textStyle: { fontSize: 11 } },
      grid: { left: 44, right: 16, top: 44, bottom: 48 },
      xAxis: { type: 'category', data: months, axisLabel: { fontSize: 10 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%', fontSize: 10 } },
      series: series.map(({ name, key }) => {
        const target = report.targets.find((t) => t.metric === key)
        return {
          name,
          type: 'line',
          connectNulls: false,
          symbolSize: 5,
          data: report.trend.map((m) => m[key].percent),
          ...(target
            ? {
                markLine: {
                  symbol: 'none',
                  silent: true,
                  lineStyle: { type: 'dashed' },
                  label: {
                    formatter: labels.target(target.metric, target.minPercent),
                    position: 'insideStartBottom',
                    fontSize: 10
                  },
                  data: [{ yAxis: target.minPercent }]
                }
              }
            : {})
        }
      })
    },
    size
  )
}

/** Fines (yuan, bars) and KPI points (line) per month. */
export function finesTrendSvg(report: MonthlyReport, labels: ChartLabels, size: ChartSize): string {
  return render(
    {
      color: ['#bf8700', '#cf222e'],
      title: { text: labels.finesTitle, left: 'center', textStyle: { fontSize: 13 } },
      legend: { bottom: 0, textStyle: { fontSize: 11 } },
      grid: { left: 52, right: 44, top: 52, bottom: 48 },
      xAxis: { type: 'category', data: report.trend.map((m) => labels.month(m.month)), axisLabel: { fontSize: 10 } },
      yAxis: [
        { type: 'value', name: labels.yuan, nameTextStyle: { fontSize: 10 }, axisLabel: { fontSize: 10 } },
        { type: 'value', name: labels.kpiPoints, nameTextStyle: { fontSize: 10 }, axisLabel: { fontSize: 10 } }
      ],
      series: [
        { name: labels.yuan, type: 'bar', barMaxWidth: 18, data: report.trend.map((m) => m.yuan) },
        {
          name: labels.kpiPoints,
          type: 'line',
          yAxisIndex: 1,
          symbolSize: 5,
          data: report.trend.map((m) => m.kpiPoints)
        }
      ]
    },
    size
  )
}
