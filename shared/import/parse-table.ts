import { parseCsvText } from './csv-table'
import type { TextEncoding } from './decode-text'
import { decodeTableText } from './decode-text'
import { tableEmpty, tableLegacyXls, tableNoHeader, tableUnsupported, tableXlsxBroken } from './table-errors'
import type { SheetChoice } from './xlsx-table'
import { readXlsxRows } from './xlsx-table'

// The one reader of tables from the dealer systems (CRM/DSERP/AAK exports, the DMS, spreadsheets kept by
// hand): CSV in UTF-8 or GB18030/GBK, or XLSX. Import screens, reconciliation and tests all read through it.

export interface ParsedTable {
  /** The first non-blank row, each name trimmed. */
  headers: string[]
  /** The rows after it, blank rows dropped; every row has exactly headers.length cells. */
  rows: string[][]
}

/** What the options variant adds, for an import preview: where each row came from and how the file was read. */
export interface ReadTable extends ParsedTable {
  format: TableFormat
  /** CSV only: the encoding the bytes were read in. */
  encoding: TextEncoding | null
  /** The header's line (CSV) or row (XLSX) in the file, from 1. */
  headerRowNumber: number
  /** For each row, its line (CSV) or row (XLSX) in the file, from 1: what a row-level error should name. */
  rowNumbers: number[]
}

export interface ParseTableOptions {
  /** XLSX only: the sheet, by name or 1-based number; the first sheet when left out. */
  sheet?: SheetChoice
  /** Called with 0…1 while a large file is read. */
  onProgress?: (fraction: number) => void
}

export type TableFormat = 'csv' | 'xlsx'

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const TEXT_EXTENSIONS = new Set(['csv', 'txt'])

export async function parseTable(bytes: Uint8Array, fileName: string): Promise<ParsedTable> {
  const { headers, rows } = await parseTableWith(bytes, fileName, {})
  return { headers, rows }
}

export async function parseTableWith(
  bytes: Uint8Array,
  fileName: string,
  options: ParseTableOptions
): Promise<ReadTable> {
  const { onProgress } = options
  onProgress?.(0)
  const format = tableFormat(bytes, fileName)
  let cells: string[][]
  let numbers: number[]
  let encoding: TextEncoding | null = null
  if (format === 'xlsx') {
    cells = await readXlsxRows(bytes, fileName, options.sheet)
    numbers = cells.map((_, index) => index + 1)
  } else {
    const decoded = decodeTableText(bytes, fileName)
    encoding = decoded.encoding
    // Decoding is a small part of the work; the parse reports the rest.
    const csv = parseCsvText(decoded.text, fileName, onProgress && ((fraction) => onProgress(0.1 + 0.9 * fraction)))
    cells = csv.rows
    numbers = csv.lines
  }
  const table = { format, encoding, ...toTable(cells, numbers, fileName) }
  onProgress?.(1)
  return table
}

/** What the bytes are (the contents decide; the extension only tells text tables from other files). */
export function tableFormat(bytes: Uint8Array, fileName: string): TableFormat {
  if (bytes.length === 0) throw tableEmpty(fileName)
  if (startsWith(bytes, ZIP_MAGIC)) return 'xlsx'
  if (startsWith(bytes, OLE_MAGIC)) throw tableLegacyXls(fileName)
  const extension = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? ''
  if (extension === 'xlsx') throw tableXlsxBroken(fileName)
  if (extension === 'xls') throw tableLegacyXls(fileName)
  if (!TEXT_EXTENSIONS.has(extension)) throw tableUnsupported(fileName)
  return 'csv'
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte)
}

const isBlank = (row: readonly string[]) => row.every((cell) => cell.trim() === '')

function toTable(
  cells: string[][],
  numbers: number[],
  fileName: string
): ParsedTable & { headerRowNumber: number; rowNumbers: number[] } {
  const kept = cells.flatMap((row, index) => (isBlank(row) ? [] : [index]))
  const [headerIndex, ...rowIndexes] = kept
  if (headerIndex === undefined) throw tableNoHeader(fileName)
  const headerRow = cells[headerIndex]!
  const rows = rowIndexes.map((index) => cells[index]!)
  let width = lastFilled(headerRow)
  for (const row of rows) width = Math.max(width, lastFilled(row))
  const headers = Array.from({ length: width }, (_, index) => (headerRow[index] ?? '').trim())
  return {
    headers,
    rows: rows.map((row) => Array.from({ length: width }, (_, index) => row[index] ?? '')),
    headerRowNumber: numbers[headerIndex]!,
    rowNumbers: rowIndexes.map((index) => numbers[index]!)
  }
}

/** The row's length without empty cells at its end (a trailing comma adds no column). */
function lastFilled(row: readonly string[]): number {
  let end = row.length
  while (end > 0 && row[end - 1] === '') end--
  return end
}
