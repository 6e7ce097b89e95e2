import { addCalendarDays, calendarDaysBetween, isCalendarDate } from '../dates/calendar-period'
import { DomainError } from '../model/domain-error'
import type { SecrecyLevel } from '../operators/secrecy'
import type { Policy } from '../policy/policy'
import type { OutsiderDocument } from '../policy/loan-policy'

// Lending vehicle files (借阅), from the policy in force:
// - 客户信息管理制度 第18–20条: a request with purpose, signed by the borrower's department head, out
//   for at most three days, written into the register and cancelled on return; outsiders bring an
//   introduction letter or work pass; a 密级 file needs the customer-service manager (第18条4, 第22条).
// - 档案归档与借阅管理制度 第三章: staff with their department head's approval; outsiders with the
//   organisation's introduction letter and an ID document, approved by the 负责人 and then the 经理;
//   files normally stay in the room and leave it only in a special case, recorded in 《档案借阅登记簿》.
// - 第四章: a late return is a disciplinary violation; both sides count the files on return; loss or
//   damage is reported (and under SVW-Skoda 五.7 fined per file).

/** The policy's return period when the deadline rule is not counted in calendar days (第19条5: 三天). */
export const DEFAULT_LOAN_DAYS = 3

/** Added to the approvers for a 机密/绝密 file when the policy names none (第18条4). */
export const DEFAULT_CLASSIFIED_APPROVERS: readonly string[] = ['经理']

export type Borrower =
  | { readonly kind: 'staff'; readonly operatorId: string; readonly name: string; readonly department: string }
  | {
      readonly kind: 'outsider'
      readonly name: string
      readonly organisation: string
      /** The documents the borrower showed and the archive manager recorded. */
      readonly documents: readonly OutsiderDocument[]
    }

export interface LoanFile {
  readonly fileId: string
  readonly archiveNumber: string
  readonly secrecy: SecrecyLevel
  /** How many pieces (份) the file holds when it goes out; counted again on return. */
  readonly pieces: number
  /** The archive manager has marked it to be read in the room only (e.g. it holds an original). */
  readonly staysInRoom?: boolean
}

/** A loan not yet returned, as the register holds it. */
export interface OpenLoan {
  readonly loanId: string
  readonly fileIds: readonly string[]
  readonly borrowerName: string
  readonly outOn: string
}

export interface LoanApproval {
  /** The title the policy names, e.g. '部门负责人', '经理'. */
  readonly approverTitle: string
  readonly approvedBy: string
}

export type LoanMode = 'take_out' | 'in_room'

export interface LoanRequest {
  readonly borrower: Borrower
  readonly files: readonly LoanFile[]
  readonly purpose: string
  readonly mode: LoanMode
  /** 档案归档与借阅管理制度 第三章第二节第二条: the special case for taking files out of the room. */
  readonly takeOutReason?: string
  readonly approvals: readonly LoanApproval[]
  readonly outOn: string
}

export interface LoanDecision {
  /** 'in_room' also when a take-out was asked but a file must stay in the room. */
  readonly mode: LoanMode
  /** Archive numbers of the files that kept the loan in the room. */
  readonly keptInRoom: readonly string[]
  readonly requiredApprovers: readonly string[]
  readonly outOn: string
  /** The last day the files may be out; in-room reading ends the same day. */
  readonly dueOn: string
  readonly clause: string
}

type LoanRules = Pick<Policy, 'loans' | 'deadlines'>

function refuse(code: string, message: string, details: Record<string, string> = {}): never {
  throw new DomainError(code, message, details)
}

function assertDate(value: string): void {
  if (!isCalendarDate(value)) refuse('LOAN_DATE_INVALID', `日期“${value}”不是有效日期（应为 年-月-日）`, { value })
}

/** Days a file may be out under the policy (deadlines.loanReturn). */
export function loanDays(policy: Pick<Policy, 'deadlines'>): number {
  const rule = policy.deadlines.loanReturn.rule
  return rule.kind === 'calendar_days_after' ? rule.days : DEFAULT_LOAN_DAYS
}

/** The approvers the policy names for this borrower and these files, in order. */
export function requiredLoanApprovers(
  policy: Pick<Policy, 'loans'>,
  borrower: Borrower,
  files: readonly LoanFile[]
): string[] {
  const approvers = [...(borrower.kind === 'staff' ? policy.loans.staffApprovers : policy.loans.outsiderApprovers)]
  if (files.some((f) => f.secrecy !== 'ordinary')) {
    for (const title of policy.loans.classifiedApprovers ?? DEFAULT_CLASSIFIED_APPROVERS) {
      if (!approvers.includes(title)) approvers.push(title)
    }
  }
  return approvers
}

