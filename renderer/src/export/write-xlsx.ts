import type { ExportProperties, ExportTable } from '@shared/export/xlsx-export'
import { exportXlsx } from '@shared/export/xlsx-export'
import type { XlsxWriterReply } from './xlsx-writer.worker'

/** Writes a register as XLSX bytes. */
export type XlsxWriter = (table: ExportTable, properties: ExportProperties) => Promise<Uint8Array<ArrayBuffer>>

/**
 * The app's writer: the shared exportXlsx in a Web Worker (one per export), so a large register never
 * freezes the window; where there are no workers (tests in Node or jsdom), the same function inline.
 */
export const writeXlsxOffThread: XlsxWriter = (table, properties) => {
  if (typeof Worker === 'undefined') return exportXlsx(table, properties)
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./xlsx-writer.worker.ts', import.meta.url), {
      type: 'module',
      name: 'xlsx-writer'
    })
    worker.onmessage = (event: MessageEvent<XlsxWriterReply>) => {
      worker.terminate()
      const reply = event.data
      if (reply.ok) resolve(reply.bytes)
      else reject(new Error(reply.message))
    }
    worker.onerror = (event) => {
      worker.terminate()
      reject(new Error(event.message || 'xlsx-writer worker failed'))
    }
    worker.postMessage({ table, properties })
  })
}
