import { z } from 'zod'
import type { AuditEntry } from '../audit/audit-entry'
import { DomainError } from '../model/domain-error'
import type { Actor, SyncMeta } from '../model/sync-meta'
import { newSyncMeta } from '../model/sync-meta'
import type { OutsiderDocument } from '../policy/loan-policy'
import type { Policy } from '../policy/policy'
import { chinaDayStamp } from '../time/format'
import { cleanFreeText, freeText, optionalFreeText } from '../validation/free-text'
import type { Borrower, LoanApproval, LoanFile, LoanMode, OpenLoan } from './loan-request'
import { checkLoanRequest, daysOverdue } from './loan-request'
import type { LostFileFineProposal, ReturnedFile } from './loan-return'
import { checkLoanReturn } from './loan-return'

// The register 《档案借阅登记簿》 as rows: one loan per row, written by `lendStep` and closed by `returnStep`.
// The storage adapter loads the files and the open loans, calls these, and writes what they return.

export type LoanStatus = 'out' | 'returned'

export interface LoanLine {
  readonly fileId: string
  readonly pieces: number
  readonly staysInRoom: boolean
}

export interface LoanRecord extends SyncMeta {
  /** 借阅单号, e.g. JY20260309-001. */
  number: string
  policyId: string
  policyVersion: number
  borrowerKind: Borrower['kind']
  borrowerName: string
  borrowerOperatorId: string | null
  borrowerDepartment: string | null
  borrowerOrganisation: string | null
  borrowerDocuments: OutsiderDocument[]
  /** The files lent, one entry each; indexed for "is this file out?". */
  fileIds: string[]
  lines: LoanLine[]
  purpose: string
  mode: LoanMode
  takeOutReason: string | null
  requiredApprovers: string[]
  approvals: LoanApproval[]
  clause: string
  outOn: string
  dueOn: string
  status: LoanStatus
  returnedOn: string | null
  returnedFiles: ReturnedFile[] | null
  daysLate: number | null
  violation: boolean
  fineProposals: LostFileFineProposal[]
}

/** What the archive manager types to lend files; the files' secrecy and pieces are read by the adapter. */
export interface NewLoanInput {
  borrower: Borrower
  /** File ids with the pieces (份) counted out for each. */
  files: readonly { fileId: string; pieces: number; staysInRoom?: boolean }[]
  purpose: string
  mode: LoanMode
  takeOutReason?: string
  approvals: readonly LoanApproval[]
  outOn: string
}

const NAME_MAX = 20
const loanTextSchema = z.object({
  borrowerName: freeText({ label: '借阅人姓名', max: NAME_MAX, requiredMessage: '请填写借阅人姓名' }),
  organisation: optionalFreeText({ label: '借阅人工作单位', max: 60 }),
  department: optionalFreeText({ label: '借阅人部门', max: 30 }),
  purpose: freeText({ label: '借阅用途', max: 200, requiredMessage: '请填写借阅用途' }),
  takeOutReason: optionalFreeText({ label: '带出原因', max: 200 }),
  approvers: z.array(freeText({ label: '批准人姓名', max: NAME_MAX }))
})

function refuse(code: string, message: string, details: Record<string, string> = {}): never {
  throw new DomainError(code, message, details)
}

/** The counter a China day's loan numbers draw from. */
export function loanCounterId(at: Date): string {
  return `loan:${chinaDayStamp(at)}`
}

/** JY20260309-001: the day's first loan (China time). */
export function loanNumber(at: Date, seq: number): string {
  return `JY${chinaDayStamp(at)}-${String(seq).padStart(3, '0')}`
}

/** Cleans what was typed (names, purpose, reasons) and refuses what the policy cannot accept, before anything is read. */
export function cleanLoanInput(input: NewLoanInput): NewLoanInput {
  const b = input.borrower
  // A blank approver line is an approval not given: the request check then names the approver missing.
  const given = input.approvals.filter((a) => cleanFreeText(a.approvedBy) !== '')
  const parsed = loanTextSchema.safeParse({
    borrowerName: b.name,
    organisation: b.kind === 'outsider' ? b.organisation : null,
    department: b.kind === 'staff' ? b.department : null,
    purpose: input.purpose,
    takeOutReason: input.takeOutReason ?? null,
    approvers: given.map((a) => a.approvedBy)
  })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    refuse('LOAN_INVALID', issue.message, { field: String(issue.path[0] ?? ''), message: issue.message })
  }
  const text = parsed.data
  const seen = new Set<string>()
  for (const file of input.files) {
    if (seen.has(file.fileId)) refuse('LOAN_FILE_TWICE', '同一份档案在本次借阅中登记了两次')
    seen.add(file.fileId)
    if (!Number.isInteger(file.pieces) || file.pieces < 1 || file.pieces > 999) {
      refuse('LOAN_PIECES_INVALID', '借出份数应为 1 至 999 的整数', { value: String(file.pieces) })
    }
  }
  const borrower: Borrower =
    b.kind === 'staff'
      ? { kind: 'staff', operatorId: b.operatorId, name: text.borrowerName, department: text.department ?? '' }
      : { kind: 'outsider', name: text.borrowerName, organisation: text.organisation ?? '', documents: b.documents }
  return {
    ...input,
    borrower,
    purpose: text.purpose,
    takeOutReason: text.takeOutReason ?? undefined,
    approvals: given.map((a, i) => ({ approverTitle: a.approverTitle, approvedBy: text.approvers[i]! }))
  }
}

