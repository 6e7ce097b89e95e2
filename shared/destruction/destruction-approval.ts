import { isCalendarDate } from '../dates/calendar-period'
import { DomainError } from '../model/domain-error'
import type { Role } from '../operators/roles'
import { ROLE_LABELS } from '../operators/roles'

// Destruction by approval, never deletion (DOMAIN §6, §8; 客户信息管理制度 第25条: files past their
// keeping period are destroyed by the rules, never sold as waste paper). The archive manager or the
// customer-care director proposes; the customer-care director approves, then the general manager, in
// that order. Only a fully approved proposal becomes a destruction record, and the record keeps what
// identifies the file and the decision while the customer's personal information is erased.

/** Who may propose a file for destruction. */
export const DESTRUCTION_PROPOSER_ROLES: readonly Role[] = ['archive_manager', 'cc_director']

/** The approvals a proposal needs, in order (DOMAIN §8: the general manager approves destruction). */
export const DESTRUCTION_APPROVAL_SEQUENCE: readonly Role[] = ['cc_director', 'general_manager']

/** How paper is destroyed; selling as waste paper is not one of them (客户信息管理制度 第25条). */
export type DestructionMethod = 'shredding' | 'pulping' | 'incineration'
export const DESTRUCTION_METHODS: readonly DestructionMethod[] = ['shredding', 'pulping', 'incineration']

export interface DestructionActor {
  readonly operatorId: string
  readonly name: string
  readonly role: Role
}

export interface DestructionApproval {
  readonly by: DestructionActor
  readonly on: string
}

/** A proposal to destroy one file and the approvals it has gathered. */
export interface DestructionProposal {
  readonly fileId: string
  readonly vin: string
  readonly archiveNumber: string
  readonly reason: string
  readonly proposedBy: DestructionActor
  readonly proposedOn: string
  readonly approvals: readonly DestructionApproval[]
}

function refuse(code: string, message: string, details: Record<string, string>): never {
  throw new DomainError(code, message, details)
}

function assertDate(on: string): void {
  if (!isCalendarDate(on)) refuse('DESTRUCTION_DATE_INVALID', `日期“${on}”不是有效日期（应为 年-月-日）`, { value: on })
}

/**
 * A new proposal. `reviewDueOn` is the file's destruction-review date from shared/retention (null while
 * on legal hold); a file not yet due, or held, cannot be proposed.
 */
export function proposeDestruction(input: {
  readonly fileId: string
  readonly vin: string
  readonly archiveNumber: string
  readonly reason: string
  readonly proposedBy: DestructionActor
  readonly proposedOn: string
  readonly legalHold: boolean
  readonly reviewDueOn: string | null
}): DestructionProposal {
  assertDate(input.proposedOn)
  const { archiveNumber } = input
  if (!DESTRUCTION_PROPOSER_ROLES.includes(input.proposedBy.role)) {
    refuse('DESTRUCTION_PROPOSER_NOT_ALLOWED', `${input.proposedBy.name}无权提出销毁，应由档案管理员或客户总监提出`, {
      name: input.proposedBy.name
    })
  }
  if (input.legalHold) {
    refuse('DESTRUCTION_LEGAL_HOLD', `档案 ${archiveNumber} 处于法律保全（投诉、争议或调查）中，解除前不得销毁`, {
      archiveNumber
    })
  }
  if (input.reviewDueOn === null || input.proposedOn < input.reviewDueOn) {
    const dueOn = input.reviewDueOn ?? ''
    refuse('DESTRUCTION_NOT_DUE', `档案 ${archiveNumber} 未到可销毁日期（${dueOn} 起方可提出销毁）`, {
      archiveNumber,
      dueOn
    })
  }
  if (input.reason.trim() === '') {
    refuse('DESTRUCTION_REASON_REQUIRED', '请填写销毁理由（如：保管期满，失去保存价值）', {})
  }
  return {
    fileId: input.fileId,
    vin: input.vin,
    archiveNumber,
    reason: input.reason.trim(),
    proposedBy: input.proposedBy,
    proposedOn: input.proposedOn,
    approvals: []
  }
}

/** The role whose approval the proposal waits for, or null when fully approved. */
export function nextDestructionApprover(proposal: DestructionProposal): Role | null {
  return DESTRUCTION_APPROVAL_SEQUENCE[proposal.approvals.length] ?? null
}

