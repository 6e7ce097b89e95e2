import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { maskPhone, validatePhone } from './phone'

const digitString = (length: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: length, maxLength: length }).map((chars) => chars.join(''))
const mobileArbitrary = fc
  .tuple(fc.constantFrom(...'3456789'), digitString(9))
  .map(([second, rest]) => `1${second}${rest}`)
const areaCodeArbitrary = fc.oneof(
  fc.constant('010'),
  fc.constantFrom(...'0123456789').map((d) => `02${d}`),
  fc.tuple(fc.constantFrom(...'3456789'), digitString(2)).map(([d, rest]) => `0${d}${rest}`)
)
const localNumberArbitrary = fc
  .tuple(fc.constantFrom(...'23456789'), fc.oneof(digitString(6), digitString(7)))
  .map(([first, rest]) => first + rest)

describe('validatePhone: mobiles', () => {
  it('accepts an 11-digit mobile starting 13–19', () => {
    for (const mobile of [
      '13812345678',
      '14712345678',
      '15912345678',
      '16612345678',
      '17712345678',
      '18612345678',
      '19912345678'
    ]) {
      expect(validatePhone(mobile)).toEqual({ ok: true, value: mobile })
    }
  })

  it('drops spaces, hyphens, full width and the +86 / 0086 / 86 country code', () => {
    for (const typed of [
      '138 1234 5678',
      '138-1234-5678',
      '１３８１２３４５６７８',
      '+86 138 1234 5678',
      '+86-13812345678',
      '(+86)13812345678',
      '008613812345678',
      '8613812345678',
      '＋８６　１３８１２３４５６７８'
    ]) {
      expect(validatePhone(typed)).toEqual({ ok: true, value: '13812345678' })
    }
  })

  it('says how many digits a mobile has when the count is wrong', () => {
    expect(validatePhone('1381234567')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('手机号应为11位，现在填了10位')
    })
    expect(validatePhone('138123456789')).toMatchObject({ ok: false, reason: expect.stringContaining('现在填了12位') })
  })

  it('refuses a mobile whose second digit is 0–2', () => {
    expect(validatePhone('12812345678')).toMatchObject({ ok: false, reason: expect.stringContaining('第2位应为3–9') })
    expect(validatePhone('10012345678')).toMatchObject({ ok: false, reason: expect.stringContaining('第2位应为3–9') })
  })

  it('refuses an extension on a mobile', () => {
    expect(validatePhone('13812345678转123')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('手机号不带分机号')
    })
  })
})

describe('validatePhone: landlines', () => {
  it('accepts a landline with a 3- or 4-digit area code and formats it area-number', () => {
    expect(validatePhone('0431-85551234')).toEqual({ ok: true, value: '0431-85551234' })
    expect(validatePhone('043185551234')).toEqual({ ok: true, value: '0431-85551234' })
    expect(validatePhone('010 6512 3456')).toEqual({ ok: true, value: '010-65123456' })
    expect(validatePhone('(021)54321234')).toEqual({ ok: true, value: '021-54321234' })
    expect(validatePhone('（0755）８８８８６６６６')).toEqual({ ok: true, value: '0755-88886666' })
    expect(validatePhone('0433—2512345')).toEqual({ ok: true, value: '0433-2512345' })
  })

  it('accepts an extension written with 转, 分机, ext, # or a second hyphen', () => {
    for (const typed of [
      '0431-85551234转123',
      '0431-85551234 分机 123',
      '0431-85551234 ext.123',
      '0431-85551234EXT123',
      '0431-85551234#123',
      '0431-85551234-123',
      '043185551234-123'
    ]) {
      expect(validatePhone(typed)).toEqual({ ok: true, value: '0431-85551234-123' })
    }
  })

  it('accepts a local number split by a hyphen', () => {
    expect(validatePhone('0431-8555-1234')).toEqual({ ok: true, value: '0431-85551234' })
  })

  it('refuses a landline without an area code, as the dealership requires one', () => {
    expect(validatePhone('85551234')).toMatchObject({ ok: false, reason: '固定电话须带区号，如 0431-85551234' })
    expect(validatePhone('5551234')).toMatchObject({ ok: false, reason: '固定电话须带区号，如 0431-85551234' })
  })

  it('refuses a local number of the wrong length after the area code', () => {
    expect(validatePhone('0431-855512')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('7–8位号码，现在是6位')
    })
    expect(validatePhone('0431-855512345')).toMatchObject({ ok: false, reason: expect.stringContaining('现在是9位') })
  })

  it('refuses area codes that do not exist in the numbering plan', () => {
    expect(validatePhone('011-85551234')).toMatchObject({
      ok: false,
      reason: '区号“0118”无效：区号为 010、02X 或 0 加3位数字，如 0431-85551234'
    })
    expect(validatePhone('0012-8555123')).toMatchObject({
      ok: false,
      reason: '区号“0012”无效：区号为 010、02X 或 0 加3位数字，如 0431-85551234'
    })
  })

  it('refuses a local number starting with 0 or 1', () => {
    expect(validatePhone('0431-05551234')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('不能以0或1开头')
    })
    expect(validatePhone('010-12345678')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('不能以0或1开头')
    })
  })
})

