import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { validatePersonName } from './person-name'
import { COMPOUND_SURNAMES } from './chinese-surnames'

const COMMON_SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧肖', ...COMPOUND_SURNAMES]
// Characters common in given names; none of them is a placeholder or form of address.
const GIVEN_NAME_CHARS = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建文博子涵浩然雨桐思远嘉怡']

describe('validatePersonName: Chinese names', () => {
  it('accepts surname + given name', () => {
    for (const name of ['王伟', '李秀英', '张子涵', '刘德华', '萧峰', '肖战', '覃海洋'])
      expect(validatePersonName(name)).toEqual({ ok: true, value: name })
  })

  it('accepts compound surnames', () => {
    for (const name of ['欧阳修', '司马光', '诸葛亮', '上官婉儿', '令狐冲', '呼延灼', '独孤求败']) {
      expect(validatePersonName(name)).toEqual({ ok: true, value: name })
    }
  })

  it('trims and removes spaces inside a Chinese name', () => {
    expect(validatePersonName('  王 伟 ')).toEqual({ ok: true, value: '王伟' })
    expect(validatePersonName('欧阳\u3000修')).toEqual({ ok: true, value: '欧阳修' })
  })

  it('refuses the surname alone', () => {
    expect(validatePersonName('王')).toMatchObject({ ok: false, reason: expect.stringContaining('不能只写姓“王”') })
    expect(validatePersonName('令狐')).toMatchObject({ ok: false, reason: expect.stringContaining('不能只写姓“令狐”') })
  })

  it('accepts a two-character name that reads as single surname + given name even if it spells a compound surname', () => {
    expect(validatePersonName('欧阳')).toEqual({ ok: true, value: '欧阳' })
  })

  it('refuses forms of address instead of names', () => {
    for (const name of [
      '王先生',
      '李女士',
      '张小姐',
      '刘太太',
      '陈师傅',
      '杨老板',
      '赵总',
      '黄经理',
      '周夫人',
      '吴同志',
      '徐阿姨',
      '孙大哥',
      '胡姐',
      '朱老师'
    ]) {
      expect(validatePersonName(name)).toMatchObject({
        ok: false,
        reason: `请填写真实姓名（姓+名），不能只写“${name}”这类称呼`
      })
    }
  })

  it('refuses 老/小 + surname nicknames', () => {
    expect(validatePersonName('老王')).toMatchObject({ ok: false, reason: expect.stringContaining('这类称呼') })
    expect(validatePersonName('小李')).toMatchObject({ ok: false, reason: expect.stringContaining('这类称呼') })
  })

  it('refuses placeholders', () => {
    for (const name of ['某某', '王某', '张XX', '李xx', '无', '未知', '姓名不详', '客户', '王客户', '车主']) {
      expect(validatePersonName(name)).toMatchObject({ ok: false, reason: expect.stringContaining('真实姓名') })
    }
  })

  it('refuses digits and Latin letters mixed into a Chinese name', () => {
    expect(validatePersonName('王伟2')).toMatchObject({ ok: false, reason: expect.stringContaining('不能包含数字') })
    expect(validatePersonName('王伟２')).toMatchObject({ ok: false, reason: expect.stringContaining('不能包含数字') })
    expect(validatePersonName('王Wei')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('不能夹杂英文字母')
    })
  })

  it('refuses punctuation other than the middle dot', () => {
    expect(validatePersonName('王,伟')).toMatchObject({ ok: false, reason: expect.stringContaining('只能包含汉字') })
    expect(validatePersonName('王伟（车主）')).toMatchObject({ ok: false, reason: expect.stringContaining('真实姓名') })
    expect(validatePersonName('王伟（父亲）')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('只能包含汉字')
    })
  })

  it('refuses a name that does not start with a known surname', () => {
    expect(validatePersonName('啊伟')).toMatchObject({ ok: false, reason: expect.stringContaining('“啊”不是常见姓氏') })
  })

  it('accepts up to 20 characters and refuses more', () => {
    expect(validatePersonName('王' + '伟'.repeat(19)).ok).toBe(true)
    expect(validatePersonName('王' + '伟'.repeat(20))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('姓名过长（21个字）')
    })
  })
})

