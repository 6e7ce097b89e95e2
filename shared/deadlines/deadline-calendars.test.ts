import { describe, expect, it } from 'vitest'
import { createWorkingCalendar } from '../calendar'
import { chinaDateTimeText } from '../time'
import { getPreset } from '../policy'
import { validatePolicy } from '../rules'
import type { DeadlineRule } from '../policy'
import { computeDeadline } from './compute-deadline'

// Each deadline names the calendar it counts on: PRC working days, every calendar day, or the dealership's
// own service days (every day but the service department's closures, edited in Settings).

const FAW = getPreset('faw-vw')
const [toInfoClerk, collected] = FAW.deadlines.serviceHandIn
const calendar = createWorkingCalendar()
const due = (rule: DeadlineRule, anchor: string, on = calendar) => chinaDateTimeText(computeDeadline(rule, anchor, on))
// Saturday 2026-11-21, 16:00 China time.
const saturdayAfternoon = '2026-11-21T08:00:00.000Z'

describe('FAW-VW 五(二)4(1)/4(2) count every day: the service department works every day', () => {
  it('「服务顾问按顺序整理好于每天上午10:00之前交于售后信息员」: a Saturday hand-back is due Sunday 10:00, not Monday', () => {
    expect(toInfoClerk?.rule).toMatchObject({ countsOn: 'service_days' })
    expect(due(toInfoClerk!.rule, saturdayAfternoon)).toBe('2026-11-22 10:00')
  })

  it("「客服部每天15:00日到服务部信息员处收取前一天档案」: Saturday's files are collected Sunday 15:00", () => {
    expect(due(collected!.rule, saturdayAfternoon)).toBe('2026-11-22 15:00')
  })

  it('counts through the National Day holiday, when the country rests and the workshop does not', () => {
    expect(due(toInfoClerk!.rule, '2026-09-30T08:00:00.000Z')).toBe('2026-10-01 10:00')
  })

  it('a day the service department closes (its own calendar, from Settings) moves the deadline to the next service day', () => {
    const closedSunday = createWorkingCalendar({
      serviceDayOverrides: [{ date: '2026-11-22', kind: 'closed', note: '年度盘点' }]
    })
    expect(due(toInfoClerk!.rule, saturdayAfternoon, closedSunday)).toBe('2026-11-23 10:00')
    // The sales department's working days are not the service department's closures.
    expect(closedSunday.isWorkingDay('2026-11-23')).toBe(true)
    expect(closedSunday.serviceDays().isWorkingDay('2026-11-21')).toBe(true)
  })
})

describe('the calendar a rule names', () => {
  const at10 = (countsOn?: 'working_days' | 'calendar_days' | 'service_days'): DeadlineRule => ({
    kind: 'days_after_at_time',
    days: 1,
    time: '10:00',
    from: 'vehicle_handed_back',
    ...(countsOn ? { countsOn } : {})
  })
  const closures = createWorkingCalendar({
    serviceDayOverrides: [{ date: '2026-11-22', kind: 'closed', note: '年度盘点' }]
  })

  it('a rule that names none counts working days, as stored policies always did', () => {
    expect(due(at10(), saturdayAfternoon)).toBe('2026-11-23 10:00')
    expect(due(at10('working_days'), saturdayAfternoon)).toBe('2026-11-23 10:00')
  })

  it("calendar days ignore the service department's closures; service days honour them", () => {
    expect(due(at10('calendar_days'), saturdayAfternoon, closures)).toBe('2026-11-22 10:00')
    expect(due(at10('service_days'), saturdayAfternoon, closures)).toBe('2026-11-23 10:00')
  })

  it('the weekly hand-in moves off a holiday only when it counts working days', () => {
    const monday = (countsOn?: 'calendar_days'): DeadlineRule => ({
      kind: 'next_weekday',
      weekday: 1,
      from: 'delivery',
      ...(countsOn ? { countsOn } : {})
    })
    expect(due(monday(), '2026-09-30T02:00:00.000Z')).toBe('2026-10-08 23:59')
    expect(due(monday('calendar_days'), '2026-09-30T02:00:00.000Z')).toBe('2026-10-05 23:59')
  })

  it('the policy schema keeps the calendar and refuses an unknown one in Chinese', () => {
    expect(validatePolicy(FAW).ok).toBe(true)
    const wrong = {
      ...FAW,
      deadlines: {
        ...FAW.deadlines,
        serviceHandIn: [{ ...toInfoClerk!, rule: { ...toInfoClerk!.rule, countsOn: 'weekly' } }]
      }
    }
    const result = validatePolicy(wrong)
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual([
      '计算期限的日历应为 工作日、自然日 或 本店服务日'
    ])
  })
})
