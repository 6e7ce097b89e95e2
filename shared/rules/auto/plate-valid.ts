import { z } from 'zod'
import { validatePlate } from '../../validation'
import { factLabel } from '../archive-facts'
import { failed, passed } from '../check-outcome'
import { readFacts } from '../read-facts'
import { defineRule } from '../rule-definition'
import { factRefParam } from '../rule-params'

// FAW-VW 任务委托书: 车牌号码填写完整，如无特殊情况，不允许出现“吉A”. Judged by the shared plate validator.

const params = z.strictObject({ fact: factRefParam })

export const plateValid = defineRule({
  id: 'plate-valid',
  title: '车牌号码填写完整',
  paramsSchema: params,
  requirements: (p) => [{ ref: p.fact, types: ['text'] }],
  evaluate(facts, p) {
    const read = readFacts(facts, { plate: { ref: p.fact, as: 'text' } })
    if (!read.ok) return read.outcome
    const label = factLabel(facts, p.fact)
    const result = validatePlate(read.values.plate)
    if (!result.ok) return failed(`${label}“${read.values.plate}”：${result.reason}`)
    return passed(`${label} ${result.value} 完整`)
  }
})
