import { correctionNoticeDocument } from '@shared/print/correction-notice-document'
import { handoverSheetDocument } from '@shared/print/handover-sheet-document'
import {
  destructionListDocument,
  sealingTransferListDocument,
  storageInspectionDocument
} from '@shared/print/keeping-sheets-document'
import { reconciliationReportDocument } from '@shared/print/reconciliation-report-document'
import type { ReconciliationReportKind, Repositories } from '../data/repositories'
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
