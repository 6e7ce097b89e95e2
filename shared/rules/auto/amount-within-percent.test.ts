import { describe, expect, it } from 'vitest'
import { FAW_VW_PRESET } from '../../policy/presets/faw-vw'
import { evaluateArchive, findCheckResult } from '../evaluate-archive'
import { allManualChecksPassed, FAW_VW_SERVICE_EXAMPLE, withFacts } from '../../../tests/fixtures/example-archives'
import { DEFAULT_RULE_CONTEXT } from '../rule-context'

// FAW-VW 任务委托书: 预估价格与实收价格上下不能超过10%.
const check = (estimatedTotal: number, actualAmount: number) =>
  findCheckResult(
    evaluateArchive(
      FAW_VW_PRESET,
      withFacts(FAW_VW_SERVICE_EXAMPLE, {
        'work_order.estimatedTotal': estimatedTotal,
        'settlement.actualAmount': actualAmount
      }),
      allManualChecksPassed(FAW_VW_PRESET.archiveTemplates.service),
      DEFAULT_RULE_CONTEXT
    ),
    'work-order-estimate-vs-actual'
  )

describe('estimate vs actual amount (±10 %)', () => {
  it('passes at exactly +10.0 % and −10.0 %', () => {
    expect(check(800, 880)?.status).toBe('pass')
    expect(check(800, 720)?.status).toBe('pass')
    expect(check(1234.5, 1357.95)?.status).toBe('pass')
  })

  it('fails one fen over the limit either way', () => {
    const over = check(800, 880.01)
    expect(over?.status).toBe('fail')
    expect(over?.message).toBe(
      '《结算单》实收金额 880.01 元 比《任务委托书》预估合计 800.00 元 高 80.01 元（略高于 10%），超过 ±10%'
    )
    expect(check(800, 719.99)?.status).toBe('fail')
  })

  it('reports the deviation in yuan and per cent', () => {
    expect(check(1000, 1250)?.message).toBe(
      '《结算单》实收金额 1250.00 元 比《任务委托书》预估合计 1000.00 元 高 250.00 元（25%），超过 ±10%'
    )
    expect(check(1000, 950)?.message).toContain('低 50.00 元（5%），在 ±10% 以内')
  })

  it('cannot compare with a zero estimate unless nothing was charged', () => {
    expect(check(0, 0)).toMatchObject({
      status: 'pass',
      message: '《任务委托书》预估合计与《结算单》实收金额均为 0 元'
    })
    expect(check(0, 120)).toMatchObject({
      status: 'fail',
      message: '《任务委托书》预估合计为 0.00 元，无法核对《结算单》实收金额 120.00 元'
    })
  })
})
