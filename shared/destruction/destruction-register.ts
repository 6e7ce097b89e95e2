import type { ArchiveInput } from '../rules/archive-input'
import type { AuditEntry } from '../audit/audit-entry'
import { DomainError } from '../model/domain-error'
import type { Actor, SyncMeta } from '../model/sync-meta'
import { newSyncMeta } from '../model/sync-meta'
import type { Role } from '../operators/roles'
import { ROLE_LABELS } from '../operators/roles'
import { deriveSearchKeys } from '../vehicle/vehicle-file'
import type { VehicleFile, VehicleFileFields, VehicleFileSearchKeys } from '../vehicle/vehicle-file'
import type { DestructionActor, DestructionMethod, DestructionProposal } from './destruction-approval'
import {
  approveDestruction,
  DESTRUCTION_APPROVAL_SEQUENCE,
  destructionRecord,
  nextDestructionApprover,
  proposeDestruction
} from './destruction-approval'

// The destruction register as stored: one flat row per proposal, from the proposal through the director's
// and the general manager's approvals to the destruction itself. The decisions are those of
// destruction-approval.ts; this file turns them into rows, audit entries and the erasure of the file's
// personal information. Nothing is deleted: the vehicle file row stays (status 'destroyed') with its VIN
// and archive number, and this row says who proposed, who approved, when and how (客户信息管理制度 第25条).

export type DestructionStatus = 'proposed' | 'director_approved' | 'approved' | 'destroyed'
export const DESTRUCTION_METHOD_LABELS: Record<DestructionMethod, string> = {
  shredding: '碎纸机粉碎',
  pulping: '送造纸厂化浆（监销）',
  incineration: '焚毁（监销）'
}

export interface DestructionRow extends SyncMeta {
  vehicleFileId: string
  vin: string
  archiveNo: string
  reason: string
  status: DestructionStatus
  proposedById: string
  proposedByName: string
  proposedByRole: Role
  proposedOn: string
  /** The review date the file had when proposed (shared/retention). */
  reviewDueOn: string
  directorById: string | null
  directorByName: string | null
  directorOn: string | null
  generalManagerById: string | null
  generalManagerByName: string | null
  generalManagerOn: string | null
  destroyedOn: string | null
  method: DestructionMethod | null
  destroyedById: string | null
  destroyedByName: string | null
  /** Witness of the destruction (监销人). */
  witnessName: string | null
  /** The vehicle-file fields erased, by name. */
  erasedFields: string[]
}

/**
 * The personal information a destroyed file loses (PIPL art. 47: deleted once the keeping period is over):
 * everything about the owner and the contact person — names, ID number, phones, the whole address, the
 * customer categories — plus the plate (it names the car's registered owner) and the notes (free text
 * that may name anyone). The VIN, archive number, series/model/colour, origin, registration date and the
 * shelf place are kept: they identify the file, not the person.
 */
export const DESTROYED_FILE_ERASED_FIELDS = [
  'ownerName',
  'ownerIdNumber',
  'ownerPhone',
  'ownerPhone2',
  'provinceCode',
  'provinceName',
  'cityCode',
  'cityName',
  'countyCode',
  'countyName',
  'street',
  'postcode',
  'contactName',
  'contactPhone',
  'customerCategory',
  'customerRatingCategory',
  'plate',
  'notes'
] as const satisfies readonly (keyof VehicleFileFields)[]

/** What stands in the owner's name on a destroyed file. */
export const ERASED_OWNER_NAME = '（已销毁）'

function actorOf(row: DestructionRow, step: 'director' | 'generalManager'): DestructionActor | null {
  const id = row[`${step}ById`]
  const name = row[`${step}ByName`]
  if (id === null || name === null) return null
  return { operatorId: id, name, role: step === 'director' ? 'cc_director' : 'general_manager' }
}

