import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { build, preview } from 'vite'
import type { PreviewServer } from 'vite'
import type { Browser, Page } from 'playwright-core'
import { exportXlsx } from '@shared/export/xlsx-export'
import { launchChromium } from './support/browser'
import type { HarnessResult } from './table-worker/harness'

// The table reader's Web Worker in Chromium: built by Vite as the app builds it, under the app's CSP.

const root = resolve(import.meta.dirname, '../..')
let outDir: string
let server: PreviewServer
let browser: Browser
let page: Page

interface Harness {
  read(base64: string, name: string, sheet?: string): Promise<HarnessResult>
  readGeneratedCsv(rows: number): Promise<{ size: number; result: HarnessResult }>
}

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'chedang-table-worker-'))
  const config = {
    configFile: false as const,
    root: resolve(import.meta.dirname, 'table-worker'),
    base: './',
    resolve: { alias: { '@shared': resolve(root, 'shared') } },
    logLevel: 'warn' as const,
    build: { outDir, emptyOutDir: true }
  }
  await build(config)
  server = await preview({ ...config, preview: { port: 0, host: '127.0.0.1', strictPort: false } })
  const address = server.httpServer.address()
  if (!address || typeof address === 'string') throw new Error('preview server has no port')
  browser = await launchChromium()
  page = await browser.newPage()
  await page.goto(`http://127.0.0.1:${address.port}/`)
  await page.waitForFunction(() => document.title === 'ready')
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  if (outDir) rmSync(outDir, { recursive: true, force: true })
})

const read = (bytes: Uint8Array, name: string, sheet?: string) =>
  page.evaluate(
    ([base64, fileName, sheetName]) =>
      (window as unknown as { harness: Harness }).harness.read(base64!, fileName!, sheetName),
    [Buffer.from(bytes).toString('base64'), name, sheet] as const
  )

describe('reading a table in a Web Worker', () => {
  it('reads a 50 MB CSV without freezing the window, reporting progress up to 1', async () => {
    const { size, result } = await page.evaluate(
      (rows) => (window as unknown as { harness: Harness }).harness.readGeneratedCsv(rows),
      440_000
    )
    expect(size).toBeGreaterThan(50_000_000)
    expect(result.error).toBeUndefined()
    expect(result.headers).toEqual(['车架号', '客户姓名', '开票日期', '地址', '备注'])
    expect(result.rowCount).toBe(440_000)
    expect(result.lastRow).toEqual([
      'LFV2A21K8N4439999',
      '王建国7',
      '2026-03-05',
      '吉林省长春市朝阳区人民大街, 439999 号',
      '第一行\r\n第二行'
    ])
    expect(result.progress.at(-1)).toBe(1)
    expect(result.progress.filter((f) => f > 0 && f < 1).length).toBeGreaterThan(5)
    // The window kept running its timers while the worker read (a main-thread parse stalls for seconds).
    expect(result.longestStallMs).toBeLessThan(1000)
    console.info(
      `50 MB CSV: ${size} bytes in ${Math.round(result.elapsedMs)} ms, longest stall ${Math.round(result.longestStallMs)} ms`
    )
  }, 180_000)

  it('reads an XLSX larger than 512 KB (the library unzips it in its own workers) and a chosen sheet', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => [
      `LFV2A21K8N4${String(i).padStart(6, '0')}`,
      String(i).padStart(6, '0'),
      `客户${i}`,
      '2026-03-05'
    ])
    const bytes = await exportXlsx(
      { sheetName: '车辆档案', headers: ['车架号', '档案编号', '车主', '交车日期'], rows },
      { title: '车辆档案', operatorName: '刘敏', at: new Date() }
    )
    expect(bytes.length).toBeGreaterThan(512 * 1024)
    const result = await read(bytes, '车辆档案.xlsx', '车辆档案')
    expect(result.error).toBeUndefined()
    expect(result.headers).toEqual(['车架号', '档案编号', '车主', '交车日期'])
    expect(result.rowCount).toBe(50_000)
    expect(result.firstRow).toEqual(['LFV2A21K8N4000000', '000000', '客户0', '2026-03-05'])
    expect(result.progress.at(-1)).toBe(1)
  }, 60_000)

  it('brings a refusal back as the same Chinese DomainError', async () => {
    const result = await read(new TextEncoder().encode('车架号\nA,"未完\n'), '交车清单.csv')
    expect(result.error).toEqual({
      code: 'TABLE_FILE_QUOTE_UNCLOSED',
      message: '文件“交车清单.csv”第 2 行开始的引号没有闭合，文件可能不完整。',
      details: { fileName: '交车清单.csv', line: '2' }
    })
    const broken = await read(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), '坏的.xlsx')
    expect(broken.error?.code).toBe('TABLE_FILE_XLSX_BROKEN')
  })
})
