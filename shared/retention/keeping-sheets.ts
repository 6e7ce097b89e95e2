import type { AuditEntry } from '../audit/audit-entry'
import type { AuditHead } from '../audit/audit-chain'
import type { DestructionRow } from '../destruction/destruction-register'
import type { FileRepair, StorageInspection } from './storage-inspection'
import type { SealingBatch } from './sealing-batch'

// What the three keeping sheets print, as the data layer hands it over (files through the access
// decision, personal information masked), and the audit entry of each print.

export interface SealingTransferLine {
  line: number
  archiveNo: string
  vin: string
  plate: string | null
  ownerName: string
  createdOn: string
  sealDueOn: string
  /** Why it was due: 末次维修后满 N 年 / 建档满 N 年（3 年内无维修保养）. */
  basisText: string
  previousLocation: string | null
}

/** 《档案封存移交清单》: a sealing batch as it moves to the archive store. */
export interface SealingTransferList {
  title: string
  dealershipName: string
  batch: SealingBatch
  clause: string
  lines: SealingTransferLine[]
}

export interface DestructionListLine {
  row: DestructionRow
  /** The file's series/model, kept after the personal information is erased. */
  vehicle: string
}

/** 《档案销毁清单》. */
export interface DestructionListContent {
  title: string
  dealershipName: string
  lines: DestructionListLine[]
}

export interface StorageInspectionSheet {
  title: string
  dealershipName: string
  inspection: StorageInspection
  repairs: { repair: FileRepair; archiveNo: string }[]
}

export interface KeepingPrintStamp {
  printedBy: string
  printedAt: string
  auditHead: AuditHead
}

export type KeepingPrintRequest =
  | { readonly document: 'sealingTransferList'; readonly batchId: string }
  | { readonly document: 'destructionList'; readonly destructionIds: readonly string[] }
  | { readonly document: 'storageInspection'; readonly inspectionId: string }

export const SEALING_TRANSFER_LIST_TITLE = '档案封存移交清单'
export const DESTRUCTION_LIST_TITLE = '档案销毁清单'
export const STORAGE_INSPECTION_TITLE = '档案保管检查记录'

export function keepingPrintEntry(request: KeepingPrintRequest, ref: string, count: number): AuditEntry {
  const titles = {
    sealingTransferList: SEALING_TRANSFER_LIST_TITLE,
    destructionList: DESTRUCTION_LIST_TITLE,
    storageInspection: STORAGE_INSPECTION_TITLE
  }
  const title = titles[request.document]
  const entityId =
    request.document === 'sealingTransferList'
      ? request.batchId
      : request.document === 'storageInspection'
        ? request.inspectionId
        : request.destructionIds.join(',').slice(0, 400)
  return {
    action: 'print',
    entity: request.document,
    entityId,
    changes: { document: title, ref, lines: count },
    summary: `打印《${title}》${ref}（${count} 行）`
  }
}

export function sealBasisText(
  basis: string,
  years: { afterVisit: number | null; fromCreation: number | null }
): string {
  if (basis === 'after_last_visit') return `末次维修保养后满 ${years.afterVisit ?? '—'} 年`
  if (basis === 'dormant_from_creation') return `建档满 ${years.fromCreation ?? '—'} 年（其间无维修保养）`
  if (basis === 'legal_hold') return '法律保全中'
  return '制度未规定期限'
}
