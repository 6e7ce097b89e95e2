import { isCalendarDate } from '../dates/calendar-period'
import { DomainError } from '../model/domain-error'
import type { Penalty } from '../policy/fine-schedule'
import type { Policy } from '../policy/policy'
import type { LoanFile } from './loan-request'
import { daysOverdue } from './loan-request'

// Return of a loan (客户信息管理制度 第20条; 档案归档与借阅管理制度 第四章第二、三条): both sides count
// the files; a short count is recorded as damage or loss, never as intact; late is a violation where
// the policy says so; a lost or damaged file proposes the policy's lost-file fine (SVW-Skoda 五.7).

export type ReturnedCondition = 'intact' | 'damaged' | 'lost'

export interface ReturnedFile {
  readonly fileId: string
  /** Pieces (份) counted on return, in front of the borrower. */
  readonly piecesCounted: number
  readonly condition: ReturnedCondition
}

export interface LoanOut {
  readonly loanId: string
  readonly files: readonly LoanFile[]
  readonly outOn: string
  readonly dueOn: string
}

/** A fine the fines module may raise; data only, nothing is charged here. */
export interface LostFileFineProposal {
  readonly ruleCode: string
  readonly clause: string
  readonly fileId: string
  readonly archiveNumber: string
  readonly condition: 'damaged' | 'lost'
  readonly penalty: Penalty
}

export interface LoanReturnOutcome {
  readonly loanId: string
  readonly returnedOn: string
  readonly daysLate: number
  /** 逾期未归还档案者按违纪处理, where the policy says so. */
  readonly violation: boolean
  readonly damagedOrLost: readonly { readonly fileId: string; readonly condition: 'damaged' | 'lost' }[]
  readonly fineProposals: readonly LostFileFineProposal[]
}

function refuse(code: string, message: string, details: Record<string, string> = {}): never {
  throw new DomainError(code, message, details)
}

/** The outcome of returning `loan` with the files as counted; refused when the count does not add up. */
export function checkLoanReturn(
  policy: Pick<Policy, 'loans' | 'fines'>,
  loan: LoanOut,
  returned: { readonly returnedOn: string; readonly files: readonly ReturnedFile[] }
): LoanReturnOutcome {
  const { returnedOn } = returned
  if (!isCalendarDate(returnedOn)) {
    refuse('LOAN_DATE_INVALID', `日期“${returnedOn}”不是有效日期（应为 年-月-日）`, { value: returnedOn })
  }
  if (returnedOn < loan.outOn) {
    refuse('LOAN_RETURN_BEFORE_OUT', `归还日期 ${returnedOn} 早于借出日期 ${loan.outOn}`, {
      returnedOn,
      outOn: loan.outOn
    })
  }
  for (const r of returned.files) {
    if (!loan.files.some((f) => f.fileId === r.fileId)) {
      refuse('LOAN_RETURN_FILE_NOT_LENT', `归还的档案（${r.fileId}）不在本次借阅中`, { fileId: r.fileId })
    }
  }
  const damagedOrLost: { fileId: string; condition: 'damaged' | 'lost' }[] = []
  for (const file of loan.files) {
    const r = returned.files.find((x) => x.fileId === file.fileId)
    if (!r) {
      refuse('LOAN_RETURN_FILE_UNACCOUNTED', `档案 ${file.archiveNumber} 未清点：请登记归还份数，遗失的登记为遗失`, {
        archiveNumber: file.archiveNumber
      })
    }
    if (r.condition === 'intact' && r.piecesCounted !== file.pieces) {
      refuse(
        'LOAN_RETURN_COUNT_MISMATCH',
        `档案 ${file.archiveNumber} 借出 ${file.pieces} 份，清点 ${r.piecesCounted} 份：份数不符的请登记为损坏或遗失`,
        { archiveNumber: file.archiveNumber, lent: String(file.pieces), counted: String(r.piecesCounted) }
      )
    }
    if (r.condition !== 'intact') damagedOrLost.push({ fileId: file.fileId, condition: r.condition })
  }
  const daysLate = daysOverdue({ loanId: loan.loanId, dueOn: loan.dueOn, returnedOn }, returnedOn)
  const fineRules = policy.fines.rules.filter((rule) => rule.trigger === 'archive_lost_or_damaged')
  const fineProposals = damagedOrLost.flatMap(({ fileId, condition }) =>
    fineRules.map((rule) => ({
      ruleCode: rule.code,
      clause: rule.clause,
      fileId,
      archiveNumber: loan.files.find((f) => f.fileId === fileId)!.archiveNumber,
      condition,
      penalty: rule.penalty
    }))
  )
  return {
    loanId: loan.loanId,
    returnedOn,
    daysLate,
    violation: daysLate > 0 && policy.loans.overdueIsViolation,
    damagedOrLost,
    fineProposals
  }
}
