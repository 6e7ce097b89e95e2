import { describe, expect, it } from 'vitest'
import { DomainError } from '../model/domain-error'
import { getPreset } from '../policy'
import type { FinesPolicy } from '../policy'
import { checkPerformancePayCut, performancePayCutFlags } from './performance-pay-cut'
import type { PerformancePayCutFlag } from './performance-pay-cut'
import type { ViolationInput } from './violation'

// SVW-Skoda 五.6 「服务顾问一月内累计用户档案违规受处罚3次者…并可视情况将当月绩效工资实行10%—30%的扣罚」

const SVW = getPreset('svw-skoda').fines
const FAW = getPreset('faw-vw').fines

const late = (id: string, occurredOn: string, role: ViolationInput['role'] = 'service_advisor'): ViolationInput => ({
  id,
  personId: role === 'service_advisor' ? 'p-li-qiang' : 'p-wang-fang',
  role,
  trigger: 'late_handover',
  archiveKind: role === 'service_advisor' ? 'service' : 'sales',
  occurredOn,
  quantity: 1
})

describe('performancePayCutFlags', () => {
  it("flags a service advisor's month from the 3rd penalty, with the range a manager chooses in, once per month", () => {
    const violations = [
      late('a', '2026-03-02'),
      late('b', '2026-03-03'),
      late('c', '2026-03-04'),
      late('d', '2026-03-05'),
      late('e', '2026-04-01')
    ]
    expect(performancePayCutFlags(SVW, violations)).toEqual([
      {
        personId: 'p-li-qiang',
        month: '2026-03',
        escalationCode: 'svw-5-6-service-advisor',
        clause: '上汽大众斯柯达 五.6',
        minPercent: 10,
        maxPercent: 30
      }
    ])
  })

  it('does not flag two penalties, across a month boundary either', () => {
    expect(performancePayCutFlags(SVW, [late('a', '2026-03-30'), late('b', '2026-03-31')])).toEqual([])
    expect(
      performancePayCutFlags(SVW, [late('a', '2026-03-30'), late('b', '2026-03-31'), late('c', '2026-04-01')])
    ).toEqual([])
  })

  it('does not flag a sales advisor (五.6 gives the pay cut for service advisors only), nor any FAW-VW month', () => {
    const sales = ['a', 'b', 'c', 'd'].map((id, i) => late(id, `2026-03-0${i + 1}`, 'sales_advisor'))
    expect(performancePayCutFlags(SVW, sales)).toEqual([])
    const favouritism = ['a', 'b', 'c'].map((id): ViolationInput => ({
      ...late(id, '2026-03-02'),
      trigger: 'favouritism'
    }))
    expect(performancePayCutFlags(FAW, favouritism)).toEqual([])
  })

  it('gives one flag per person and month', () => {
    const other = (id: string, day: string): ViolationInput => ({ ...late(id, day), personId: 'p-zhou-lei' })
    const flags = performancePayCutFlags(SVW, [
      late('a', '2026-03-02'),
      late('b', '2026-03-03'),
      late('c', '2026-03-04'),
      other('d', '2026-03-02'),
      other('e', '2026-03-03'),
      other('f', '2026-03-04'),
      late('g', '2026-05-02'),
      late('h', '2026-05-03'),
      late('i', '2026-05-04')
    ])
    expect(flags.map((f) => [f.personId, f.month])).toEqual([
      ['p-li-qiang', '2026-03'],
      ['p-zhou-lei', '2026-03'],
      ['p-li-qiang', '2026-05']
    ])
  })

  it('an escalation without a pay cut flags nothing', () => {
    const noCut: FinesPolicy = {
      ...SVW,
      escalations: SVW.escalations.map(({ performancePayCut: _cut, ...e }) => e)
    }
    expect(
      performancePayCutFlags(noCut, [late('a', '2026-03-02'), late('b', '2026-03-03'), late('c', '2026-03-04')])
    ).toEqual([])
  })
})

describe('checkPerformancePayCut: the manager sets the percentage, inside the range', () => {
  const flag: PerformancePayCutFlag = {
    personId: 'p-li-qiang',
    month: '2026-03',
    escalationCode: 'svw-5-6-service-advisor',
    clause: '上汽大众斯柯达 五.6',
    minPercent: 10,
    maxPercent: 30
  }

  it.each([0, 10, 20, 30])('accepts %s %% (0: 可视情况, no cut)', (percent) => {
    expect(checkPerformancePayCut(flag, percent)).toBe(percent)
  })

  it.each([5, 9.99, 30.01, 50, -10, Number.NaN])('refuses %s %%', (percent) => {
    let error: unknown
    try {
      checkPerformancePayCut(flag, percent)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(DomainError)
    expect(error).toMatchObject({
      code: 'FINE_PAY_CUT_OUT_OF_RANGE',
      message: `绩效工资扣罚比例应为 0（不扣罚）或 10%–30% 之间，不能是 ${percent}%`,
      details: { min: '10', max: '30', percent: String(percent) }
    })
  })
})
