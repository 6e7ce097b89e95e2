// The small subset of pdfmake's document definition the printouts use, as plain data.
// Declared here instead of imported from @types/pdfmake so shared/ stays free of Node and DOM types;
// renderer/src/print checks in its test that these stay assignable to pdfmake's own types.

export type PdfMargins = number | [number, number] | [number, number, number, number]
export type PdfAlignment = 'left' | 'right' | 'center' | 'justify'
export type PdfSize = number | 'auto' | '*'

export interface PdfStyle {
  font?: string
  fontSize?: number
  bold?: boolean
  color?: string
  fillColor?: string
  alignment?: PdfAlignment
  lineHeight?: number
  characterSpacing?: number
  margin?: PdfMargins
}

/** Properties any node may carry, including those a table cell understands. */
export interface PdfNodeProps extends PdfStyle {
  style?: string | string[]
  width?: PdfSize
  /** Keeps the node on one page (moved to the next page whole if it does not fit). */
  unbreakable?: boolean
  colSpan?: number
  border?: [boolean, boolean, boolean, boolean]
  verticalAlignment?: 'top' | 'middle' | 'bottom'
  noWrap?: boolean
  /** Starts (or ends) a page at this node: each copy of a multi-copy sheet begins on a page of its own. */
  pageBreak?: 'before' | 'after'
}

export type PdfInline = string | PdfText

export interface PdfText extends PdfNodeProps {
  text: string | PdfInline[]
}

export interface PdfStack extends PdfNodeProps {
  stack: PdfContent[]
}

export interface PdfColumns extends PdfNodeProps {
  columns: PdfContent[]
  columnGap?: number
}

export interface PdfCanvasLine {
  type: 'line'
  x1: number
  y1: number
  x2: number
  y2: number
  lineWidth?: number
  lineColor?: string
}

export interface PdfCanvas extends PdfNodeProps {
  canvas: PdfCanvasLine[]
}

/** What a table-layout callback gets to look at. */
export interface PdfLayoutNode {
  table: { body: unknown[][]; widths?: unknown }
}

export interface PdfTableLayout {
  hLineWidth?: (i: number, node: PdfLayoutNode) => number
  vLineWidth?: (i: number, node: PdfLayoutNode) => number
  hLineColor?: (i: number, node: PdfLayoutNode) => string
  vLineColor?: (i: number, node: PdfLayoutNode) => string
  fillColor?: (rowIndex: number, node: PdfLayoutNode) => string | null
  paddingLeft?: (i: number, node: PdfLayoutNode) => number
  paddingRight?: (i: number, node: PdfLayoutNode) => number
  paddingTop?: (i: number, node: PdfLayoutNode) => number
  paddingBottom?: (i: number, node: PdfLayoutNode) => number
}

export interface PdfTableSpec {
  /** Rows repeated at the top of every page the table runs onto. */
  headerRows?: number
  /** A row is never split across two pages. */
  dontBreakRows?: boolean
  widths?: PdfSize[]
  /** Minimum row heights; a row grows with its content. */
  heights?: number | ((row: number) => number | 'auto')
  body: PdfContent[][]
}

export interface PdfTable extends PdfNodeProps {
  table: PdfTableSpec
  layout?: PdfTableLayout | 'noBorders'
}

/** A QR code pdfmake draws itself. */
export interface PdfQr extends PdfNodeProps {
  qr: string
  fit?: number
}

/** A drawing as SVG markup (the report's charts); pdfmake draws it as vectors. */
export interface PdfSvg {
  svg: string
  width?: number
  height?: number
  fit?: [number, number]
  margin?: PdfMargins
  alignment?: PdfAlignment
}

export type PdfContent = string | PdfText | PdfStack | PdfColumns | PdfCanvas | PdfTable | PdfSvg | PdfQr | PdfContent[]

/** Footer/header drawn on every page, knowing the page number and the page count. */
export type PdfDynamicContent = (currentPage: number, pageCount: number) => PdfContent

export interface PdfDocumentDefinition {
  info?: { title?: string; subject?: string; author?: string; creator?: string }
  language?: string
  pageSize: 'A4'
  pageOrientation: 'portrait' | 'landscape'
  /** [left, top, right, bottom] */
  pageMargins: [number, number, number, number]
  content: PdfContent[]
  footer?: PdfDynamicContent
  defaultStyle: PdfStyle
  styles?: Record<string, PdfStyle>
}
