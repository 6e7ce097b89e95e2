import { readTable } from '../../../renderer/src/import/read-table'
import { isDomainError } from '@shared/model/domain-error'

// A page with the app's table reader and nothing else (under the app's Content-Security-Policy), so the
// end-to-end test drives the real Web Worker in Chromium before an import screen uses it.

export interface HarnessResult {
  headers?: string[]
  rowCount?: number
  firstRow?: string[]
  lastRow?: string[]
  error?: { code: string | null; message: string; details: Record<string, string> }
  progress: number[]
  /** The longest the window's thread went without running a timer while the worker read. */
  longestStallMs: number
  elapsedMs: number
}

async function read(bytes: Uint8Array, name: string, sheet?: string): Promise<HarnessResult> {
  const progress: number[] = []
  let longestStallMs = 0
  let last = performance.now()
  const ticker = setInterval(() => {
    const now = performance.now()
    longestStallMs = Math.max(longestStallMs, now - last)
    last = now
  }, 10)
  const started = performance.now()
  try {
    const table = await readTable({ bytes, name }, { onProgress: (f) => progress.push(f), ...(sheet ? { sheet } : {}) })
    return {
      headers: table.headers,
      rowCount: table.rows.length,
      firstRow: table.rows[0],
      lastRow: table.rows.at(-1),
      progress,
      longestStallMs,
      elapsedMs: performance.now() - started
    }
  } catch (error) {
    return {
      error: isDomainError(error)
        ? { code: error.code, message: error.message, details: { ...error.details } }
        : { code: null, message: String(error), details: {} },
      progress,
      longestStallMs,
      elapsedMs: performance.now() - started
    }
  } finally {
    clearInterval(ticker)
  }
}

function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
}

/** A delivery list of `rows` lines made in the page (a 50 MB file need not cross the test protocol). */
function deliveriesCsv(rows: number): Uint8Array {
  const parts = ['\ufeff车架号,客户姓名,开票日期,地址,备注\r\n']
  for (let i = 0; i < rows; i++) {
    const serial = String(i).padStart(6, '0')
    parts.push(
      `LFV2A21K8N4${serial},王建国${i % 97},2026-03-05,"吉林省长春市朝阳区人民大街, ${i} 号","第一行\r\n第二行"\r\n`
    )
  }
  return new TextEncoder().encode(parts.join(''))
}

Object.assign(window, {
  harness: {
    read: (base64: string, name: string, sheet?: string) => read(fromBase64(base64), name, sheet),
    readGeneratedCsv: async (rows: number) => {
      const bytes = deliveriesCsv(rows)
      return { size: bytes.length, result: await read(bytes, '交车清单.csv') }
    }
  }
})
document.title = 'ready'
