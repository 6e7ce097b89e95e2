import { describe, expect, it } from 'vitest'
import { computeCreditCodeCheckChar, computeResidentIdCheckChar } from '../validation'
import { fileMatchesNameQuery, orderNameMatches, planVehicleSearch } from './vehicle-search-plan'

const indexes = (q: string) => planVehicleSearch(q).map((l) => `${l.index}:${l.mode}:${l.value}`)

describe('search box entries become index lookups', () => {
  it('looks a whole VIN up exactly and as a suffix', () => {
    expect(indexes('lfv2a21k0s1234567')).toContain('vin:equals:LFV2A21K0S1234567')
  })

  it('turns the last 6, 7 or 8 VIN characters into a prefix of the reversed VIN', () => {
    expect(indexes('234567')).toContain('vinReversed:startsWith:765432')
    expect(indexes('S1234567')).toContain('vinReversed:startsWith:7654321S')
  })

  it('finds plates with the province, with a middle dot, and without the province', () => {
    expect(indexes('吉A·12345')).toContain('plate:startsWith:吉A12345')
    expect(indexes('粤bd12345')).toContain('plate:startsWith:粤BD12345')
    expect(indexes('a12345')).toContain('plateTail:startsWith:A12345')
  })

  it('searches any part of a name, and a single character as a surname', () => {
    expect(indexes('欧阳')).toEqual([
      'ownerName:startsWith:欧阳',
      'contactName:startsWith:欧阳',
      'nameSuffixes:contains:欧阳'
    ])
    expect(planVehicleSearch('恒通·物流')).toContainEqual({
      index: 'nameSuffixes',
      mode: 'contains',
      value: '恒通物流',
      key: '恒通物流'
    })
    // Longer than the index key: read by its start, checked whole.
    expect(planVehicleSearch('长春市恒通物流有限公司')).toContainEqual({
      index: 'nameSuffixes',
      mode: 'contains',
      value: '长春市恒通物流有限公司',
      key: '长春市恒通物流有'
    })
    expect(indexes('王')).toEqual(['ownerName:startsWith:王', 'contactName:startsWith:王'])
  })

  it('orders files found by a name part: the name itself, then names starting with it, then the rest', () => {
    const file = (archiveNo: string, ownerName: string, contactName: string | null = null) => ({
      archiveNo,
      ownerName,
      contactName
    })
    const found = [
      file('XS2026-00005', '李王伟'),
      file('XS2026-00004', '王伟强'),
      file('XS2026-00003', '赵敏', '王伟'),
      file('XS2026-00002', '王伟'),
      file('XS2026-00001', '王伟'),
      file('XS2026-00000', '张三', '王伟杰')
    ]
    expect(orderNameMatches(found, ' 王伟 ').map((f) => f.archiveNo)).toEqual([
      'XS2026-00001',
      'XS2026-00002',
      'XS2026-00003',
      'XS2026-00000',
      'XS2026-00004',
      'XS2026-00005'
    ])
  })

  it('looks a phone up whole, in every form the file form accepts, or by its last four digits', () => {
    for (const typed of [
      '13812345678',
      '138 1234 5678',
      '138-1234-5678',
      '+86 138 1234 5678',
      '+8613812345678',
      '008613812345678',
      '１３８１２３４５６７８'
    ]) {
      expect(indexes(typed), typed).toEqual(
        expect.arrayContaining([
          'ownerPhone:equals:13812345678',
          'ownerPhone2:equals:13812345678',
          'contactPhone:equals:13812345678'
        ])
      )
    }
    for (const typed of [
      '043185551234',
      '0431-85551234',
      '0431 8555 1234',
      '(0431)85551234',
      '０４３１－８５５５１２３４'
    ]) {
      expect(indexes(typed), typed).toEqual(
        expect.arrayContaining(['ownerPhone:equals:0431-85551234', 'contactPhone:startsWith:0431-85551234-'])
      )
    }
    expect(indexes('5678')).toContain('phoneTails:equals:5678')
  })

  it('looks an ID number or credit code up whole only', () => {
    const id = `22010219900101123${computeResidentIdCheckChar('22010219900101123')}`
    expect(indexes(id.toLowerCase())).toContain(`ownerIdNumber:equals:${id}`)
    for (const part of [id.slice(0, 6), id.slice(0, 14), id.slice(0, 17)])
      expect(indexes(part).filter((l) => l.startsWith('ownerIdNumber'))).toEqual([])
  })

  it('never looks a phone up by a prefix', () => {
    for (const typed of ['138', '1381234', '1381234567', '0431', '0431-8555', '04318555', '85551234']) {
      const phoneLookups = planVehicleSearch(typed).filter((l) =>
        ['ownerPhone', 'ownerPhone2', 'contactPhone'].includes(l.index)
      )
      expect(phoneLookups, typed).toEqual([])
    }
    // Four digits are always read as a tail (尾号), wherever they come from.
    expect(indexes('0431')).toEqual(expect.arrayContaining(['phoneTails:equals:0431']))
  })

  it('searches archive numbers by prefix in upper case', () => {
    expect(indexes('xs2026-00')).toContain('archiveNo:startsWith:XS2026-00')
  })

  it('shows everything for an empty entry and nothing for punctuation', () => {
    expect(planVehicleSearch('   ')).toEqual([])
    expect(planVehicleSearch('%%%')).toEqual([])
  })
})

