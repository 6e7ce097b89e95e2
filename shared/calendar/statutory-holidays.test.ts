import { describe, it, expect } from 'vitest'
import { statutoryHolidays } from './statutory-holidays'
import { scheduledDay } from './official-schedule'

describe('statutoryHolidays', () => {
  it('computes 2027 from the law: 春节 from the lunar calendar (除夕 5 Feb, 初一 6 Feb), 清明 from the solar term', () => {
    expect(statutoryHolidays(2027)).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-02-05', name: '春节' },
      { date: '2027-02-06', name: '春节' },
      { date: '2027-02-07', name: '春节' },
      { date: '2027-02-08', name: '春节' },
      { date: '2027-04-05', name: '清明节' },
      { date: '2027-05-01', name: '劳动节' },
      { date: '2027-05-02', name: '劳动节' },
      { date: '2027-06-09', name: '端午节' },
      { date: '2027-09-15', name: '中秋节' },
      { date: '2027-10-01', name: '国庆节' },
      { date: '2027-10-02', name: '国庆节' },
      { date: '2027-10-03', name: '国庆节' }
    ])
  })

  it('takes 除夕 as the last day of the lunar year, whether 腊月 has 29 or 30 days', () => {
    // 2026: 腊月 has 29 days, 除夕 is 腊月廿九 (16 Feb); 2024: 腊月三十 (9 Feb).
    expect(
      statutoryHolidays(2026)
        .filter((h) => h.name === '春节')
        .map((h) => h.date)
    ).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19'])
    expect(
      statutoryHolidays(2024)
        .filter((h) => h.name === '春节')
        .map((h) => h.date)
    ).toEqual(['2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12'])
  })

  it('matches the published schedules under the current law: every statutory day of 2025 and 2026 is a listed holiday', () => {
    const officialName: Record<string, string> = {
      元旦: '元旦',
      春节: '春节',
      清明节: '清明',
      劳动节: '劳动节',
      端午节: '端午',
      中秋节: '中秋',
      国庆节: '国庆节'
    }
    for (const year of [2025, 2026]) {
      const holidays = statutoryHolidays(year)
      expect(holidays).toHaveLength(13)
      for (const holiday of holidays) {
        const entry = scheduledDay(holiday.date)
        expect(entry?.working, `${holiday.date} ${holiday.name}`).toBe(false)
        // 2025's 中秋 (6 Oct) lies inside the merged 国庆 break, which the schedule names 国庆节.
        if (!(year === 2025 && holiday.name === '中秋节')) expect(entry?.holiday).toBe(officialName[holiday.name])
      }
    }
  })

  it('refuses years the lunar table cannot answer for', () => {
    expect(() => statutoryHolidays(2100)).toThrow(RangeError)
    expect(() => statutoryHolidays(1900)).toThrow(RangeError)
  })
})