/** The register's open loans, as the request check reads them. */
export function openLoansOf(loans: readonly LoanRecord[]): OpenLoan[] {
  return loans
    .filter((l) => l.status === 'out' && l.deletedAt === null)
    .map((l) => ({ loanId: l.id, fileIds: l.fileIds, borrowerName: l.borrowerName, outOn: l.outOn }))
}

/** The new loan and its audit event, or the policy's refusal (file already out, borrower not allowed, approvals missing…). */
export function lendStep(
  policy: Pick<Policy, 'id' | 'version' | 'loans' | 'deadlines'>,
  input: NewLoanInput,
  files: readonly LoanFile[],
  openLoans: readonly OpenLoan[],
  ids: { id: string; number: string },
  actor: Actor,
  at: string
): { record: LoanRecord; audit: AuditEntry } {
  const clean = cleanLoanInput(input)
  const decision = checkLoanRequest(
    policy,
    {
      borrower: clean.borrower,
      files,
      purpose: clean.purpose,
      mode: clean.mode,
      takeOutReason: clean.takeOutReason,
      approvals: clean.approvals,
      outOn: clean.outOn
    },
    openLoans
  )
  const b = clean.borrower
  const record: LoanRecord = {
    ...newSyncMeta(ids.id, actor, at),
    number: ids.number,
    policyId: policy.id,
    policyVersion: policy.version,
    borrowerKind: b.kind,
    borrowerName: b.name,
    borrowerOperatorId: b.kind === 'staff' ? b.operatorId : null,
    borrowerDepartment: b.kind === 'staff' ? b.department || null : null,
    borrowerOrganisation: b.kind === 'outsider' ? b.organisation : null,
    borrowerDocuments: b.kind === 'outsider' ? [...b.documents] : [],
    fileIds: files.map((f) => f.fileId),
    lines: files.map((f) => ({ fileId: f.fileId, pieces: f.pieces, staysInRoom: f.staysInRoom === true })),
    purpose: clean.purpose,
    mode: decision.mode,
    takeOutReason: decision.mode === 'take_out' ? (clean.takeOutReason ?? null) : null,
    requiredApprovers: [...decision.requiredApprovers],
    approvals: clean.approvals.filter((a) => decision.requiredApprovers.includes(a.approverTitle)),
    clause: decision.clause,
    outOn: decision.outOn,
    dueOn: decision.dueOn,
    status: 'out',
    returnedOn: null,
    returnedFiles: null,
    daysLate: null,
    violation: false,
    fineProposals: []
  }
  return {
    record,
    audit: {
      action: 'loan.lend',
      entity: 'loan',
      entityId: record.id,
      changes: {
        number: record.number,
        borrower: record.borrowerName,
        fileIds: record.fileIds,
        mode: record.mode,
        outOn: record.outOn,
        dueOn: record.dueOn
      },
      summary: `借出 ${record.number}：${record.fileIds.length} 份档案借给${record.borrowerName}，${record.dueOn} 前归还`
    }
  }
}

/** The closed loan and its audit event: counted, late days, violation and fine proposals decided by the policy. */
export function returnStep(
  policy: Pick<Policy, 'loans' | 'fines'>,
  loan: LoanRecord,
  files: readonly LoanFile[],
  returned: { returnedOn: string; files: readonly ReturnedFile[] },
  actor: Actor,
  at: string
): { record: LoanRecord; audit: AuditEntry } {
  if (loan.status !== 'out') {
    refuse('LOAN_ALREADY_RETURNED', `借阅 ${loan.number} 已于 ${loan.returnedOn ?? ''} 归还`, {
      number: loan.number,
      returnedOn: loan.returnedOn ?? ''
    })
  }
  const outcome = checkLoanReturn(policy, { loanId: loan.id, files, outOn: loan.outOn, dueOn: loan.dueOn }, returned)
  const record: LoanRecord = {
    ...loan,
    status: 'returned',
    returnedOn: outcome.returnedOn,
    returnedFiles: returned.files.map((f) => ({ ...f })),
    daysLate: outcome.daysLate,
    violation: outcome.violation,
    fineProposals: [...outcome.fineProposals],
    updatedAt: at,
    updatedBy: actor.operatorId,
    rev: loan.rev + 1
  }
  return {
    record,
    audit: {
      action: 'loan.return',
      entity: 'loan',
      entityId: loan.id,
      changes: {
        status: ['out', 'returned'],
        returnedOn: outcome.returnedOn,
        daysLate: outcome.daysLate,
        violation: outcome.violation,
        damagedOrLost: outcome.damagedOrLost
      },
      summary:
        `归还 ${loan.number}` +
        (outcome.daysLate > 0 ? `：逾期 ${outcome.daysLate} 天` : '') +
        (outcome.damagedOrLost.length ? `，${outcome.damagedOrLost.length} 份损坏或遗失` : '')
    }
  }
}

/** Days the loan is or was overdue on `today` (China date). */
export function loanDaysOverdue(loan: Pick<LoanRecord, 'id' | 'dueOn' | 'returnedOn'>, today: string): number {
  return daysOverdue({ loanId: loan.id, dueOn: loan.dueOn, returnedOn: loan.returnedOn }, today)
}
