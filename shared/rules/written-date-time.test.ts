import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { dayNumber, isoWeekday, minutesSinceEpoch, parseWrittenDate, parseWrittenMoment } from './written-date-time'

describe('dates and times as written on paper', () => {
  it('reads a date, a time, or both, in the usual ways of writing them', () => {
    expect(parseWrittenMoment('2026-03-05 14:30')).toEqual({ ok: true, moment: { date: '2026-03-05', minutes: 870, text: '2026-03-05 14:30' } })
    expect(parseWrittenMoment('2026/3/5 9:05')).toMatchObject({ ok: true, moment: { date: '2026-03-05', minutes: 545 } })
    expect(parseWrittenMoment('2026年3月5日')).toMatchObject({ ok: true, moment: { date: '2026-03-05', minutes: null } })
    expect(parseWrittenMoment('2026-03-05T14:30')).toMatchObject({ ok: true, moment: { date: '2026-03-05', minutes: 870 } })
    expect(parseWrittenMoment('14：30')).toMatchObject({ ok: true, moment: { date: null, minutes: 870 } })
  })

  it('refuses a 12-hour time, 24:00, an impossible date and the 1900 placeholder', () => {
    for (const text of ['下午2:30', '2:30 PM', '上午 9:00', '2:30am']) expect(parseWrittenMoment(text)).toMatchObject({ ok: false, reason: expect.stringContaining('24小时制') })
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
      date: fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }),
      hours: fc.integer({ min: 0, max: 23 }),
      minutes: fc.integer({ min: 0, max: 59 })
    })
    fc.assert(
      fc.property(moment, ({ date, hours, minutes }) => {
        const iso = date.toISOString().slice(0, 10)
        const text = `${iso} ${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`
        const parsed = parseWrittenMoment(text)
        expect(parsed).toEqual({ ok: true, moment: { date: iso, minutes: hours * 60 + minutes, text } })
        expect(dayNumber(iso)).toBe(Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) / 86_400_000))
      })
    )
  })
})