/** The shared proposal a row holds. */
export function proposalOf(row: DestructionRow): DestructionProposal {
  const approvals: DestructionProposal['approvals'][number][] = []
  const director = actorOf(row, 'director')
  if (director && row.directorOn) approvals.push({ by: director, on: row.directorOn })
  const gm = actorOf(row, 'generalManager')
  if (gm && row.generalManagerOn) approvals.push({ by: gm, on: row.generalManagerOn })
  return {
    fileId: row.vehicleFileId,
    vin: row.vin,
    archiveNumber: row.archiveNo,
    reason: row.reason,
    proposedBy: { operatorId: row.proposedById, name: row.proposedByName, role: row.proposedByRole },
    proposedOn: row.proposedOn,
    approvals
  }
}

/** A new proposal row: refused by proposeDestruction (role, hold, not due, no reason) or when one is open. */
export function newDestructionRow(
  file: Pick<VehicleFile, 'id' | 'vin' | 'archiveNo' | 'status'>,
  open: readonly Pick<DestructionRow, 'status'>[],
  input: { reason: string; legalHold: boolean; reviewDueOn: string | null; today: string },
  proposer: DestructionActor,
  id: string,
  actor: Actor,
  at: string
): { row: DestructionRow; audit: AuditEntry } {
  const archiveNo = file.archiveNo
  if (file.status === 'destroyed')
    throw new DomainError('FILE_DESTROYED', `档案 ${archiveNo} 已销毁，只保留销毁记录，不能修改`, { archiveNo })
  if (open.some((r) => r.status !== 'destroyed'))
    throw new DomainError('DESTRUCTION_ALREADY_PROPOSED', `档案 ${archiveNo} 已有待审批的销毁申请`, { archiveNo })
  const proposal = proposeDestruction({
    fileId: file.id,
    vin: file.vin,
    archiveNumber: archiveNo,
    reason: input.reason,
    proposedBy: proposer,
    proposedOn: input.today,
    legalHold: input.legalHold,
    reviewDueOn: input.reviewDueOn
  })
  const row: DestructionRow = {
    ...newSyncMeta(id, actor, at),
    vehicleFileId: file.id,
    vin: file.vin,
    archiveNo,
    reason: proposal.reason,
    status: 'proposed',
    proposedById: proposer.operatorId,
    proposedByName: proposer.name,
    proposedByRole: proposer.role,
    proposedOn: input.today,
    reviewDueOn: input.reviewDueOn ?? '',
    directorById: null,
    directorByName: null,
    directorOn: null,
    generalManagerById: null,
    generalManagerByName: null,
    generalManagerOn: null,
    destroyedOn: null,
    method: null,
    destroyedById: null,
    destroyedByName: null,
    witnessName: null,
    erasedFields: []
  }
  return {
    row,
    audit: {
      action: 'destruction.propose',
      entity: 'vehicleFile',
      entityId: file.id,
      changes: { destruction: [null, 'proposed'], reason: [null, proposal.reason] },
      summary: `提出销毁档案 ${archiveNo}`
    }
  }
}

/** The row with `approver`'s approval: in order, by the right role, never by the proposer (shared rules). */
export function approveDestructionRow(
  row: DestructionRow,
  approver: DestructionActor,
  legalHold: boolean,
  today: string,
  actor: Actor,
  at: string
): { row: DestructionRow; audit: AuditEntry } {
  const { archiveNo } = row
  if (legalHold)
    throw new DomainError(
      'DESTRUCTION_LEGAL_HOLD',
      `档案 ${archiveNo} 处于法律保全（投诉、争议或调查）中，解除前不得销毁`,
      {
        archiveNumber: archiveNo
      }
    )
  const next = approveDestruction(proposalOf(row), approver, today)
  const step = next.approvals.length
  const patch: Partial<DestructionRow> =
    step === 1
      ? {
          directorById: approver.operatorId,
          directorByName: approver.name,
          directorOn: today,
          status: 'director_approved'
        }
      : {
          generalManagerById: approver.operatorId,
          generalManagerByName: approver.name,
          generalManagerOn: today,
          status: 'approved'
        }
  return {
    row: { ...row, ...patch, updatedAt: at, updatedBy: actor.operatorId, rev: row.rev + 1 },
    audit: {
      action: 'destruction.approve',
      entity: 'vehicleFile',
      entityId: row.vehicleFileId,
      changes: { destruction: [row.status, patch.status], approver: [null, ROLE_LABELS[approver.role]] },
      summary: `${ROLE_LABELS[approver.role]}批准销毁档案 ${archiveNo}（第 ${step}/${DESTRUCTION_APPROVAL_SEQUENCE.length} 级）`
    }
  }
}

