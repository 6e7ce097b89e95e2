import { z } from 'zod'
import { normalizeInput } from '../../validation'
import { factLabel } from '../archive-facts'
import { failed, passed } from '../check-outcome'
import { readFacts } from '../read-facts'
import { defineRule } from '../rule-definition'
import { factRefParam } from '../rule-params'

// FAW-VW: 发票购车单位需要与《车主身份证/组织机构代码证》一致; 客户联系方式应与委托书中打印电话号码相符.
// Names are compared without spaces, full-width forms or case; the middle dot of minority names in any shape.
// Phones are compared by their digits, a leading +86 dropped.

const MIDDLE_DOTS = /[·•・‧∙⋅.]/g

const COMPARE_AS = {
  name: (text: string) => normalizeInput(text).toUpperCase().replace(MIDDLE_DOTS, '·'),
  phone: (text: string) =>
    normalizeInput(text)
      .replace(/\D/g, '')
      .replace(/^(?:0086|86)(1\d{10})$/, '$1')
} as const

const params = z.strictObject({
  first: factRefParam,
  second: factRefParam,
  compareAs: z.enum(['name', 'phone'], { error: '比较方式应为 name（名称）或 phone（电话）' })
})

export const textsMatch = defineRule({
  id: 'texts-match',
  title: '两处名称或电话一致',
  paramsSchema: params,
  requirements: (p) => [
    { ref: p.first, types: ['text'] },
    { ref: p.second, types: ['text'] }
  ],
  evaluate(facts, p) {
    const read = readFacts(facts, { first: { ref: p.first, as: 'text' }, second: { ref: p.second, as: 'text' } })
    if (!read.ok) return read.outcome
    const { first, second } = read.values
    const normalise = COMPARE_AS[p.compareAs]
    const firstLabel = factLabel(facts, p.first)
    const secondLabel = factLabel(facts, p.second)
    if (normalise(first) === normalise(second)) return passed(`${firstLabel}与${secondLabel}一致（${first}）`)
    return failed(`${firstLabel}“${first}”与${secondLabel}“${second}”不一致`)
  }
})
