import { describe, expect, it } from 'vitest'
import { isDomainError } from '../model/domain-error'
import { guessColumnMapping, resolveColumnMapping } from './column-mapping'

function refusal(run: () => unknown): { code: string; message: string; details: Record<string, string> } {
  try {
    run()
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, message: error.message, details: { ...error.details } }
    throw error
  }
  throw new Error('expected a refusal')
}

describe('guessing which column holds which field', () => {
  it('reads a sales export (AAK/CRM) by its Chinese headers', () => {
    const headers = ['序号', '车架号', '客户名称', '交车日期', '开票日期', '销售顾问', '车型', '车牌号', '开票状态']
    expect(guessColumnMapping(headers, 'sales')).toEqual({
      vin: '车架号',
      date: '交车日期',
      advisor: '销售顾问',
      customer: '客户名称',
      plate: '车牌号',
      model: '车型',
      status: '开票状态'
    })
  })

  it('takes the invoice date when the export has no delivery date', () => {
    expect(guessColumnMapping(['VIN', '开票日期', '顾问'], 'sales')).toEqual({
      vin: 'VIN',
      date: '开票日期',
      advisor: '顾问'
    })
  })

  it('reads a DMS repair-order export: 底盘号, 委托书号, 结算日期, 服务顾问', () => {
    const headers = ['工单状态', ' 底盘号 ', '委托书号', '结算日期', '服务顾问', '车主']
    expect(guessColumnMapping(headers, 'service')).toEqual({
      vin: ' 底盘号 ',
      date: '结算日期',
      advisor: '服务顾问',
      repairOrderNo: '委托书号',
      customer: '车主',
      status: '工单状态'
    })
  })

  it('reads headers written with full-width brackets, spaces or lower case', () => {
    expect(guessColumnMapping(['车辆识别代号（VIN）', '工单号', '结算 时间'], 'service')).toEqual({
      vin: '车辆识别代号（VIN）',
      repairOrderNo: '工单号',
      date: '结算 时间'
    })
    expect(guessColumnMapping(['vin码', 'Ro号', '出厂日期'], 'service')).toEqual({
      vin: 'vin码',
      repairOrderNo: 'Ro号',
      date: '出厂日期'
    })
  })

  it('reads a header by the name before its bracketed note: 车架号（17位）is the VIN', () => {
    expect(guessColumnMapping(['车架号（17位）', '交车日期（年月日）'], 'sales')).toEqual({
      vin: '车架号（17位）',
      date: '交车日期（年月日）'
    })
  })

  it('does not map a repair-order column for sales, nor one header to two fields', () => {
    expect(guessColumnMapping(['车架号', '工单号', '状态'], 'sales')).toEqual({ vin: '车架号', status: '状态' })
    expect(guessColumnMapping(['顾问'], 'service')).toEqual({ advisor: '顾问' })
  })

  it('leaves out what no header names', () => {
    expect(guessColumnMapping(['备注', '金额'], 'sales')).toEqual({})
    expect(guessColumnMapping(['客户(车主)电话', '车架号（VIN）备注'], 'sales')).toEqual({})
  })
})

describe('resolving a remembered mapping against a table', () => {
  it('finds a header remembered with spaces around it', () => {
    expect(resolveColumnMapping(['车架号', '交车日期'], { vin: ' 车架号 ', date: '交车日期\t' }, 'sales')).toEqual({
      vin: 0,
      date: 1
    })
  })

  it('finds the columns by header, wherever they moved', () => {
    expect(
      resolveColumnMapping(
        ['交车日期', '客户', '车架号 '],
        { vin: '车架号', date: '交车日期', customer: '客户' },
        'sales'
      )
    ).toEqual({ vin: 2, date: 0, customer: 1 })
  })

  it('refuses a mapping without the VIN or the date, naming the field', () => {
    const noVin = refusal(() => resolveColumnMapping(['交车日期'], { date: '交车日期' }, 'sales'))
    expect(noVin).toEqual({
      code: 'RECONCILIATION_COLUMN_REQUIRED',
      message: '请指定“车架号”所在的列',
      details: { field: '车架号' }
    })
    const noDate = refusal(() => resolveColumnMapping(['车架号'], { vin: '车架号', date: '  ' }, 'service'))
    expect(noDate.details).toEqual({ field: '结算日期' })
  })

  it('needs the repair order for service but not for sales', () => {
    const mapping = { vin: '底盘号', date: '结算日期' }
    const headers = ['底盘号', '结算日期']
    expect(refusal(() => resolveColumnMapping(headers, mapping, 'service')).details).toEqual({ field: '委托书号' })
    expect(resolveColumnMapping(headers, mapping, 'sales')).toEqual({ vin: 0, date: 1 })
  })

  it('refuses a header the table does not have', () => {
    expect(
      refusal(() => resolveColumnMapping(['车架号', '开票日期'], { vin: '车架号', date: '交车日期' }, 'sales'))
    ).toEqual({
      code: 'RECONCILIATION_COLUMN_NOT_FOUND',
      message: '表格中没有“交车日期”列（对应“交车日期”），请重新选择',
      details: { header: '交车日期', field: '交车日期' }
    })
  })
})