describe('validatePersonName: names with a middle dot', () => {
  it('accepts transliterated names without checking the surname', () => {
    for (const name of ['阿卜杜拉·买买提', '爱新觉罗·溥仪', '迪丽热巴·迪力木拉提', '玛·斯'])
      expect(validatePersonName(name)).toEqual({ ok: true, value: name })
  })

  it('normalises every shape of the middle dot to ·', () => {
    for (const dot of ['•', '・', '．', '.', '‧', '･', '∙', '⋅', '·']) {
      expect(validatePersonName(`阿卜杜拉${dot}买买提`)).toEqual({ ok: true, value: '阿卜杜拉·买买提' })
    }
    expect(validatePersonName('阿卜杜拉 · 买买提')).toEqual({ ok: true, value: '阿卜杜拉·买买提' })
  })

  it('requires Chinese characters on both sides of every dot', () => {
    const reason = expect.stringContaining('“·”两侧都应有汉字')
    expect(validatePersonName('·买买提')).toMatchObject({ ok: false, reason })
    expect(validatePersonName('阿卜杜拉·')).toMatchObject({ ok: false, reason })
    expect(validatePersonName('阿卜杜拉··买买提')).toMatchObject({ ok: false, reason })
  })

  it('still refuses placeholders and forms of address', () => {
    expect(validatePersonName('阿卜杜拉·某')).toMatchObject({ ok: false, reason: expect.stringContaining('真实姓名') })
    expect(validatePersonName('阿卜杜拉·先生')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('这类称呼')
    })
  })

  it('allows up to 30 characters', () => {
    expect(validatePersonName('阿'.repeat(15) + '·' + '买'.repeat(14)).ok).toBe(true)
    expect(validatePersonName('阿'.repeat(15) + '·' + '买'.repeat(15))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('姓名过长')
    })
  })
})

describe('validatePersonName: Latin-script names', () => {
  it('accepts names of two or more words with hyphens and apostrophes', () => {
    for (const name of ['John Smith', "Sinead O'Connor", 'Anne-Marie Dubois', 'José María García', 'Zhang San']) {
      expect(validatePersonName(name)).toEqual({ ok: true, value: name })
    }
  })

  it('collapses spaces, keeps case, converts full width and curly apostrophes', () => {
    expect(validatePersonName('  John   Smith ')).toEqual({ ok: true, value: 'John Smith' })
    expect(validatePersonName('Ｊｏｈｎ\u3000Ｓｍｉｔｈ')).toEqual({ ok: true, value: 'John Smith' })
    expect(validatePersonName('Sinead O’Connor')).toEqual({ ok: true, value: "Sinead O'Connor" })
  })

  it('refuses a single word', () => {
    expect(validatePersonName('John')).toMatchObject({ ok: false, reason: expect.stringContaining('名和姓两部分') })
  })

  it('refuses characters other than letters, spaces, hyphens and apostrophes', () => {
    expect(validatePersonName('John F. Smith')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('字母、空格、连字符和撇号')
    })
    expect(validatePersonName('John_Smith')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('字母、空格、连字符和撇号')
    })
  })

  it('refuses dangling hyphens or apostrophes', () => {
    expect(validatePersonName('John Smith-')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('名和姓两部分')
    })
    expect(validatePersonName("'John Smith")).toMatchObject({
      ok: false,
      reason: expect.stringContaining('名和姓两部分')
    })
  })

  it('refuses titles and placeholders', () => {
    expect(validatePersonName('Mr Smith')).toMatchObject({ ok: false, reason: expect.stringContaining('不要加 Mr') })
    expect(validatePersonName('mrs Smith')).toMatchObject({ ok: false, reason: expect.stringContaining('不要加 Mr') })
    expect(validatePersonName('John XX')).toMatchObject({ ok: false, reason: expect.stringContaining('真实姓名') })
    expect(validatePersonName('Unknown Customer')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('真实姓名')
    })
  })

  it('allows up to 60 characters and refuses more', () => {
    expect(validatePersonName(`${'A'.repeat(30)} ${'B'.repeat(29)}`).ok).toBe(true)
    expect(validatePersonName(`${'A'.repeat(30)} ${'B'.repeat(30)}`)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('不能超过60个字符')
    })
  })
})

describe('validatePersonName: empty input and properties', () => {
  it('asks for a name when empty', () => {
    expect(validatePersonName(' \u3000 ')).toMatchObject({ ok: false, reason: '请填写姓名' })
  })

  it('accepts any known surname followed by one to three given-name characters', () => {
    const given = fc
      .array(fc.constantFrom(...GIVEN_NAME_CHARS), { minLength: 1, maxLength: 3 })
      .map((chars) => chars.join(''))
    fc.assert(
      fc.property(fc.constantFrom(...COMMON_SURNAMES), given, (surname, givenName) => {
        expect(validatePersonName(surname + givenName)).toEqual({ ok: true, value: surname + givenName })
      })
    )
  })

  it('is idempotent on whatever it accepts', () => {
    const alphabet = fc.constantFrom(
      '王',
      '欧',
      '阳',
      '伟',
      '某',
      '先',
      '生',
      '·',
      '•',
      '.',
      ' ',
      '\u3000',
      'J',
      'o',
      'h',
      'n',
      "'",
      '-',
      '1'
    )
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 12 }), (text) => {
        const result = validatePersonName(text)
        if (result.ok) expect(validatePersonName(result.value)).toEqual(result)
      })
    )
  })
})

describe('names without a surname', () => {
  it('accepts Tibetan and Mongolian names of four or more characters written without a middle dot', () => {
    expect(validatePersonName('扎西多吉')).toEqual({ ok: true, value: '扎西多吉' })
    expect(validatePersonName('次仁旺堆')).toEqual({ ok: true, value: '次仁旺堆' })
  })

  it('still refuses a short name that does not start with a surname, pointing to the middle dot', () => {
    const result = validatePersonName('次仁')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.reason).toContain('扎西·多吉')
  })
})
