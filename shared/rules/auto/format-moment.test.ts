import { describe, expect, it } from 'vitest'
import { formatDuration, formatMoment } from './format-moment'

describe('how rules print times in their messages', () => {
  it('prints a date with its time, a date alone, or a time alone', () => {
    expect(formatMoment({ date: '2026-03-05', minutes: 600, text: '' })).toBe('2026-03-05 10:00')
    expect(formatMoment({ date: '2026-03-05', minutes: null, text: '' })).toBe('2026-03-05')
    expect(formatMoment({ date: null, minutes: 0, text: '' })).toBe('00:00')
  })

  it('prints a duration in hours and minutes, leaving out a part that is zero', () => {
    expect(formatDuration(35)).toBe('35 分钟')
    expect(formatDuration(0)).toBe('0 分钟')
    expect(formatDuration(60)).toBe('1 小时')
    expect(formatDuration(1441)).toBe('24 小时 1 分钟')
    expect(formatDuration(2940)).toBe('49 小时')
  })
})
