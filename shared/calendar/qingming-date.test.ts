import { describe, it, expect } from 'vitest'
import { qingmingDate } from './qingming-date'
import { scheduledDay } from './official-schedule'

describe('qingmingDate', () => {
  it('falls on a 清明 holiday in every published schedule since 清明 became a holiday (2008)', () => {
    for (let year = 2008; year <= 2026; year++) {
      expect(scheduledDay(qingmingDate(year)), `${year}: ${qingmingDate(year)}`).toEqual({
        working: false,
        holiday: '清明'
      })
    }
  })

  it('gives the almanac dates for years without a schedule', () => {
    expect(qingmingDate(2027)).toBe('2027-04-05')
    expect(qingmingDate(2028)).toBe('2028-04-04')
    expect(qingmingDate(2030)).toBe('2030-04-05')
  })
})
