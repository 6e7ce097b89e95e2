import { describe, expect, it } from 'vitest'
import writeXlsxFile from 'write-excel-file/universal'
import type { SheetData } from 'write-excel-file/universal'
import { DomainError } from '../model/domain-error'
import { parseTable, parseTableWith } from './index'
import { excelDateText, plainDecimal } from './xlsx-table'

const utf8 = (text: string) => new TextEncoder().encode(text)

// GB18030 has no encoder in TextEncoder: build one from the decoder (every two-byte code, i.e. all of GBK),
// plus the four-byte form for characters beyond the BMP, which GBK cannot write at all.
let gbkTable: Map<string, number[]> | undefined
function gb18030(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map()
    const decoder = new TextDecoder('gb18030')
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue
        const ch = decoder.decode(Uint8Array.from([lead, trail]))
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail])
      }
  }
  const bytes: number[] = []
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (code < 0x80) bytes.push(code)
    else if (code >= 0x10000) {
      let index = code - 0x10000
      const b4 = index % 10
      index = (index - b4) / 10
      const b3 = index % 126
      index = (index - b3) / 126
      const b2 = index % 10
      const b1 = (index - b2) / 10
      bytes.push(0x90 + b1, 0x30 + b2, 0x81 + b3, 0x30 + b4)
    } else {
      const pair = gbkTable.get(ch)
      if (!pair) throw new Error(`no GBK code for ${ch}`)
      bytes.push(...pair)
    }
  }
  return Uint8Array.from(bytes)
}

async function xlsx(data: SheetData): Promise<Uint8Array> {
  const blob = await writeXlsxFile(data).toBlob()
  return new Uint8Array(await blob.arrayBuffer())
}

async function xlsxSheets(sheets: { data: SheetData; sheet: string }[]): Promise<Uint8Array> {
  const blob = await writeXlsxFile(sheets).toBlob()
  return new Uint8Array(await blob.arrayBuffer())
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(DomainError)
  return error as DomainError
}

const DELIVERIES = '车架号,客户姓名,开票日期,销售顾问\r\nLFV2A21K8N4123456,王建国,2026-03-05,李明\r\n'

