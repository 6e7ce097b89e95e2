import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { computeCreditCodeCheckChar, CREDIT_CODE_CHARSET, validateCreditCode } from './credit-code'

// Check characters below were computed independently of computeCreditCodeCheckChar.
const REAL_LOOKING_CODES = [
  '91350100M000100Y43', // enterprise (9 1), Fuzhou — the example printed in many guides
  '91220101MA0Y123458', // enterprise, Changchun
  '521100005000123453', // 民办非企业单位 (5 2), Beijing
  '12100000400000624D', // public institution (1 2), check character a letter
  '92220104MA14ABCD1A' // individual business (9 2), Changchun Chaoyang
]
const DIGITS = '0123456789'

const charsFrom = (alphabet: string, length: number) =>
  fc.array(fc.constantFrom(...alphabet), { minLength: length, maxLength: length }).map((list) => list.join(''))
const creditCodeArbitrary = fc
  .tuple(charsFrom(CREDIT_CODE_CHARSET, 2), charsFrom(DIGITS, 6), charsFrom(CREDIT_CODE_CHARSET, 9))
  .map(([head, division, body]) => {
    const first17 = head + division + body
    return first17 + computeCreditCodeCheckChar(first17)
  })

describe('computeCreditCodeCheckChar', () => {
  it('matches independently computed codes', () => {
    for (const code of REAL_LOOKING_CODES) expect(computeCreditCodeCheckChar(code.slice(0, 17))).toBe(code.charAt(17))
  })

  it('maps a sum divisible by 31 to 0, not 31', () => {
    expect(computeCreditCodeCheckChar('00000000000000000')).toBe('0')
  })

  it('throws on the wrong length or a character outside the charset', () => {
    expect(() => computeCreditCodeCheckChar('91350100M000100Y')).toThrow(RangeError)
    expect(() => computeCreditCodeCheckChar('91350100M000100Y43')).toThrow(RangeError)
    expect(() => computeCreditCodeCheckChar('91350100I000100Y4')).toThrow(RangeError)
  })
})

describe('validateCreditCode', () => {
  it('accepts real-looking codes', () => {
    for (const code of REAL_LOOKING_CODES) expect(validateCreditCode(code)).toEqual({ ok: true, value: code })
  })

  it('normalises lower case, full width and spaces', () => {
    expect(validateCreditCode('91350100m000100y43')).toEqual({ ok: true, value: '91350100M000100Y43' })
    expect(validateCreditCode('９１３５０１００Ｍ０００１００Ｙ４３')).toEqual({
      ok: true,
      value: '91350100M000100Y43'
    })
    expect(validateCreditCode(' 9135 0100 M000 100Y 43 ')).toEqual({ ok: true, value: '91350100M000100Y43' })
  })

  it('asks for the code when empty', () => {
    expect(validateCreditCode('')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('请填写统一社会信用代码')
    })
  })

  it('says how many characters were typed when the length is wrong', () => {
    expect(validateCreditCode('91350100M000100Y4')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('现在填了17位')
    })
    expect(validateCreditCode('91350100M000100Y433')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('现在填了19位')
    })
  })

  it('names the letters the standard leaves out, with the lookalike that was probably meant', () => {
    expect(validateCreditCode('91350100MOOO100Y43')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/I、O、Z、S、V.*第10位.*“O”.*应为 0/)
    })
    expect(validateCreditCode('9135010OM000100Y43')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('第8位')
    })
    expect(validateCreditCode('91350100M000100S43')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('应为 5')
    })
    expect(validateCreditCode('91350100M0001002I3')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('应为 1')
    })
    expect(validateCreditCode('91350100M000100Z43')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('应为 2')
    })
    expect(validateCreditCode('91350100M000100V43')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('应为 U')
    })
  })

  it('names any other illegal character', () => {
    expect(validateCreditCode('91350100-000100Y43')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('第9位“-”')
    })
  })

  it('requires digits in positions 3–8 (the administrative division code)', () => {
    const first17 = '91A50100M000100Y4'
    expect(validateCreditCode(first17 + computeCreditCodeCheckChar(first17))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('第3–8位应为数字')
    })
  })

  it('refuses a wrong check character and names the expected one', () => {
    expect(validateCreditCode('91350100M000100Y44')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('最后一位校验码应为 3（现为 4）')
    })
  })

  it('accepts every generated code carrying its check character, and is idempotent', () => {
    fc.assert(
      fc.property(creditCodeArbitrary, (code) => {
        const result = validateCreditCode(code)
        expect(result).toEqual({ ok: true, value: code })
        expect(validateCreditCode(code.toLowerCase())).toEqual(result)
      })
    )
  })

  it('detects any single change among the first 17 characters', () => {
    const changed = creditCodeArbitrary.chain((code) =>
      fc.tuple(fc.constant(code), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 30 }))
    )
    fc.assert(
      fc.property(changed, ([code, index, shift]) => {
        const alphabet = index >= 2 && index <= 7 ? DIGITS : CREDIT_CODE_CHARSET
        const at = alphabet.indexOf(code.charAt(index))
        const replacement = alphabet.charAt((at + shift) % alphabet.length)
        fc.pre(replacement !== code.charAt(index))
        const typo = code.slice(0, index) + replacement + code.slice(index + 1)
        expect(validateCreditCode(typo)).toMatchObject({ ok: false, reason: expect.stringContaining('校验码') })
      })
    )
  })
})

describe('validateCreditCode: a wrong character in the very first position', () => {
  it('refuses it in Chinese, naming position 1, instead of failing on the check digit', () => {
    expect(validateCreditCode('*1350100M000100Y43')).toMatchObject({
      ok: false,
      reason: '统一社会信用代码只能包含数字和大写字母，第1位“*”不符合'
    })
    expect(validateCreditCode('I1350100M000100Y43')).toMatchObject({
      ok: false,
      reason: '统一社会信用代码不使用字母 I、O、Z、S、V，第1位的“I”请核对是否应为 1'
    })
  })
})
