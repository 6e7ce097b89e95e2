import { describe, expect, it } from 'vitest'
import { isDomainError } from '../model/domain-error'
import { guessVehicleColumns, vehicleFormsFromTable } from './vehicle-file-columns'

// A spreadsheet of an existing archive, as DSERP and hand-kept registers head their columns.

const HEADERS = [
  '档案编号',
  '车架号（VIN）',
  '车牌号码',
  '车系',
  '车主姓名',
  '身份证号',
  '手机',
  '车辆来源',
  '车主类型',
  '省份',
  '备注'
]

describe('guessing which column holds which field', () => {
  it('reads Chinese headers, full-width brackets and the form’s own labels', () => {
    expect(guessVehicleColumns(HEADERS)).toEqual({
      archiveNo: '档案编号',
      vin: '车架号（VIN）',
      plate: '车牌号码',
      series: '车系',
      ownerName: '车主姓名',
      ownerIdNumber: '身份证号',
      ownerPhone: '手机',
      origin: '车辆来源',
      ownerKind: '车主类型',
      provinceName: '省份',
      notes: '备注'
    })
  })
})

describe('rows as vehicle forms', () => {
  const mapping = guessVehicleColumns(HEADERS)

  it('gives each non-blank row with its line in the file, origin and owner kind from their words', () => {
    const { forms, lines } = vehicleFormsFromTable(
      {
        headers: HEADERS,
        rows: [
          ['', 'LFV2A21K6M3012345', '吉A12345', '迈腾', '王芳', '', '13904311234', '外店售车', '个人', '吉林省', ''],
          ['', '', '', '', '', '', '', '', '', '', ''],
          ['A-1', 'LFV2A21K8M3012346', '', '探岳', '长春某公司', '', '043185551234', '本店销售', '单位', '', '旧档']
        ]
      },
      mapping
    )
    expect(lines).toEqual([2, 4])
    expect(forms[0]).toMatchObject({ vin: 'LFV2A21K6M3012345', origin: 'serviced_only', ownerKind: 'individual' })
    expect(forms[1]).toMatchObject({ archiveNo: 'A-1', origin: 'sold_here', ownerKind: 'organisation', notes: '旧档' })
  })

  it('passes unknown words on as typed, for the form’s check to report on that row', () => {
    const { forms } = vehicleFormsFromTable(
      { headers: HEADERS, rows: [['', 'X', '', '', '', '', '', '租赁', '', '', '']] },
      mapping
    )
    expect(forms[0]!.origin).toBe('租赁')
  })

  it('refuses, in Chinese, a required field left unmapped or a header the table lacks', () => {
    const refusal = (run: () => unknown) => {
      try {
        run()
      } catch (error) {
        if (isDomainError(error)) return [error.code, error.message]
      }
      return null
    }
    expect(refusal(() => vehicleFormsFromTable({ headers: HEADERS, rows: [] }, { ...mapping, vin: '' }))).toEqual([
      'IMPORT_COLUMN_REQUIRED',
      '请指定“车架号（底盘号）”所在的列'
    ])
    expect(
      refusal(() => vehicleFormsFromTable({ headers: HEADERS, rows: [] }, { ...mapping, series: '品牌' }))
    ).toEqual(['IMPORT_COLUMN_NOT_FOUND', '表格中没有“品牌”列（对应“车系”），请重新选择'])
  })
})
