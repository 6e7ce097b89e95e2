import { z } from 'zod'
import { factLabel } from '../archive-facts'
import { failed, passed } from '../check-outcome'
import { readFacts } from '../read-facts'
import { defineRule } from '../rule-definition'
import { factRefListParam } from '../rule-params'

// Yes/no facts the checker confirms, phrased as the requirement ('各项目均注明单位'), where another rule
// or a condition depends on them (e.g. 结算单必须加盖财务章，无消费发生除外).

const params = z.strictObject({ facts: factRefListParam })

export const factsTrue = defineRule({
  id: 'facts-true',
  title: '规定事项均已做到',
  paramsSchema: params,
  requirements: (p) => p.facts.map((ref) => ({ ref, types: ['boolean'] as const })),
  evaluate(facts, p) {
    const spec = Object.fromEntries(p.facts.map((ref, index) => [String(index), { ref, as: 'boolean' as const }]))
    const read = readFacts(facts, spec)
    if (!read.ok) return read.outcome
    const notDone = p.facts.filter((_, index) => read.values[String(index)] !== true)
    const names = (refs: readonly string[]) => refs.map((ref) => factLabel(facts, ref)).join('；')
    if (notDone.length > 0) return failed(`未做到：${names(notDone)}`)
    return passed(`已做到：${names(p.facts)}`)
  }
})
