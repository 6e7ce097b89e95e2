import { describe, expect, it } from 'vitest'
import { computeResidentIdCheckChar } from '../validation'
import { orderNameMatches, planVehicleSearch } from './vehicle-search-plan'

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
