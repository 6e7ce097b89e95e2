import { z } from 'zod'
import { factLabel } from '../archive-facts'
import { failed, incomplete, passed } from '../check-outcome'
import { isFilledIn } from '../read-facts'
import { defineRule } from '../rule-definition'
import { factRefListParam } from '../rule-params'

// Fields the text says must be there: 绿卡 name/contact/mobile/address, 备胎胎压要做出标明, 必须要有建议修理项目…
// Blank on the paper fails; not yet entered is incomplete.

const params = z.strictObject({ facts: factRefListParam })

export const factsRequired = defineRule({
  id: 'facts-required',
  title: '规定内容已填写',
  paramsSchema: params,
  requirements: (p) =>
    p.facts.map((ref) => ({
      ref,
      types: ['date', 'datetime', 'text', 'number', 'boolean', 'choice', 'list', 'measurements'] as const
    })),
  evaluate(facts, p) {
    const blank = p.facts.filter((ref) => facts.values[ref] !== undefined && !isFilledIn(facts.values[ref]))
    const notEntered = p.facts.filter((ref) => facts.values[ref] === undefined)
    const names = (refs: readonly string[]) => refs.map((ref) => factLabel(facts, ref)).join('、')
    if (blank.length > 0) return failed(`未填写：${names(blank)}`)
    if (notEntered.length > 0) return incomplete(`尚未录入：${names(notEntered)}`)
    return passed(`已填写：${names(p.facts)}`)
  }
})
