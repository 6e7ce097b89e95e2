import { z } from 'zod'
import { factLabel, optionLabel } from '../archive-facts'
import { failed, passed } from '../check-outcome'
import { containsItem, toItemCodes } from '../list-items'
import { readFacts } from '../read-facts'
import { defineRule } from '../rule-definition'
import { factRefParam } from '../rule-params'

// FAW-VW PDI: P-单子/8-单子内容包括任务委托书、结算单、交/接车检查表、保养表.

const params = z.strictObject({ fact: factRefParam, required: z.array(z.string().min(1)).min(1, '至少列出一项') })

export const listContains = defineRule({
  id: 'list-contains',
  title: '所列内容包括规定项目',
  paramsSchema: params,
  requirements: (p) => [{ ref: p.fact, types: ['list'], optionCodes: p.required }],
  evaluate(facts, p) {
    const read = readFacts(facts, { items: { ref: p.fact, as: 'list' } })
    if (!read.ok) return read.outcome
    const items = toItemCodes(facts, p.fact, read.values.items)
    const missing = p.required.filter((item) => !containsItem(items, item))
    const names = (list: readonly string[]) => list.map((item) => optionLabel(facts, p.fact, item)).join('、')
    const label = factLabel(facts, p.fact)
    if (missing.length > 0) return failed(`${label}缺少：${names(missing)}`)
    return passed(`${label}齐全：${names(p.required)}`)
  }
})
