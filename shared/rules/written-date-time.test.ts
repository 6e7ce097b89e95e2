import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  dayNumber,
  formatMinutesOfDay,
  isoWeekday,
  isRealDate,
  minutesSinceEpoch,
  parseClockTime,
  parseWrittenDate,
  parseWrittenMoment
} from './written-date-time'

describe('dates and times as written on paper', () => {
  it('reads a date, a time, or both, in the usual ways of writing them', () => {
    expect(parseWrittenMoment('2026-03-05 14:30')).toEqual({
      ok: true,
      moment: { date: '2026-03-05', minutes: 870, text: '2026-03-05 14:30' }
    })
    expect(parseWrittenMoment('2026/3/5 9:05')).toMatchObject({
      ok: true,
      moment: { date: '2026-03-05', minutes: 545 }
    })
    expect(parseWrittenMoment('2026年3月5日')).toMatchObject({
      ok: true,
      moment: { date: '2026-03-05', minutes: null }
    })
    expect(parseWrittenMoment('2026-03-05T14:30')).toMatchObject({
      ok: true,
      moment: { date: '2026-03-05', minutes: 870 }
    })
    expect(parseWrittenMoment('14：30')).toMatchObject({ ok: true, moment: { date: null, minutes: 870 } })
  })

  it('refuses a 12-hour time, 24:00, an impossible date and the 1900 placeholder', () => {
    for (const text of ['下午2:30', '2:30 PM', '上午 9:00', '2:30am'])
      expect(parseWrittenMoment(text)).toMatchObject({ ok: false, reason: expect.stringContaining('24小时制') })
    expect(parseWrittenMoment('24:00')).toMatchObject({ ok: false })
    expect(parseWrittenDate('2026-02-29')).toMatchObject({ ok: false, reason: '“2026-02-29”不是有效日期' })
    expect(parseWrittenDate('2028-02-29')).toEqual({ ok: true, date: '2028-02-29' })
    expect(parseWrittenDate('1900/00/00')).toMatchObject({ ok: false, reason: expect.stringContaining('系统占位日期') })
    expect(parseWrittenMoment('')).toEqual({ ok: false, reason: '未填写' })
  })

  it('knows the weekday: 2026-03-05 is a Thursday, 2026-03-08 a Sunday', () => {
    expect(isoWeekday('2026-03-05')).toBe(4)
    expect(isoWeekday('2026-03-08')).toBe(7)
    expect(isoWeekday('1970-01-01')).toBe(4)
  })

  it('counts days and minutes without time zones', () => {
    expect(dayNumber('2026-03-01') - dayNumber('2026-02-28')).toBe(1)
    expect(minutesSinceEpoch('2026-03-05', 0) - minutesSinceEpoch('2026-03-04', 23 * 60 + 59)).toBe(1)
  })

  it('reads back every valid date and 24-hour time it could be given', () => {
    const moment = fc.record({
      date: fc.date({
        min: new Date(Date.UTC(1950, 0, 1)),
        max: new Date(Date.UTC(2099, 11, 31)),
        noInvalidDate: true
      }),
      hours: fc.integer({ min: 0, max: 23 }),
      minutes: fc.integer({ min: 0, max: 59 })
    })
    fc.assert(
      fc.property(moment, ({ date, hours, minutes }) => {
        const iso = date.toISOString().slice(0, 10)
        const text = `${iso} ${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`
        const parsed = parseWrittenMoment(text)
        expect(parsed).toEqual({ ok: true, moment: { date: iso, minutes: hours * 60 + minutes, text } })
        expect(dayNumber(iso)).toBe(
          Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) / 86_400_000)
        )
      })
    )
  })
})

describe('the exact words of each refusal, and the edges of what is accepted', () => {
  it('says what is wrong with a date', () => {
    expect(parseWrittenDate('三月五日')).toEqual({
      ok: false,
      reason: '“三月五日”不是日期，应写作 年-月-日，如 2026-03-05'
    })
    expect(parseWrittenDate('1949-12-31')).toEqual({
      ok: false,
      reason: '“1949-12-31”是系统占位日期（如 1900/00/00），不是真实日期'
    })
    expect(parseWrittenDate('1950-01-01')).toEqual({ ok: true, date: '1950-01-01' })
    expect(parseWrittenDate(' 2026.3.5 ')).toEqual({ ok: true, date: '2026-03-05' })
    expect(parseWrittenDate('  ')).toEqual({ ok: false, reason: '未填写' })
    expect(parseWrittenMoment('2026-13-01 10:00')).toEqual({ ok: false, reason: '“2026-13-01”不是有效日期' })
  })

  it('says what is wrong with a time', () => {
    expect(parseWrittenMoment('2026-03-05 下午2:30')).toEqual({ ok: false, reason: '“下午2:30”未使用24小时制' })
    expect(parseWrittenMoment('2026-03-05 14点30')).toEqual({
      ok: false,
      reason: '“14点30”不是时间，应写作 时:分（24小时制），如 14:30'
    })
    expect(parseWrittenMoment('24:00')).toEqual({ ok: false, reason: '“24:00”不是有效的24小时制时间' })
    expect(parseWrittenMoment('12:60')).toEqual({ ok: false, reason: '“12:60”不是有效的24小时制时间' })
    expect(parseWrittenMoment('23:59')).toMatchObject({ ok: true, moment: { date: null, minutes: 1439 } })
    expect(parseWrittenMoment('00:00')).toMatchObject({ ok: true, moment: { date: null, minutes: 0 } })
  })

  it('ignores spaces around what was written, and quotes a time written in two parts as written', () => {
    expect(parseWrittenMoment(' 2026-03-05 14:30 ')).toEqual({
      ok: true,
      moment: { date: '2026-03-05', minutes: 870, text: '2026-03-05 14:30' }
    })
    expect(parseWrittenMoment('2026-03-05 下午 2:30')).toEqual({ ok: false, reason: '“下午 2:30”未使用24小时制' })
  })

  it('reads a time written before the date, and collapses extra spaces', () => {
    expect(parseWrittenMoment('14:30  2026-03-05')).toEqual({
      ok: true,
      moment: { date: '2026-03-05', minutes: 870, text: '14:30 2026-03-05' }
    })
  })

  it('knows real calendar days', () => {
    expect(isRealDate(2026, 12, 31)).toBe(true)
    expect(isRealDate(2026, 1, 1)).toBe(true)
    for (const [y, m, d] of [
      [2026, 0, 1],
      [2026, 13, 1],
      [2026, 1, 0],
      [2026, 4, 31]
    ] as const)
      expect(isRealDate(y, m, d), `${y}-${m}-${d}`).toBe(false)
  })

  it('prints and reads policy clock times', () => {
    expect(formatMinutesOfDay(545)).toBe('09:05')
    expect(formatMinutesOfDay(1439)).toBe('23:59')
    expect(parseClockTime('08:30')).toBe(510)
    expect(parseClockTime('23:59')).toBe(1439)
    for (const text of ['8:30', '24:00', '08:60', ' 08:30', '08:30 ']) expect(parseClockTime(text), text).toBeNull()
  })

  it('gives Monday as 1 and Saturday as 6', () => {
    expect(isoWeekday('2026-03-02')).toBe(1)
    expect(isoWeekday('2026-03-07')).toBe(6)
    expect(isoWeekday('1969-12-29')).toBe(1)
  })
})
