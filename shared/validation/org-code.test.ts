import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { computeOrgCodeCheckChar, validateOrgCode } from './org-code'

const BODY_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const bodyArbitrary = fc
  .array(fc.constantFrom(...BODY_CHARS), { minLength: 8, maxLength: 8 })
  .map((chars) => chars.join(''))

describe('computeOrgCodeCheckChar', () => {
  it('reproduces the GB 11714 example D2143569-X', () => {
    expect(computeOrgCodeCheckChar('D2143569')).toBe('X')
  })

  it('matches the organisation code embedded in a real-looking credit code', () => {
    // 91350100M000100Y43 carries the organisation code M000100Y4 in positions 9–17.
    expect(computeOrgCodeCheckChar('M000100Y')).toBe('4')
  })

  it('turns a remainder of 0 into check character 0, not 11', () => {
    expect(computeOrgCodeCheckChar('00000000')).toBe('0')
  })

  it('throws on anything but 8 digits or upper-case letters', () => {
    expect(() => computeOrgCodeCheckChar('D214356')).toThrow(RangeError)
    expect(() => computeOrgCodeCheckChar('d2143569')).toThrow(RangeError)
  })
})

describe('validateOrgCode', () => {
  it('accepts the code with or without the printed hyphen, and stores it without', () => {
    expect(validateOrgCode('D2143569X')).toEqual({ ok: true, value: 'D2143569X' })
    expect(validateOrgCode('D2143569-X')).toEqual({ ok: true, value: 'D2143569X' })
    expect(validateOrgCode('M000100Y-4')).toEqual({ ok: true, value: 'M000100Y4' })
  })

  it('normalises lower case, full width and spaces', () => {
    expect(validateOrgCode('d2143569-x')).toEqual({ ok: true, value: 'D2143569X' })
    expect(validateOrgCode('Ｄ２１４３５６９－Ｘ')).toEqual({ ok: true, value: 'D2143569X' })
    expect(validateOrgCode(' D214 3569 - X ')).toEqual({ ok: true, value: 'D2143569X' })
  })

  it('asks for the code when empty', () => {
    expect(validateOrgCode('')).toMatchObject({ ok: false, reason: expect.stringContaining('请填写组织机构代码') })
  })

  it('says how many characters were typed when the length is wrong', () => {
    expect(validateOrgCode('D214356X')).toMatchObject({ ok: false, reason: expect.stringContaining('现在填了8位') })
    expect(validateOrgCode('D21435690X')).toMatchObject({ ok: false, reason: expect.stringContaining('现在填了10位') })
  })

  it('refuses a hyphen anywhere but before the check character', () => {
    expect(validateOrgCode('D214-3569X')).toMatchObject({ ok: false, reason: expect.stringContaining('“-”') })
  })

  it('refuses a wrong check character and names the expected one', () => {
    expect(validateOrgCode('D2143569-1')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('校验码应为 X（现为 1）')
    })
  })

  it('accepts every generated code carrying its check character, and is idempotent', () => {
    fc.assert(
      fc.property(bodyArbitrary, (body) => {
        const code = body + computeOrgCodeCheckChar(body)
        const result = validateOrgCode(code)
        expect(result).toEqual({ ok: true, value: code })
        expect(validateOrgCode(`${body.toLowerCase()}-${code.charAt(8)}`)).toEqual(result)
      })
    )
  })

  it('detects any single digit-for-digit change in the body', () => {
    const digits = fc
      .array(fc.constantFrom(...'0123456789'), { minLength: 8, maxLength: 8 })
      .map((chars) => chars.join(''))
    fc.assert(
      fc.property(digits, fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 9 }), (body, index, delta) => {
        const code = body + computeOrgCodeCheckChar(body)
        const digit = String((Number(body.charAt(index)) + delta) % 10)
        const typo = code.slice(0, index) + digit + code.slice(index + 1)
        expect(validateOrgCode(typo)).toMatchObject({ ok: false, reason: expect.stringContaining('校验码') })
      })
    )
  })
})

describe('validateOrgCode: a wrong character in the very first position', () => {
  it('refuses it in Chinese instead of failing on the check digit', () => {
    expect(validateOrgCode('*2143569X')).toMatchObject({
      ok: false,
      reason: '组织机构代码只能包含数字和大写字母，“*”不符合'
    })
  })
})