/** The proposal with `approver`'s approval added; refused out of order or by the wrong role. */
export function approveDestruction(
  proposal: DestructionProposal,
  approver: DestructionActor,
  on: string
): DestructionProposal {
  assertDate(on)
  const { archiveNumber } = proposal
  const expected = nextDestructionApprover(proposal)
  if (expected === null) {
    refuse('DESTRUCTION_ALREADY_APPROVED', `档案 ${archiveNumber} 的销毁已审批完毕`, { archiveNumber })
  }
  if (approver.role !== expected) {
    const expectedRole = ROLE_LABELS[expected]
    if (DESTRUCTION_APPROVAL_SEQUENCE.includes(approver.role)) {
      refuse('DESTRUCTION_OUT_OF_ORDER', `档案 ${archiveNumber} 的销毁须先经${expectedRole}审批`, {
        archiveNumber,
        expectedRole
      })
    }
    refuse('DESTRUCTION_WRONG_APPROVER', `${approver.name}无权审批销毁，此步须由${expectedRole}审批`, {
      name: approver.name,
      expectedRole
    })
  }
  if (approver.operatorId === proposal.proposedBy.operatorId) {
    refuse('DESTRUCTION_SELF_APPROVAL', `${approver.name}不能审批自己提出的销毁`, { name: approver.name })
  }
  const previous = proposal.approvals.at(-1)?.on ?? proposal.proposedOn
  if (on < previous) {
    refuse('DESTRUCTION_APPROVAL_BEFORE_PREVIOUS', `审批日期 ${on} 早于上一步（${previous}）`, { on, previous })
  }
  return { ...proposal, approvals: [...proposal.approvals, { by: approver, on }] }
}

/** The personal details of a vehicle file that are erased when it is destroyed (PIPL art. 47). */
export interface DestroyedFilePersonalData {
  readonly ownerName: string
  readonly idNumber: string
  readonly phone: string
  readonly address: string
}

/** What a destroyed file keeps: who, what, when and how; no personal information. */
export interface DestroyedFileRecord {
  readonly fileId: string
  readonly vin: string
  readonly archiveNumber: string
  readonly reason: string
  readonly proposedBy: DestructionActor
  readonly proposedOn: string
  readonly approvals: readonly DestructionApproval[]
  readonly destroyedOn: string
  readonly method: DestructionMethod
  readonly destroyedBy: DestructionActor
  /** The personal fields that were erased, by name, so the record says what is gone. */
  readonly erasedFields: readonly (keyof DestroyedFilePersonalData)[]
}

const PERSONAL_FIELDS: readonly (keyof DestroyedFilePersonalData)[] = ['ownerName', 'idNumber', 'phone', 'address']

/** The record a destroyed file keeps; refused until every approval is in. */
export function destructionRecord(
  proposal: DestructionProposal,
  destruction: { readonly destroyedOn: string; readonly method: string; readonly destroyedBy: DestructionActor }
): DestroyedFileRecord {
  assertDate(destruction.destroyedOn)
  const { archiveNumber } = proposal
  const waiting = nextDestructionApprover(proposal)
  if (waiting !== null) {
    const expectedRole = ROLE_LABELS[waiting]
    refuse('DESTRUCTION_NOT_APPROVED', `档案 ${archiveNumber} 的销毁尚待${expectedRole}审批，不得销毁`, {
      archiveNumber,
      expectedRole
    })
  }
  const method = DESTRUCTION_METHODS.find((m) => m === destruction.method)
  if (method === undefined) {
    refuse('DESTRUCTION_METHOD_INVALID', '销毁方式应为碎纸、化浆或焚毁；客户资料不得当作废纸出售', {
      method: destruction.method
    })
  }
  // Stryker disable next-line UnaryOperator: a fully approved proposal has exactly its two approvals, so at(1) is the last one too
  const approvedOn = proposal.approvals.at(-1)!.on
  if (destruction.destroyedOn < approvedOn) {
    refuse('DESTRUCTION_BEFORE_APPROVAL', `销毁日期 ${destruction.destroyedOn} 早于批准日期 ${approvedOn}`, {
      destroyedOn: destruction.destroyedOn,
      approvedOn
    })
  }
  return {
    fileId: proposal.fileId,
    vin: proposal.vin,
    archiveNumber,
    reason: proposal.reason,
    proposedBy: proposal.proposedBy,
    proposedOn: proposal.proposedOn,
    approvals: proposal.approvals,
    destroyedOn: destruction.destroyedOn,
    method,
    destroyedBy: destruction.destroyedBy,
    erasedFields: PERSONAL_FIELDS
  }
}
