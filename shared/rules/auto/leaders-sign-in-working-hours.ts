import { z } from 'zod'
import { factLabel } from '../archive-facts'
import { failed, notApplicable, passed } from '../check-outcome'
import { readFacts } from '../read-facts'
import { defineRule } from '../rule-definition'
import { clockTimeParam, factRefParam, rolesOf, signerRequirementListParam } from '../rule-params'
import { isSatisfied, requirementLabel } from '../signatures'
import { formatMinutesOfDay, isoWeekday, parseClockTime } from '../written-date-time'
import { formatMoment } from './format-moment'

// FAW-VW 救援单: 如果下班以后服务经理和服务总监不用签字，上班期间救援必须要有相关领导签字.
// Working hours and working weekdays are policy parameters; public holidays are not looked up here.

const params = z
  .strictObject({
    when: factRefParam,
    signatures: factRefParam,
    roles: signerRequirementListParam,
    workStart: clockTimeParam('上班时间'),
    workEnd: clockTimeParam('下班时间'),
    workdays: z
      .array(z.number().int().min(1, '工作日用 1（周一）至 7（周日）表示').max(7, '工作日用 1（周一）至 7（周日）表示'))
      .min(1, '至少有一个工作日')
      .default([1, 2, 3, 4, 5, 6, 7])
  })
  .refine((p) => (parseClockTime(p.workStart) ?? 0) < (parseClockTime(p.workEnd) ?? 0), {
    message: '上班时间应早于下班时间',
    path: ['workEnd']
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
  evaluate(facts, p) {
    const read = readFacts(facts, { when: { ref: p.when, as: 'moment' } })
    if (!read.ok) return read.outcome
    const when = read.values.when
    const whenLabel = factLabel(facts, p.when)
    if (when.date === null || when.minutes === null) return failed(`${whenLabel}“${when.text}”须写明日期和时间`)
    const start = parseClockTime(p.workStart) ?? 0
    const end = parseClockTime(p.workEnd) ?? 0
    const weekday = isoWeekday(when.date)
    const names = (list: typeof p.roles) => list.map((r) => requirementLabel(facts, p.signatures, r)).join('、')
    const hours = `工作时间 ${formatMinutesOfDay(start)}–${formatMinutesOfDay(end)}`
    const inWorkingHours = p.workdays.includes(weekday) && when.minutes >= start && when.minutes < end
    if (!inWorkingHours) {
      return notApplicable(
        `${whenLabel} ${formatMoment(when)}（${WEEKDAY_NAMES[weekday]}）在下班时间（${hours}），${names(p.roles)}无需签字`
      )
    }
    const signatures = readFacts(facts, { list: { ref: p.signatures, as: 'signatures' } })
    if (!signatures.ok) return signatures.outcome
    const missing = p.roles.filter((requirement) => !isSatisfied(signatures.values.list, requirement))
    if (missing.length > 0)
      return failed(`${whenLabel} ${formatMoment(when)} 在上班期间（${hours}），缺少${names(missing)}签字`)
    return passed(`上班期间救援，${names(p.roles)}已签字`)
  }
})
