import { describe, expect, it } from 'vitest'
import type { Policy } from '../policy/policy'
import { FAW_VW_PRESET } from '../policy/presets/faw-vw'
import { SVW_SKODA_PRESET } from '../policy/presets/svw-skoda'
import type { Borrower, LoanFile, LoanRequest, OpenLoan } from './loan-request'
import { checkLoanRequest, daysOverdue, loanDays, overdueLoans, requiredLoanApprovers } from './loan-request'

const FAW = FAW_VW_PRESET
const staff: Borrower = { kind: 'staff', operatorId: 'op-7', name: '刘洋', department: '售后服务部' }
const outsider: Borrower = {
  kind: 'outsider',
  name: '周敏',
  organisation: '平安财产保险股份有限公司广州分公司',
  documents: ['introduction_letter', 'id_document']
}
const ordinary: LoanFile = { fileId: 'f-1', archiveNumber: 'FW-2024-0318', secrecy: 'ordinary', pieces: 7 }
const confidential: LoanFile = { fileId: 'f-2', archiveNumber: 'FW-2023-0101', secrecy: 'confidential', pieces: 5 }

const request = (over: Partial<LoanRequest> = {}): LoanRequest => ({
  borrower: staff,
  files: [ordinary],
  purpose: '索赔复核',
  mode: 'take_out',
  takeOutReason: '厂家索赔复核需复印',
  approvals: [{ approverTitle: '部门负责人', approvedBy: '孙海' }],
  outOn: '2026-03-02',
  ...over
})

