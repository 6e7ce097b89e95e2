import { handleReadTable } from './table-worker-handler'
import type { ReadTableReply, ReadTableRequest } from './table-worker-protocol'

// Reads one table off the window's thread, so a 50 MB export never freezes the screen.

const scope = self as unknown as {
  postMessage(reply: ReadTableReply): void
  onmessage: ((event: MessageEvent<ReadTableRequest>) => void) | null
}

scope.onmessage = (event) => void handleReadTable(event.data, (reply) => scope.postMessage(reply))
