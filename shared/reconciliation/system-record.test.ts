import { describe, expect, it } from 'vitest'
import { SYSTEM_FIELDS, reconciliationKey, requiredSystemFields, systemFieldLabel } from './system-record'

describe('the fields of a system row', () => {
  it('are named as each department says them', () => {
    expect(SYSTEM_FIELDS.map((field) => systemFieldLabel(field, 'sales'))).toEqual([
      '车架号',
      '交车日期',
      '销售顾问',
      '委托书号',
      '客户',
      '车牌号',
      '车型',
      '状态'
    ])
    expect(SYSTEM_FIELDS.map((field) => systemFieldLabel(field, 'service'))).toEqual([
      '车架号',
      '结算日期',
      '服务顾问',
      '委托书号',
      '客户',
      '车牌号',
      '车型',
      '状态'
    ])
  })

  it('service needs the repair order to count, sales does not', () => {
    expect(requiredSystemFields('sales')).toEqual(['vin', 'date'])
    expect(requiredSystemFields('service')).toEqual(['vin', 'date', 'repairOrderNo'])
  })

  it('keys sales by the VIN alone and service by the VIN and the repair order', () => {
    expect(reconciliationKey('sales', 'LFV2A21K9P3000002', 'RO1')).toBe('LFV2A21K9P3000002')
    expect(reconciliationKey('service', 'LFV2A21K9P3000002', 'RO1')).toBe('LFV2A21K9P3000002/RO1')
    expect(reconciliationKey('service', 'LFV2A21K9P3000002', null)).toBe('LFV2A21K9P3000002/')
  })
})
