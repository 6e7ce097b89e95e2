import { describe, expect, it } from 'vitest'
import { planVehicleSearch } from './vehicle-search-plan'

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

  it('searches names by prefix and phones by their digits', () => {
    expect(indexes('欧阳')).toEqual(['ownerName:startsWith:欧阳', 'contactName:startsWith:欧阳'])
    expect(indexes('1381234')).toEqual(expect.arrayContaining(['ownerPhone:startsWith:1381234', 'contactPhone:startsWith:1381234']))
    expect(indexes('０４３１-8555')).toContain('ownerPhone:startsWith:0431-8555')
  })

  it('searches archive numbers by prefix in upper case', () => {
    expect(indexes('xs2026-00')).toContain('archiveNo:startsWith:XS2026-00')
  })

  it('shows everything for an empty entry and nothing for punctuation', () => {
    expect(planVehicleSearch('   ')).toEqual([])
    expect(planVehicleSearch('%%%')).toEqual([])
  })
})
