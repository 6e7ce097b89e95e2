import { z } from 'zod'
import { factLabel } from '../archive-facts'
import { failed, passed } from '../check-outcome'
import { readFacts } from '../read-facts'
import { defineRule } from '../rule-definition'
import { factRefParam } from '../rule-params'

// FAW-VW: PDI盖章证明日期必须与最后交车PDI保养表日期相同; 生产日期必须按行车证登记日期填写，不能出现1900/00/00.
// A placeholder or impossible date is refused by the date reader with its own sentence.

const params = z.strictObject({ first: factRefParam, second: factRefParam })

export const datesEqual = defineRule({
  id: 'dates-equal',
  title: '两个日期相同',
  paramsSchema: params,
  requirements: (p) => [
    { ref: p.first, types: ['date', 'datetime'] },
    { ref: p.second, types: ['date', 'datetime'] }
  ],
  evaluate(facts, p) {
    const read = readFacts(facts, { first: { ref: p.first, as: 'moment' }, second: { ref: p.second, as: 'moment' } })
    if (!read.ok) return read.outcome
    const { first, second } = read.values
    const firstLabel = factLabel(facts, p.first)
    const secondLabel = factLabel(facts, p.second)
    if (first.date === null) return failed(`${firstLabel}未写日期`)
    if (second.date === null) return failed(`${secondLabel}未写日期`)
    if (first.date === second.date) return passed(`${firstLabel}与${secondLabel}均为 ${first.date}`)
    return failed(`${firstLabel} ${first.date} 与${secondLabel} ${second.date} 不一致`)
  }
})
