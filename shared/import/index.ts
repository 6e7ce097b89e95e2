export type { ParsedTable, ParseTableOptions, TableFormat } from './parse-table'
export { parseTable, parseTableWith, tableFormat } from './parse-table'
export type { SheetChoice } from './xlsx-table'
