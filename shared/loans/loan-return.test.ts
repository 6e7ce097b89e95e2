import { describe, expect, it } from 'vitest'
import { FAW_VW_PRESET } from '../policy/presets/faw-vw'
import { SVW_SKODA_PRESET } from '../policy/presets/svw-skoda'
import type { LoanOut } from './loan-return'
import { checkLoanReturn } from './loan-return'

// 客户信息管理制度 第20条; 档案归档与借阅管理制度 第四章第二、三条 (借阅和归还档案时，双方要当面点清);
// SVW-Skoda 五.7: a file lost or damaged → 另罚款20元/件.

const loan: LoanOut = {
  loanId: 'l-1',
  outOn: '2026-03-02',
  dueOn: '2026-03-05',
  files: [
    { fileId: 'f-1', archiveNumber: 'SK-2024-0318', secrecy: 'ordinary', pieces: 7 },
    { fileId: 'f-2', archiveNumber: 'SK-2024-0319', secrecy: 'ordinary', pieces: 4 }
  ]
}
const intact = [
  { fileId: 'f-1', piecesCounted: 7, condition: 'intact' as const },
  { fileId: 'f-2', piecesCounted: 4, condition: 'intact' as const }
]

describe('returning a loan', () => {
  it('on the due day, all counted and intact: not late, no violation, no fine', () => {
    expect(checkLoanReturn(SVW_SKODA_PRESET, loan, { returnedOn: '2026-03-05', files: intact })).toEqual({
      loanId: 'l-1',
      returnedOn: '2026-03-05',
      daysLate: 0,
      violation: false,
      damagedOrLost: [],
      fineProposals: []
    })
  })

  it('第四章第二条: a day late is a violation where the policy says so', () => {
    const late = checkLoanReturn(SVW_SKODA_PRESET, loan, { returnedOn: '2026-03-06', files: intact })
    expect(late).toMatchObject({ daysLate: 1, violation: true })
    const lenient = { ...SVW_SKODA_PRESET, loans: { ...SVW_SKODA_PRESET.loans, overdueIsViolation: false } }
    expect(checkLoanReturn(lenient, loan, { returnedOn: '2026-03-06', files: intact })).toMatchObject({
      daysLate: 1,
      violation: false
    })
  })

  it('SVW-Skoda 五.7: a lost and a damaged file each propose the 20-yuan fine, as data', () => {
    const outcome = checkLoanReturn(SVW_SKODA_PRESET, loan, {
      returnedOn: '2026-03-04',
      files: [
        { fileId: 'f-1', piecesCounted: 6, condition: 'damaged' },
        { fileId: 'f-2', piecesCounted: 0, condition: 'lost' }
      ]
    })
    expect(outcome.damagedOrLost).toEqual([
      { fileId: 'f-1', condition: 'damaged' },
      { fileId: 'f-2', condition: 'lost' }
    ])
    expect(outcome.fineProposals).toEqual([
      {
        ruleCode: 'svw-5-7-lost-or-damaged',
        clause: '上汽大众斯柯达 五.7',
        fileId: 'f-1',
        archiveNumber: 'SK-2024-0318',
        condition: 'damaged',
        penalty: { kind: 'yuan', amount: 20, per: 'piece' }
      },
      {
        ruleCode: 'svw-5-7-lost-or-damaged',
        clause: '上汽大众斯柯达 五.7',
        fileId: 'f-2',
        archiveNumber: 'SK-2024-0319',
        condition: 'lost',
        penalty: { kind: 'yuan', amount: 20, per: 'piece' }
      }
    ])
  })

  it('FAW-VW 五(二)4(3) 破损: a damaged file proposes the KPI deduction, whose points the text leaves unset', () => {
    const outcome = checkLoanReturn(FAW_VW_PRESET, loan, {
      returnedOn: '2026-03-04',
      files: [intact[0]!, { fileId: 'f-2', piecesCounted: 3, condition: 'damaged' }]
    })
    expect(outcome.damagedOrLost).toEqual([{ fileId: 'f-2', condition: 'damaged' }])
    expect(outcome.fineProposals).toEqual([
      {
        archiveNumber: 'SK-2024-0319',
        clause: '一汽大众 五(二)4(3)',
        condition: 'damaged',
        fileId: 'f-2',
        penalty: { kind: 'kpi_points', per: 'file', points: null },
        ruleCode: 'faw-service-damaged'
      }
    ])
  })

  it('当面点清: a short count cannot be returned as intact', () => {
    expect(() =>
      checkLoanReturn(SVW_SKODA_PRESET, loan, {
        returnedOn: '2026-03-04',
        files: [intact[0]!, { fileId: 'f-2', piecesCounted: 3, condition: 'intact' }]
      })
    ).toThrow(
      expect.objectContaining({
        code: 'LOAN_RETURN_COUNT_MISMATCH',
        message: '档案 SK-2024-0319 借出 4 份，清点 3 份：份数不符的请登记为损坏或遗失',
        details: { archiveNumber: 'SK-2024-0319', lent: '4', counted: '3' }
      })
    )
  })

  it('every lent file is accounted for, and only lent files', () => {
    expect(() => checkLoanReturn(SVW_SKODA_PRESET, loan, { returnedOn: '2026-03-04', files: [intact[0]!] })).toThrow(
      expect.objectContaining({ code: 'LOAN_RETURN_FILE_UNACCOUNTED', details: { archiveNumber: 'SK-2024-0319' } })
    )
    expect(() =>
      checkLoanReturn(SVW_SKODA_PRESET, loan, {
        returnedOn: '2026-03-04',
        files: [...intact, { fileId: 'f-9', piecesCounted: 1, condition: 'intact' }]
      })
    ).toThrow(expect.objectContaining({ code: 'LOAN_RETURN_FILE_NOT_LENT', details: { fileId: 'f-9' } }))
  })

  it('a return dated before the loan or not a real date is refused', () => {
    expect(() => checkLoanReturn(SVW_SKODA_PRESET, loan, { returnedOn: '2026-03-01', files: intact })).toThrow(
      expect.objectContaining({
        code: 'LOAN_RETURN_BEFORE_OUT',
        details: { returnedOn: '2026-03-01', outOn: '2026-03-02' }
      })
    )
    expect(checkLoanReturn(SVW_SKODA_PRESET, loan, { returnedOn: '2026-03-02', files: intact }).daysLate).toBe(0)
    expect(() => checkLoanReturn(SVW_SKODA_PRESET, loan, { returnedOn: '2026-03-32', files: intact })).toThrow(
      expect.objectContaining({
        code: 'LOAN_DATE_INVALID',
        message: '日期“2026-03-32”不是有效日期（应为 年-月-日）',
        details: { value: '2026-03-32' }
      })
    )
    expect(() => checkLoanReturn(SVW_SKODA_PRESET, loan, { returnedOn: '2026-03-01', files: intact })).toThrow(
      expect.objectContaining({ message: '归还日期 2026-03-01 早于借出日期 2026-03-02' })
    )
    // 2 月 30 日 sorts before the loan's day as text: it is refused as no date, not as an early return.
    expect(() => checkLoanReturn(SVW_SKODA_PRESET, loan, { returnedOn: '2026-02-30', files: intact })).toThrow(
      expect.objectContaining({ code: 'LOAN_DATE_INVALID', details: { value: '2026-02-30' } })
    )
    expect(() => checkLoanReturn(SVW_SKODA_PRESET, loan, { returnedOn: '2026-03-04', files: [intact[1]!] })).toThrow(
      expect.objectContaining({ message: '档案 SK-2024-0318 未清点：请登记归还份数，遗失的登记为遗失' })
    )
    expect(() =>
      checkLoanReturn(SVW_SKODA_PRESET, loan, {
        returnedOn: '2026-03-04',
        files: [...intact, { fileId: 'f-9', piecesCounted: 1, condition: 'intact' }]
      })
    ).toThrow(expect.objectContaining({ message: '归还的档案（f-9）不在本次借阅中' }))
  })
})
