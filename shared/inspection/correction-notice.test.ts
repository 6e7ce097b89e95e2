import { describe, expect, it } from 'vitest'
import { correctionNoticeCounterId, correctionNoticeNumber } from './correction-notice'

describe('《不合格档案记录》 numbers', () => {
  it('run in sequence per year, four digits, like BHG2026-0001', () => {
    expect(correctionNoticeNumber('2026', 1)).toBe('BHG2026-0001')
    expect(correctionNoticeNumber('2026', 77)).toBe('BHG2026-0077')
    expect(correctionNoticeNumber('2027', 12345)).toBe('BHG2027-12345')
  })

  it('draw each year from its own counter', () => {
    expect(correctionNoticeCounterId('2026')).not.toBe(correctionNoticeCounterId('2027'))
  })

  it('refuse a sequence that is not a positive whole number', () => {
    expect(() => correctionNoticeNumber('2026', 0)).toThrow(new RangeError('not a sequence number: 0'))
    expect(() => correctionNoticeNumber('2026', 1.5)).toThrow(RangeError)
    expect(() => correctionNoticeNumber('26', 1)).toThrow(new RangeError('not a year: 26'))
    expect(() => correctionNoticeNumber('02026', 1)).toThrow(RangeError)
    expect(() => correctionNoticeNumber('20261', 1)).toThrow(RangeError)
  })
})
