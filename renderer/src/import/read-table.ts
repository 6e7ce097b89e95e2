import type { ReadTable, SheetChoice } from '@shared/import'
import { DomainError } from '@shared/model/domain-error'
import type { ReadTableReply, ReadTableRequest } from './table-worker-protocol'

// The import screens' way to read a dealer-system export: parseTable in a Web Worker, one worker per file
// (ended when done or cancelled), with progress from 0 to 1. Refusals arrive as the same DomainError
// parseTable throws, so a screen translates them through errors.<CODE> like any other.

export interface ReadTableOptions {
  sheet?: SheetChoice
  onProgress?: (fraction: number) => void
  signal?: AbortSignal
}

/** How a worker is made; the app's default is the bundled parse-table worker. */
export type WorkerFactory = () => Worker

const bundledWorker: WorkerFactory = () =>
  new Worker(new URL('./parse-table.worker.ts', import.meta.url), { type: 'module', name: 'parse-table' })

export function readTable(
  file: { bytes: Uint8Array; name: string },
  options: ReadTableOptions = {},
  makeWorker: WorkerFactory = bundledWorker
): Promise<ReadTable> {
  const { signal, onProgress } = options
  return new Promise<ReadTable>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const worker = makeWorker()
    const finish = () => {
      worker.terminate()
      signal?.removeEventListener('abort', abort)
    }
    const abort = () => {
      finish()
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', abort, { once: true })
    worker.onmessage = (event: MessageEvent<ReadTableReply>) => {
      const reply = event.data
      if (reply.kind === 'progress') return onProgress?.(reply.fraction)
      finish()
      if (reply.kind === 'done') resolve(reply.table)
      else {
        const { code, message, details } = reply.error
        reject(code ? new DomainError(code, message, details) : new Error(message))
      }
    }
    worker.onerror = (event) => {
      finish()
      reject(new Error(event.message || 'parse-table worker failed'))
    }
    // The bytes are copied, not transferred: the caller may still hash or keep the file it read.
    const request: ReadTableRequest = {
      bytes: file.bytes,
      fileName: file.name,
      ...(options.sheet === undefined ? {} : { sheet: options.sheet })
    }
    worker.postMessage(request)
  })
}