describe('loan request (客户信息管理制度 第18–19条; 档案归档与借阅管理制度 第三章)', () => {
  it('第三章第一节: staff with the department head’s approval; due 3 days after (第19条5: 不得超过三天)', () => {
    const d = checkLoanRequest(FAW, request(), [])
    expect(d).toMatchObject({
      mode: 'take_out',
      dueOn: '2026-03-05',
      requiredApprovers: ['部门负责人'],
      keptInRoom: []
    })
    expect(loanDays(FAW)).toBe(3)
  })

  it('the return period follows the policy’s loanReturn deadline; a deadline not in calendar days falls back to 3', () => {
    const five: Policy = {
      ...FAW,
      deadlines: {
        ...FAW.deadlines,
        loanReturn: { ...FAW.deadlines.loanReturn, rule: { kind: 'calendar_days_after', days: 5, from: 'loan_out' } }
      }
    }
    expect(checkLoanRequest(five, request(), []).dueOn).toBe('2026-03-07')
    const hours: Policy = {
      ...FAW,
      deadlines: {
        ...FAW.deadlines,
        loanReturn: { ...FAW.deadlines.loanReturn, rule: { kind: 'hours_after', hours: 24, from: 'loan_out' } }
      }
    }
    expect(loanDays(hours)).toBe(3)
  })

  it('without the department head’s approval the loan is refused', () => {
    expect(() => checkLoanRequest(FAW, request({ approvals: [] }), [])).toThrow(
      expect.objectContaining({
        code: 'LOAN_APPROVAL_MISSING',
        message: '借阅须经部门负责人批准',
        details: { approver: '部门负责人' }
      })
    )
    expect(() =>
      checkLoanRequest(FAW, request({ approvals: [{ approverTitle: '部门负责人', approvedBy: ' ' }] }), [])
    ).toThrow(expect.objectContaining({ code: 'LOAN_APPROVAL_MISSING' }))
  })

  it('第三章第二节: an outsider needs 负责人 then 经理, in that order', () => {
    const both = [
      { approverTitle: '负责人', approvedBy: '孙海' },
      { approverTitle: '经理', approvedBy: '钱伟' }
    ]
    expect(checkLoanRequest(FAW, request({ borrower: outsider, approvals: both }), []).requiredApprovers).toEqual([
      '负责人',
      '经理'
    ])
    expect(() => checkLoanRequest(FAW, request({ borrower: outsider, approvals: [both[1]!, both[0]!] }), [])).toThrow(
      expect.objectContaining({ code: 'LOAN_APPROVAL_OUT_OF_ORDER', details: { approver: '经理', before: '负责人' } })
    )
    expect(() => checkLoanRequest(FAW, request({ borrower: outsider, approvals: [both[0]!] }), [])).toThrow(
      expect.objectContaining({ code: 'LOAN_APPROVAL_MISSING', details: { approver: '经理' } })
    )
  })

  it('第三章第二节: an outsider without an introduction letter, an ID document or an organisation is refused', () => {
    const approvals = [
      { approverTitle: '负责人', approvedBy: '孙海' },
      { approverTitle: '经理', approvedBy: '钱伟' }
    ]
    const without = (over: Partial<Extract<Borrower, { kind: 'outsider' }>>) =>
      checkLoanRequest(
        FAW,
        request({ borrower: { ...(outsider as Extract<Borrower, { kind: 'outsider' }>), ...over }, approvals }),
        []
      )
    expect(() => without({ documents: ['id_document'] })).toThrow(
      expect.objectContaining({ code: 'LOAN_INTRODUCTION_LETTER_MISSING' })
    )
    expect(() => without({ documents: ['introduction_letter'] })).toThrow(
      expect.objectContaining({ code: 'LOAN_ID_DOCUMENT_MISSING' })
    )
    expect(() => without({ organisation: '' })).toThrow(
      expect.objectContaining({ code: 'LOAN_OUTSIDER_ORGANISATION_REQUIRED', details: { name: '周敏' } })
    )
    const lenient: Policy = { ...FAW, loans: { ...FAW.loans, outsiderRequires: [] } }
    expect(
      checkLoanRequest(
        lenient,
        request({ borrower: { ...(outsider as Extract<Borrower, { kind: 'outsider' }>), documents: [] }, approvals }),
        []
      ).mode
    ).toBe('take_out')
  })

  it('第18条4, 第22条: a 机密 file also needs the manager and is read in the room only', () => {
    expect(requiredLoanApprovers(FAW, staff, [ordinary, confidential])).toEqual(['部门负责人', '经理'])
    const approvals = [
      { approverTitle: '部门负责人', approvedBy: '孙海' },
      { approverTitle: '经理', approvedBy: '钱伟' }
    ]
    const d = checkLoanRequest(FAW, request({ files: [ordinary, confidential], approvals }), [])
    expect(d).toMatchObject({ mode: 'in_room', keptInRoom: ['FW-2023-0101'], dueOn: '2026-03-02' })
    expect(() => checkLoanRequest(FAW, request({ files: [confidential] }), [])).toThrow(
      expect.objectContaining({ code: 'LOAN_APPROVAL_MISSING', details: { approver: '经理' } })
    )
    // an outsider's 经理 is not added twice; a policy may name its own approver for classified files
    expect(requiredLoanApprovers(FAW, outsider, [confidential])).toEqual(['负责人', '经理'])
    const named: Policy = { ...FAW, loans: { ...FAW.loans, classifiedApprovers: ['客户服务部经理'] } }
    expect(requiredLoanApprovers(named, staff, [confidential])).toEqual(['部门负责人', '客户服务部经理'])
  })

  it('a file marked to stay in the room is lent for in-room reading only', () => {
    const d = checkLoanRequest(FAW, request({ files: [{ ...ordinary, staysInRoom: true }] }), [])
    expect(d).toMatchObject({ mode: 'in_room', keptInRoom: ['FW-2024-0318'], dueOn: '2026-03-02' })
  })

  it('第三章第二节第二条: files normally stay in the room; taking one out needs the special case written down', () => {
    expect(() => checkLoanRequest(FAW, request({ takeOutReason: ' ' }), [])).toThrow(
      expect.objectContaining({ code: 'LOAN_TAKE_OUT_REASON_REQUIRED' })
    )
    expect(checkLoanRequest(FAW, request({ takeOutReason: undefined, mode: 'in_room' }), []).dueOn).toBe('2026-03-02')
    const open: Policy = { ...FAW, loans: { ...FAW.loans, filesStayInRoom: false } }
    expect(checkLoanRequest(open, request({ takeOutReason: undefined }), []).mode).toBe('take_out')
  })

  it('lending a file already out is refused with who has it and since when', () => {
    const out: OpenLoan = { loanId: 'l-1', fileIds: ['f-9', 'f-1'], borrowerName: '吴强', outOn: '2026-03-01' }
    expect(() => checkLoanRequest(FAW, request(), [out])).toThrow(
      expect.objectContaining({
        code: 'LOAN_FILE_ALREADY_OUT',
        message: '档案 FW-2024-0318 已于 2026-03-01 借给吴强，尚未归还',
        details: { archiveNumber: 'FW-2024-0318', borrower: '吴强', since: '2026-03-01' }
      })
    )
    expect(checkLoanRequest(FAW, request(), [{ ...out, fileIds: ['f-9'] }]).mode).toBe('take_out')
  })

  it('refuses a request without files, purpose, borrower name or a real date', () => {
    expect(() => checkLoanRequest(FAW, request({ files: [] }), [])).toThrow(
      expect.objectContaining({ code: 'LOAN_NO_FILES' })
    )
    expect(() => checkLoanRequest(FAW, request({ purpose: ' ' }), [])).toThrow(
      expect.objectContaining({ code: 'LOAN_PURPOSE_REQUIRED' })
    )
    expect(() => checkLoanRequest(FAW, request({ borrower: { ...staff, name: '' } }), [])).toThrow(
      expect.objectContaining({ code: 'LOAN_BORROWER_NAME_REQUIRED' })
    )
    expect(() => checkLoanRequest(FAW, request({ outOn: '2026-02-29' }), [])).toThrow(
      expect.objectContaining({ code: 'LOAN_DATE_INVALID', details: { value: '2026-02-29' } })
    )
  })

  it('SVW-Skoda 二.6 lends by the same lending rules', () => {
    expect(checkLoanRequest(SVW_SKODA_PRESET, request(), []).dueOn).toBe('2026-03-05')
  })
})