describe('parseTable: CSV', () => {
  it('reads UTF-8 with Chinese headers', async () => {
    const table = await parseTable(utf8(DELIVERIES), '交车清单.csv')
    expect(table.headers).toEqual(['车架号', '客户姓名', '开票日期', '销售顾问'])
    expect(table.rows).toEqual([['LFV2A21K8N4123456', '王建国', '2026-03-05', '李明']])
  })

  it('drops the byte-order mark of UTF-8 from Excel, so the first header is not "\\ufeff车架号"', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(DELIVERIES)])
    const table = await parseTable(bytes, '交车清单.csv')
    expect(table.headers[0]).toBe('车架号')
    expect(table.rows[0]?.[1]).toBe('王建国')
  })

  it('reads GB18030/GBK from a Chinese DMS, including 𠀀 that GBK cannot encode', async () => {
    const text = '车架号,客户姓名,备注\r\nLSVAB4180E2012345,张𠀀,鄂A·12345 已开票\r\n'
    const bytes = gb18030(text)
    // The bytes are not UTF-8 (else the test would prove nothing), and GBK itself refuses the four-byte 𠀀.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow()
    expect(() => new TextDecoder('gbk', { fatal: true }).decode(bytes)).toThrow()
    const table = await parseTable(bytes, 'DMS工单.csv')
    expect(table.headers).toEqual(['车架号', '客户姓名', '备注'])
    expect(table.rows).toEqual([['LSVAB4180E2012345', '张𠀀', '鄂A·12345 已开票']])
  })

  it('reads quoted commas, doubled quotes and line breaks inside a field, CRLF and LF alike', async () => {
    const text =
      '车架号,地址,备注\n' +
      'LFV2A21K8N4123456,"长春市朝阳区, 人民大街 1 号","客户说""下周来取""\r\n第二行"\r\n' +
      'LFV2A21K8N4654321,,末行无换行'
    const table = await parseTable(utf8(text), 'a.csv')
    expect(table.rows).toEqual([
      ['LFV2A21K8N4123456', '长春市朝阳区, 人民大街 1 号', '客户说"下周来取"\r\n第二行'],
      ['LFV2A21K8N4654321', '', '末行无换行']
    ])
  })

  it('drops blank lines (also before the header) and keeps text as typed, leading zeros and spaces included', async () => {
    const text = '\r\n\r\n档案编号,车牌,金额\r\n\r\n007701, 吉A12345 ,1200.50\r\n,,\r\n\r\n007702,吉AD01234,30\r\n'
    const table = await parseTable(utf8(text), 'b.csv')
    expect(table.headers).toEqual(['档案编号', '车牌', '金额'])
    expect(table.rows).toEqual([
      ['007701', ' 吉A12345 ', '1200.50'],
      ['007702', '吉AD01234', '30']
    ])
  })

  it('tells an import preview where each row came from and how the file was read', async () => {
    const text = '\r\n车架号,备注\r\nA,"两\r\n行"\r\n\r\nB,一行\r\n'
    const table = await parseTableWith(utf8(text), 'a.csv', {})
    expect(table).toMatchObject({ format: 'csv', encoding: 'utf-8', headerRowNumber: 2, rowNumbers: [3, 6] })
    const gbk = await parseTableWith(gb18030('车架号\r\n甲\r\n'), 'b.csv', {})
    expect(gbk).toMatchObject({ encoding: 'gb18030', rowNumbers: [2] })
    const sheet = await parseTableWith(await xlsx([[], ['车架号'], [], ['A'], ['B']]), 'c.xlsx', {})
    expect(sheet).toMatchObject({ format: 'xlsx', encoding: null, headerRowNumber: 2, rowNumbers: [4, 5] })
  })

  it('ends a line at a lone CR (old Mac exports) as at CRLF and LF, and counts lines inside quotes alike', async () => {
    const table = await parseTableWith(utf8('车架号,备注\rA,"一\r二"\rB,三\nC,"四\r\n五"\r\nD,六'), 'cr.csv', {})
    expect(table.rows).toEqual([
      ['A', '一\r二'],
      ['B', '三'],
      ['C', '四\r\n五'],
      ['D', '六']
    ])
    expect(table.rowNumbers).toEqual([2, 4, 5, 7])
  })

  it('keeps a quoted header as typed, and text after a closing quote in the same field', async () => {
    const table = await parseTable(utf8('" 车架号 ",备注\nA,"引"号后\n'), 'q.csv')
    expect(table.headers).toEqual(['车架号', '备注'])
    expect(table.rows).toEqual([['A', '引号后']])
  })

  it('keeps a last line without a line break, also when it is one empty field after a comma', async () => {
    expect((await parseTable(utf8('甲,乙\n1,'), 'a.csv')).rows).toEqual([['1', '']])
    expect((await parseTable(utf8('甲,乙\n,2'), 'b.csv')).rows).toEqual([['', '2']])
  })

  it('gives every row as many cells as there are headers', async () => {
    const table = await parseTable(utf8('甲,乙,丙\n1\n1,2,3,\n'), 'c.csv')
    expect(table.rows).toEqual([
      ['1', '', ''],
      ['1', '2', '3']
    ])
  })

  it('reports progress up to 1 on a large file', async () => {
    const line = 'LFV2A21K8N4123456,王建国,2026-03-05,"长春市, 朝阳区"\n'
    const bytes = utf8('车架号,客户姓名,开票日期,地址\n' + line.repeat(60_000))
    const seen: number[] = []
    const table = await parseTableWith(bytes, 'big.csv', { onProgress: (f) => seen.push(f) })
    expect(table.rows).toHaveLength(60_000)
    expect(seen[0]).toBe(0)
    expect(seen.at(-1)).toBe(1)
    expect(seen.some((f) => f > 0 && f < 1)).toBe(true)
    expect([...seen].sort((a, b) => a - b)).toEqual(seen)
  })
})

