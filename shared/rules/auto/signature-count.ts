import { z } from 'zod'
import { factLabel, signerLabel } from '../archive-facts'
import { failed, passed } from '../check-outcome'
import { readFacts } from '../read-facts'
import { defineRule } from '../rule-definition'
import { factRefParam } from '../rule-params'
import { signaturesOf } from '../signatures'

// FAW-VW: 结算单有两次用户签字; 接/交车检查表有用户签字2次.

const params = z.strictObject({
  fact: factRefParam,
  role: z.string().min(1, '签字人角色不能为空'),
  min: z.number({ error: '签字次数应为数字' }).int('签字次数应为整数').min(1, '签字次数至少为 1')
})

export const signatureCount = defineRule({
  id: 'signature-count',
  title: '某人签字次数达到规定',
  paramsSchema: params,
  requirements: (p) => [{ ref: p.fact, types: ['signatures'], roles: [p.role] }],
  evaluate(facts, p) {
    const read = readFacts(facts, { signatures: { ref: p.fact, as: 'signatures' } })
    if (!read.ok) return read.outcome
    const count = signaturesOf(read.values.signatures, p.role).length
    const who = `${factLabel(facts, p.fact)}：${signerLabel(facts, p.fact, p.role)}签字`
    if (count >= p.min) return passed(`${who} ${count} 次`)
    return failed(`${who} ${count} 次，应有 ${p.min} 次`)
  }
})
