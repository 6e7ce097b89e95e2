// The renderer reaches the operating system only through this interface:
// the desktop shell implements it over the preload bridge, a plain browser with web APIs.

export interface FileFilter {
  name: string
  extensions: string[]
}

/** Bytes that own their buffer (what crosses the desktop bridge). */
export type Bytes = Uint8Array<ArrayBuffer>

export interface Platform {
  kind: 'desktop' | 'browser'
  /** Saves bytes to a file the user chooses; false when the user cancelled. */
  saveFile(suggestedName: string, data: Bytes, filters?: FileFilter[]): Promise<boolean>
  /** Lets the user pick one file; null when cancelled. */
  openFile(filters?: FileFilter[]): Promise<{ name: string; data: Bytes } | null>
  /** Shows a PDF with the system's print dialog at hand. */
  printPdf(title: string, data: Bytes): Promise<void>
}
