import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { PLATE_PROVINCES, validatePlate } from './plate'

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
const DIGITS = '0123456789'
const SERIAL_CHARS = LETTERS + DIGITS

const char = (alphabet: string) => fc.constantFrom(...alphabet)
const chars = (alphabet: string, length: number) =>
  fc.array(char(alphabet), { minLength: length, maxLength: length }).map((list) => list.join(''))
const prefix = fc.tuple(char(PLATE_PROVINCES), char(LETTERS)).map(([province, letter]) => province + letter)
const ordinaryPlate = fc.tuple(prefix, chars(SERIAL_CHARS, 5)).map(([p, serial]) => p + serial)
const smallNewEnergyPlate = fc
  .tuple(prefix, char('DABCEFGHJK'), char(SERIAL_CHARS), chars(DIGITS, 4))
  .map(([p, kind, second, rest]) => p + kind + second + rest)
const largeNewEnergyPlate = fc.tuple(prefix, chars(DIGITS, 5), char('DF')).map(([p, digits, kind]) => p + digits + kind)
const anyPlate = fc.oneof(ordinaryPlate, smallNewEnergyPlate, largeNewEnergyPlate)

describe('validatePlate: ordinary plates', () => {
  it('accepts a plain plate and keeps the compact form', () => {
    expect(validatePlate('吉A12345')).toEqual({ ok: true, value: '吉A12345' })
    expect(validatePlate('京N8A8B8')).toEqual({ ok: true, value: '京N8A8B8' })
    expect(validatePlate('沪AZZ999')).toEqual({ ok: true, value: '沪AZZ999' })
  })

  it('accepts every province abbreviation', () => {
    for (const province of PLATE_PROVINCES) expect(validatePlate(`${province}B12345`).ok).toBe(true)
    expect([...PLATE_PROVINCES]).toHaveLength(31)
  })

  it('drops the dot or space between authority letter and serial, in all its shapes', () => {
    for (const typed of [
      '吉A·12345',
      '吉A•12345',
      '吉A．12345',
      '吉A.12345',
      '吉A・12345',
      '吉A 12345',
      '吉A-12345',
      '吉A\u300012345',
      ' 吉 A 1 2 3 4 5 '
    ]) {
      expect(validatePlate(typed)).toEqual({ ok: true, value: '吉A12345' })
    }
  })

  it('upper-cases and converts full-width letters and digits', () => {
    expect(validatePlate('吉a1b2c3')).toEqual({ ok: true, value: '吉A1B2C3' })
    expect(validatePlate('吉Ａ１２３４５')).toEqual({ ok: true, value: '吉A12345' })
    expect(validatePlate('粤ｂｄ12345')).toEqual({ ok: true, value: '粤BD12345' })
  })

  it('accepts the special-use suffixes 挂 学 警 领 试 超 in the last place', () => {
    for (const suffix of '挂学警领试超')
      expect(validatePlate(`吉A1234${suffix}`)).toEqual({ ok: true, value: `吉A1234${suffix}` })
  })

  it('accepts 港 and 澳 only on 粤Z cross-border plates', () => {
    expect(validatePlate('粤Z·1234港')).toEqual({ ok: true, value: '粤Z1234港' })
    expect(validatePlate('粤Z1A34澳')).toEqual({ ok: true, value: '粤Z1A34澳' })
    expect(validatePlate('吉A1234港')).toMatchObject({ ok: false, reason: expect.stringContaining('粤Z') })
    expect(validatePlate('粤B1234港')).toMatchObject({ ok: false, reason: expect.stringContaining('粤Z') })
  })

  it('refuses a special suffix anywhere but the last place of a 5-character serial', () => {
    expect(validatePlate('吉A123挂4')).toMatchObject({ ok: false, reason: expect.stringContaining('“挂”') })
    expect(validatePlate('吉A12345挂')).toMatchObject({ ok: false, reason: expect.stringContaining('“挂”') })
  })
})

describe('validatePlate: new-energy plates (GA 36-2018)', () => {
  it('accepts small new-energy plates: D/A/B/C/E (pure electric) or F/G/H/J/K, then a letter or digit, then 4 digits', () => {
    for (const kind of 'DABCEFGHJK')
      expect(validatePlate(`粤B${kind}12345`)).toEqual({ ok: true, value: `粤B${kind}12345` })
    expect(validatePlate('京ADA1234')).toEqual({ ok: true, value: '京ADA1234' })
    expect(validatePlate('沪A·F12345')).toEqual({ ok: true, value: '沪AF12345' })
  })

  it('accepts large new-energy plates: 5 digits then D or F', () => {
    expect(validatePlate('粤B12345D')).toEqual({ ok: true, value: '粤B12345D' })
    expect(validatePlate('吉A·54321F')).toEqual({ ok: true, value: '吉A54321F' })
  })

  it('refuses 6-character serials that follow neither pattern', () => {
    const reason = expect.stringContaining('新能源车牌号码格式不对')
    expect(validatePlate('粤B123456')).toMatchObject({ ok: false, reason })
    expect(validatePlate('粤BL12345')).toMatchObject({ ok: false, reason })
    expect(validatePlate('粤BD1234A')).toMatchObject({ ok: false, reason })
    expect(validatePlate('粤B12345A')).toMatchObject({ ok: false, reason })
    expect(validatePlate('粤BDA123A')).toMatchObject({ ok: false, reason })
  })
})

