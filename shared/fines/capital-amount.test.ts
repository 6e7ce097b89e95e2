import { describe, expect, it } from 'vitest'
import { capitalYuan, roundToFen, yuanFigures } from './capital-amount'

// The 大写 total finance copies onto the voucher: wrong words here mean a wrong deduction from pay.

describe('capitalYuan', () => {
  it.each([
    [0, '人民币零元整'],
    [10, '人民币壹拾元整'],
    [20.5, '人民币贰拾元伍角'],
    [1_000_010, '人民币壹佰万零壹拾元整'],
    [50, '人民币伍拾元整'],
    [100, '人民币壹佰元整'],
    [1.01, '人民币壹元零壹分'],
    [0.05, '人民币伍分'],
    [1234.56, '人民币壹仟贰佰叁拾肆元伍角陆分'],
    [-10, '人民币负壹拾元整']
  ])('%s yuan reads %s', (yuan, words) => {
    expect(capitalYuan(yuan)).toBe(words)
  })

  it('rounds to the fen before writing words, so float noise never reaches the paper', () => {
    expect(capitalYuan(0.1 + 0.2)).toBe('人民币叁角')
    expect(capitalYuan(0.004)).toBe('人民币零元整')
    expect(capitalYuan(-0.001)).toBe('人民币零元整')
  })

  it('refuses what is not an amount', () => {
    expect(() => capitalYuan(Number.NaN)).toThrow(RangeError)
    expect(() => capitalYuan(Number.POSITIVE_INFINITY)).toThrow(RangeError)
  })
})

describe('yuanFigures', () => {
  it.each([
    [0, '0.00'],
    [20.5, '20.50'],
    [1_000_010, '1,000,010.00'],
    [999.999, '1,000.00'],
    [-1234.5, '-1,234.50'],
    [-0.001, '0.00']
  ])('%s → %s', (yuan, text) => {
    expect(yuanFigures(yuan)).toBe(text)
  })

  it('rounds to two decimals', () => {
    expect(roundToFen(10.005 + 0.001)).toBe(10.01)
    expect(roundToFen(0.1 + 0.2)).toBe(0.3)
  })
})
