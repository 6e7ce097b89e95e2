export type {
  Borrower,
  LoanApproval,
  LoanDecision,
  LoanFile,
  LoanMode,
  LoanRequest,
  OpenLoan,
  RegisteredLoan
} from './loan-request'
export {
  checkLoanRequest,
  daysOverdue,
  DEFAULT_CLASSIFIED_APPROVERS,
  DEFAULT_LOAN_DAYS,
  loanDays,
  overdueLoans,
  requiredLoanApprovers
} from './loan-request'
export type { LoanOut, LoanReturnOutcome, LostFileFineProposal, ReturnedCondition, ReturnedFile } from './loan-return'
export { checkLoanReturn } from './loan-return'
