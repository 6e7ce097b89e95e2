import { describe, expect, it } from 'vitest'
import { parseSystemDate, parseSystemRows } from './parse-system-rows'

const VIN_A = 'LFV2A21K9P3000002'
const VIN_B = 'LFV2A21K0P3000003'
const VIN_C = 'LFV2A21K2P3000004'

describe('dates as the dealer systems write them', () => {
  it.each([
    ['2026-11-05', '2026-11-05'],
    ['2026/11/5', '2026-11-05'],
    ['2026.1.5', '2026-01-05'],
    ['2026年3月5日', '2026-03-05'],
    ['２０２６－０３－０５', '2026-03-05'],
    ['20260305', '2026-03-05'],
    ['2026-03-05 14:30', '2026-03-05'],
    ['2026/3/5 8:05:09', '2026-03-05'],
    [' 2026-03-05T14:30:00.000 ', '2026-03-05']
  ])('reads %s', (text, date) => {
    expect(parseSystemDate(text)).toBe(date)
  })

  it.each(['', '2026-02-30', '1900-01-01', '1900/00/00', '05/03/2026', '2026-13-01', '2026-03', '明天', '202603051'])(
    'does not take %s',
    (text) => {
      expect(parseSystemDate(text)).toBeNull()
    }
  )

  it('takes 1950-01-01, the earliest real date', () => {
    expect(parseSystemDate('1950-01-01')).toBe('1950-01-01')
    expect(parseSystemDate('1949-12-31')).toBeNull()
  })
})

describe('rows of a sales export into records', () => {
  const headers = ['车架号', '交车日期', '销售顾问', '客户名称', '车牌号', '车型', '开票状态']
  const mapping = {
    vin: '车架号',
    date: '交车日期',
    advisor: '销售顾问',
    customer: '客户名称',
    plate: '车牌号',
    model: '车型',
    status: '开票状态'
  }

  it('types a good row, upper-casing and tidying the VIN', () => {
    const parsed = parseSystemRows(
      { headers, rows: [[' lfv2a21k9p3000002 ', '2026/11/2', ' 张伟 ', '李娜', '吉A12345', '迈腾', '已开票']] },
      mapping,
      'sales'
    )
    expect(parsed).toEqual({
      records: [
        {
          row: 2,
          vin: VIN_A,
          date: '2026-11-02',
          advisor: '张伟',
          repairOrderNo: '',
          customer: '李娜',
          plate: '吉A12345',
          model: '迈腾',
          status: '已开票'
        }
      ],
      issues: [],
      blankRows: 0
    })
  })

  it('reports every bad row in Chinese, with its spreadsheet row, and keeps the good ones', () => {
    const parsed = parseSystemRows(
      {
        headers,
        rows: [
          [VIN_A, '2026-11-02', '张伟'],
          ['LFV2A21K1P3000002', '2026-11-03', '王芳'],
          [VIN_B, '2026-11-31', '王芳'],
          [' ', '\u3000', ''],
          [VIN_A, '2026-11-05', '赵磊'],
          ['LFV2A21KXP300000', '不详', '赵磊'],
          [VIN_C, '2026-11-06']
        ]
      },
      mapping,
      'sales'
    )
    expect(parsed.records.map((record) => [record.row, record.vin, record.advisor])).toEqual([
      [2, VIN_A, '张伟'],
      [8, VIN_C, '']
    ])
    expect(parsed.blankRows).toBe(1)
    expect(parsed.issues.map((issue) => [issue.row, issue.code, issue.field])).toEqual([
      [3, 'SYSTEM_ROW_VIN_INVALID', 'vin'],
      [4, 'SYSTEM_ROW_DATE_INVALID', 'date'],
      [6, 'SYSTEM_ROW_DUPLICATE', 'vin'],
      [7, 'SYSTEM_ROW_VIN_INVALID', 'vin'],
      [7, 'SYSTEM_ROW_DATE_INVALID', 'date']
    ])
    const [badCheckDigit, badDate, duplicate] = parsed.issues
    expect(badCheckDigit!.message).toMatch(/^第3行车架号“LFV2A21K1P3000002”有误：.*校验/)
    expect(badCheckDigit!.details.row).toBe('3')
    expect(badCheckDigit!.details.vin).toBe('LFV2A21K1P3000002')
    expect(badDate).toMatchObject({
      message: '第4行交车日期“2026-11-31”无法识别，应为 年-月-日，如 2026-03-05',
      details: { row: '4', field: '交车日期', value: '2026-11-31' }
    })
    expect(duplicate).toMatchObject({
      message: `第6行与第2行重复（车架号 ${VIN_A}）`,
      details: { row: '6', first: '2', key: `车架号 ${VIN_A}` }
    })
  })
})

