// The month's fines on paper: the 奖罚通知单 (three copies). The content is decided in shared/fines, the
// print is recorded first (its audit event goes in the footer), then the sheet goes to the printer.

import type { PrintStamp } from '@shared/audit/print-record'
import type { PdfDocumentDefinition } from '@shared/print/pdf-definition'
import { buildFineNotice, decidedFineLines, fineTotals, monthText } from '@shared/fines/fine-notice'
import type { FineNotice, FineNoticeInput } from '@shared/fines/fine-notice'
import { fineNoticeDocument, fineNoticeRef } from '@shared/print/fine-notice-document'
import { buildFineStatement, type FineStatement } from '@shared/fines/fine-statement'
import { fineStatementDocument, fineStatementRef } from '@shared/print/fine-statement-document'
import type { FinePrintStamp, Repositories } from '../data/repositories'
import type { MonthlyReport } from '@shared/department-report/monthly-report'
import { MONTHLY_REPORT_TITLE, monthlyReportDocument } from '@shared/print/monthly-report-document'
import { QUALITY_METRIC_LABELS } from '@shared/policy/fine-schedule'
import { type ChartLabels, finesTrendSvg, ratesTrendSvg } from '../charts/report-charts'
import type { Platform } from '../platform'
import { printDocument, savePdf } from './print-document'
import { renderPdf } from './render-pdf'

export type PrintOutput = 'print' | 'save'

/** What the month's screen hands in: the person, the month, its violations and lines, the policy's fines. */
export type FineNoticeRequest = Omit<FineNoticeInput, keyof PrintStamp | 'dealershipName'>

/** The notice's PDF bytes (three copies); for tests and previews. */
export function fineNoticePdf(notice: FineNotice): Promise<Uint8Array<ArrayBuffer>> {
  return renderPdf(fineNoticeDocument(notice))
}

/**
 * Records the print of one person's month (a bad month refused before anything is recorded) with the
 * decided lines' totals, then builds the paper with that stamp and prints or saves it.
 */
async function printPersonMonth<T>(
  repositories: Pick<Repositories, 'fineReports'>,
  platform: Pick<Platform, 'printPdf' | 'saveFile'>,
  request: FineNoticeRequest,
  how: PrintOutput,
  paper: {
    document: 'fineNotice' | 'fineStatement'
    build: (input: FineNoticeInput) => T
    toPdf: (built: T) => PdfDocumentDefinition
    ref: (built: T) => string
  }
): Promise<T> {
  monthText(request.month)
  const { lines } = decidedFineLines(request.person.id, request.month, request.violations, request.lines, request.fines)
  const totals = fineTotals(lines)
  const stamp = await repositories.fineReports.recordPrint({
    document: paper.document,
    month: request.month,
    personId: request.person.id,
    personName: request.person.name,
    lines: lines.length,
    totalYuan: totals.yuan,
    totalKpiPoints: totals.kpiPoints
  })
  const built = paper.build({ ...request, ...stamp })
  const doc = paper.toPdf(built)
  const title = paper.ref(built).replaceAll(' ', '-')
  if (how === 'print') await printDocument(platform, title, doc)
  else await savePdf(platform, `${title}.pdf`, doc)
  return built
}

/** Prints (or saves as PDF) one person's 奖罚通知单 of a month, in three copies; the print is recorded first. */
export function printFineNotice(
  repositories: Pick<Repositories, 'fineReports'>,
  platform: Pick<Platform, 'printPdf' | 'saveFile'>,
  request: FineNoticeRequest,
  how: PrintOutput = 'print'
): Promise<FineNotice> {
  return printPersonMonth(repositories, platform, request, how, {
    document: 'fineNotice',
    build: buildFineNotice,
    toPdf: fineNoticeDocument,
    ref: fineNoticeRef
  })
}

/**
 * Prints (or saves as PDF) one person's 月度奖罚明细: charged, waived and still undecided violations of the
 * month; recorded first, as the notice is.
 */
export function printFineStatement(
  repositories: Pick<Repositories, 'fineReports'>,
  platform: Pick<Platform, 'printPdf' | 'saveFile'>,
  request: FineNoticeRequest,
  how: PrintOutput = 'print'
): Promise<FineStatement> {
  return printPersonMonth(repositories, platform, request, how, {
    document: 'fineStatement',
    build: buildFineStatement,
    toPdf: fineStatementDocument,
    ref: fineStatementRef
  })
}

/** The statement's PDF bytes; for tests and previews. */
export function fineStatementPdf(statement: FineStatement): Promise<Uint8Array<ArrayBuffer>> {
  return renderPdf(fineStatementDocument(statement))
}

/** The chart words on paper: the report prints in Chinese whatever the screen's language. */
export const PRINT_CHART_LABELS: ChartLabels = {
  ratesTitle: '档案质量（%）',
  finesTitle: '罚款与考核扣分',
  timeliness: QUALITY_METRIC_LABELS.timeliness,
  completeness: QUALITY_METRIC_LABELS.completeness,
  authenticity: QUALITY_METRIC_LABELS.authenticity,
  nonconformity: '不合格率',
  yuan: '罚款（元）',
  kpiPoints: '考核扣分',
  target: (metric, percent) => `${QUALITY_METRIC_LABELS[metric]}目标 ${percent}%`,
  month: (month) => `${Number(month.slice(5))}月`
}

/** The report's PDF definition: the figures and the two trend charts (515 × 260 pt each). */
export function monthlyReportDefinition(
  report: MonthlyReport,
  stamp: FinePrintStamp
): ReturnType<typeof monthlyReportDocument> {
  const size = { width: 515, height: 260 }
  return monthlyReportDocument({
    report,
    dealershipName: stamp.dealershipName,
    charts: [ratesTrendSvg(report, PRINT_CHART_LABELS, size), finesTrendSvg(report, PRINT_CHART_LABELS, size)],
    printedBy: stamp.printedBy,
    printedAt: stamp.printedAt,
    auditHead: stamp.auditHead
  })
}

/** Prints (or saves as PDF) the department's monthly report: read, recorded as printed, then drawn. */
export async function printMonthlyReport(
  repositories: Pick<Repositories, 'fineReports'>,
  platform: Pick<Platform, 'printPdf' | 'saveFile'>,
  month: string,
  how: PrintOutput = 'print'
): Promise<MonthlyReport> {
  const report = await repositories.fineReports.monthlyReport(month)
  const stamp = await repositories.fineReports.recordPrint({ document: 'monthlyReport', month })
  const doc = monthlyReportDefinition(report, stamp)
  const title = `${MONTHLY_REPORT_TITLE}-${report.monthText}`
  if (how === 'print') await printDocument(platform, title, doc)
  else await savePdf(platform, `${title}.pdf`, doc)
  return report
}