/** The role a row waits for, or null once fully approved. */
export function waitingApprover(row: DestructionRow): Role | null {
  return nextDestructionApprover(proposalOf(row))
}

export interface FileErasure {
  /** The patch for the vehicle-file row: status destroyed, personal fields blank, search keys re-derived. */
  file: Partial<VehicleFile>
  /** An archive's check input with every written fact removed (the documents' presence stays). */
  archiveInput: (input: ArchiveInput) => ArchiveInput
}

/** The erasure of a destroyed file's personal information; the fields named in DESTROYED_FILE_ERASED_FIELDS. */
export function eraseDestroyedFile(file: VehicleFile, actor: Actor, at: string): FileErasure {
  const blanked: Partial<VehicleFileFields> = {}
  for (const field of DESTROYED_FILE_ERASED_FIELDS) Object.assign(blanked, { [field]: null })
  Object.assign(blanked, { ownerName: ERASED_OWNER_NAME, ownerPhone: '' })
  const keys: VehicleFileSearchKeys = deriveSearchKeys({
    vin: file.vin,
    plate: null,
    ownerName: '',
    contactName: null,
    ownerPhone: '',
    ownerPhone2: null,
    contactPhone: null
  })
  return {
    file: {
      ...blanked,
      ...keys,
      status: 'destroyed',
      updatedAt: at,
      updatedBy: actor.operatorId,
      rev: file.rev + 1
    },
    archiveInput: (input) => ({
      kind: input.kind,
      ...(input.visitType ? { visitType: input.visitType } : {}),
      documents: Object.fromEntries(
        Object.entries(input.documents).map(([code, doc]) => [
          code,
          doc ? { present: doc.present, ...(doc.form ? { form: doc.form } : {}) } : doc
        ])
      )
    })
  }
}

/** The row of a destruction carried out: refused until both approvals are in (destructionRecord). */
export function recordDestructionRow(
  row: DestructionRow,
  input: { method: string; witnessName: string; today: string },
  destroyer: DestructionActor,
  actor: Actor,
  at: string
): { row: DestructionRow; audit: AuditEntry } {
  if (row.status === 'destroyed')
    throw new DomainError('FILE_DESTROYED', `档案 ${row.archiveNo} 已销毁，只保留销毁记录，不能修改`, {
      archiveNo: row.archiveNo
    })
  const record = destructionRecord(proposalOf(row), {
    destroyedOn: input.today,
    method: input.method,
    destroyedBy: destroyer
  })
  const witnessName = input.witnessName.trim()
  if (witnessName.length < 2 || witnessName.length > 50 || witnessName === destroyer.name)
    throw new DomainError('DESTRUCTION_WITNESS_REQUIRED', '请填写监销人姓名（销毁时在场监督的另一人）')
  return {
    row: {
      ...row,
      status: 'destroyed',
      destroyedOn: record.destroyedOn,
      method: record.method,
      destroyedById: destroyer.operatorId,
      destroyedByName: destroyer.name,
      witnessName,
      erasedFields: [...DESTROYED_FILE_ERASED_FIELDS],
      updatedAt: at,
      updatedBy: actor.operatorId,
      rev: row.rev + 1
    },
    audit: {
      action: 'destruction.record',
      entity: 'vehicleFile',
      entityId: row.vehicleFileId,
      changes: {
        destruction: ['approved', 'destroyed'],
        method: [null, record.method],
        erased: [null, DESTROYED_FILE_ERASED_FIELDS.join(',')]
      },
      summary: `档案 ${row.archiveNo} 已销毁（${DESTRUCTION_METHOD_LABELS[record.method]}），个人信息已清除`
    }
  }
}
