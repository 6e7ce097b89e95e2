import { tableQuoteUnclosed } from './table-errors'

// RFC 4180 as Excel and the dealer systems write it: fields split by commas, a field in double quotes may
// hold commas, line breaks and doubled quotes; lines end in CRLF or LF. Lenient where Excel is lenient (a
// quote inside an unquoted field is kept as a character); strict where data would be lost (an unclosed
// quote at the end of the file means a cut-off export).

export interface CsvProgress {
  (fraction: number): void
}

const PROGRESS_EVERY = 1 << 20

export interface CsvRows {
  rows: string[][]
  /** The line of the file each row starts on, from 1 (a field with line breaks spans several). */
  lines: number[]
}

export function parseCsvText(text: string, fileName: string, onProgress?: CsvProgress): CsvRows {
  const rows: string[][] = []
  const lines: number[] = []
  let row: string[] = []
  let field = ''
  let i = 0
  let line = 1
  let rowLine = 1
  const length = text.length
  let nextProgress = PROGRESS_EVERY
  while (i < length) {
    if (onProgress && i >= nextProgress) {
      onProgress(i / length)
      nextProgress = i + PROGRESS_EVERY
    }
    const ch = text[i]
    if (ch === '"' && field === '') {
      // A quoted field: read to the closing quote; "" inside is one quote.
      const startLine = line
      i++
      let closed = false
      while (i < length) {
        const q = text.indexOf('"', i)
        if (q === -1) break
        field += text.slice(i, q)
        line += countLineBreaks(text, i, q)
        if (text[q + 1] === '"') {
          field += '"'
          i = q + 2
        } else {
          i = q + 1
          closed = true
          break
        }
      }
      if (!closed) throw tableQuoteUnclosed(fileName, startLine)
      // Text after the closing quote (`"a"b`) belongs to the same field, as Excel reads it.
      continue
    }
    if (ch === ',') {
      row.push(field)
      field = ''
      i++
      continue
    }
    if (ch === '\r' || ch === '\n') {
      row.push(field)
      rows.push(row)
      lines.push(rowLine)
      row = []
      field = ''
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
      line++
      rowLine = line
      continue
    }
    // Plain characters up to the next separator, in one slice.
    let end = i + 1
    while (end < length) {
      const c = text[end]
      if (c === ',' || c === '\r' || c === '\n') break
      end++
    }
    field += text.slice(i, end)
    i = end
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
    lines.push(rowLine)
  }
  onProgress?.(1)
  return { rows, lines }
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k)
    if (c === 10) count++
    else if (c === 13 && text.charCodeAt(k + 1) !== 10) count++
  }
  return count
}
