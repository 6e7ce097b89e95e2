import { describe, expect, it } from 'vitest'
import { toCsv } from './csv'
import { exportStamp, printStamp } from './export-stamp'

describe('CSV for Excel users in China', () => {
  it('starts with a byte-order mark and ends every line with CRLF', () => {
    expect(
      toCsv([
        ['档案编号', '车主'],
        ['XS2026-00001', '李娜']
      ])
    ).toBe('\ufeff档案编号,车主\r\nXS2026-00001,李娜\r\n')
    expect(toCsv([])).toBe('\ufeff\r\n')
  })

  it('quotes a cell holding a comma, a quote or a line break, doubling the quotes', () => {
    expect(toCsv([['a,b', 'say "hi"', 'line\nbreak', 'cr\rhere', 'plain']])).toBe(
      '\ufeff"a,b","say ""hi""","line\nbreak","cr\rhere",plain\r\n'
    )
  })

  it('keeps a cell that starts like a formula from being run by Excel', () => {
    expect(toCsv([['=1+1', '+86 138', '-5', '@SUM(A1)', 'a=b', '1-2']])).toBe(
      "\ufeff'=1+1,'+86 138,'-5,'@SUM(A1),a=b,1-2\r\n"
    )
    expect(toCsv([['=HYPERLINK("x","y")']])).toBe('\ufeff"\'=HYPERLINK(""x"",""y"")"\r\n')
  })
})

describe('who made a printout or an export, and when (China time)', () => {
  it('names the operator and the minute', () => {
    const at = new Date('2026-11-22T01:30:59.000Z')
    expect(exportStamp('王芳', at)).toBe('导出人：王芳\u3000导出时间：2026-11-22 09:30')
    expect(printStamp('王芳', at)).toBe('打印人：王芳\u3000打印时间：2026-11-22 09:30')
  })
})