describe('overdue (档案归档与借阅管理制度 第四章第二条: 逾期未归还档案者按违纪处理)', () => {
  const loans = [
    { loanId: 'a', dueOn: '2026-03-05', returnedOn: null },
    { loanId: 'b', dueOn: '2026-03-03', returnedOn: null },
    { loanId: 'c', dueOn: '2026-03-01', returnedOn: '2026-03-04' }
  ]

  it('not overdue on the due day, overdue the day after; returned loans are not listed', () => {
    expect(overdueLoans(loans, '2026-03-05').map((l) => l.loanId)).toEqual(['b'])
    expect(overdueLoans(loans, '2026-03-06').map((l) => l.loanId)).toEqual(['b', 'a'])
    expect(daysOverdue(loans[0]!, '2026-03-05')).toBe(0)
    expect(daysOverdue(loans[0]!, '2026-03-08')).toBe(3)
  })

  it('a late return stays late by the days to its return', () => {
    expect(daysOverdue(loans[2]!, '2026-04-01')).toBe(3)
    expect(daysOverdue(loans[2]!, '2026-03-02')).toBe(1)
  })

  it('refuses a date that is not real', () => {
    expect(() => overdueLoans(loans, '2026-3-5')).toThrow(expect.objectContaining({ code: 'LOAN_DATE_INVALID' }))
  })
})

describe('each refusal of a loan says what is wrong in Chinese', () => {
  const outsiderApprovals = [
    { approverTitle: '负责人', approvedBy: '孙海' },
    { approverTitle: '经理', approvedBy: '钱伟' }
  ]
  const asOutsider = (over: object) =>
    request({ borrower: { ...outsider, ...over } as Borrower, approvals: outsiderApprovals })
  const cases: [string, LoanRequest, string, Record<string, string>][] = [
    [
      'LOAN_DATE_INVALID',
      request({ outOn: '2026-3-2' }),
      '日期“2026-3-2”不是有效日期（应为 年-月-日）',
      { value: '2026-3-2' }
    ],
    ['LOAN_NO_FILES', request({ files: [] }), '请选择要借阅的档案', {}],
    ['LOAN_PURPOSE_REQUIRED', request({ purpose: '   ' }), '请填写借阅用途', {}],
    ['LOAN_BORROWER_NAME_REQUIRED', request({ borrower: { ...staff, name: '  ' } }), '请填写借阅人姓名', {}],
    [
      'LOAN_OUTSIDER_ORGANISATION_REQUIRED',
      asOutsider({ organisation: ' ' }),
      '外单位借阅人周敏须登记工作单位',
      { name: '周敏' }
    ],
    [
      'LOAN_INTRODUCTION_LETTER_MISSING',
      asOutsider({ documents: [] }),
      '外单位借阅人周敏须持单位介绍信',
      { name: '周敏' }
    ],
    [
      'LOAN_ID_DOCUMENT_MISSING',
      asOutsider({ documents: ['introduction_letter'] }),
      '外单位借阅人周敏须出示身份证件',
      { name: '周敏' }
    ],
    [
      'LOAN_APPROVAL_OUT_OF_ORDER',
      request({ borrower: outsider, approvals: [outsiderApprovals[1]!, outsiderApprovals[0]!] }),
      '借阅须先经负责人批准，再报经理批准',
      { approver: '经理', before: '负责人' }
    ],
    [
      'LOAN_TAKE_OUT_REASON_REQUIRED',
      request({ takeOutReason: undefined }),
      '档案一般不得带出室外；确需带出须写明特殊情况',
      {}
    ]
  ]
  it.each(cases)('%s', (code, req, message, details) => {
    expect(() => checkLoanRequest(FAW, req, [])).toThrow(expect.objectContaining({ code, message, details }))
  })

  it('an in-room request keeps no list of files held back, even for a 机密 file', () => {
    const approvals = [
      { approverTitle: '部门负责人', approvedBy: '孙海' },
      { approverTitle: '经理', approvedBy: '钱伟' }
    ]
    expect(
      checkLoanRequest(FAW, request({ mode: 'in_room', files: [confidential], approvals }), []).keptInRoom
    ).toEqual([])
  })

  it('the overdue list is sorted by due date whatever the register order', () => {
    const register = [
      { loanId: 'x', dueOn: '2026-02-20', returnedOn: null },
      { loanId: 'y', dueOn: '2026-01-10', returnedOn: null },
      { loanId: 'z', dueOn: '2026-02-01', returnedOn: null },
      { loanId: 'w', dueOn: '2026-01-25', returnedOn: null }
    ]
    expect(overdueLoans(register, '2026-03-01').map((l) => l.loanId)).toEqual(['y', 'w', 'z', 'x'])
  })
})
