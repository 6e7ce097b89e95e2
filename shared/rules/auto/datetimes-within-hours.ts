import { z } from 'zod'
import { factLabel } from '../archive-facts'
import { failed, passed } from '../check-outcome'
import { readFacts } from '../read-facts'
import { defineRule } from '../rule-definition'
import { factRefParam, positiveNumberParam } from '../rule-params'
import { dayNumber, minutesSinceEpoch } from '../written-date-time'
import { formatDuration, formatMoment } from './format-moment'

// FAW-VW 销售档案检查标准(2): 发票日期需与PDI盖章证明日期完全相符（最多可相差24小时）.
// Both with a time: compared to the minute (exactly 24 h passes). Either without a time: compared by day.

const params = z.strictObject({
  first: factRefParam,
  second: factRefParam,
  maxHours: positiveNumberParam('最多相差小时数')
})

export const datetimesWithinHours = defineRule({
  id: 'datetimes-within-hours',
  title: '两个日期时间相差不超过规定小时数',
  paramsSchema: params,
  requirements: (p) => [
    { ref: p.first, types: ['datetime', 'date'] },
    { ref: p.second, types: ['datetime', 'date'] }
  ],
  evaluate(facts, p) {
    const read = readFacts(facts, { first: { ref: p.first, as: 'moment' }, second: { ref: p.second, as: 'moment' } })
    if (!read.ok) return read.outcome
    const { first, second } = read.values
    const firstLabel = factLabel(facts, p.first)
    const secondLabel = factLabel(facts, p.second)
    const undated = [first.date === null ? firstLabel : null, second.date === null ? secondLabel : null].filter(
      (l) => l !== null
    )
    if (first.date === null || second.date === null) return failed(`${undated.join('、')}未写日期`)

    const bothTimed = first.minutes !== null && second.minutes !== null
    const differenceMinutes = bothTimed
      ? minutesSinceEpoch(first.date, first.minutes ?? 0) - minutesSinceEpoch(second.date, second.minutes ?? 0)
      : (dayNumber(first.date) - dayNumber(second.date)) * 1440
    const distance = Math.abs(differenceMinutes)
    const direction = differenceMinutes >= 0 ? '晚' : '早'
    const amount = bothTimed ? formatDuration(distance) : `${distance / 1440} 天`
    const sentence = `${firstLabel} ${formatMoment(first)} 比${secondLabel} ${formatMoment(second)} ${direction} ${amount}`
    if (distance === 0)
      return passed(`${firstLabel} ${formatMoment(first)} 与${secondLabel} ${formatMoment(second)} 相同`)
    if (distance <= p.maxHours * 60) return passed(`${sentence}，未超过 ${p.maxHours} 小时`)
    return failed(`${sentence}，超过 ${p.maxHours} 小时`)
  }
})