describe('a field mapped to no column', () => {
  it('stays empty: the advisor is not read from the column next to the date', () => {
    const parsed = parseSystemRows(
      { headers: ['车架号', '交车日期', '销售顾问'], rows: [[VIN_A, '2026-11-02', '张伟']] },
      { vin: '车架号', date: '交车日期' },
      'sales'
    )
    expect(parsed.records.map((record) => [record.vin, record.date, record.advisor, record.plate])).toEqual([
      [VIN_A, '2026-11-02', '', '']
    ])
  })
})

describe('a sales export that also has a repair-order column', () => {
  it('keeps no repair order on a sales record', () => {
    const parsed = parseSystemRows(
      { headers: ['车架号', '交车日期', '工单号'], rows: [[VIN_A, '2026-11-02', 'RO1']] },
      { vin: '车架号', date: '交车日期', repairOrderNo: '工单号' },
      'sales'
    )
    expect(parsed.records.map((record) => record.repairOrderNo)).toEqual([''])
    expect(parsed.issues).toEqual([])
  })
})

describe('rows of a DMS export of closed repair orders', () => {
  const headers = ['底盘号', '委托书号', '结算日期', '服务顾问']
  const mapping = { vin: '底盘号', repairOrderNo: '委托书号', date: '结算日期', advisor: '服务顾问' }

  it('keys a service row by VIN and repair order: two orders of one car are two rows, one order twice is a duplicate', () => {
    const parsed = parseSystemRows(
      {
        headers,
        rows: [
          [VIN_A, 'ro2611010001', '2026-11-01 17:20', '刘洋'],
          [VIN_A, 'RO2611030007', '2026-11-03', '刘洋'],
          [VIN_A, ' RO2611010001', '2026-11-01', '刘洋'],
          [VIN_B, '', '2026-11-02', '陈静']
        ]
      },
      mapping,
      'service'
    )
    expect(parsed.records.map((record) => [record.row, record.repairOrderNo, record.date])).toEqual([
      [2, 'RO2611010001', '2026-11-01'],
      [3, 'RO2611030007', '2026-11-03']
    ])
    expect(parsed.issues).toEqual([
      {
        row: 4,
        field: 'vin',
        code: 'SYSTEM_ROW_DUPLICATE',
        message: `第4行与第2行重复（车架号 ${VIN_A} 委托书号 RO2611010001）`,
        details: { row: '4', first: '2', key: `车架号 ${VIN_A} 委托书号 RO2611010001` }
      },
      {
        row: 5,
        field: 'repairOrderNo',
        code: 'SYSTEM_ROW_REPAIR_ORDER_MISSING',
        message: '第5行没有委托书号，无法与服务档案核对',
        details: { row: '5' }
      }
    ])
  })

  it('names the service date as 结算日期 in its error', () => {
    const parsed = parseSystemRows({ headers, rows: [[VIN_A, 'RO1', '1900/00/00', '刘洋']] }, mapping, 'service')
    expect(parsed.issues[0]!.message).toBe('第2行结算日期“1900/00/00”无法识别，应为 年-月-日，如 2026-03-05')
  })

  it('refuses the whole table when a required column is not mapped, before reading any row', () => {
    expect(() =>
      parseSystemRows(
        { headers, rows: [[VIN_A, 'RO1', '2026-11-01', '刘洋']] },
        { vin: '底盘号', date: '结算日期' },
        'service'
      )
    ).toThrow('请指定“委托书号”所在的列')
  })
})
