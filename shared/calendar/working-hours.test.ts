import { describe, expect, it } from 'vitest'
import { workingHoursBetween } from './working-hours'
import { toDayNumber } from './day-number'

const everyDay = () => true
const workday = { start: '08:30', end: '17:30' }

describe('workingHoursBetween: the last minutes of working time', () => {
  it('counts the last minute before closing and nothing after it', () => {
    expect(
      workingHoursBetween('2026-11-20T17:29:00+08:00', '2026-11-20T17:30:00+08:00', workday, everyDay) * 60
    ).toBeCloseTo(1)
    expect(workingHoursBetween('2026-11-20T17:30:00+08:00', '2026-11-20T17:31:00+08:00', workday, everyDay)).toBe(0)
    expect(workingHoursBetween('2026-11-20T08:29:00+08:00', '2026-11-20T08:30:00+08:00', workday, everyDay)).toBe(0)
  })

  it('counts a whole working day as its opening hours, and a day that is not worked as nothing', () => {
    expect(workingHoursBetween('2026-11-20T00:00:00+08:00', '2026-11-21T00:00:00+08:00', workday, everyDay)).toBe(9)
    const restOn20th = (day: number) => day !== toDayNumber('2026-11-20')
    expect(workingHoursBetween('2026-11-19T12:00:00+08:00', '2026-11-21T12:00:00+08:00', workday, restOn20th)).toBe(
      5.5 + 3.5
    )
  })

  it('is zero, not minus zero, when the end is earlier but no working time lies between', () => {
    expect(
      Object.is(workingHoursBetween('2026-11-20T20:00:00+08:00', '2026-11-20T19:00:00+08:00', workday, everyDay), 0)
    ).toBe(true)
  })

  it('refuses a workday that ends when it starts', () => {
    expect(() =>
      workingHoursBetween(
        '2026-11-20T09:00:00+08:00',
        '2026-11-20T10:00:00+08:00',
        { start: '09:00', end: '09:00' },
        everyDay
      )
    ).toThrow('A workday must end after it starts, got 09:00–09:00')
  })
})
