import { correctionNoticeDocument } from '@shared/print/correction-notice-document'
import { handoverSheetDocument } from '@shared/print/handover-sheet-document'
import type { Repositories } from '../data/repositories'
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

/** Prints (or saves as PDF) the 《不合格档案记录》 of the archive's latest round (logged by the repository). */
export async function printCorrectionNotice(
  repositories: Repositories,
  platform: Platform,
  archiveId: string,
  how: Output = 'print'
): Promise<void> {
  const notice = await repositories.archives.correctionNotice(archiveId)
  const view = await repositories.archives.get(archiveId)
  const policy = view && (await repositories.policies.getVersion(view.archive.policyId, view.archive.policyVersion))
  await output(
    platform,
    how,
    `不合格档案记录-${notice.archiveNo}`,
    correctionNoticeDocument(notice, { signOffBlock: policy?.signOff.block ?? [] })
  )
}

/** Prints (or saves as PDF) the 《档案交接表》 of a handover (logged by the repository). */
export async function printHandoverSheet(
  repositories: Repositories,
  platform: Platform,
  handoverId: string,
  how: Output = 'print'
): Promise<void> {
  const sheet = await repositories.handovers.sheet(handoverId)
  const handover = await repositories.handovers.get(handoverId)
  const policy = handover && (await repositories.policies.getVersion(handover.policyId, handover.policyVersion))
  await output(
    platform,
    how,
    `档案交接表-${sheet.number}`,
    handoverSheetDocument(sheet, { signOffBlock: policy?.signOff.block ?? [] })
  )
}
