import type { ArchiveKind } from '../archive/archive-kind'
import { ARCHIVE_STATUS_LABELS } from '../archive/archive-status'
import type { ArchiveRecord } from '../archive/archive-record'
import { archiveLabel } from '../archive/archive-label'
import type { AuditEntry } from '../audit/audit-entry'
import type { WorkingCalendar } from '../calendar'
import { chinaDateTimeText } from '../time'
import { archiveInputDocument, manualResultsDocument } from '../rules/archive-input-document'
import { computeDeadline } from '../deadlines/compute-deadline'
import { DomainError } from '../model/domain-error'
import type { Actor } from '../model/sync-meta'
import { newSyncMeta } from '../model/sync-meta'
import type { Policy } from '../policy'
import type { ArchiveInput } from '../rules'
import { normalizeInput } from '../validation'
import type { VehicleFile } from '../vehicle/vehicle-file'
import type { Handover } from './handover'
import { readHandoverAnchorDate } from './handover-date'
import { factsFromHandover } from './handover-facts'
import { handoverLineTextSchema, parseHandoverText } from './handover-input'
import type { HandoverScan } from './handover-scan'
import { ambiguousScanError, readHandoverScan } from './handover-scan'
import { HANDOVER_STATUSES_TAKING_LINES } from './handover-status'

// One line of a handover: the archive customer care receives. The checks and the record to write are
// decided here; the repository loads what they need (the files a scan names, the archives already
// handed over) and writes what comes back, with its audit event, in one transaction.

export interface HandoverLineInput {
  /** A scanned or typed VIN, or its last 6–8 characters. */
  scan: string
  kind: ArchiveKind
  visitType?: string
  repairOrderNo?: string
  advisorName: string
  /** Delivery (sales) or car handed back (service) as typed, 年-月-日; required, never in the future. The hand-in deadline counts from it. */
  anchorDate: string
  /** Codes of the documents handed over. */
  documentsPresent: string[]
  missingNote?: string
}

/** A line that passed every check that needs no stored archive: what to look up and what to write. */
export interface CheckedHandoverLine {
  readonly kind: ArchiveKind
  readonly scan: HandoverScan
  readonly advisorName: string
  readonly missingNote: string | null
  /** Service archives: the repair order (任务委托书号), upper case. */
  readonly repairOrderNo: string | null
  readonly visitType: string | null
  readonly anchorDate: string
  readonly anchorAt: string
  /** When the last hand-in stage of the policy falls due, counted from the anchor; null when it has none. */
  readonly handInDueAt: string | null
  readonly documentsPresent: readonly string[]
}

/**
 * Checks a handover line against its handover and the policy it is received under: the handover still
 * takes lines, advisor and note are clean, a service line has its repair order and a visit type of the
 * policy, the scan reads as a VIN or its end, the anchor day is real and not in the future, and every
 * document code is in the policy's list. Refused with a DomainError naming the field.
 */
export function checkHandoverLine(
  policy: Policy,
  handover: Pick<Handover, 'number' | 'status'>,
  line: HandoverLineInput,
  now: Date,
  calendar: WorkingCalendar
): CheckedHandoverLine {
  if (!HANDOVER_STATUSES_TAKING_LINES.includes(handover.status))
    throw new DomainError('HANDOVER_CLOSED', `交接单 ${handover.number} 已提交，不能再添加档案`, {
      number: handover.number
    })
  const { advisorName, missingNote } = parseHandoverText(handoverLineTextSchema, {
    advisorName: line.advisorName,
    missingNote: line.missingNote ?? null
  })
  const kind = line.kind
  const repairOrderNo = kind === 'service' ? normalizeInput(line.repairOrderNo ?? '').toUpperCase() : null
  if (kind === 'service' && !repairOrderNo)
    throw new DomainError('HANDOVER_REPAIR_ORDER_REQUIRED', '服务档案须填写任务委托书号', { field: 'repairOrderNo' })
  const visitType = kind === 'service' ? (line.visitType ?? '') : null
  if (kind === 'service' && !policy.archiveTemplates.service.visitTypes.some((v) => v.code === visitType))
    throw new DomainError('HANDOVER_VISIT_TYPE_REQUIRED', '请选择维修类别', { field: 'visitType' })
  const scan = readHandoverScan(normalizeInput(line.scan).toUpperCase())
  const anchor = readHandoverAnchorDate(kind, line.anchorDate, now)
  const codes = new Set(policy.archiveTemplates[kind].documents.map((d) => d.code))
  const unknown = line.documentsPresent.filter((c) => !codes.has(c))
  if (unknown.length)
    throw new DomainError('HANDOVER_DOCUMENT_UNKNOWN', `资料代码 ${unknown.join('、')} 不在本制度的清单中`, {
      field: 'documentsPresent',
      codes: unknown.join('、')
    })
  const stages = kind === 'sales' ? policy.deadlines.salesHandIn : policy.deadlines.serviceHandIn
  const lastStage = stages[stages.length - 1]
  return {
    kind,
    scan,
    advisorName,
    missingNote,
    repairOrderNo,
    visitType,
    anchorDate: anchor.date,
    anchorAt: anchor.at,
    handInDueAt: lastStage ? computeDeadline(lastStage.rule, anchor.at, calendar) : null,
    documentsPresent: [...line.documentsPresent]
  }
}

