import { describe, expect, it } from 'vitest'
import { sampleFineMonth, SVW_FINES } from '../../tests/fixtures/fine-samples'
import { buildFineStatement, PAYROLL_HEADERS, payrollRows, payrollTable } from './fine-statement'

const STAMP = {
  printedBy: '赵敏',
  printedAt: '2026-12-01T02:00:00.000Z',
  auditHead: { deviceSeq: 7, hash: 'cd'.repeat(32) }
}
const WANG = { id: 'staff-wang', name: '王磊', roleLabel: '销售顾问', department: '销售部' }
const LI = { id: 'staff-li', name: '李强', roleLabel: '服务顾问', department: '售后服务部' }

describe('月度奖罚明细', () => {
  it('lists what is charged, what was waived with its reason and approver, and what still waits', () => {
    const { violations, lines } = sampleFineMonth()
    violations.push({ ...violations[3]!, id: 'v-204', occurredOn: '2026-11-25', status: 'proposed' })
    const statement = buildFineStatement({
      dealershipName: '长春恒信斯柯达4S店',
      person: LI,
      month: '2026-11',
      violations,
      lines,
      fines: SVW_FINES,
      ...STAMP
    })
    expect(statement.charged.map((l) => [l.violationId, l.yuan])).toEqual([
      ['v-201', 50],
      ['v-203', 40]
    ])
    expect(statement.waived).toEqual([
      expect.objectContaining({ violationId: 'v-202', status: 'waived', decision: '客户延迟取车，非顾问原因（赵敏）' })
    ])
    expect(statement.undecided.map((e) => e.violationId)).toEqual(['v-204'])
    expect([statement.totalYuan, statement.totalCapital]).toEqual([90, '人民币玖拾元整'])
  })
})

describe('payroll', () => {
  const { violations, lines } = sampleFineMonth()
  const input = {
    month: '2026-11',
    people: [{ person: WANG }, { person: LI, payCutPercent: 10 }],
    violations,
    lines,
    fines: SVW_FINES
  }

  it('gives one row per person with decided yuan, KPI points and the pay cut', () => {
    expect(payrollRows(input)).toEqual([
      { personId: 'staff-wang', name: '王磊', yuan: 230, kpiPoints: 0, payCutPercent: 0, lines: 3, undecided: 0 },
      { personId: 'staff-li', name: '李强', yuan: 90, kpiPoints: 0, payCutPercent: 10, lines: 2, undecided: 0 }
    ])
  })

  it('lays the rows out under Chinese headers, amounts with two decimals and in 大写', () => {
    const table = payrollTable(input)
    expect(table.headers).toEqual(PAYROLL_HEADERS)
    expect(table.headers).toContain('罚款（元）')
    expect(table.rows[0]).toEqual([
      '2026-11',
      'staff-wang',
      '王磊',
      '销售顾问',
      '销售部',
      '230.00',
      '人民币贰佰叁拾元整',
      '0',
      '0',
      '3',
      '0'
    ])
    expect(table.rows[1]?.[8]).toBe('10')
  })

  it('refuses a month that is not YYYY-MM', () => {
    expect(() => payrollRows({ ...input, month: '11/2026' })).toThrow(/月份“11\/2026”无效/)
  })
})
