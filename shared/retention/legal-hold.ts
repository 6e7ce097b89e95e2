import type { AuditEntry } from '../audit/audit-entry'
import { DomainError } from '../model/domain-error'
import type { Actor, SyncMeta } from '../model/sync-meta'
import { newSyncMeta } from '../model/sync-meta'
import type { VehicleFile } from '../vehicle/vehicle-file'
import { holdReasonSchema, keepingText, releaseReasonSchema } from './keeping-text'

// Legal hold (法律保全; DOMAIN §9): a file under a complaint, a dispute or an investigation is kept as it
// is. While a hold stands the file is never sealed nor destroyed (shared/retention gives it no dates;
// shared/destruction refuses it); placing and releasing are both audited, and a released hold stays on
// record with who released it, when and why.

export type LegalHoldKind = 'complaint' | 'dispute' | 'investigation'
export const LEGAL_HOLD_KINDS: readonly LegalHoldKind[] = ['complaint', 'dispute', 'investigation']
export const LEGAL_HOLD_KIND_LABELS: Record<LegalHoldKind, string> = {
  complaint: '客户投诉',
  dispute: '纠纷争议',
  investigation: '调查取证'
}

export interface LegalHold extends SyncMeta {
  vehicleFileId: string
  kind: LegalHoldKind
  reason: string
  placedAt: string
  placedByName: string
  /** Null while the hold stands. */
  releasedAt: string | null
  releasedByName: string | null
  releaseReason: string | null
}

export interface LegalHoldInput {
  kind: string
  reason: string
}

/** A new hold on `file`; refused when it already has one standing, or is destroyed. */
export function placeLegalHold(
  file: Pick<VehicleFile, 'id' | 'archiveNo' | 'status'>,
  standing: readonly LegalHold[],
  input: LegalHoldInput,
  id: string,
  actor: Actor,
  at: string
): { hold: LegalHold; audit: AuditEntry } {
  const { archiveNo } = file
  if (file.status === 'destroyed')
    throw new DomainError('LEGAL_HOLD_FILE_DESTROYED', `档案 ${archiveNo} 已销毁，不能再保全`, { archiveNo })
  if (standing.some((h) => h.releasedAt === null))
    throw new DomainError('LEGAL_HOLD_ALREADY', `档案 ${archiveNo} 已在法律保全中`, { archiveNo })
  const kind = LEGAL_HOLD_KINDS.find((k) => k === input.kind)
  if (!kind) throw new DomainError('LEGAL_HOLD_KIND_INVALID', '请选择保全事由：客户投诉、纠纷争议或调查取证')
  const reason = keepingText(holdReasonSchema, input.reason, 'reason')
  const hold: LegalHold = {
    ...newSyncMeta(id, actor, at),
    vehicleFileId: file.id,
    kind,
    reason,
    placedAt: at,
    placedByName: actor.operatorName,
    releasedAt: null,
    releasedByName: null,
    releaseReason: null
  }
  return {
    hold,
    audit: {
      action: 'legalHold.place',
      entity: 'vehicleFile',
      entityId: file.id,
      changes: { legalHold: [null, kind], reason: [null, reason] },
      summary: `档案 ${archiveNo} 法律保全（${LEGAL_HOLD_KIND_LABELS[kind]}）`
    }
  }
}

/** The hold released; refused when it was released already. */
export function releaseLegalHold(
  hold: LegalHold,
  archiveNo: string,
  reasonInput: string,
  actor: Actor,
  at: string
): { hold: LegalHold; audit: AuditEntry } {
  if (hold.releasedAt !== null)
    throw new DomainError('LEGAL_HOLD_ALREADY_RELEASED', `档案 ${archiveNo} 的这项保全已经解除`, { archiveNo })
  const releaseReason = keepingText(releaseReasonSchema, reasonInput, 'releaseReason')
  return {
    hold: {
      ...hold,
      releasedAt: at,
      releasedByName: actor.operatorName,
      releaseReason,
      updatedAt: at,
      updatedBy: actor.operatorId,
      rev: hold.rev + 1
    },
    audit: {
      action: 'legalHold.release',
      entity: 'vehicleFile',
      entityId: hold.vehicleFileId,
      changes: { legalHold: [hold.kind, null], reason: [null, releaseReason] },
      summary: `档案 ${archiveNo} 解除法律保全`
    }
  }
}

export function isHeld(holds: readonly Pick<LegalHold, 'releasedAt' | 'deletedAt'>[]): boolean {
  return holds.some((h) => h.releasedAt === null && h.deletedAt === null)
}
