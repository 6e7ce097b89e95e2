import { z } from 'zod'
import { factLabel, signerLabel } from '../archive-facts'
import { failed, passed } from '../check-outcome'
import { readFacts } from '../read-facts'
import { defineRule } from '../rule-definition'
import { factRefParam } from '../rule-params'
import { signaturesOf } from '../signatures'
import { parseWrittenMoment } from '../written-date-time'

// FAW-VW: 出库《PDI保养表》执行人和终检人签字需要有日期; 保养表执行人签字和终检人签字必须有日期.

const params = z.strictObject({ fact: factRefParam, roles: z.array(z.string().min(1)).min(1, '至少指定一位签字人') })

export const signaturesDated = defineRule({
  id: 'signatures-dated',
  title: '规定人员签字写有日期',
  paramsSchema: params,
  requirements: (p) => [{ ref: p.fact, types: ['signatures'], roles: p.roles }],
  evaluate(facts, p) {
    const read = readFacts(facts, { signatures: { ref: p.fact, as: 'signatures' } })
    if (!read.ok) return read.outcome
    const problems: string[] = []
    const dates: string[] = []
    for (const role of p.roles) {
      const who = signerLabel(facts, p.fact, role)
      const entries = signaturesOf(read.values.signatures, role)
      if (entries.length === 0) {
        problems.push(`${who}未签字`)
        continue
      }
      for (const entry of entries) {
        const written = entry.signedAt?.trim() ?? ''
        if (written === '') {
          problems.push(`${who}签字未写日期`)
          continue
        }
        const parsed = parseWrittenMoment(written)
        if (!parsed.ok) problems.push(`${who}签字日期${parsed.reason}`)
        else if (parsed.moment.date === null) problems.push(`${who}签字只写了时间“${written}”，未写日期`)
        else dates.push(`${who} ${parsed.moment.date}`)
      }
    }
    const label = factLabel(facts, p.fact)
    if (problems.length > 0) return failed(`${label}：${problems.join('；')}`)
    return passed(`${label}写有日期：${dates.join('，')}`)
  }
})
