import type { AuditHead } from './audit-chain'

// Printing a sheet is recorded when the user prints it, not when its content is read: the screen asks
// for the content, then records the print, and the print's audit event goes into the footer.

/** What is being printed: the handover register of a handover, or the 《不合格档案记录》 of an archive's latest round. */
export type PrintRequest =
  | { readonly document: 'handoverSheet'; readonly handoverId: string }
  | { readonly document: 'correctionNotice'; readonly archiveId: string }

/** Who printed a sheet and when; the print's own audit event ties the paper to the audit chain. */
export interface PrintStamp {
  printedBy: string
  printedAt: string
  /** The print's audit event: its short hash goes in the footer. */
  auditHead: AuditHead
}
