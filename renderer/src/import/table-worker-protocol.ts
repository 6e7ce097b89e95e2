import type { ReadTable, SheetChoice } from '@shared/import'

// Messages between the table reader and its worker. A DomainError cannot cross postMessage as itself
// (structured clone keeps only a plain Error), so its code, sentence and details travel as data.

export interface ReadTableRequest {
  bytes: Uint8Array
  fileName: string
  sheet?: SheetChoice
}

export interface WorkerRefusal {
  code: string | null
  message: string
  details: Record<string, string>
}

export type ReadTableReply =
  { kind: 'progress'; fraction: number } | { kind: 'done'; table: ReadTable } | { kind: 'failed'; error: WorkerRefusal }
