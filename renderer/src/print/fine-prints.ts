// The month's fines on paper: the 奖罚通知单 (three copies). The content is decided in shared/fines, the
// print is recorded first (its audit event goes in the footer), then the sheet goes to the printer.

import type { PrintStamp } from '@shared/audit/print-record'
import { buildFineNotice, decidedFineLines, fineTotals, monthText } from '@shared/fines/fine-notice'
import type { FineNotice, FineNoticeInput } from '@shared/fines/fine-notice'
import { fineNoticeDocument, fineNoticeRef } from '@shared/print/fine-notice-document'
import type { Repositories } from '../data/repositories'
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
 * Prints (or saves as PDF) one person's 奖罚通知单 of a month: a bad month is refused before anything is
 * recorded; the print is logged with its totals, then the notice built with that stamp goes out.
 */
export async function printFineNotice(
  repositories: Pick<Repositories, 'fineReports'>,
  platform: Pick<Platform, 'printPdf' | 'saveFile'>,
  request: FineNoticeRequest,
  how: PrintOutput = 'print'
): Promise<FineNotice> {
  monthText(request.month)
  const { lines } = decidedFineLines(request.person.id, request.month, request.violations, request.lines, request.fines)
  const totals = fineTotals(lines)
  const stamp = await repositories.fineReports.recordPrint({
    document: 'fineNotice',
    month: request.month,
    personId: request.person.id,
    personName: request.person.name,
    lines: lines.length,
    totalYuan: totals.yuan,
    totalKpiPoints: totals.kpiPoints
  })
  const notice = buildFineNotice({ ...request, ...stamp })
  const doc = fineNoticeDocument(notice)
  const title = fineNoticeRef(notice).replaceAll(' ', '-')
  if (how === 'print') await printDocument(platform, title, doc)
  else await savePdf(platform, `${title}.pdf`, doc)
  return notice
}
