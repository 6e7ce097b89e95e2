import { correctionNoticeDocument } from '@shared/print/correction-notice-document'
import { handoverSheetDocument } from '@shared/print/handover-sheet-document'
import { envelopeCoverDocument, shelfLabelsDocument } from '@shared/print/envelope-cover-document'
import { loanRegisterDocument, loanSlipDocument } from '@shared/print/loan-documents'
import type { ShelfPlace } from '@shared/folders/envelope-cover'
import {
  destructionListDocument,
  sealingTransferListDocument,
  storageInspectionDocument
} from '@shared/print/keeping-sheets-document'
import { reconciliationReportDocument } from '@shared/print/reconciliation-report-document'
import type { LoanFilter, ReconciliationReportKind, Repositories } from '../data/repositories'
import type { Platform } from '../platform'
import { printDocument, savePdf } from './print-document'

type Output = 'print' | 'save'

async function output(
  platform: Platform,
  how: Output,
  title: string,
  doc: Parameters<typeof printDocument>[2]
): Promise<void> {
  if (how === 'print') await printDocument(platform, title, doc)
  else await savePdf(platform, `${title}.pdf`, doc)
}

/**
 * Prints (or saves as PDF) the 《不合格档案记录》 of the archive's latest round: the content is read, then
 * the print is recorded (its audit event goes in the footer), then the sheet goes to the printer.
 */
export async function printCorrectionNotice(
  repositories: Repositories,
  platform: Platform,
  archiveId: string,
  how: Output = 'print'
): Promise<void> {
  const notice = await repositories.archives.correctionNotice(archiveId)
  const stamp = await repositories.archives.recordPrint({ document: 'correctionNotice', archiveId })
  await output(platform, how, `${notice.title}-${notice.archiveNo}`, correctionNoticeDocument({ ...notice, ...stamp }))
}

/** Prints (or saves as PDF) the handover register of a handover, recorded as printed first (see above). */
export async function printHandoverSheet(
  repositories: Repositories,
  platform: Platform,
  handoverId: string,
  how: Output = 'print'
): Promise<void> {
  const sheet = await repositories.handovers.sheet(handoverId)
  const stamp = await repositories.archives.recordPrint({ document: 'handoverSheet', handoverId })
  await output(platform, how, `${sheet.title}-${sheet.number}`, handoverSheetDocument({ ...sheet, ...stamp }))
}

/** Code 128 of `text` as SVG (bwip-js, loaded with the first cover printed): what a cheap USB scanner reads. */
export async function code128Svg(text: string): Promise<string> {
  const { code128, drawingSVG } = await import('bwip-js/browser')
  return code128({ bcid: 'code128', text, scale: 2, height: 12, includetext: false }, drawingSVG())
}

/** Prints (or saves) the envelope cover of a file, recorded as printed first. */
export async function printEnvelopeCover(
  repositories: Repositories,
  platform: Platform,
  fileId: string,
  how: Output = 'print'
): Promise<void> {
  const cover = await repositories.folders.cover(fileId)
  const barcode = await code128Svg(cover.code)
  const stamp = await repositories.folders.recordPrint({ document: 'envelopeCover', fileId })
  await output(
    platform,
    how,
    `${cover.title}-${cover.archiveNo}`,
    envelopeCoverDocument({ ...cover, ...stamp }, barcode)
  )
}

/** Prints (or saves) the labels of a cabinet, shelf or box, each listing its files. */
export async function printShelfLabels(
  repositories: Repositories,
  platform: Platform,
  place: ShelfPlace,
  how: Output = 'print'
): Promise<void> {
  const labels = await repositories.folders.labels(place)
  const svgs: Record<string, string> = {}
  for (const label of labels.labels) svgs[label.code] = await code128Svg(label.code)
  const stamp = await repositories.folders.recordPrint({ document: 'shelfLabels', place })
  await output(platform, how, `${labels.title}-${labels.scope}`, shelfLabelsDocument({ ...labels, ...stamp }, svgs))
}

/** Prints (or saves) a loan slip (借阅单). */
export async function printLoanSlip(
  repositories: Repositories,
  platform: Platform,
  loanId: string,
  how: Output = 'print'
): Promise<void> {
  const slip = await repositories.loans.slip(loanId)
  const stamp = await repositories.loans.recordPrint({ document: 'loanSlip', loanId })
  await output(platform, how, `${slip.title}-${slip.number}`, loanSlipDocument({ ...slip, ...stamp }))
}

/** Prints (or saves) the register 《档案借阅登记簿》 for the filter shown. */
export async function printLoanRegister(
  repositories: Repositories,
  platform: Platform,
  filter: LoanFilter,
  how: Output = 'print'
): Promise<void> {
  const register = await repositories.loans.registerSheet(filter)
  const stamp = await repositories.loans.recordPrint({ document: 'loanRegister', filter })
  await output(platform, how, `${register.title}-${register.asOf}`, loanRegisterDocument({ ...register, ...stamp }))
}

/** Prints (or saves) the 《档案封存移交清单》 of a sealing batch, recorded as printed first. */
export async function printSealingTransferList(
  repositories: Repositories,
  platform: Platform,
  batchId: string,
  how: Output = 'print'
): Promise<void> {
  const list = await repositories.retention.transferList(batchId)
  const stamp = await repositories.retention.recordPrint({ document: 'sealingTransferList', batchId })
  await output(platform, how, `${list.title}-${list.batch.number}`, sealingTransferListDocument({ ...list, ...stamp }))
}

/** Prints (or saves) the 《档案销毁清单》 of the given proposals, recorded as printed first. */
export async function printDestructionList(
  repositories: Repositories,
  platform: Platform,
  destructionIds: readonly string[],
  how: Output = 'print'
): Promise<void> {
  const list = await repositories.retention.destructionList(destructionIds)
  const stamp = await repositories.retention.recordPrint({ document: 'destructionList', destructionIds })
  const ref = stamp.printedAt.slice(0, 10)
  await output(platform, how, `${list.title}-${ref}`, destructionListDocument({ ...list, ...stamp, ref }))
}

/** Prints (or saves) the 《档案保管检查记录》 of one inspection, recorded as printed first. */
export async function printStorageInspection(
  repositories: Repositories,
  platform: Platform,
  inspectionId: string,
  how: Output = 'print'
): Promise<void> {
  const sheet = await repositories.retention.inspectionSheet(inspectionId)
  const stamp = await repositories.retention.recordPrint({ document: 'storageInspection', inspectionId })
  await output(
    platform,
    how,
    `${sheet.title}-${sheet.inspection.inspectedOn}`,
    storageInspectionDocument({ ...sheet, ...stamp })
  )
}

/** Prints (or saves as PDF) a count's 《档案缺失报告》 or 《未上报记录》, recorded as printed first (see above). */
export async function printReconciliationReport(
  repositories: Repositories,
  platform: Platform,
  reconciliationId: string,
  kind: ReconciliationReportKind,
  how: Output = 'print'
): Promise<void> {
  const report = await repositories.reconciliations.report(reconciliationId, kind)
  const stamp = await repositories.reconciliations.recordPrint(reconciliationId, kind)
  const period = report.facts.find((fact) => fact.label === '核对期间')?.value.replace(/\s/g, '') ?? ''
  await output(platform, how, `${report.title}-${period}`, reconciliationReportDocument({ ...report, ...stamp }))
}