/** Whether a file may leave the room at all (第22条: 机密/绝密 stored apart under a named keeper). */
function mustStayInRoom(file: LoanFile): boolean {
  return file.staysInRoom === true || file.secrecy !== 'ordinary'
}

function checkBorrower(policy: LoanRules, borrower: Borrower): void {
  if (borrower.name.trim() === '') refuse('LOAN_BORROWER_NAME_REQUIRED', '请填写借阅人姓名')
  if (borrower.kind === 'staff') return
  if (borrower.organisation.trim() === '') {
    refuse('LOAN_OUTSIDER_ORGANISATION_REQUIRED', `外单位借阅人${borrower.name}须登记工作单位`, { name: borrower.name })
  }
  for (const document of policy.loans.outsiderRequires) {
    if (borrower.documents.includes(document)) continue
    if (document === 'introduction_letter') {
      refuse('LOAN_INTRODUCTION_LETTER_MISSING', `外单位借阅人${borrower.name}须持单位介绍信`, { name: borrower.name })
    }
    refuse('LOAN_ID_DOCUMENT_MISSING', `外单位借阅人${borrower.name}须出示身份证件`, { name: borrower.name })
  }
}

function checkApprovals(request: LoanRequest, required: readonly string[]): void {
  let previous = -1
  for (const [index, title] of required.entries()) {
    const at = request.approvals.findIndex((a) => a.approverTitle === title && a.approvedBy.trim() !== '')
    if (at < 0) refuse('LOAN_APPROVAL_MISSING', `借阅须经${title}批准`, { approver: title })
    if (at < previous) {
      const before = required[index - 1]!
      refuse('LOAN_APPROVAL_OUT_OF_ORDER', `借阅须先经${before}批准，再报${title}批准`, { approver: title, before })
    }
    previous = at
  }
}

/** The decision on a loan request, or a refusal saying why. `openLoans`: the register's loans not yet returned. */
export function checkLoanRequest(
  policy: LoanRules,
  request: LoanRequest,
  openLoans: readonly OpenLoan[]
): LoanDecision {
  assertDate(request.outOn)
  if (request.files.length === 0) refuse('LOAN_NO_FILES', '请选择要借阅的档案')
  if (request.purpose.trim() === '') refuse('LOAN_PURPOSE_REQUIRED', '请填写借阅用途')
  checkBorrower(policy, request.borrower)
  for (const file of request.files) {
    const out = openLoans.find((loan) => loan.fileIds.includes(file.fileId))
    if (out) {
      refuse(
        'LOAN_FILE_ALREADY_OUT',
        `档案 ${file.archiveNumber} 已于 ${out.outOn} 借给${out.borrowerName}，尚未归还`,
        {
          archiveNumber: file.archiveNumber,
          borrower: out.borrowerName,
          since: out.outOn
        }
      )
    }
  }
  const requiredApprovers = requiredLoanApprovers(policy, request.borrower, request.files)
  checkApprovals(request, requiredApprovers)
  const keptInRoom = request.mode === 'take_out' ? request.files.filter(mustStayInRoom).map((f) => f.archiveNumber) : []
  const mode: LoanMode = request.mode === 'take_out' && keptInRoom.length === 0 ? 'take_out' : 'in_room'
  if (mode === 'take_out' && policy.loans.filesStayInRoom && (request.takeOutReason ?? '').trim() === '') {
    refuse('LOAN_TAKE_OUT_REASON_REQUIRED', '档案一般不得带出室外；确需带出须写明特殊情况')
  }
  return {
    mode,
    keptInRoom,
    requiredApprovers,
    outOn: request.outOn,
    dueOn: mode === 'in_room' ? request.outOn : addCalendarDays(request.outOn, loanDays(policy)),
    clause: policy.loans.clause
  }
}

/** A loan as the register holds it, for the overdue list. */
export interface RegisteredLoan {
  readonly loanId: string
  readonly dueOn: string
  readonly returnedOn: string | null
}

/** Whole days a loan is overdue on China date `onDate` (0 when not overdue); a returned loan counts to its return. */
export function daysOverdue(loan: RegisteredLoan, onDate: string): number {
  assertDate(onDate)
  const until = loan.returnedOn !== null && loan.returnedOn < onDate ? loan.returnedOn : onDate
  return Math.max(0, calendarDaysBetween(loan.dueOn, until))
}

/** The loans still out and past their due date on `onDate`, most overdue first. */
export function overdueLoans<T extends RegisteredLoan>(loans: readonly T[], onDate: string): T[] {
  return loans
    .filter((loan) => loan.returnedOn === null && daysOverdue(loan, onDate) > 0)
    .sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : 0))
}
