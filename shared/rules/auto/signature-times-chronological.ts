import { z } from 'zod'
import { factLabel, signerLabel } from '../archive-facts'
import { failed, passed } from '../check-outcome'
import { readFacts } from '../read-facts'
import { defineRule } from '../rule-definition'
import { factRefParam } from '../rule-params'
import { signaturesOf } from '../signatures'
import { formatMinutesOfDay, minutesSinceEpoch, parseWrittenMoment } from '../written-date-time'

// FAW-VW 任务委托书: 质检员、组长签字必须要有签字时间，并且要注意时间顺序；当天修车签时间，24小时制，
// 第二天修完要填写时间和日期. A time without a date is taken to be on the day of the previous signature
// (or of `notBefore`, e.g. the time the car was received), so a repair finished the next day without a
// written date shows up as out of order.

const params = z.strictObject({
  fact: factRefParam,
  /** In the order they must sign. */
  roles: z.array(z.string().min(1)).min(1, '至少指定一位签字人'),
  notBefore: factRefParam.optional()
})

// Any fixed day works when nothing gives a date: only the order within the day is then compared.
const UNKNOWN_DAY = '2000-01-01'

export const signatureTimesChronological = defineRule({
  id: 'signature-times-chronological',
  title: '签字写有时间（24小时制）且顺序正确',
  paramsSchema: params,
  requirements: (p) => [
    { ref: p.fact, types: ['signatures'], roles: p.roles },
    ...(p.notBefore === undefined ? [] : [{ ref: p.notBefore, types: ['datetime' as const] }])
  ],
  evaluate(facts, p) {
    const read = readFacts(facts, { signatures: { ref: p.fact, as: 'signatures' } })
    if (!read.ok) return read.outcome
    let previous: { who: string; at: number; shown: string } | undefined
    let day: string | undefined
    if (p.notBefore !== undefined) {
      const start = readFacts(facts, { at: { ref: p.notBefore, as: 'moment' } })
      if (!start.ok) return start.outcome
      const { date, minutes } = start.values.at
      if (date !== null) {
        day = date
        if (minutes !== null)
          previous = {
            who: factLabel(facts, p.notBefore),
            at: minutesSinceEpoch(date, minutes),
            shown: start.values.at.text
          }
      }
    }

    const problems: string[] = []
    const sequence: string[] = []
    for (const role of p.roles) {
      const who = signerLabel(facts, p.fact, role)
      const entry = signaturesOf(read.values.signatures, role)[0]
      if (entry === undefined) {
        problems.push(`${who}未签字`)
        continue
      }
      const written = entry.signedAt?.trim() ?? ''
      if (written === '') {
        problems.push(`${who}签字未写时间`)
        continue
      }
      const parsed = parseWrittenMoment(written)
      if (!parsed.ok) {
        problems.push(`${who}签字时间${parsed.reason}`)
        continue
      }
      if (parsed.moment.minutes === null) {
        problems.push(`${who}签字只写了日期“${written}”，未写时间`)
        continue
      }
      const date = parsed.moment.date ?? day ?? UNKNOWN_DAY
      const at = minutesSinceEpoch(date, parsed.moment.minutes)
      const shown = parsed.moment.date === null ? formatMinutesOfDay(parsed.moment.minutes) : written
      if (previous !== undefined && at < previous.at) {
        const hint = parsed.moment.date === null ? '（若为次日完工，须同时写明日期）' : ''
        problems.push(`时间顺序不对：${who} ${shown} 早于${previous.who} ${previous.shown}${hint}`)
      }
      previous = { who, at, shown }
      day = date
      sequence.push(`${who} ${shown}`)
    }
    const label = factLabel(facts, p.fact)
    if (problems.length > 0) return failed(`${label}：${problems.join('；')}`)
    return passed(`${label}时间齐全、顺序正确：${sequence.join(' → ')}`)
  }
})