describe('validatePhone: 400/800 company numbers', () => {
  it('accepts 10-digit 400 and 800 numbers formatted 400-xxx-xxxx', () => {
    expect(validatePhone('4008123123')).toEqual({ ok: true, value: '400-812-3123' })
    expect(validatePhone('400 812 3123')).toEqual({ ok: true, value: '400-812-3123' })
    expect(validatePhone('800-810-8888')).toEqual({ ok: true, value: '800-810-8888' })
    expect(validatePhone('400-812-3123转2')).toEqual({ ok: true, value: '400-812-3123-2' })
  })

  it('refuses a 400 number with the wrong digit count', () => {
    expect(validatePhone('400812312')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('400 服务电话应为10位')
    })
  })
})

describe('validatePhone: other refusals', () => {
  it('asks for a number when empty', () => {
    expect(validatePhone('  ')).toMatchObject({ ok: false, reason: '请填写联系电话' })
  })

  it('refuses letters and other characters', () => {
    expect(validatePhone('138abcd5678')).toMatchObject({ ok: false, reason: expect.stringContaining('只能包含数字') })
    expect(validatePhone('138/1234/5678')).toMatchObject({ ok: false, reason: expect.stringContaining('只能包含数字') })
  })

  it('refuses foreign numbers and a country code in front of a landline', () => {
    expect(validatePhone('+1 415 555 1234')).toMatchObject({ ok: false, reason: expect.stringContaining('国内号码') })
    expect(validatePhone('+86 431 85551234')).toMatchObject({ ok: false, reason: expect.stringContaining('国内号码') })
  })
})

describe('validatePhone: properties', () => {
  it('accepts any mobile however it is spaced or prefixed, always giving 11 digits', () => {
    const prefix = fc.constantFrom('', '+86', '0086', '86', '+86 ', '+86-')
    fc.assert(
      fc.property(mobileArbitrary, prefix, fc.constantFrom('', ' ', '-'), (mobile, country, gap) => {
        const typed = `${country}${mobile.slice(0, 3)}${gap}${mobile.slice(3, 7)}${gap}${mobile.slice(7)}`
        expect(validatePhone(typed)).toEqual({ ok: true, value: mobile })
      })
    )
  })

  it('accepts any landline with area code, with or without hyphen and extension', () => {
    fc.assert(
      fc.property(
        areaCodeArbitrary,
        localNumberArbitrary,
        fc.option(digitString(3), { nil: undefined }),
        fc.boolean(),
        (area, local, extension, hyphen) => {
          const typed = area + (hyphen ? '-' : '') + local + (extension === undefined ? '' : `转${extension}`)
          const expected = `${area}-${local}${extension === undefined ? '' : `-${extension}`}`
          expect(validatePhone(typed)).toEqual({ ok: true, value: expected })
        }
      )
    )
  })

  it('is idempotent on whatever it accepts', () => {
    const alphabet = fc.constantFrom(...'0123456789-+() 转#', '０')
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 18 }), (text) => {
        const result = validatePhone(text)
        if (result.ok) expect(validatePhone(result.value)).toEqual(result)
      })
    )
  })
})

describe('maskPhone', () => {
  it('hides the middle four digits of a mobile', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678')
  })

  it('keeps the area code and last four digits of a landline, dropping the extension', () => {
    expect(maskPhone('0431-85551234')).toBe('0431-****1234')
    expect(maskPhone('010-6512345')).toBe('010-***2345')
    expect(maskPhone('0431-85551234-123')).toBe('0431-****1234')
  })

  it('leaves company 400/800 numbers readable', () => {
    expect(maskPhone('4008123123')).toBe('400-812-3123')
  })

  it('shows only the last four characters of anything it cannot parse', () => {
    expect(maskPhone('85551234')).toBe('****1234')
    expect(maskPhone('123')).toBe('***')
    expect(maskPhone('1234')).toBe('****')
    expect(maskPhone('12345')).toBe('*2345')
    expect(maskPhone('')).toBe('')
  })
})
