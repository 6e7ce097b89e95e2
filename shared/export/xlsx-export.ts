import writeXlsxFile from 'write-excel-file/universal'
import { exportStamp } from './export-stamp'

// Every register and list leaves the app as one XLSX sheet: Chinese headers in the first row, every cell
// written as text (so an archive number keeps its leading zeros and nothing becomes a formula), and who
// exported it and when in the file's own properties (文件 → 信息 in Excel; PIPL: traceable handling).
// write-excel-file's universal build uses no Node or DOM API beyond Blob, which browsers and Node share.

export interface ExportTable {
  /** The sheet's name (at most 31 characters; Excel forbids [ ] : * ? / \). */
  sheetName: string
  headers: readonly string[]
  rows: readonly (readonly string[])[]
}

export interface ExportProperties {
  /** The document title, e.g. 车辆档案登记簿. */
  title: string
  operatorName: string
  at: Date
}

// The library's Feature type, for its universal (Blob) build.
type WriteFeature = NonNullable<NonNullable<Parameters<typeof writeXlsxFile>[1]>['features']>[number]

interface BlobLike {
  arrayBuffer(): Promise<ArrayBuffer>
}

export async function exportXlsx(table: ExportTable, properties: ExportProperties): Promise<Uint8Array<ArrayBuffer>> {
  const header = table.headers.map((value) => ({ value, fontWeight: 'bold' as const }))
  const body = table.rows.map((row) => table.headers.map((_, index) => ({ value: row[index] ?? '', type: String })))
  const blob = (await writeXlsxFile(
    [header, ...body],
    {
      sheet: sheetName(table.sheetName),
      columns: table.headers.map((name, index) => ({
        width: columnWidth([name, ...table.rows.map((r) => r[index] ?? '')])
      })),
      stickyRowsCount: 1
    },
    { features: [coreProperties(properties)] }
  ).toBlob()) as unknown as BlobLike
  return new Uint8Array(await blob.arrayBuffer())
}

function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet1'
}

/** Columns wide enough for their longest cell (a Chinese character is two widths), within reason. */
function columnWidth(values: readonly string[]): number {
  let widest = 4
  for (const value of values.slice(0, 2000)) {
    let width = 0
    for (const ch of value) width += /[\u2e80-\uffff]/.test(ch) ? 2 : 1
    widest = Math.max(widest, width)
  }
  return Math.min(widest + 2, 60)
}

const CORE_PROPERTIES_PART = 'docProps/core.xml'

/** docProps/core.xml: title, creator and last modifier (the operator), created time, and the export stamp. */
function coreProperties({ title, operatorName, at }: ExportProperties): WriteFeature {
  const iso = at.toISOString().replace(/\.\d{3}Z$/, 'Z')
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title>` +
    `<dc:creator>${escapeXml(operatorName)}</dc:creator>` +
    `<cp:lastModifiedBy>${escapeXml(operatorName)}</cp:lastModifiedBy>` +
    `<dc:description>${escapeXml(exportStamp(operatorName, at))}</dc:description>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified>` +
    '</cp:coreProperties>'
  return {
    files: {
      transform: {
        '[Content_Types].xml': {
          insert: () =>
            `<Override ContentType="application/vnd.openxmlformats-package.core-properties+xml" PartName="/${CORE_PROPERTIES_PART}"/>`
        },
        '_rels/.rels': {
          insert: () =>
            `<Relationship Id="rId-core-properties" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="${CORE_PROPERTIES_PART}"/>`
        }
      },
      write: { files: () => ({ [CORE_PROPERTIES_PART]: xml }) }
    }
  }
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] ?? ch)
}
