import { DomainError } from '../model/domain-error'

// Refusals of parseTable: each names the file and says what is wrong, so an import screen can show it as is.

export function tableEmpty(fileName: string): DomainError {
  return new DomainError('TABLE_FILE_EMPTY', `文件“${fileName}”是空的，没有可读取的表格。`, { fileName })
}

export function tableUnsupported(fileName: string): DomainError {
  return new DomainError(
    'TABLE_FILE_UNSUPPORTED',
    `文件“${fileName}”不是 CSV 或 XLSX 表格，请从系统导出为 CSV 或 XLSX 后再导入。`,
    { fileName }
  )
}

export function tableLegacyXls(fileName: string): DomainError {
  return new DomainError(
    'TABLE_FILE_LEGACY_XLS',
    `文件“${fileName}”是旧版 Excel 97-2003（.xls）格式，请在 Excel 中另存为 .xlsx 后再导入。`,
    { fileName }
  )
}

export function tableNotText(fileName: string): DomainError {
  return new DomainError(
    'TABLE_FILE_NOT_TEXT',
    `文件“${fileName}”不是文本表格（含有二进制内容），请确认导出的是 CSV 文件。`,
    { fileName }
  )
}

export function tableEncodingUnknown(fileName: string): DomainError {
  return new DomainError(
    'TABLE_FILE_ENCODING_UNKNOWN',
    `文件“${fileName}”的文字编码无法识别（既不是 UTF-8 也不是 GB18030/GBK），请重新导出为 UTF-8 的 CSV。`,
    { fileName }
  )
}

export function tableQuoteUnclosed(fileName: string, line: number): DomainError {
  return new DomainError(
    'TABLE_FILE_QUOTE_UNCLOSED',
    `文件“${fileName}”第 ${line} 行开始的引号没有闭合，文件可能不完整。`,
    { fileName, line: String(line) }
  )
}

export function tableXlsxBroken(fileName: string): DomainError {
  return new DomainError(
    'TABLE_FILE_XLSX_BROKEN',
    `文件“${fileName}”不是完好的 XLSX 文件（已损坏或只下载了一部分），请重新导出。`,
    { fileName }
  )
}

export function tableSheetNotFound(fileName: string, sheet: string): DomainError {
  return new DomainError('TABLE_FILE_SHEET_NOT_FOUND', `文件“${fileName}”中没有工作表“${sheet}”。`, {
    fileName,
    sheet
  })
}

export function tableNoHeader(fileName: string): DomainError {
  return new DomainError('TABLE_FILE_NO_HEADER', `文件“${fileName}”中没有任何内容，找不到表头行。`, { fileName })
}
