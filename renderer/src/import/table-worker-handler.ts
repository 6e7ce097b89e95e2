import { parseTableWith } from '@shared/import'
import { isDomainError } from '@shared/model/domain-error'
import type { ReadTableReply, ReadTableRequest } from './table-worker-protocol'

/** The worker's work for one file: parse, report progress at most every 1 %, answer once. */
export async function handleReadTable(request: ReadTableRequest, post: (reply: ReadTableReply) => void): Promise<void> {
  const { bytes, fileName, sheet } = request
  let lastSent = -1
  try {
    const table = await parseTableWith(bytes, fileName, {
      ...(sheet === undefined ? {} : { sheet }),
      onProgress: (fraction) => {
        if (fraction - lastSent < 0.01 && fraction < 1) return
        lastSent = fraction
        post({ kind: 'progress', fraction })
      }
    })
    post({ kind: 'done', table })
  } catch (error) {
    post({
      kind: 'failed',
      error: isDomainError(error)
        ? { code: error.code, message: error.message, details: { ...error.details } }
        : { code: null, message: error instanceof Error ? error.message : String(error), details: {} }
    })
  }
}
