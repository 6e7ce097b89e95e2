export type { ParsedTable, ParseTableOptions, ReadTable, TableFormat } from './parse-table'
export type { TextEncoding } from './decode-text'
export { parseTable, parseTableWith, tableFormat } from './parse-table'
export type { SheetChoice } from './xlsx-table'
