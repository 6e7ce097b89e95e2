import type { ExportProperties, ExportTable } from '@shared/export/xlsx-export'
import { exportXlsx } from '@shared/export/xlsx-export'

// Writes one XLSX off the window's thread: 100 000 vehicle files take seconds to lay out and zip.

const scope = self as unknown as {
  postMessage(reply: XlsxWriterReply, transfer?: Transferable[]): void
  onmessage: ((event: MessageEvent<{ table: ExportTable; properties: ExportProperties }>) => void) | null
}

export type XlsxWriterReply = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; message: string }

scope.onmessage = (event) => {
  exportXlsx(event.data.table, event.data.properties).then(
    (bytes) => scope.postMessage({ ok: true, bytes }, [bytes.buffer]),
    (error: unknown) =>
      scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) })
  )
}
