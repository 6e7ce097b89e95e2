import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { computeResidentIdCheckChar, maskResidentId, validateResidentId } from './resident-id'

const TODAY = { today: '2025-06-30' }
const PROVINCE_CODES = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
  '91'
]
// Check characters below were computed independently of computeResidentIdCheckChar.
const REAL_LOOKING_IDS = [
  '11010519491231002X', // the GB 11643 textbook example: Beijing Chaoyang, 1949-12-31
  '44030419900307123X', // Shenzhen Futian
  '220102198506154513', // Changchun Nanguan
  '310115197811080046' // Shanghai Pudong
]

const pad = (n: number, width: number) => String(n).padStart(width, '0')
const residentIdArbitrary = fc
  .record({
    province: fc.constantFrom(...PROVINCE_CODES),
    area: fc.integer({ min: 0, max: 9999 }),
    birth: fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2025, 5, 30)), noInvalidDate: true }),
    sequence: fc.integer({ min: 0, max: 999 })
  })
  .map(({ province, area, birth, sequence }) => {
    const date = pad(birth.getUTCFullYear(), 4) + pad(birth.getUTCMonth() + 1, 2) + pad(birth.getUTCDate(), 2)
    const first17 = province + pad(area, 4) + date + pad(sequence, 3)
    return first17 + computeResidentIdCheckChar(first17)
  })

describe('computeResidentIdCheckChar', () => {
  it('matches independently computed IDs, including X', () => {
    for (const id of REAL_LOOKING_IDS) expect(computeResidentIdCheckChar(id.slice(0, 17))).toBe(id.charAt(17))
  })

  it('maps remainders through 10X98765432', () => {
    // Only position 17 (weight 2) set: 2·d mod 11 walks the map.
    expect(computeResidentIdCheckChar('00000000000000000')).toBe('1')
    expect(computeResidentIdCheckChar('00000000000000001')).toBe('X')
    expect(computeResidentIdCheckChar('00000000000000005')).toBe('2')
  })

  it('throws on anything but 17 digits', () => {
    expect(() => computeResidentIdCheckChar('1101051949123100')).toThrow(RangeError)
    expect(() => computeResidentIdCheckChar('11010519491231002X')).toThrow(RangeError)
    expect(() => computeResidentIdCheckChar('1101051949123100A')).toThrow(RangeError)
  })
})

