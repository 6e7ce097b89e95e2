import { describe, expect, it } from 'vitest'
import {
  nameContains,
  namePartKey,
  nameSearchText,
  nameSuffixes,
  phoneTail,
  phoneTails,
  phoneTailQuery,
  wholePhoneQuery
} from './search-keys'
import { deriveSearchKeys } from '../vehicle/vehicle-file'

describe('search keys', () => {
  it('normalises every phone form the file form accepts to the stored number', () => {
    const mobile = [
      '13812345678',
      '138 1234 5678',
      '138-1234-5678',
      '+86 138 1234 5678',
      '+86-138-1234-5678',
      '0086 13812345678',
      '8613812345678',
      '１３８ １２３４ ５６７８'
    ]
    for (const typed of mobile) expect(wholePhoneQuery(typed), typed).toBe('13812345678')
    const landline = [
      '043185551234',
      '0431-85551234',
      '0431 8555 1234',
      '0431 85551234',
      '(0431)85551234',
      '（0431）85551234',
      '0431—85551234',
      '０４３１－８５５５１２３４'
    ]
    for (const typed of landline) expect(wholePhoneQuery(typed), typed).toBe('0431-85551234')
    expect(wholePhoneQuery('010-62345678')).toBe('010-62345678')
    expect(wholePhoneQuery('0431-85551234转123')).toBe('0431-85551234-123')
    expect(wholePhoneQuery('400 123 4567')).toBe('400-123-4567')
  })

  it('refuses part of a number as a phone query', () => {
    for (const typed of ['138', '1381234', '1381234567', '0431', '0431-8555', '85551234', '+86 138'])
      expect(wholePhoneQuery(typed), typed).toBeNull()
  })

  it('takes the last four digits of mobiles and landlines, without an extension', () => {
    expect(phoneTail('13812345678')).toBe('5678')
    expect(phoneTail('0431-85551234')).toBe('1234')
    expect(phoneTail('0431-85551234-123')).toBe('1234')
    expect(phoneTail(null)).toBeNull()
    expect(phoneTailQuery(' 5678 ')).toBe('5678')
    expect(phoneTailQuery('567')).toBeNull()
    expect(phoneTailQuery('56789')).toBeNull()
  })

  it('indexes both names from their second character on, once each, cut to the key length', () => {
    expect(nameSuffixes('长春市恒通物流有限公司', null)).toEqual([
      '春市恒通物流有限',
      '市恒通物流有限公',
      '恒通物流有限公司',
      '通物流有限公司',
      '物流有限公司',
      '流有限公司',
      '有限公司',
      '限公司',
      '公司'
    ])
    // A two-character name has no part inside it: its start is in the owner and contact name indexes.
    expect(nameSuffixes('王伟', '王伟')).toEqual([])
    expect(nameSuffixes('王建华', '李王建华')).toEqual(['建华', '王建华'])
    // A name stored otherwise than the search compares it is indexed whole as well.
    expect(nameSuffixes('阿卜杜·热合曼', null)).toEqual(['阿卜杜热合曼', '卜杜热合曼', '杜热合曼', '热合曼', '合曼'])
    expect(nameSuffixes('abc汽车服务有限公司', null)).toContain('ABC汽车服务有')
    // Any part inside a name, of two characters or more, starts one of the keys.
    const keys = nameSuffixes('长春市恒通物流有限公司', null)
    for (const part of ['恒通', '恒通物流', '春市恒通物流有限公司', '公司'])
      expect(
        keys.some((key) => key.startsWith(namePartKey(part))),
        part
      ).toBe(true)
    expect(namePartKey('长春市恒通物流有限公司')).toBe('长春市恒通物流有')
    expect(namePartKey(' 恒·通 ')).toBe('恒通')
    expect(nameContains('长春市恒通物流有限公司', '恒通')).toBe(true)
    expect(nameContains('长春市恒通物流有限公司', '恒达')).toBe(false)
  })

  it('derives the keys of a file from its fields', () => {
    const keys = deriveSearchKeys({
      vin: 'LFV2A21K0S1234567',
      plate: '吉A12345',
      ownerName: '李娜',
      contactName: '王建华',
      ownerPhone: '13812345678',
      ownerPhone2: '0431-85551234',
      contactPhone: '13812345678'
    })
    expect(keys).toEqual({
      vinReversed: '7654321S0K12A2VFL',
      plateTail: 'A12345',
      nameSuffixes: ['建华'],
      phoneTails: ['5678', '1234']
    })
  })
})

describe('search keys, case by case', () => {
  it('compares names half-width, without spaces or middle dots, Latin letters in upper case', () => {
    expect(nameSearchText('阿卜杜·热合曼')).toBe('阿卜杜热合曼')
    expect(nameSearchText('Ｊｏｈｎ ｓｍｉｔｈ•Jr.')).toBe('JOHNSMITHJR')
    expect(nameContains('John Smith・Jr', 'smith jr')).toBe(true)
    expect(nameContains(null, '王')).toBe(false)
  })

  it('takes a tail only from a stored mobile or landline', () => {
    expect(phoneTail('010-6234567')).toBe('4567')
    expect(phoneTail('0431-8555123-9')).toBe('5123')
    for (const stored of [
      '',
      '1381234567',
      '138123456789',
      '23812345678',
      '400-123-4567',
      '0431-855512',
      'x13812345678'
    ])
      expect(phoneTail(stored), stored).toBeNull()
    expect(phoneTails('13812345678', null, '0431-85555678', '400-123-4567')).toEqual(['5678'])
    expect(phoneTails('13812345678', '0431-85551234')).toEqual(['5678', '1234'])
  })
})
