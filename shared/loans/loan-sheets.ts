import type { AuditEntry } from '../audit/audit-entry'
import type { PrintStamp } from '../audit/print-record'
import { OUTSIDER_DOCUMENT_LABELS } from '../policy/loan-policy'
import type { LoanRecord } from './loan-record'
import { loanDaysOverdue } from './loan-record'

// What the loan slip (借阅单) and the register 《档案借阅登记簿》 print: built from the loan rows and the files
// as the access decision presented them (a file the operator may not see comes in withheld).

/** One file of a loan as printed or listed. */
export interface LoanFileLine {
  fileId: string
  archiveNo: string
  vin: string
  plate: string | null
  /** Masked or withheld, as the access decision gave it. */
  ownerName: string
  pieces: number
  /** False when the operator may not see the file: the line keeps the count and names nothing. */
  visible: boolean
}

export const LOAN_MODE_LABELS = { take_out: '借出', in_room: '室内查阅' } as const
export const LOAN_CONDITION_LABELS = { intact: '完好', damaged: '损坏', lost: '遗失' } as const

export const LOAN_SLIP_TITLE = '借阅单'
export const LOAN_REGISTER_TITLE = '档案借阅登记簿'

export interface LoanSlipContent {
  dealershipName: string
  title: string
  number: string
  borrowerText: string
  documentsText: string
  purpose: string
  modeLabel: string
  takeOutReason: string | null
  approvals: { title: string; by: string }[]
  outOn: string
  dueOn: string
  returnedOn: string | null
  clause: string
  lines: LoanFileLine[]
}

export interface LoanRegisterRow {
  number: string
  outOn: string
  borrowerText: string
  archiveNos: string
  pieces: number
  purpose: string
  modeLabel: string
  approvalsText: string
  dueOn: string
  returnedOn: string | null
  /** 完好 / 损坏 1 份 / 遗失 1 份, or '' while out. */
  conditionText: string
  daysOverdue: number
}

export interface LoanRegisterContent {
  dealershipName: string
  title: string
  /** The period or filter the register was printed for, e.g. 全部 or 2026-03-01 至 2026-03-31. */
  scope: string
  asOf: string
  rows: LoanRegisterRow[]
  signOffBlock: readonly string[]
}

export type LoanSlip = LoanSlipContent & PrintStamp
export type LoanRegister = LoanRegisterContent & PrintStamp

/** 张三（售后服务部） or 王五（长春市公安局·外单位）. */
export function borrowerText(
  loan: Pick<LoanRecord, 'borrowerName' | 'borrowerKind' | 'borrowerDepartment' | 'borrowerOrganisation'>
): string {
  if (loan.borrowerKind === 'outsider') return `${loan.borrowerName}（${loan.borrowerOrganisation ?? ''}·外单位）`
  return loan.borrowerDepartment ? `${loan.borrowerName}（${loan.borrowerDepartment}）` : loan.borrowerName
}

export function approvalsText(loan: Pick<LoanRecord, 'approvals'>): string {
  return loan.approvals.map((a) => `${a.approverTitle} ${a.approvedBy}`).join('；')
}

export function returnConditionText(loan: Pick<LoanRecord, 'returnedFiles'>): string {
  if (!loan.returnedFiles) return ''
  const damaged = loan.returnedFiles.filter((f) => f.condition === 'damaged').length
  const lost = loan.returnedFiles.filter((f) => f.condition === 'lost').length
  const parts = [damaged ? `损坏 ${damaged} 份` : '', lost ? `遗失 ${lost} 份` : ''].filter(Boolean)
  return parts.length ? parts.join('，') : LOAN_CONDITION_LABELS.intact
}

export function buildLoanSlip(loan: LoanRecord, lines: LoanFileLine[], dealershipName: string): LoanSlipContent {
  return {
    dealershipName,
    title: LOAN_SLIP_TITLE,
    number: loan.number,
    borrowerText: borrowerText(loan),
    documentsText: loan.borrowerDocuments.map((d) => OUTSIDER_DOCUMENT_LABELS[d]).join('、'),
    purpose: loan.purpose,
    modeLabel: LOAN_MODE_LABELS[loan.mode],
    takeOutReason: loan.takeOutReason,
    approvals: loan.approvals.map((a) => ({ title: a.approverTitle, by: a.approvedBy })),
    outOn: loan.outOn,
    dueOn: loan.dueOn,
    returnedOn: loan.returnedOn,
    clause: loan.clause,
    lines
  }
}

export function loanRegisterRow(loan: LoanRecord, lines: readonly LoanFileLine[], today: string): LoanRegisterRow {
  return {
    number: loan.number,
    outOn: loan.outOn,
    borrowerText: borrowerText(loan),
    archiveNos: lines.map((l) => l.archiveNo).join('、'),
    pieces: lines.reduce((sum, l) => sum + l.pieces, 0),
    purpose: loan.purpose,
    modeLabel: LOAN_MODE_LABELS[loan.mode],
    approvalsText: approvalsText(loan),
    dueOn: loan.dueOn,
    returnedOn: loan.returnedOn,
    conditionText: returnConditionText(loan),
    daysOverdue: loanDaysOverdue(loan, today)
  }
}

export function loanSlipPrintEntry(loanId: string, slip: LoanSlipContent): AuditEntry {
  return {
    action: 'print',
    entity: 'loan',
    entityId: loanId,
    changes: { document: 'loanSlip', title: slip.title, number: slip.number, lines: slip.lines.length },
    summary: `打印${slip.title} ${slip.number}`
  }
}

export function loanRegisterPrintEntry(register: LoanRegisterContent): AuditEntry {
  return {
    action: 'print',
    entity: 'loanRegister',
    entityId: register.scope,
    changes: { document: 'loanRegister', title: register.title, scope: register.scope, rows: register.rows.length },
    summary: `打印《${register.title}》（${register.scope}，${register.rows.length} 条）`
  }
}
