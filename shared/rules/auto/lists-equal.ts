import { z } from 'zod'
import { factLabel, optionLabel } from '../archive-facts'
import { failed, passed } from '../check-outcome'
import { containsItem, toItemCodes } from '../list-items'
import { readFacts } from '../read-facts'
import { defineRule } from '../rule-definition'
import { factRefParam } from '../rule-params'

// FAW-VW 结算单: 必须要有建议修理项目，且内容要与交车检查表中维修建议内容一致，不允许出现不符情况.
// Compared as sets of items: order and repetition on paper do not matter.

const params = z.strictObject({ first: factRefParam, second: factRefParam })

export const listsEqual = defineRule({
  id: 'lists-equal',
  title: '两处所列项目一致',
  paramsSchema: params,
  requirements: (p) => [
    { ref: p.first, types: ['list'] },
    { ref: p.second, types: ['list'] }
  ],
  evaluate(facts, p) {
    const read = readFacts(facts, { first: { ref: p.first, as: 'list' }, second: { ref: p.second, as: 'list' } })
    if (!read.ok) return read.outcome
    const first = toItemCodes(facts, p.first, read.values.first)
    const second = toItemCodes(facts, p.second, read.values.second)
    const onlyFirst = first.filter((item) => !containsItem(second, item))
    const onlySecond = second.filter((item) => !containsItem(first, item))
    const firstLabel = factLabel(facts, p.first)
    const secondLabel = factLabel(facts, p.second)
    const names = (ref: string, items: readonly string[]) =>
      items.map((item) => optionLabel(facts, ref, item)).join('、')
    if (onlyFirst.length === 0 && onlySecond.length === 0) {
      return passed(`${firstLabel}与${secondLabel}一致${first.length > 0 ? `：${names(p.first, first)}` : ''}`)
    }
    const differences = [
      onlyFirst.length > 0 ? `仅见于${firstLabel}：${names(p.first, onlyFirst)}` : null,
      onlySecond.length > 0 ? `仅见于${secondLabel}：${names(p.second, onlySecond)}` : null
    ].filter((part) => part !== null)
    return failed(`${firstLabel}与${secondLabel}不一致：${differences.join('；')}`)
  }
})
