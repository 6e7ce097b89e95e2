// Printing and saving a sheet through the platform: the desktop shell shows its print preview,
// a browser opens the PDF; saving asks the user where to put the file.

import type { PdfDocumentDefinition } from '@shared/print'
import type { Platform } from '../platform/platform'
import { renderPdf } from './render-pdf'

export const PDF_FILTERS = [{ name: 'PDF', extensions: ['pdf'] }]

/** Renders `doc` and hands it to the system's print dialog under `title`. */
export async function printDocument(
  platform: Pick<Platform, 'printPdf'>,
  title: string,
  doc: PdfDocumentDefinition
): Promise<void> {
  const bytes = await renderPdf(doc)
  await platform.printPdf(title, bytes)
}

/** Renders `doc` and lets the user save it; false when they cancelled. */
export async function savePdf(
  platform: Pick<Platform, 'saveFile'>,
  fileName: string,
  doc: PdfDocumentDefinition
): Promise<boolean> {
  const bytes = await renderPdf(doc)
  const name = fileName.toLowerCase().endsWith('.pdf') ? fileName : `${fileName}.pdf`
  return platform.saveFile(name, bytes, PDF_FILTERS)
}
