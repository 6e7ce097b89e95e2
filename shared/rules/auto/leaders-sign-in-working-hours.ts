import { z } from 'zod'
import { factLabel } from '../archive-facts'
import { failed, notApplicable, passed } from '../check-outcome'
import { readFacts } from '../read-facts'
import { defineRule } from '../rule-definition'
import { factRefParam, rolesOf, signerRequirementListParam } from '../rule-params'
import { isSatisfied, requirementLabel } from '../signatures'
import { formatMinutesOfDay, isoWeekday, parseClockTime } from '../written-date-time'
import { formatMoment } from './format-moment'

// FAW-VW 五(二)2(7) 救援单: 「如果下班以后服务经理和服务总监不用签字，上班期间救援必须要有相关领导签字。」
// No text gives the working hours: they are the dealership's setting (the rule context), not a policy
// parameter. Public holidays are not looked up here.

const params = z.strictObject({
  when: factRefParam,
  signatures: factRefParam,
  roles: signerRequirementListParam
})

const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日']

export const leadersSignInWorkingHours = defineRule({
  id: 'leaders-sign-in-working-hours',
  title: '上班期间的救援有领导签字',
  paramsSchema: params,
  requirements: (p) => [
    { ref: p.when, types: ['datetime'] },
    { ref: p.signatures, types: ['signatures'], roles: rolesOf(p.roles) }
  ],
  evaluate(facts, p, context) {
    const read = readFacts(facts, { when: { ref: p.when, as: 'moment' } })
    if (!read.ok) return read.outcome
    const when = read.values.when
    const whenLabel = factLabel(facts, p.when)
    if (when.date === null || when.minutes === null) return failed(`${whenLabel}“${when.text}”须写明日期和时间`)
    const hours = context.rescueHours
    const start = parseClockTime(hours.start) ?? 0
    const end = parseClockTime(hours.end) ?? 0
    const weekday = isoWeekday(when.date)
    const names = (list: typeof p.roles) => list.map((r) => requirementLabel(facts, p.signatures, r)).join('、')
    const shown = `工作时间 ${formatMinutesOfDay(start)}–${formatMinutesOfDay(end)}`
    const inWorkingHours = hours.workdays.includes(weekday) && when.minutes >= start && when.minutes < end
    if (!inWorkingHours) {
      return notApplicable(
        `${whenLabel} ${formatMoment(when)}（${WEEKDAY_NAMES[weekday]}）在下班时间（${shown}），${names(p.roles)}无需签字`
      )
    }
    const signatures = readFacts(facts, { list: { ref: p.signatures, as: 'signatures' } })
    if (!signatures.ok) return signatures.outcome
    const missing = p.roles.filter((requirement) => !isSatisfied(signatures.values.list, requirement))
    if (missing.length > 0)
      return failed(`${whenLabel} ${formatMoment(when)} 在上班期间（${shown}），缺少${names(missing)}签字`)
    return passed(`上班期间救援，${names(p.roles)}已签字`)
  }
})
