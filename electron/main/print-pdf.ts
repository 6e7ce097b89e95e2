import { randomUUID } from 'node:crypto'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { BrowserWindow, type WebPreferences } from 'electron'
import { secureWebPreferences } from './security'

/**
 * webPreferences of the print-preview window: the same hardening as the main window, but
 * - no preload: the PDF gets no bridge to the OS at all;
 * - plugins: true: enables Chromium's built-in PDF viewer, which renders the document and offers
 *   its own print button (system print dialog, printer choice, copies, page range).
 * `webContents.print()` on a loaded PDF is not used: it prints a blank page
 * (electron/electron#30947), and rendering PDFs ourselves would mean shipping pdf.js.
 */
export function pdfViewerWebPreferences(devTools: boolean): WebPreferences {
  return { ...secureWebPreferences({ devTools }), plugins: true }
}

export interface PdfPrinterOptions {
  /** app.getPath('temp') */
  tempDir: string
  devTools: boolean
}

/**
 * Shows a PDF in a modal child window so the user can print it. The bytes are written to a
 * private temp file (loaded via file:// in that window only; the app's own window never gets
 * file:// access) and the file is deleted when the window closes.
 */
export function createPdfPrinter(options: PdfPrinterOptions) {
  return async function showPdfForPrinting(
    pdf: { title: string; data: Uint8Array },
    owner: BrowserWindow | null
  ): Promise<void> {
    const filePath = join(options.tempDir, `chedang-print-${randomUUID()}.pdf`)
    await writeFile(filePath, pdf.data, { mode: 0o600, flag: 'wx' })
    const removeFile = () => rm(filePath, { force: true }).catch(() => undefined)

    const window = new BrowserWindow({
      ...(owner === null ? {} : { parent: owner, modal: true }),
      width: 960,
      height: 1000,
      minWidth: 600,
      minHeight: 500,
      title: pdf.title,
      show: false,
      autoHideMenuBar: true,
      backgroundColor: '#525659',
      webPreferences: pdfViewerWebPreferences(options.devTools)
    })
    window.setMenu(null)
    // Keep our Chinese title instead of the temp file name the viewer would show.
    window.on('page-title-updated', (event) => event.preventDefault())
    window.once('ready-to-show', () => window.show())
    window.once('closed', () => void removeFile())

    try {
      await window.loadURL(pathToFileURL(filePath).href)
      // Fallback in case the plugin document never reports ready-to-show.
      if (!window.isDestroyed() && !window.isVisible()) window.show()
    } catch (error) {
      if (!window.isDestroyed()) window.destroy()
      await removeFile()
      throw error
    }
  }
}
