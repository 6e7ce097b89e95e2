import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { computeVinCheckDigit, validateVin, vinCharValue } from './vin'

const VIN_CHARS = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ'
const WEIGHTED_INDEXES = [0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16]

// Check digits below were worked out by hand / an independent script, not by computeVinCheckDigit.
const REAL_LOOKING_VINS = [
  'LFV3A28W0N3056789', // FAW-Volkswagen
  'LFV2A21K8M4123456', // FAW-Volkswagen
  'LSVAA2184P2034567', // SAIC Volkswagen
  'LVSHFFAL6MS123456', // Changan Ford
  'LHGCR265XK8012345', // GAC Honda, check digit X
  'LGBH52E0XLY123456', // Dongfeng Nissan, check digit X
  'LSGKE54H0MW123456' // SAIC-GM
]

const vinArbitrary = fc.array(fc.constantFrom(...VIN_CHARS), { minLength: 17, maxLength: 17 }).map((chars) => {
  const body = chars.join('')
  return body.slice(0, 8) + computeVinCheckDigit(body) + body.slice(9)
})

describe('computeVinCheckDigit', () => {
  it('gives the ISO 3779 textbook example its check digit X', () => {
    expect(computeVinCheckDigit('1M8GDM9A0KP042788')).toBe('X')
  })

  it('gives 1 for 17 ones (sum of the weights is 89, 89 mod 11 = 1)', () => {
    expect(computeVinCheckDigit('11111111111111111')).toBe('1')
  })

  it('ignores whatever stands at position 9', () => {
    expect(computeVinCheckDigit('LFV3A28W0N3056789')).toBe(computeVinCheckDigit('LFV3A28W9N3056789'))
  })

  it('matches independently computed real-looking VINs', () => {
    for (const vin of REAL_LOOKING_VINS) expect(computeVinCheckDigit(vin)).toBe(vin.charAt(8))
  })

  it('accepts lower case', () => {
    expect(computeVinCheckDigit('lhgcr2650k8012345')).toBe('X')
  })

  it('throws on the wrong length or an illegal character, which are programming errors', () => {
    expect(() => computeVinCheckDigit('LFV3A28W0N305678')).toThrow(RangeError)
    expect(() => computeVinCheckDigit('LFV3A28W0N30567890')).toThrow(RangeError)
    expect(() => computeVinCheckDigit('LFV3A28W0N30O6789')).toThrow(RangeError)
  })
})

describe('vinCharValue', () => {
  it('transliterates letters per ISO 3779', () => {
    expect(['A', 'H', 'J', 'N', 'P', 'R', 'S', 'Z'].map(vinCharValue)).toEqual([1, 8, 1, 5, 7, 9, 2, 9])
    expect(vinCharValue('7')).toBe(7)
  })

  it('has no value for I, O, Q or anything else', () => {
    expect(['I', 'O', 'Q', 'a', '-', '10', ''].map(vinCharValue)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined
    ])
  })
})

describe('validateVin', () => {
  it('accepts the classic valid example and 17 ones', () => {
    expect(validateVin('1M8GDM9AXKP042788')).toEqual({ ok: true, value: '1M8GDM9AXKP042788' })
    expect(validateVin('11111111111111111')).toEqual({ ok: true, value: '11111111111111111' })
  })

  it('accepts real-looking VINs from Chinese makers', () => {
    for (const vin of REAL_LOOKING_VINS) expect(validateVin(vin)).toEqual({ ok: true, value: vin })
  })

  it('normalises lower case, full-width characters and stray spaces', () => {
    expect(validateVin('lhgcr265xk8012345')).toEqual({ ok: true, value: 'LHGCR265XK8012345' })
    expect(validateVin('ＬＦＶ３Ａ２８Ｗ０Ｎ３０５６７８９')).toEqual({ ok: true, value: 'LFV3A28W0N3056789' })
    expect(validateVin(' LFV 3A28W 0N3\u3000056789 ')).toEqual({ ok: true, value: 'LFV3A28W0N3056789' })
  })

  it('asks for the VIN when empty or blank', () => {
    expect(validateVin('')).toMatchObject({ ok: false, reason: expect.stringContaining('请填写车架号') })
    expect(validateVin(' \u3000 ')).toMatchObject({ ok: false, reason: expect.stringContaining('请填写车架号') })
  })

  it('says how many characters were typed when the length is wrong', () => {
    expect(validateVin('LFV3A28W0N305678')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('现在填了16位')
    })
    expect(validateVin('LFV3A28W0N30567890')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('现在填了18位')
    })
    expect(validateVin('056789')).toMatchObject({ ok: false, reason: expect.stringMatching(/应为17位.*6位/) })
  })

  it('names I, O and Q specifically, with the digit that was probably meant', () => {
    expect(validateVin('LFV3A28W0N3O56789')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/I、O、Q.*第12位.*“O”.*数字 0/)
    })
    expect(validateVin('iFV3A28W0N3056789')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/第1位.*“I”.*数字 1/)
    })
    expect(validateVin('LFV3A28W0N3Q56789')).toMatchObject({ ok: false, reason: expect.stringContaining('“Q”') })
  })

  it('names a character that is neither letter nor digit', () => {
    expect(validateVin('LFV3A28W0N3-56789')).toMatchObject({ ok: false, reason: expect.stringMatching(/第12位“-”/) })
    expect(validateVin('车架号LFV3A28W0N3056789')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/第1位“车”/)
    })
  })

  it('refuses a wrong check digit and names the expected character', () => {
    expect(validateVin('1M8GDM9A1KP042788')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('车架号第9位校验位应为 X')
    })
    expect(validateVin('LFV3A28W0N3056788')).toMatchObject({
      ok: false,
      reason: expect.stringContaining(`应为 ${computeVinCheckDigit('LFV3A28W0N3056788')}（现为 0）`)
    })
  })

  it('accepts any VIN from the legal alphabet carrying its computed check digit, and is idempotent', () => {
    fc.assert(
      fc.property(vinArbitrary, (vin) => {
        const result = validateVin(vin)
        expect(result).toEqual({ ok: true, value: vin })
        expect(validateVin(vin.toLowerCase())).toEqual(result)
      })
    )
  })

  it('detects any single change at a weighted position to a character with a different value', () => {
    const changed = vinArbitrary.chain((vin) =>
      fc.tuple(fc.constant(vin), fc.constantFrom(...WEIGHTED_INDEXES), fc.constantFrom(...VIN_CHARS))
    )
    fc.assert(
      fc.property(changed, ([vin, index, replacement]) => {
        fc.pre(vinCharValue(replacement) !== vinCharValue(vin.charAt(index)))
        const typo = vin.slice(0, index) + replacement + vin.slice(index + 1)
        expect(validateVin(typo)).toMatchObject({ ok: false, reason: expect.stringContaining('校验位') })
      })
    )
  })

  it('keeps the normalised value stable for arbitrary input that validates', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...VIN_CHARS, 'a', 'x', ' ', '\u3000', 'Ａ', '１'), maxLength: 20 }),
        (text) => {
          const result = validateVin(text)
          if (result.ok) expect(validateVin(result.value)).toEqual(result)
        }
      )
    )
  })
})
