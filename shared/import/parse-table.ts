import { parseCsvText } from './csv-table'
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

export function parseTable(bytes: Uint8Array, fileName: string): Promise<ParsedTable> {
  return parseTableWith(bytes, fileName, {})
}

export async function parseTableWith(
  bytes: Uint8Array,
  fileName: string,
  options: ParseTableOptions
): Promise<ParsedTable> {
  const { onProgress } = options
  onProgress?.(0)
  const format = tableFormat(bytes, fileName)
  let cells: string[][]
  if (format === 'xlsx') {
    cells = await readXlsxRows(bytes, fileName, options.sheet)
  } else {
    const { text } = decodeTableText(bytes, fileName)
    // Decoding is a small part of the work; the parse reports the rest.
    cells = parseCsvText(text, fileName, onProgress && ((fraction) => onProgress(0.1 + 0.9 * fraction)))
  }
  const table = toTable(cells, fileName)
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

function toTable(cells: string[][], fileName: string): ParsedTable {
  const nonBlank = cells.filter((row) => !isBlank(row))
  const [headerRow, ...rows] = nonBlank
  if (!headerRow) throw tableNoHeader(fileName)
  let width = lastFilled(headerRow)
  for (const row of rows) width = Math.max(width, lastFilled(row))
  const headers = Array.from({ length: width }, (_, index) => (headerRow[index] ?? '').trim())
  return {
    headers,
    rows: rows.map((row) => Array.from({ length: width }, (_, index) => row[index] ?? ''))
  }
}

/** The row's length without empty cells at its end (a trailing comma adds no column). */
function lastFilled(row: readonly string[]): number {
  let end = row.length
  while (end > 0 && row[end - 1] === '') end--
  return end
}
