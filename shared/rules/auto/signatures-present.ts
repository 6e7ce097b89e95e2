import { z } from 'zod'
import { factLabel } from '../archive-facts'
import { failed, passed } from '../check-outcome'
import { readFacts } from '../read-facts'
import { defineRule } from '../rule-definition'
import { factRefParam, rolesOf, signerRequirementListParam } from '../rule-params'
import { isSatisfied, requirementLabel } from '../signatures'

// Who must have signed a form, e.g. FAW-VW P-单: 库管员、执行人、终检（三个人签字）; 8-单: 库管员、销售顾问、
// 客户、执行人、终检（五个人签字）; 购车协议书: 销售经理或销售总监签字 (either one: a list in the list).

const params = z.strictObject({ fact: factRefParam, roles: signerRequirementListParam })

export const signaturesPresent = defineRule({
  id: 'signatures-present',
  title: '规定人员均已签字',
  paramsSchema: params,
  requirements: (p) => [{ ref: p.fact, types: ['signatures'], roles: rolesOf(p.roles) }],
  evaluate(facts, p) {
    const read = readFacts(facts, { signatures: { ref: p.fact, as: 'signatures' } })
    if (!read.ok) return read.outcome
    const label = factLabel(facts, p.fact)
    const missing = p.roles.filter((requirement) => !isSatisfied(read.values.signatures, requirement))
    const names = (list: typeof p.roles) => list.map((r) => requirementLabel(facts, p.fact, r)).join('、')
    if (missing.length > 0) return failed(`${label}缺少：${names(missing)}（应有 ${p.roles.length} 人签字）`)
    return passed(`${label}齐全：${names(p.roles)}`)
  }
})
