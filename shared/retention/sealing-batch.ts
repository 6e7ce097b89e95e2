import type { AuditEntry } from '../audit/audit-entry'
import { DomainError } from '../model/domain-error'
import type { Actor, SyncMeta } from '../model/sync-meta'
import { newSyncMeta } from '../model/sync-meta'
import type { RetentionPolicy } from '../policy/retention-policy'
import type { VehicleFile } from '../vehicle/vehicle-file'
import { keepingNoteSchema, keepingText, sealLocationSchema } from './keeping-text'
import type { RetentionFacts, SealBasis } from './retention-schedule'
import { retentionSchedule } from './retention-schedule'

// A sealing batch (封存批次; FAW-VW 四.2: 5年期满转入档案库封存): the files chosen from the list of those
// due, moved together to one place in the archive store, with a printed transfer list (移交清单) both
// sides sign. Each file becomes read-only and records where it went; nothing is sealed that is not due
// or that is on legal hold.

export const SEALING_BATCH_MAX_FILES = 500

export interface SealingBatch extends SyncMeta {
  /** FC2026-0001: the year's sealing batches in order. */
  number: string
  location: string
  note: string | null
  sealedAt: string
  sealedByName: string
  fileCount: number
  policyId: string
  policyVersion: number
}

/** One file of a batch, as it was when sealed: the transfer list prints these. */
export interface SealingLine extends SyncMeta {
  batchId: string
  vehicleFileId: string
  line: number
  /** Where the file was before (cabinet–shelf–box), or null when it had no place recorded. */
  previousLocation: string | null
  sealDueOn: string
  sealBasis: SealBasis
}

/** What a sealed file carries on its own row, so its page says where it is. */
export interface SealedFilePatch {
  status: 'sealed'
  sealedAt: string
  sealBatchId: string
  sealLocation: string
}

export interface SealingCandidate {
  file: Pick<VehicleFile, 'id' | 'archiveNo' | 'status' | 'cabinet' | 'shelf' | 'box' | 'rev'>
  facts: RetentionFacts
}

export function sealingBatchCounterId(year: string): string {
  return `sealingBatch:${year}`
}

export function sealingBatchNumber(year: string, seq: number): string {
  return `FC${year}-${String(seq).padStart(4, '0')}`
}

export function shelfLocation(file: Pick<VehicleFile, 'cabinet' | 'shelf' | 'box'>): string | null {
  const parts = [file.cabinet, file.shelf, file.box].filter((p): p is string => !!p)
  return parts.length ? parts.join('-') : null
}

export interface PlannedSealing {
  batch: SealingBatch
  lines: SealingLine[]
  patches: { fileId: string; patch: SealedFilePatch & { rev: number; updatedAt: string; updatedBy: string } }[]
  audit: AuditEntry[]
}

/**
 * The batch for `candidates` on China date `today`: refused as a whole (nothing sealed) when no file is
 * chosen, the location is blank, or any file is not active, is on hold or is not yet due.
 */
export function planSealingBatch(
  policy: { id: string; version: number; retention: RetentionPolicy },
  candidates: readonly SealingCandidate[],
  input: { location: string; note?: string | null },
  today: string,
  number: string,
  ids: { batch: string; line: () => string },
  actor: Actor,
  at: string
): PlannedSealing {
  if (candidates.length === 0) throw new DomainError('SEAL_NO_FILES', '请至少选择一份到期的档案再封存')
  if (candidates.length > SEALING_BATCH_MAX_FILES)
    throw new DomainError('SEAL_TOO_MANY', `一个封存批次最多 ${SEALING_BATCH_MAX_FILES} 份档案，请分批封存`, {
      max: String(SEALING_BATCH_MAX_FILES)
    })
  const location = keepingText(sealLocationSchema, input.location, 'location')
  const note = keepingText(keepingNoteSchema, input.note ?? null, 'note')
  const batch: SealingBatch = {
    ...newSyncMeta(ids.batch, actor, at),
    number,
    location,
    note,
    sealedAt: at,
    sealedByName: actor.operatorName,
    fileCount: candidates.length,
    policyId: policy.id,
    policyVersion: policy.version
  }
  const lines: SealingLine[] = []
  const patches: PlannedSealing['patches'] = []
  const audit: AuditEntry[] = []
  for (const { file, facts } of candidates) {
    const { archiveNo } = file
    if (file.status !== 'active')
      throw new DomainError('SEAL_NOT_ACTIVE', `档案 ${archiveNo} 已封存或已销毁，不能再封存`, { archiveNo })
    if (facts.legalHold)
      throw new DomainError('SEAL_LEGAL_HOLD', `档案 ${archiveNo} 处于法律保全中，解除前不得封存`, { archiveNo })
    const schedule = retentionSchedule(policy.retention, facts)
    if (schedule.sealDueOn === null)
      throw new DomainError('SEAL_NO_PERIOD', `现行制度未规定保管期限，档案 ${archiveNo} 不按年限封存`, { archiveNo })
    if (schedule.sealDueOn > today) {
      const dueOn = schedule.sealDueOn
      throw new DomainError('SEAL_NOT_DUE', `档案 ${archiveNo} 未到封存日期（${dueOn} 起方可封存）`, {
        archiveNo,
        dueOn
      })
    }
    const previousLocation = shelfLocation(file)
    lines.push({
      ...newSyncMeta(ids.line(), actor, at),
      batchId: batch.id,
      vehicleFileId: file.id,
      line: lines.length + 1,
      previousLocation,
      sealDueOn: schedule.sealDueOn,
      sealBasis: schedule.sealBasis
    })
    patches.push({
      fileId: file.id,
      patch: {
        status: 'sealed',
        sealedAt: at,
        sealBatchId: batch.id,
        sealLocation: location,
        rev: file.rev + 1,
        updatedAt: at,
        updatedBy: actor.operatorId
      }
    })
    audit.push({
      action: 'retention.seal',
      entity: 'vehicleFile',
      entityId: file.id,
      changes: { status: ['active', 'sealed'], location: [previousLocation, location], batch: [null, number] },
      summary: `档案 ${archiveNo} 封存（${number}，${location}）`
    })
  }
  if (new Set(candidates.map((c) => c.file.id)).size !== candidates.length)
    throw new DomainError('SEAL_DUPLICATE_FILE', '同一份档案在批次中出现了两次')
  return { batch, lines, patches, audit }
}