describe('parseTable: XLSX', () => {
  it('reads the first sheet: Chinese headers, dates, date-times, numbers without grouping, text with leading zeros', async () => {
    const bytes = await xlsx([
      ['车架号', '档案编号', '交车日期', '结算时间', '金额', '里程', '是否开票'],
      [],
      [
        'LFV2A21K8N4123456',
        '007701',
        { value: new Date(Date.UTC(2026, 2, 5)), type: Date, format: 'yyyy/mm/dd' },
        { value: new Date(Date.UTC(2026, 2, 5, 14, 30)), type: Date, format: 'yyyy-mm-dd hh:mm' },
        { value: 1234567.5, type: Number, format: '#,##0.00' },
        { value: 0.1 + 0.2, type: Number },
        true
      ],
      [
        'LFV2A21K8N4654321',
        '000123',
        null,
        null,
        { value: 1e16, type: Number },
        { value: -0.0015, type: Number },
        false
      ]
    ])
    const table = await parseTable(bytes, '车辆档案.xlsx')
    expect(table.headers).toEqual(['车架号', '档案编号', '交车日期', '结算时间', '金额', '里程', '是否开票'])
    expect(table.rows).toEqual([
      ['LFV2A21K8N4123456', '007701', '2026-03-05', '2026-03-05 14:30', '1234567.5', '0.3', 'TRUE'],
      ['LFV2A21K8N4654321', '000123', '', '', '10000000000000000', '-0.0015', 'FALSE']
    ])
  })

  it('keeps spaces and line breaks typed into a cell', async () => {
    const bytes = await xlsx([['备注'], [' 客户说：\n下周来取 ']])
    expect((await parseTable(bytes, 'n.xlsx')).rows).toEqual([[' 客户说：\n下周来取 ']])
  })

  it('reads a chosen sheet by name or number, and refuses a sheet that does not exist', async () => {
    const bytes = await xlsxSheets([
      { data: [['说明'], ['本表由 DMS 导出']], sheet: '说明' },
      {
        data: [
          ['工单号', '车架号'],
          ['RO20260305001', 'LSVAB4180E2012345']
        ],
        sheet: '维修工单'
      }
    ])
    expect((await parseTable(bytes, 'dms.xlsx')).headers).toEqual(['说明'])
    const byName = await parseTableWith(bytes, 'dms.xlsx', { sheet: '维修工单' })
    expect(byName.rows).toEqual([['RO20260305001', 'LSVAB4180E2012345']])
    expect((await parseTableWith(bytes, 'dms.xlsx', { sheet: 2 })).headers).toEqual(['工单号', '车架号'])
    const error = await refusal(parseTableWith(bytes, 'dms.xlsx', { sheet: '交车' }))
    expect(error.code).toBe('TABLE_FILE_SHEET_NOT_FOUND')
    expect(error.message).toBe('文件“dms.xlsx”中没有工作表“交车”。')
    expect(error.details).toEqual({ fileName: 'dms.xlsx', sheet: '交车' })
  })
})

describe('numbers and dates from XLSX cells, as Excel shows them', () => {
  it.each([
    ['0', '0'],
    ['-0', '0'],
    ['1200.5', '1200.5'],
    ['-1200.5', '-1200.5'],
    ['0.1', '0.1'],
    ['-0.0015', '-0.0015'],
    ['1.5E-3', '0.0015'],
    ['1E+16', '10000000000000000'],
    ['100', '100'],
    ['0.30000000000000004', '0.3'],
    ['007', '7'],
    [' 12 ', '12'],
    ['#DIV/0!', '#DIV/0!'],
    [' NaN ', 'NaN']
  ])('writes %s as %s', (raw, text) => {
    expect(plainDecimal(raw)).toBe(text)
  })

  it('writes a date cell as its day, and with the time when it has one, to the minute', () => {
    expect(excelDateText(new Date(Date.UTC(2026, 2, 5)))).toBe('2026-03-05')
    expect(excelDateText(new Date(Date.UTC(2026, 2, 5, 0, 30)))).toBe('2026-03-05 00:30')
    expect(excelDateText(new Date(Date.UTC(2026, 2, 5, 14, 0)))).toBe('2026-03-05 14:00')
    expect(excelDateText(new Date(Date.UTC(2026, 2, 5, 23, 59, 40)))).toBe('2026-03-06')
  })

  it('reads text, numbers, true/false, dates and empty cells of a real sheet', async () => {
    const table = await parseTable(
      await xlsx([
        [
          { value: '金额' },
          { value: '数量' },
          { value: '已开票' },
          { value: '交车日期' },
          { value: '备注' },
          { value: '末列' }
        ],
        [
          { value: 1200.5, type: Number },
          { value: -3, type: Number },
          { value: true, type: Boolean },
          { value: new Date(Date.UTC(2026, 2, 5)), type: Date, format: 'yyyy-mm-dd' },
          null,
          { value: '有' }
        ]
      ]),
      'cells.xlsx'
    )
    expect(table.rows).toEqual([['1200.5', '-3', 'TRUE', '2026-03-05', '', '有']])
  })
})