/** The one file a scan names among `matches` (the live files found for it); refused when none or several. */
export function scannedFile(scan: HandoverScan, matches: readonly VehicleFile[]): VehicleFile {
  if (matches.length === 0) {
    if (scan.kind === 'vin')
      throw new DomainError('HANDOVER_NO_FILE', `车架号 ${scan.vin} 还没有车辆档案，请先建档再交接`, {
        field: 'scan',
        vin: scan.vin
      })
    throw new DomainError(
      'HANDOVER_NO_FILE_FOR_SUFFIX',
      `车架号后 ${scan.suffix.length} 位“${scan.suffix}”还没有车辆档案，请先建档再交接`,
      { field: 'scan', suffix: scan.suffix, length: String(scan.suffix.length) }
    )
  }
  if (matches.length > 1) throw ambiguousScanError(scan.kind === 'suffix' ? scan.suffix : scan.vin, matches.length)
  return matches[0]!
}

/** What the repository found already stored for the line, inside the writing transaction. */
export interface HandoverLineContext {
  readonly handover: Handover
  readonly file: VehicleFile
  /** The vehicle's live sales archive, if one was handed over before (sales lines). */
  readonly existingSalesArchive: ArchiveRecord | undefined
  /** Whether an archive with the line's repair order exists (service lines). */
  readonly repairOrderTaken: boolean
  /** Archives already on the handover. */
  readonly linesSoFar: number
}

export interface NewHandoverArchive {
  readonly record: ArchiveRecord
  readonly audit: AuditEntry
}

/**
 * The archive record a checked line becomes, with its audit event; refused when the vehicle already has
 * its one sales archive (一车一档) or the repair order was handed over before.
 */
export function newHandoverArchive(
  policy: Policy,
  line: CheckedHandoverLine,
  context: HandoverLineContext,
  id: string,
  actor: Actor,
  at: string
): NewHandoverArchive {
  const { handover, file } = context
  const existing = context.existingSalesArchive
  if (line.kind === 'sales' && existing)
    throw new DomainError(
      'SALES_ARCHIVE_DUPLICATE',
      `车架号 ${file.vin} 的销售档案已于 ${chinaDateTimeText(existing.createdAt)} 交接（${ARCHIVE_STATUS_LABELS[existing.status]}），一车只有一份销售档案`,
      {
        vin: file.vin,
        handedOverAt: chinaDateTimeText(existing.createdAt),
        status: ARCHIVE_STATUS_LABELS[existing.status]
      }
    )
  if (line.kind === 'service' && context.repairOrderTaken)
    throw new DomainError('SERVICE_ARCHIVE_DUPLICATE', `任务委托书 ${line.repairOrderNo} 的服务档案已交接过`, {
      field: 'repairOrderNo',
      repairOrderNo: line.repairOrderNo ?? ''
    })
  const input: ArchiveInput = {
    kind: line.kind,
    ...(line.visitType ? { visitType: line.visitType } : {}),
    facts: factsFromHandover(policy.archiveTemplates[line.kind], {
      anchorDate: line.anchorDate,
      advisorName: line.advisorName
    }),
    documents: Object.fromEntries(line.documentsPresent.map((code) => [code, { present: true }]))
  }
  const record: ArchiveRecord = {
    ...newSyncMeta(id, actor, at),
    vehicleFileId: file.id,
    kind: line.kind,
    visitType: line.visitType,
    repairOrderNo: line.repairOrderNo,
    status: 'handed_over',
    policyId: policy.id,
    policyVersion: policy.version,
    department: handover.department,
    advisorName: line.advisorName,
    anchorAt: line.anchorAt,
    handInDueAt: line.handInDueAt,
    handoverId: handover.id,
    handoverLine: context.linesSoFar + 1,
    handedOverAt: handover.handedAt,
    missingNote: line.missingNote,
    input: archiveInputDocument.write(input),
    manual: manualResultsDocument.write({}),
    round: 0,
    correctionDueAt: null,
    location: null
  }
  const label = archiveLabel(policy, record)
  return {
    record,
    audit: {
      action: 'create',
      entity: 'archive',
      entityId: record.id,
      changes: {
        handover: [null, handover.number],
        archive: [null, label],
        documents: [null, line.documentsPresent.length],
        missingNote: [null, record.missingNote]
      },
      summary: `交接 ${file.archiveNo} 的${label}（交接单 ${handover.number}）`
    }
  }
}
