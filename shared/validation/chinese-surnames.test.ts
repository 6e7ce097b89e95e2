import { describe, it, expect } from 'vitest'
import { COMPOUND_SURNAMES, leadingSurname, SINGLE_SURNAMES } from './chinese-surnames'

describe('chinese surname list', () => {
  it('holds the 百家姓 single surnames plus common modern ones, each a single character', () => {
    expect(SINGLE_SURNAMES.size).toBeGreaterThan(500)
    for (const surname of SINGLE_SURNAMES) expect([...surname]).toHaveLength(1)
    for (const common of '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧肖付覃闫')
      expect(SINGLE_SURNAMES.has(common)).toBe(true)
  })

  it('holds the compound surnames, each two characters and listed once', () => {
    for (const surname of [
      '欧阳',
      '司马',
      '诸葛',
      '上官',
      '东方',
      '皇甫',
      '尉迟',
      '公孙',
      '慕容',
      '令狐',
      '长孙',
      '宇文',
      '司徒',
      '夏侯',
      '轩辕',
      '端木',
      '呼延',
      '南宫',
      '独孤'
    ]) {
      expect(COMPOUND_SURNAMES).toContain(surname)
    }
    for (const surname of COMPOUND_SURNAMES) expect([...surname]).toHaveLength(2)
    expect(new Set(COMPOUND_SURNAMES).size).toBe(COMPOUND_SURNAMES.length)
  })
})

describe('leadingSurname', () => {
  it('prefers a compound surname', () => {
    expect(leadingSurname('欧阳修')).toBe('欧阳')
    expect(leadingSurname('诸葛亮')).toBe('诸葛')
  })

  it('finds a single surname', () => {
    expect(leadingSurname('王伟')).toBe('王')
    expect(leadingSurname('欧明')).toBe('欧')
  })

  it('returns undefined when the name starts with no known surname', () => {
    expect(leadingSurname('扎西多吉')).toBeUndefined()
    expect(leadingSurname('')).toBeUndefined()
  })
})