describe('parseTable: files it cannot read', () => {
  it('refuses a cut-off XLSX in Chinese, naming the file', async () => {
    const whole = await xlsx([['车架号'], ['LFV2A21K8N4123456']])
    const error = await refusal(parseTable(whole.slice(0, whole.length / 2), '交车清单.xlsx'))
    expect(error.code).toBe('TABLE_FILE_XLSX_BROKEN')
    expect(error.message).toContain('“交车清单.xlsx”')
    expect(error.message).toContain('不是完好的 XLSX 文件')
    expect(error.details).toEqual({ fileName: '交车清单.xlsx' })
  })

  it('refuses a file named .xlsx that is not one', async () => {
    const error = await refusal(parseTable(utf8('车架号\n'), '假的.xlsx'))
    expect(error.code).toBe('TABLE_FILE_XLSX_BROKEN')
  })

  it('refuses an old .xls and says how to fix it', async () => {
    const ole = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
    const error = await refusal(parseTable(ole, '2025年交车.xls'))
    expect(error.code).toBe('TABLE_FILE_LEGACY_XLS')
    expect(error.message).toContain('另存为 .xlsx')
    expect(error.details).toEqual({ fileName: '2025年交车.xls' })
    // The contents decide: an old workbook renamed .csv is refused as one too, and a text starting like one is not.
    expect((await refusal(parseTable(ole, '交车.csv'))).code).toBe('TABLE_FILE_LEGACY_XLS')
    const halfMagic = Uint8Array.from([0xd0, 0xcf, 0x41, 0x0a])
    expect((await parseTable(halfMagic, '交车.csv')).headers).toHaveLength(1)
  })

  it('refuses an empty file, a file with only blank lines, and a file of another kind', async () => {
    const empty = await refusal(parseTable(new Uint8Array(), '空.csv'))
    expect(empty.code).toBe('TABLE_FILE_EMPTY')
    expect(empty.message).toBe('文件“空.csv”是空的，没有可读取的表格。')
    expect(empty.details).toEqual({ fileName: '空.csv' })
    const blank = await refusal(parseTable(utf8('\r\n , \r\n'), '空行.csv'))
    expect(blank.code).toBe('TABLE_FILE_NO_HEADER')
    expect(blank.message).toBe('文件“空行.csv”中没有任何内容，找不到表头行。')
    expect(blank.details).toEqual({ fileName: '空行.csv' })
    const pdf = await refusal(parseTable(utf8('%PDF-1.7'), '交接表.pdf'))
    expect(pdf.code).toBe('TABLE_FILE_UNSUPPORTED')
    expect(pdf.message).toBe('文件“交接表.pdf”不是 CSV 或 XLSX 表格，请从系统导出为 CSV 或 XLSX 后再导入。')
    expect(pdf.details).toEqual({ fileName: '交接表.pdf' })
    expect((await refusal(parseTable(utf8('车架号\n'), '导出'))).code).toBe('TABLE_FILE_UNSUPPORTED')
    expect((await refusal(parseTable(utf8('车架号\n'), '交车.csv.bak'))).code).toBe('TABLE_FILE_UNSUPPORTED')
    expect((await refusal(parseTable(utf8('车架号\n'), '交车.XLS'))).code).toBe('TABLE_FILE_LEGACY_XLS')
    expect((await parseTable(utf8('车架号\n甲\n'), '交车.TXT')).rows).toEqual([['甲']])
  })

  it('refuses binary content and text in neither UTF-8 nor GB18030', async () => {
    const binary = await refusal(parseTable(Uint8Array.from([0x41, 0, 0x42]), 'x.csv'))
    expect(binary.code).toBe('TABLE_FILE_NOT_TEXT')
    expect(binary.message).toBe('文件“x.csv”不是文本表格（含有二进制内容），请确认导出的是 CSV 文件。')
    expect(binary.details).toEqual({ fileName: 'x.csv' })
    // 0x80 alone is invalid in UTF-8 and in GB18030 (a single byte above 0x7f that no trail byte completes).
    const error = await refusal(parseTable(Uint8Array.from([0x41, 0x2c, 0xff, 0x0a]), 'y.csv'))
    expect(error.code).toBe('TABLE_FILE_ENCODING_UNKNOWN')
    expect(error.message).toMatch(/^文件“y\.csv”的文字编码无法识别（既不是 UTF-8 也不是 GB18030\/GBK）/)
    expect(error.details).toEqual({ fileName: 'y.csv' })
  })

  it('refuses a quote that never closes (a cut-off export), naming the line', async () => {
    const error = await refusal(parseTable(utf8('车架号,备注\nA,"未完\n还没完\n'), 'cut.csv'))
    expect(error.code).toBe('TABLE_FILE_QUOTE_UNCLOSED')
    expect(error.message).toBe('文件“cut.csv”第 2 行开始的引号没有闭合，文件可能不完整。')
    expect(error.details).toEqual({ fileName: 'cut.csv', line: '2' })
  })
})