describe('validateResidentId', () => {
  it('accepts real-looking IDs', () => {
    for (const id of REAL_LOOKING_IDS) expect(validateResidentId(id, TODAY)).toEqual({ ok: true, value: id })
  })

  it('defaults "today" to now', () => {
    expect(validateResidentId('11010519491231002X')).toEqual({ ok: true, value: '11010519491231002X' })
  })

  it('normalises lower-case x, full-width digits and spaces', () => {
    expect(validateResidentId('11010519491231002x', TODAY)).toEqual({ ok: true, value: '11010519491231002X' })
    expect(validateResidentId('４４０３０４１９９００３０７１２３Ｘ', TODAY)).toEqual({
      ok: true,
      value: '44030419900307123X'
    })
    expect(validateResidentId(' 220102 19850615 4513 ', TODAY)).toEqual({ ok: true, value: '220102198506154513' })
  })

  it('asks for the ID when empty', () => {
    expect(validateResidentId('', TODAY)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('请填写身份证号码')
    })
  })

  it('refuses 15-digit first-generation IDs and asks for the 18-digit 二代身份证', () => {
    expect(validateResidentId('110105491231002', TODAY)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/15位.*18位二代身份证/)
    })
  })

  it('says how many characters were typed when the length is wrong', () => {
    expect(validateResidentId('11010519491231002', TODAY)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('现在填了17位')
    })
    expect(validateResidentId('11010519491231002X1', TODAY)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('现在填了19位')
    })
    expect(validateResidentId('11010549123100X', TODAY)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('现在填了15位')
    })
  })

  it('allows X only in the last place', () => {
    const reason = expect.stringContaining('前17位应为数字')
    expect(validateResidentId('1101051949123100X2', TODAY)).toMatchObject({ ok: false, reason })
    expect(validateResidentId('11010519491231002Y', TODAY)).toMatchObject({ ok: false, reason })
  })

  it('refuses an unknown province code', () => {
    for (const code of [
      '00',
      '10',
      '16',
      '24',
      '30',
      '38',
      '47',
      '55',
      '60',
      '66',
      '72',
      '80',
      '84',
      '90',
      '92',
      '99'
    ]) {
      const first17 = `${code}010519491231002`
      expect(validateResidentId(first17 + computeResidentIdCheckChar(first17), TODAY)).toMatchObject({
        ok: false,
        reason: expect.stringContaining(`前两位“${code}”不是有效的省份代码`)
      })
    }
  })

  it('refuses a birth date that does not exist', () => {
    const first17 = '22010419950229001' // 1995 is not a leap year
    expect(validateResidentId(first17 + computeResidentIdCheckChar(first17), TODAY)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('出生日期 1995-02-29 不是有效日期')
    })
    const leapDay = '22010419960229001'
    expect(validateResidentId(leapDay + computeResidentIdCheckChar(leapDay), TODAY).ok).toBe(true)
  })

  it('refuses a birth date after today, but accepts someone born today', () => {
    const bornTomorrow = '22010420250701001'
    expect(validateResidentId(bornTomorrow + computeResidentIdCheckChar(bornTomorrow), TODAY)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('晚于今天')
    })
    const bornToday = '22010420250630001'
    expect(validateResidentId(bornToday + computeResidentIdCheckChar(bornToday), TODAY).ok).toBe(true)
  })

  it('refuses a birth date before 1900-01-01, but accepts 1900-01-01 itself', () => {
    const before = '22010418991231001'
    expect(validateResidentId(before + computeResidentIdCheckChar(before), TODAY)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('早于1900年')
    })
    const first = '22010419000101001'
    expect(validateResidentId(first + computeResidentIdCheckChar(first), TODAY).ok).toBe(true)
  })

  it('refuses a wrong check character and names the expected one', () => {
    expect(validateResidentId('110105194912310021', TODAY)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('最后一位校验码应为 X（现为 1）')
    })
  })

  it('throws when the test-only "today" is not an ISO date', () => {
    expect(() => validateResidentId('11010519491231002X', { today: '2025/06/30' })).toThrow(RangeError)
  })

  it('accepts every ID built from a province, a real date and a sequence with its check character', () => {
    fc.assert(
      fc.property(residentIdArbitrary, (id) => {
        expect(validateResidentId(id, TODAY)).toEqual({ ok: true, value: id })
        expect(validateResidentId(id.toLowerCase(), TODAY)).toEqual({ ok: true, value: id })
      })
    )
  })

  it('detects any single-digit change in the first 17 digits', () => {
    const changed = residentIdArbitrary.chain((id) =>
      fc.tuple(fc.constant(id), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }))
    )
    fc.assert(
      fc.property(changed, ([id, index, delta]) => {
        const digit = String((Number(id.charAt(index)) + delta) % 10)
        const typo = id.slice(0, index) + digit + id.slice(index + 1)
        expect(validateResidentId(typo, TODAY).ok).toBe(false)
      })
    )
  })

  it('is idempotent on whatever it accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789xX ', '０'), maxLength: 20 }), (text) => {
        const result = validateResidentId(text, TODAY)
        if (result.ok) expect(validateResidentId(result.value, TODAY)).toEqual(result)
      })
    )
  })
})

describe('maskResidentId', () => {
  it('keeps the first 4 and last 4 characters', () => {
    expect(maskResidentId('440304199003071234')).toBe('4403**********1234')
    expect(maskResidentId('11010519491231002x')).toBe('1101**********002X')
  })

  it('normalises before masking', () => {
    expect(maskResidentId(' 4403 0419 9003 0712 34 ')).toBe('4403**********1234')
  })

  it('masks everything when there is too little to hide', () => {
    expect(maskResidentId('12345678')).toBe('********')
    expect(maskResidentId('123456789')).toBe('1234*6789')
    expect(maskResidentId('')).toBe('')
  })
})
