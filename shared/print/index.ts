// Printed sheets as pdfmake document definitions (plain data). Rendering to PDF lives in renderer/src/print.

export type {
  PdfAlignment,
  PdfCanvas,
  PdfCanvasLine,
  PdfColumns,
  PdfContent,
  PdfDocumentDefinition,
  PdfDynamicContent,
  PdfInline,
  PdfLayoutNode,
  PdfMargins,
  PdfNodeProps,
  PdfSize,
  PdfStack,
  PdfQr,
  PdfStyle,
  PdfSvg,
  PdfTable,
  PdfTableLayout,
  PdfTableSpec,
  PdfText
} from './pdf-definition'
export { PRINT_FONT } from './print-layout'
export { chinaDateText, chinaDateTimeText } from './print-format'
export {
  documentNamesCell,
  handoverArchiveTypeText,
  handoverSheetDocument,
  handoverTableHeader
} from './handover-sheet-document'
export {
  CORRECTION_ITEMS_HEADER,
  correctionDeadlineText,
  correctionNoticeDocument,
  correctionSignatureLabels,
  inspectionRoundText,
  RECHECK_LABELS
} from './correction-notice-document'
export {
  destructionListDocument,
  sealingTransferListDocument,
  storageInspectionDocument
} from './keeping-sheets-document'
