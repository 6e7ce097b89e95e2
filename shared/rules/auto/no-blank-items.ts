import { z } from 'zod'
import { factLabel } from '../archive-facts'
import { failed, passed } from '../check-outcome'
import { readFacts } from '../read-facts'
import { defineRule } from '../rule-definition'
import { factRefParam } from '../rule-params'

// FAW-VW: 填写必须完整（不需要填写的地方标注“无”或打√）; 保养表不允许有空白项; 救援单不能有空白项…
// The checker lists the blank fields found (an empty list: none), so the correction notice can name them.

const params = z.strictObject({ fact: factRefParam })

export const noBlankItems = defineRule({
  id: 'no-blank-items',
  title: '无空白或漏填项',
  paramsSchema: params,
  requirements: (p) => [{ ref: p.fact, types: ['list'] }],
  evaluate(facts, p) {
    const read = readFacts(facts, { blanks: { ref: p.fact, as: 'list' } })
    if (!read.ok) return read.outcome
    const label = factLabel(facts, p.fact)
    if (read.values.blanks.length === 0) return passed(`${label}：无`)
    return failed(`${label}：${read.values.blanks.join('、')}`)
  }
})
