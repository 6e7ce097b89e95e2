import { readSheet, SheetNotFoundError } from 'read-excel-file/universal'
import { tableSheetNotFound, tableXlsxBroken } from './table-errors'

// XLSX through read-excel-file's universal build (fflate + a SAX parser, no Node or DOM API), so the same
// code runs in the app's worker and in Node tests. Cells come back as text a person would have typed:
// dates as YYYY-MM-DD (YYYY-MM-DD HH:mm with a time), numbers as plain decimals, text untouched.

export type SheetChoice = number | string

export async function readXlsxRows(bytes: Uint8Array, fileName: string, sheet?: SheetChoice): Promise<string[][]> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
  let data: unknown[][]
  try {
    // parseNumber marks numbers (told apart from text cells); trim: false keeps text as typed.
    const options = { trim: false, parseNumber: (raw: string) => new StoredNumber(raw) }
    data = sheet === undefined ? await readSheet(buffer, options) : await readSheet(buffer, sheet, options)
  } catch (error) {
    if (error instanceof SheetNotFoundError) throw tableSheetNotFound(fileName, String(sheet))
    throw tableXlsxBroken(fileName)
  }
  return data.map((row) => row.map(cellText))
}

class StoredNumber {
  constructor(readonly raw: string) {}
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof StoredNumber) return plainDecimal(value.raw)
  if (typeof value === 'number') return plainDecimal(String(value))
  if (value instanceof Date) return excelDateText(value)
  return String(value)
}

/** A date cell: read-excel-file gives the wall-clock time as UTC; rounded to the minute (serials are floats). */
export function excelDateText(date: Date): string {
  const minutes = Math.round(date.getTime() / 60000)
  const rounded = new Date(minutes * 60000)
  const pad = (n: number) => String(n).padStart(2, '0')
  const day = `${rounded.getUTCFullYear()}-${pad(rounded.getUTCMonth() + 1)}-${pad(rounded.getUTCDate())}`
  const hours = rounded.getUTCHours()
  const mins = rounded.getUTCMinutes()
  return hours === 0 && mins === 0 ? day : `${day} ${pad(hours)}:${pad(mins)}`
}

/**
 * A number as Excel shows it in a General cell: 15 significant digits (so 0.1+0.2 reads 0.3), no
 * exponent, no grouping. "1.5E-3" → "0.0015", "1E+16" → "10000000000000000".
 */
export function plainDecimal(raw: string): string {
  const number = Number(raw)
  if (!Number.isFinite(number)) return raw.trim()
  if (number === 0) return '0'
  const [mantissa = '', exponentText = '0'] = number.toPrecision(15).toLowerCase().split('e')
  const negative = mantissa.startsWith('-')
  const unsigned = negative ? mantissa.slice(1) : mantissa
  const [intPart = '', fracPart = ''] = unsigned.split('.')
  const digits = intPart + fracPart
  const point = intPart.length + Number(exponentText)
  let text: string
  if (point <= 0) text = '0.' + '0'.repeat(-point) + digits
  else if (point >= digits.length) text = digits + '0'.repeat(point - digits.length)
  else text = digits.slice(0, point) + '.' + digits.slice(point)
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '')
  text = text.replace(/^0+(?=\d)/, '')
  return (negative ? '-' : '') + text
}
