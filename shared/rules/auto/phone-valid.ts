import { z } from 'zod'
import { validatePhone } from '../../validation'
import { factLabel } from '../archive-facts'
import { failed, notApplicable, passed } from '../check-outcome'
import { readFacts } from '../read-facts'
import { defineRule } from '../rule-definition'
import { factRefParam } from '../rule-params'

// SVW-Skoda 绿卡: 联系手机及电话（座机需加上区号）; 服务顾问须明确当次进厂联系人的唯一联系方式.
// The number is judged by the shared phone validator, so the same number is valid here and in the vehicle file.

const MOBILE = /^1\d{10}$/

const params = z.strictObject({
  fact: factRefParam,
  expect: z.enum(['mobile', 'any'], { error: '号码类型应为 mobile（手机）或 any（手机或带区号的座机）' }),
  optional: z.boolean().default(false)
})

export const phoneValid = defineRule({
  id: 'phone-valid',
  title: '联系电话有效（座机带区号）',
  paramsSchema: params,
  requirements: (p) => [{ ref: p.fact, types: ['text'] }],
  evaluate(facts, p) {
    const label = factLabel(facts, p.fact)
    const read = readFacts(facts, { phone: { ref: p.fact, as: 'text', optional: p.optional } })
    if (!read.ok) return read.outcome
    const phone = read.values.phone
    if (phone === undefined) return notApplicable(`${label}未填写，无需核对`)
    const result = validatePhone(phone)
    if (!result.ok) return failed(`${label}“${phone}”：${result.reason}`)
    if (p.expect === 'mobile' && !MOBILE.test(result.value))
      return failed(`${label}“${phone}”不是手机号，应为11位手机号`)
    return passed(`${label} ${result.value} 有效`)
  }
})
