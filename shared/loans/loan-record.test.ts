import { describe, expect, it } from 'vitest'
import { FAW_VW_PRESET } from '../policy/presets/faw-vw'
import { SVW_SKODA_PRESET } from '../policy/presets/svw-skoda'
import type { LoanFile } from './loan-request'
import type { NewLoanInput } from './loan-record'
import { cleanLoanInput, lendStep, loanDaysOverdue, loanNumber, openLoansOf, returnStep } from './loan-record'
import { loanRegisterRow, returnConditionText } from './loan-sheets'

const actor = { operatorId: 'acc-1', operatorName: '刘敏', deviceId: 'pc-1' }
const file: LoanFile = { fileId: 'f-1', archiveNumber: 'FW-2024-0318', secrecy: 'ordinary', pieces: 7 }
const input: NewLoanInput = {
  borrower: { kind: 'staff', operatorId: '', name: ' 刘\u202e洋 ', department: '售后服务部' },
  files: [{ fileId: 'f-1', pieces: 7 }],
  purpose: '索赔复核',
  mode: 'take_out',
  takeOutReason: '厂家索赔复核需复印',
  approvals: [{ approverTitle: '部门负责人', approvedBy: '孙海' }],
  outOn: '2026-03-02'
}
const lend = (over: Partial<NewLoanInput> = {}, open = openLoansOf([])) =>
  lendStep(
    FAW_VW_PRESET,
    { ...input, ...over },
    [file],
    open,
    { id: 'loan-1', number: 'JY20260302-001' },
    actor,
    '2026-03-02T02:00:00.000Z'
  )

describe('the loan row (《档案借阅登记簿》)', () => {
  it('cleans the borrower’s name of bidi characters and numbers the day’s loans in China time', () => {
    expect(cleanLoanInput(input).borrower.name).toBe('刘洋')
    expect(loanNumber(new Date('2026-03-01T17:00:00Z'), 7)).toBe('JY20260302-007')
  })

  it('writes the decision with its audit event, and refuses the same file while that loan is open', () => {
    const { record, audit } = lend()
    expect(record).toMatchObject({ status: 'out', dueOn: '2026-03-05', fileIds: ['f-1'], borrowerName: '刘洋' })
    expect(audit).toMatchObject({ action: 'loan.lend', entity: 'loan', entityId: 'loan-1' })
    expect(() => lend({}, openLoansOf([record]))).toThrow('档案 FW-2024-0318 已于 2026-03-02 借给刘洋，尚未归还')
    // A returned loan no longer holds the file.
    const back = returnStep(
      FAW_VW_PRESET,
      record,
      [file],
      { returnedOn: '2026-03-04', files: [{ fileId: 'f-1', piecesCounted: 7, condition: 'intact' }] },
      actor,
      '2026-03-04T02:00:00.000Z'
    )
    expect(openLoansOf([back.record])).toEqual([])
    expect(back.record).toMatchObject({ status: 'returned', daysLate: 0, violation: false, rev: 2 })
  })

  it('refuses a file entered twice and pieces that are not a whole positive number', () => {
    expect(() =>
      lend({
        files: [
          { fileId: 'f-1', pieces: 7 },
          { fileId: 'f-1', pieces: 1 }
        ]
      })
    ).toThrow('同一份档案在本次借阅中登记了两次')
    expect(() => lend({ files: [{ fileId: 'f-1', pieces: 0 }] })).toThrow('借出份数应为 1 至 999 的整数')
  })

  it('a late return is a violation with its days; a lost file proposes SVW-Skoda 五.7; a second return is refused', () => {
    const { record } = lend()
    const late = returnStep(
      SVW_SKODA_PRESET,
      record,
      [file],
      { returnedOn: '2026-03-09', files: [{ fileId: 'f-1', piecesCounted: 5, condition: 'lost' }] },
      actor,
      '2026-03-09T02:00:00.000Z'
    )
    expect(late.record).toMatchObject({ daysLate: 4, violation: true })
    expect(late.record.fineProposals.map((p) => [p.archiveNumber, p.condition])).toEqual([['FW-2024-0318', 'lost']])
    expect(late.audit.summary).toBe('归还 JY20260302-001：逾期 4 天，1 份损坏或遗失')
    expect(returnConditionText(late.record)).toBe('遗失 1 份')
    expect(() =>
      returnStep(SVW_SKODA_PRESET, late.record, [file], { returnedOn: '2026-03-09', files: [] }, actor, '')
    ).toThrow('借阅 JY20260302-001 已于 2026-03-09 归还')
  })

  it('counts overdue days to today while out, to the return once back', () => {
    const { record } = lend()
    expect(loanDaysOverdue(record, '2026-03-05')).toBe(0)
    expect(loanDaysOverdue(record, '2026-03-06')).toBe(1)
    expect(
      loanRegisterRow(
        record,
        [{ fileId: 'f-1', archiveNo: 'FW-2024-0318', vin: '', plate: null, ownerName: '', pieces: 7, visible: true }],
        '2026-03-08'
      )
    ).toMatchObject({ daysOverdue: 3, pieces: 7, conditionText: '' })
  })
})
