import { describe, expect, it } from 'vitest'
import { checkFreeText, cleanFreeText, freeText, freeTextOrEmpty, optionalFreeText } from './free-text'

describe('cleanFreeText', () => {
  it('removes NUL, BEL, DEL, C1 controls, bidi overrides and isolates, and invisible characters', () => {
    const spoofed =
      '王\u0000建\u0007华\u007f\u0085\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\u200e\u200f\ufeff'
    expect(cleanFreeText(spoofed)).toBe('王建华')
    // "invoice‮fdp.exe" would display as "invoiceexe.pdf".
    expect(cleanFreeText('invoice\u202efdp.exe')).toBe('invoicefdp.exe')
  })

  it('keeps Chinese, full-width punctuation and ordinary spaces; collapses runs of spaces', () => {
    expect(cleanFreeText('  合格证原件在银行，  复印件后补（已告知）  ')).toBe(
      '合格证原件在银行， 复印件后补（已告知）'
    )
  })

  it('turns line breaks into spaces in a one-line field and keeps them in a multi-line one', () => {
    expect(cleanFreeText('第一行\r\n第二行\t完')).toBe('第一行 第二行 完')
    expect(cleanFreeText('第一行  \r\n第二行\u2028\n\n\n\n第三行\n', true)).toBe('第一行\n第二行\n\n第三行')
  })
})

describe('free-text fields', () => {
  const rule = { label: '缺件说明', max: 5 }

  it('count characters, not UTF-16 units, and say in Chinese what is wrong', () => {
    expect(checkFreeText('𠀀𠀁𠀂𠀃𠀄', rule)).toEqual({ ok: true, value: '𠀀𠀁𠀂𠀃𠀄' })
    expect(checkFreeText('一二三四五六', rule)).toMatchObject({ ok: false, reason: '缺件说明不能超过 5 个字' })
    expect(checkFreeText('\u202e\u0000 ', rule)).toMatchObject({ ok: false, reason: '请填写缺件说明' })
    expect(checkFreeText('王', { label: '交档人姓名', max: 20, min: 2 })).toMatchObject({
      ok: false,
      reason: '交档人姓名至少 2 个字'
    })
  })

  it('as zod schemas: required, may-be-empty and optional', () => {
    expect(freeText(rule).parse('\u2066备注\u2069')).toBe('备注')
    expect(freeText(rule).safeParse('').error?.issues[0]?.message).toBe('请填写缺件说明')
    expect(freeTextOrEmpty(rule).parse('\u202e')).toBe('')
    expect(freeTextOrEmpty(rule).safeParse('一二三四五六').error?.issues[0]?.message).toBe('缺件说明不能超过 5 个字')
    expect(optionalFreeText(rule).parse(undefined)).toBeNull()
    expect(optionalFreeText(rule).parse(' \u0007 ')).toBeNull()
    expect(optionalFreeText(rule).parse('复印件\u0007')).toBe('复印件')
  })
})
