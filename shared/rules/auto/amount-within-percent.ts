import { z } from 'zod'
import { factLabel } from '../archive-facts'
import { failed, passed } from '../check-outcome'
import { readFacts } from '../read-facts'
import { defineRule } from '../rule-definition'
import { factRefParam, positiveNumberParam } from '../rule-params'

// FAW-VW 任务委托书: 预估价格与实收价格上下不能超过10%. Amounts are compared in whole fen so that
// exactly 10.0 % passes and 10.01 % fails without floating-point doubt.

const params = z.strictObject({
  estimate: factRefParam,
  actual: factRefParam,
  tolerancePercent: positiveNumberParam('允许偏差百分比')
})

const fen = (yuan: number) => Math.round(yuan * 100)
const yuan = (amountInFen: number) => `${(amountInFen / 100).toFixed(2)} 元`

export const amountWithinPercent = defineRule({
  id: 'amount-within-percent',
  title: '实收金额与预估金额偏差不超过规定百分比',
  paramsSchema: params,
  requirements: (p) => [
    { ref: p.estimate, types: ['number'] },
    { ref: p.actual, types: ['number'] }
  ],
  evaluate(facts, p) {
    const read = readFacts(facts, {
      estimate: { ref: p.estimate, as: 'number' },
      actual: { ref: p.actual, as: 'number' }
    })
    if (!read.ok) return read.outcome
    const estimate = fen(read.values.estimate)
    const actual = fen(read.values.actual)
    const estimateLabel = factLabel(facts, p.estimate)
    const actualLabel = factLabel(facts, p.actual)
    if (estimate <= 0) {
      return actual === 0
        ? passed(`${estimateLabel}与${actualLabel}均为 0 元`)
        : failed(`${estimateLabel}为 ${yuan(estimate)}，无法核对${actualLabel} ${yuan(actual)}`)
    }
    const difference = actual - estimate
    // |actual − estimate| / estimate ≤ tolerance / 100, multiplied out to stay in integers.
    const within = Math.abs(difference) * 100 <= p.tolerancePercent * estimate
    const percent = Math.round((Math.abs(difference) / estimate) * 10_000) / 100
    // A deviation just over the limit must not print as the limit itself (10.001 % → “10%”).
    const shown = !within && percent <= p.tolerancePercent ? `略高于 ${p.tolerancePercent}%` : `${percent}%`
    const sentence = `${actualLabel} ${yuan(actual)} 比${estimateLabel} ${yuan(estimate)} ${difference >= 0 ? '高' : '低'} ${yuan(Math.abs(difference))}（${shown}）`
    if (within) return passed(`${sentence}，在 ±${p.tolerancePercent}% 以内`)
    return failed(`${sentence}，超过 ±${p.tolerancePercent}%`)
  }
})
