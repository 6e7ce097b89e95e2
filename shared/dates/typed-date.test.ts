import { describe, expect, it } from 'vitest'
import { isCompleteTypedDate, maskTypedDate, normalizeTypedDate } from './typed-date'

describe('typing a date in 年-月-日 form', () => {
  it('puts the hyphens in while digits are typed one by one', () => {
    let text = ''
    for (const key of '20261129') text = maskTypedDate(text + key)
    expect(text).toBe('2026-11-29')
  })

  it('formats eight pasted digits and full-width digits, and drops letters', () => {
    expect(maskTypedDate('20261129')).toBe('2026-11-29')
    expect(maskTypedDate('２０２６１１２９')).toBe('2026-11-29')
    expect(maskTypedDate('2026-1a')).toBe('2026-1')
  })

  it('lets a hyphen be deleted and other separators be typed', () => {
    expect(maskTypedDate('2026-')).toBe('2026-')
    expect(maskTypedDate('2026')).toBe('2026')
    expect(maskTypedDate('2026/3/5')).toBe('2026/3/5')
  })

  it('normalises 2026/3/5, 2026.3.5 and 2026年3月5日 to 2026-03-05 and knows a real date', () => {
    expect(normalizeTypedDate('2026/3/5')).toBe('2026-03-05')
    expect(normalizeTypedDate('2026.3.5')).toBe('2026-03-05')
    expect(normalizeTypedDate('2026年3月5日')).toBe('2026-03-05')
    expect(normalizeTypedDate('11/29/2026')).toBe('11/29/2026')
    expect(isCompleteTypedDate('2026-02-29')).toBe(false)
    expect(isCompleteTypedDate('2028/2/29')).toBe(true)
  })
})
