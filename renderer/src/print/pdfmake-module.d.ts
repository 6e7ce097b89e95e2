import type { PdfDocumentDefinition } from '@shared/print'

/** The part of pdfmake 0.3 (browser build or Node build) that render-pdf.ts uses. */
export interface PdfMakeLike {
  createPdf(doc: PdfDocumentDefinition): { getBuffer(): Promise<Uint8Array> }
  setFonts(fonts: Record<string, { normal: string; bold: string; italics: string; bolditalics: string }>): void
  setUrlAccessPolicy(callback: (url: string) => boolean): void
  /** Node build only. */
  setLocalAccessPolicy?: (callback: (path: string) => boolean) => void
  /** pdfmake's in-memory file store, where fonts named in setFonts are looked up first. */
  virtualfs: { writeFileSync(name: string, content: Uint8Array): void; existsSync(name: string): boolean }
}

export function loadPdfMake(): Promise<PdfMakeLike>
