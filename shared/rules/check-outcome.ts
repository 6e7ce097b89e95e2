// The result of one automatic rule: a status and a Chinese sentence with the numbers that decided it.

export type CheckStatus = 'pass' | 'fail' | 'not_applicable' | 'incomplete'

export const CHECK_STATUS_LABELS: Readonly<Record<CheckStatus, string>> = {
  pass: '合格',
  fail: '不合格',
  not_applicable: '不适用',
  incomplete: '信息未录入'
}

export interface CheckOutcome {
  readonly status: CheckStatus
  readonly message: string
}

export const passed = (message: string): CheckOutcome => ({ status: 'pass', message })
export const failed = (message: string): CheckOutcome => ({ status: 'fail', message })
export const notApplicable = (message: string): CheckOutcome => ({ status: 'not_applicable', message })
export const incomplete = (message: string): CheckOutcome => ({ status: 'incomplete', message })