describe('the whole plan of an entry: nothing looked up that the entry cannot mean', () => {
  it('a plate with its province is looked up as a plate only; a province alone is a surname', () => {
    expect(indexes('吉A12345')).toEqual(['plate:startsWith:吉A12345'])
    expect(indexes('吉a')).toEqual(['plate:startsWith:吉A'])
    expect(indexes('吉')).toEqual(['ownerName:startsWith:吉', 'contactName:startsWith:吉'])
  })

  it('Chinese text that is no plate is part of a name, even after a province or before Latin letters', () => {
    expect(indexes('吉林')).toEqual([
      'ownerName:startsWith:吉林',
      'contactName:startsWith:吉林',
      'nameSuffixes:contains:吉林'
    ])
    expect(indexes('张A')).toEqual([
      'ownerName:startsWith:张A',
      'contactName:startsWith:张A',
      'nameSuffixes:contains:张A'
    ])
    expect(indexes('吉A张')).toEqual([
      'ownerName:startsWith:吉A张',
      'contactName:startsWith:吉A张',
      'nameSuffixes:contains:吉A张'
    ])
  })

  it('a whole VIN: exactly, and as the start of an archive number', () => {
    expect(indexes('LFV2A21K0S1234567')).toEqual([
      'vin:equals:LFV2A21K0S1234567',
      'archiveNo:startsWith:LFV2A21K0S1234567'
    ])
  })

  it('the end of a VIN: 4 to 16 characters', () => {
    expect(indexes('ABCDEFGHJK123456')).toEqual([
      'vinReversed:startsWith:654321KJHGFEDCBA',
      'archiveNo:startsWith:ABCDEFGHJK123456'
    ])
    expect(indexes('A1234567')).toEqual(['vinReversed:startsWith:7654321A', 'archiveNo:startsWith:A1234567'])
    expect(indexes('K12')).toEqual(['plateTail:startsWith:K12', 'archiveNo:startsWith:K12'])
  })

  it('a plate without its province: a letter and up to six more characters', () => {
    expect(indexes('A1')).toEqual(['plateTail:startsWith:A1', 'archiveNo:startsWith:A1'])
    expect(indexes('A123456')).toEqual([
      'vinReversed:startsWith:654321A',
      'plateTail:startsWith:A123456',
      'archiveNo:startsWith:A123456'
    ])
    expect(indexes('A')).toEqual(['archiveNo:startsWith:A'])
  })

  it('four digits: a phone tail, the end of a VIN, the start of an archive number', () => {
    expect(indexes('５６７８')).toEqual([
      'phoneTails:equals:5678',
      'vinReversed:startsWith:8765',
      'archiveNo:startsWith:5678'
    ])
  })

  it('a mobile: the three phone fields exactly, however it is spaced', () => {
    const mobile = [
      'ownerPhone:equals:13812345678',
      'ownerPhone2:equals:13812345678',
      'contactPhone:equals:13812345678',
      'vinReversed:startsWith:87654321831',
      'archiveNo:startsWith:13812345678'
    ]
    expect(indexes('13812345678')).toEqual(mobile)
    expect(indexes('138 1234 5678')).toEqual(mobile)
  })

  it('a landline: exactly, and with any extension; a 400 number exactly', () => {
    expect(indexes('0431-85551234')).toEqual([
      'ownerPhone:equals:0431-85551234',
      'ownerPhone2:equals:0431-85551234',
      'contactPhone:equals:0431-85551234',
      'ownerPhone:startsWith:0431-85551234-',
      'ownerPhone2:startsWith:0431-85551234-',
      'contactPhone:startsWith:0431-85551234-',
      'archiveNo:startsWith:0431-85551234'
    ])
    expect(indexes('0431-85551234-12')).toEqual([
      'ownerPhone:equals:0431-85551234-12',
      'ownerPhone2:equals:0431-85551234-12',
      'contactPhone:equals:0431-85551234-12',
      'archiveNo:startsWith:0431-85551234-12'
    ])
    expect(indexes('400 123 4567')).toEqual([
      'ownerPhone:equals:400-123-4567',
      'ownerPhone2:equals:400-123-4567',
      'contactPhone:equals:400-123-4567',
      'vinReversed:startsWith:7654321004',
      'archiveNo:startsWith:4001234567'
    ])
  })

  it('a resident ID number or a credit code: exactly', () => {
    const id = `22010219900101123${computeResidentIdCheckChar('22010219900101123')}`
    expect(indexes(id)).toEqual([`ownerIdNumber:equals:${id}`, `archiveNo:startsWith:${id}`])
    const code = `91220101MA0Y12345${computeCreditCodeCheckChar('91220101MA0Y12345')}`
    expect(indexes(code.toLowerCase())).toEqual([`ownerIdNumber:equals:${code}`, `archiveNo:startsWith:${code}`])
  })

  it('text with other signs finds nothing beyond what it already found', () => {
    expect(indexes('ab%')).toEqual([])
    expect(indexes('5678#')).toEqual([])
    expect(indexes('·')).toEqual([])
  })
})

describe('fileMatchesNameQuery', () => {
  it('keeps a file whose owner or contact holds the typed text, and only those', () => {
    expect(fileMatchesNameQuery({ ownerName: '长春市恒通物流有限公司', contactName: null }, '恒通')).toBe(true)
    expect(fileMatchesNameQuery({ ownerName: '李娜', contactName: '王建华' }, '建华')).toBe(true)
    expect(fileMatchesNameQuery({ ownerName: '李娜', contactName: '王建华' }, '恒通')).toBe(false)
    expect(fileMatchesNameQuery({ ownerName: '李娜', contactName: null }, '恒通')).toBe(false)
  })
})
