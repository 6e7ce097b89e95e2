import { describe, expect, it } from 'vitest'
import { createWorkingCalendar } from '../calendar'
import { computeDeadline } from './compute-deadline'
import { chinaDateTimeText as formatChinaDateTime } from '../time'

const calendar = createWorkingCalendar()
// China time 2026-09-30 16:00 is the last working afternoon before the National Day holiday.
const beforeNationalDay = '2026-09-30T08:00:00.000Z'

describe('deadlines from the policy rule and the PRC calendar', () => {
  it('counts "within 24 hours" on the clock, holidays or not (FAW-VW correction)', () => {
    expect(
      computeDeadline({ kind: 'hours_after', hours: 24, from: 'returned_for_correction' }, beforeNationalDay, calendar)
    ).toBe('2026-10-01T08:00:00.000Z')
  })

  it('counts "within 1 working day" past the National Day break (SVW-Skoda correction)', () => {
    const due = computeDeadline(
      { kind: 'working_days_after', days: 1, from: 'returned_for_correction' },
      beforeNationalDay,
      calendar
    )
    expect(formatChinaDateTime(due)).toBe('2026-10-08 23:59')
  })

  it('counts 3 working days after delivery to the end of that day (SVW-Skoda new-car file)', () => {
    const due = computeDeadline(
      { kind: 'working_days_after', days: 3, from: 'delivery' },
      '2026-11-20T02:00:00.000Z',
      calendar
    )
    expect(formatChinaDateTime(due)).toBe('2026-11-25 23:59')
  })

  it('gives the next Monday for the weekly sales hand-in, moved off a holiday (FAW-VW)', () => {
    expect(
      formatChinaDateTime(
        computeDeadline({ kind: 'next_weekday', weekday: 1, from: 'delivery' }, '2026-11-18T02:00:00.000Z', calendar)
      )
    ).toBe('2026-11-23 23:59')
    expect(
      formatChinaDateTime(
        computeDeadline({ kind: 'next_weekday', weekday: 1, from: 'delivery' }, '2026-09-30T02:00:00.000Z', calendar)
      )
    ).toBe('2026-10-08 23:59')
  })

  it('gives 10:00 of the next working day for the daily service hand-in (FAW-VW)', () => {
    const due = computeDeadline(
      { kind: 'days_after_at_time', days: 1, time: '10:00', from: 'vehicle_handed_back' },
      '2026-11-20T09:00:00.000Z',
      calendar
    )
    expect(formatChinaDateTime(due)).toBe('2026-11-23 10:00')
  })

  it('counts calendar days forward from the China date of the anchor, to the end of the day, holidays included', () => {
    // 01:00 on 1 October China time is still 30 September in UTC: the count starts from 1 October.
    const due = computeDeadline(
      { kind: 'calendar_days_after', days: 3, from: 'delivery' },
      '2026-09-30T17:00:00.000Z',
      calendar
    )
    expect(due).toBe('2026-10-04T15:59:00.000Z')
    expect(formatChinaDateTime(due)).toBe('2026-10-04 23:59')
    expect(
      formatChinaDateTime(
        computeDeadline(
          { kind: 'calendar_days_after', days: 30, from: 'delivery' },
          '2026-11-20T02:00:00.000Z',
          calendar
        )
      )
    ).toBe('2026-12-20 23:59')
  })

  it('gives the next Friday, not another weekday, when the rule names Friday', () => {
    // Wednesday 18 November 2026.
    expect(
      formatChinaDateTime(
        computeDeadline({ kind: 'next_weekday', weekday: 5, from: 'delivery' }, '2026-11-18T02:00:00.000Z', calendar)
      )
    ).toBe('2026-11-20 23:59')
    expect(
      formatChinaDateTime(
        computeDeadline({ kind: 'next_weekday', weekday: 7, from: 'delivery' }, '2026-11-18T02:00:00.000Z', calendar)
      )
    ).toBe('2026-11-23 23:59')
  })

  it('gives the same day at the time for "day 0" on a working day, and the next working day on a holiday', () => {
    const sameDay = { kind: 'days_after_at_time', days: 0, time: '17:00', from: 'vehicle_handed_back' } as const
    expect(formatChinaDateTime(computeDeadline(sameDay, '2026-11-20T01:00:00.000Z', calendar))).toBe('2026-11-20 17:00')
    expect(formatChinaDateTime(computeDeadline(sameDay, '2026-10-03T01:00:00.000Z', calendar))).toBe('2026-10-08 17:00')
  })

  it('moves a deadline off a day the dealership closes, and onto a day it opens', () => {
    const closedFriday = createWorkingCalendar({ overrides: [{ date: '2026-11-20', kind: 'closed', note: '盘点' }] })
    const rule = { kind: 'working_days_after', days: 1, from: 'returned_for_correction' } as const
    expect(formatChinaDateTime(computeDeadline(rule, '2026-11-19T02:00:00.000Z', calendar))).toBe('2026-11-20 23:59')
    expect(formatChinaDateTime(computeDeadline(rule, '2026-11-19T02:00:00.000Z', closedFriday))).toBe(
      '2026-11-23 23:59'
    )
  })
})
