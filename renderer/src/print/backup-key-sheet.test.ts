// @vitest-environment node
// The 《备份密钥登记表》 rendered with the real font and read back with pdf.js.

// eslint-disable-next-line no-restricted-imports -- the test reads the font files from disk instead of fetching them
import { readFile } from 'node:fs/promises'
// eslint-disable-next-line no-restricted-imports -- see above
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { backupKeySheetDocument } from '@shared/print/backup-key-sheet-document'
import { configureFontSource, renderPdf } from './render-pdf'

const root = resolve(import.meta.dirname, '../../..')
const fontDir = resolve(root, 'node_modules/@expo-google-fonts/noto-sans-sc')

beforeAll(() => {
  configureFontSource(async () => {
    const [regular, bold] = await Promise.all([
      readFile(resolve(fontDir, '400Regular/NotoSansSC_400Regular.ttf')),
      readFile(resolve(fontDir, '700Bold/NotoSansSC_700Bold.ttf'))
    ])
    return { regular, bold }
  })
})

describe('《备份密钥登记表》', () => {
  it('names the key, who set it and when, leaves the passphrase to be written by hand, and has sign-off lines', async () => {
    const sheet = {
      dealershipName: '长春一汽大众某某4S店',
      keyId: '3F2A-91C0-7B44-E015',
      setBy: '张丽',
      setAt: '2026-11-29T02:15:00.000Z',
      printedBy: '张丽',
      printedAt: '2026-11-29T02:20:00.000Z',
      auditHead: { deviceSeq: 57, hash: '9d3f6a1c2b4e8f0a7c5d3e1b9f2a4c6e8d0b2f4a6c8e0d2b4f6a8c0e2d4b6f8a' }
    }
    const bytes = await renderPdf(backupKeySheetDocument(sheet))
    const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise
    expect(pdf.numPages).toBe(1)
    const page = await pdf.getPage(1)
    const text = (await page.getTextContent()).items
      .map((item) => ('str' in item ? item.str : ''))
      .join('')
      .replace(/\s+/g, '')
    await pdf.destroy()
    for (const expected of [
      '备份密钥登记表',
      '长春一汽大众某某4S店',
      '3F2A-91C0-7B44-E015',
      '张丽',
      '2026-11-2910:15',
      '审计链第57条9d3f6a1c2b4e',
      '手写',
      '本软件不保存、也无法找回备份密码',
      '设置人（签字）',
      '见证人（签字）',
      '封存日期',
      '此前的备份仍需用原密码恢复'
    ]) {
      expect(text).toContain(expected)
    }
  })
})
