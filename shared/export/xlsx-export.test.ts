import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { parseTable } from '../import'
import { exportXlsx } from './xlsx-export'

describe('exportXlsx', () => {
  const at = new Date('2026-11-29T06:05:00Z') // 14:05 in China

  it('writes Chinese headers and every cell as typed text, read back by parseTable', async () => {
    const bytes = await exportXlsx(
      {
        sheetName: '车辆档案',
        headers: ['档案编号', '车架号', '车主', '联系电话', '备注'],
        rows: [
          ['007701', 'LFV2A21K8N4123456', '王**', '138****5678', '=HYPERLINK("x")'],
          ['007702', 'LSVAB4180E2012345', '李*', '', '第一行\n第二行']
        ]
      },
      { title: '车辆档案登记簿', operatorName: '刘敏', at }
    )
    const table = await parseTable(bytes, '车辆档案.xlsx')
    expect(table.headers).toEqual(['档案编号', '车架号', '车主', '联系电话', '备注'])
    expect(table.rows).toEqual([
      ['007701', 'LFV2A21K8N4123456', '王**', '138****5678', '=HYPERLINK("x")'],
      ['007702', 'LSVAB4180E2012345', '李*', '', '第一行\n第二行']
    ])
    // Text, never a formula: a cell that starts with = cannot run in Excel.
    const sheet = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!)
    expect(sheet).not.toContain('<f>')
  })

  it('puts the operator and the time in the file properties', async () => {
    const bytes = await exportXlsx(
      { sheetName: '审计', headers: ['时间'], rows: [] },
      { title: '个人信息访问记录 <测试>', operatorName: '周晓梅', at }
    )
    const files = unzipSync(bytes)
    const core = strFromU8(files['docProps/core.xml']!)
    expect(core).toContain('<dc:creator>周晓梅</dc:creator>')
    expect(core).toContain('<cp:lastModifiedBy>周晓梅</cp:lastModifiedBy>')
    expect(core).toContain('<dc:title>个人信息访问记录 &lt;测试&gt;</dc:title>')
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-29T06:05:00Z</dcterms:created>')
    expect(core).toContain('导出人：周晓梅\u3000导出时间：2026-11-29 14:05')
    // Excel finds the part only through the package relationships and content types.
    expect(strFromU8(files['_rels/.rels']!)).toContain('Target="docProps/core.xml"')
    expect(strFromU8(files['[Content_Types].xml']!)).toContain('PartName="/docProps/core.xml"')
  })
})