describe('validatePlate: embassy plates', () => {
  it('accepts 使 + 6 digits, with or without a separator', () => {
    expect(validatePlate('使224-009')).toEqual({ ok: true, value: '使224009' })
    expect(validatePlate('使 196·013')).toEqual({ ok: true, value: '使196013' })
  })

  it('refuses a malformed embassy plate', () => {
    expect(validatePlate('使')).toMatchObject({ ok: false, reason: '车牌号不完整：缺少号码部分' })
    expect(validatePlate('使22400')).toMatchObject({ ok: false, reason: expect.stringContaining('“使”加6位数字') })
    expect(validatePlate('使A24009')).toMatchObject({ ok: false, reason: expect.stringContaining('“使”加6位数字') })
  })
})

describe('validatePlate: refusals', () => {
  it('asks for the plate when empty', () => {
    expect(validatePlate('  ')).toMatchObject({ ok: false, reason: expect.stringContaining('请填写车牌号') })
  })

  it('refuses incomplete plates: province only, province + letter, or separator with nothing after', () => {
    expect(validatePlate('吉')).toMatchObject({ ok: false, reason: expect.stringContaining('车牌号不完整') })
    expect(validatePlate('吉A')).toMatchObject({ ok: false, reason: '车牌号不完整：缺少号码部分' })
    expect(validatePlate('吉A·')).toMatchObject({ ok: false, reason: '车牌号不完整：缺少号码部分' })
  })

  it('refuses a plate without the province abbreviation', () => {
    expect(validatePlate('A12345')).toMatchObject({ ok: false, reason: expect.stringContaining('应以省份简称开头') })
    expect(validatePlate('台A12345')).toMatchObject({ ok: false, reason: expect.stringContaining('“台”不是省份简称') })
  })

  it('refuses I and O as authority letter or in the serial', () => {
    expect(validatePlate('吉I12345')).toMatchObject({ ok: false, reason: expect.stringContaining('不使用 I、O') })
    expect(validatePlate('吉O12345')).toMatchObject({ ok: false, reason: expect.stringContaining('不使用 I、O') })
    expect(validatePlate('吉A1O345')).toMatchObject({ ok: false, reason: expect.stringContaining('数字 1 或 0') })
    expect(validatePlate('吉Ai2345')).toMatchObject({ ok: false, reason: expect.stringContaining('数字 1 或 0') })
  })

  it('refuses a digit or Chinese character where the authority letter belongs', () => {
    expect(validatePlate('吉112345')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('第2位应为发牌机关字母')
    })
    expect(validatePlate('吉林12345')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('第2位应为发牌机关字母')
    })
  })

  it('says how long the serial was when it is neither 5 nor 6 characters', () => {
    expect(validatePlate('吉A1234')).toMatchObject({ ok: false, reason: expect.stringContaining('现为4位') })
    expect(validatePlate('吉A1234567')).toMatchObject({ ok: false, reason: expect.stringContaining('现为7位') })
  })

  it('accepts a separator only between authority letter and serial', () => {
    expect(validatePlate('吉A123·45')).toMatchObject({ ok: false, reason: expect.stringContaining('“·”') })
    expect(validatePlate('吉·A12345')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('第2位应为发牌机关字母')
    })
  })
})

describe('validatePlate: properties', () => {
  it('accepts every generated ordinary and new-energy plate unchanged', () => {
    fc.assert(
      fc.property(anyPlate, (plate) => {
        expect(validatePlate(plate)).toEqual({ ok: true, value: plate })
      })
    )
  })

  it('gives the same value however the plate is typed (dot, spaces, lower case, full width)', () => {
    const separator = fc.constantFrom('', '·', '•', '．', ' ', '-')
    fc.assert(
      fc.property(anyPlate, separator, fc.boolean(), (plate, dot, fullWidth) => {
        const head = plate.slice(0, 2)
        let typed = head + dot + plate.slice(2).toLowerCase()
        if (fullWidth) typed = typed.replace(/[0-9a-z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))
        expect(validatePlate(typed)).toEqual({ ok: true, value: plate })
      })
    )
  })

  it('is idempotent on whatever it accepts', () => {
    const alphabet = fc.constantFrom(...'吉粤使京AaDdFf0123456789·. 挂港', '\u3000')
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 10 }), (text) => {
        const result = validatePlate(text)
        if (result.ok) expect(validatePlate(result.value)).toEqual(result)
      })
    )
  })
})
