import type { ArchiveRecord } from '../archive/archive-record'
import { readArchiveInput } from '../archive/archive-record'
import { documentsPresent, requiredDocumentsMissing } from '../archive/archive-documents'
import { visitTypeName } from '../archive/archive-label'
import type { AuditEntry } from '../audit/audit-entry'
import { chinaDate } from '../time'
import type { Policy } from '../policy'
import { printedForms } from '../policy/printed-forms'
import type { VehicleFile } from '../vehicle/vehicle-file'
import type { Handover, HandoverSheetContent, HandoverSheetLine } from './handover'

// The printed handover register from the data: the lines as received, named as the policy names them.

/** A handover line as the operator may see it: the file is masked or withheld in place by the access decision. */
export interface HandoverLineView {
  readonly archive: ArchiveRecord
  readonly file: VehicleFile
}

export const UNNAMED_DEALERSHIP = '（未设置经销商名称）'

export function handoverSheetLine(policy: Policy, { archive, file }: HandoverLineView): HandoverSheetLine {
  const input = readArchiveInput(archive)
  return {
    archiveNo: file.archiveNo,
    vin: file.vin,
    plate: file.plate,
    ownerName: file.ownerName,
    kind: archive.kind,
    visitTypeLabel: visitTypeName(policy, archive),
    repairOrderNo: archive.repairOrderNo,
    advisorName: archive.advisorName,
    anchorDate: archive.anchorAt ? chinaDate(archive.anchorAt) : null,
    documentsPresent: documentsPresent(policy, archive, input).map((d) => d.name),
    documentsMissing: requiredDocumentsMissing(policy, archive, input).map((d) => d.name),
    missingNote: archive.missingNote
  }
}

/** The sheet of `handover` under the policy it was received with, lines in the order received. */
export function buildHandoverSheet(
  policy: Policy,
  handover: Handover,
  lines: readonly HandoverLineView[],
  dealershipName: string
): HandoverSheetContent {
  const forms = printedForms(policy)
  return {
    dealershipName: dealershipName || UNNAMED_DEALERSHIP,
    title: forms.handoverSheetTitle,
    number: handover.number,
    department: handover.department,
    departmentLabel: forms.departmentNames[handover.department],
    handedByName: handover.handedByName,
    receivedByName: handover.receivedByName,
    handedAt: handover.handedAt,
    lines: lines.map((line) => handoverSheetLine(policy, line)),
    signOffBlock: [...policy.signOff.block]
  }
}

/** The audit event of printing the sheet. */
export function handoverSheetPrintEntry(handoverId: string, sheet: HandoverSheetContent): AuditEntry {
  return {
    action: 'print',
    entity: 'handover',
    entityId: handoverId,
    changes: {
      document: 'handoverSheet',
      title: sheet.title,
      handoverId,
      number: sheet.number,
      lines: sheet.lines.length
    },
    summary: `打印${sheet.title} ${sheet.number}`
  }
}
