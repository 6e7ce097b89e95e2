import { z } from 'zod'
import { factLabel, signerLabel } from '../archive-facts'
import { failed, notApplicable, passed } from '../check-outcome'
import { readFacts } from '../read-facts'
import { defineRule } from '../rule-definition'
import { factRefParam } from '../rule-params'
import { signaturesOf } from '../signatures'
import { parseWrittenMoment } from '../written-date-time'

// FAW-VW 出库PDI: 执行人和终检人签字需要有日期，签字日期必须保持一致 (and equal to the outbound PDI date).
// Signatures without a date are left to the "signatures dated" item, so one defect is not reported twice.

const params = z.strictObject({
  fact: factRefParam,
  roles: z.array(z.string().min(1)).min(1, '至少指定一位签字人'),
  sameAs: factRefParam.optional()
})

export const signatureDatesEqual = defineRule({
  id: 'signature-dates-equal',
  title: '规定人员签字日期一致',
  paramsSchema: params,
  requirements: (p) => [
    { ref: p.fact, types: ['signatures'], roles: p.roles },
    ...(p.sameAs === undefined ? [] : [{ ref: p.sameAs, types: ['date' as const, 'datetime' as const] }])
  ],
  evaluate(facts, p) {
    const read = readFacts(facts, { signatures: { ref: p.fact, as: 'signatures' } })
    if (!read.ok) return read.outcome
    let reference: { label: string; date: string } | undefined
    if (p.sameAs !== undefined) {
      const other = readFacts(facts, { at: { ref: p.sameAs, as: 'moment' } })
      if (!other.ok) return other.outcome
      if (other.values.at.date !== null) reference = { label: factLabel(facts, p.sameAs), date: other.values.at.date }
    }
    const dated: { who: string; date: string }[] = []
    for (const role of p.roles) {
      for (const entry of signaturesOf(read.values.signatures, role)) {
        const parsed = parseWrittenMoment(entry.signedAt ?? '')
        if (parsed.ok && parsed.moment.date !== null)
          dated.push({ who: signerLabel(facts, p.fact, role), date: parsed.moment.date })
      }
    }
    if (reference !== undefined) dated.push({ who: reference.label, date: reference.date })
    const label = factLabel(facts, p.fact)
    if (dated.length === 0) return notApplicable(`${label}没有写日期的签字可供核对`)
    const listing = dated.map((d) => `${d.who} ${d.date}`).join('，')
    if (new Set(dated.map((d) => d.date)).size === 1) return passed(`${label}日期一致：${listing}`)
    return failed(`${label}日期不一致：${listing}`)
  }
})
