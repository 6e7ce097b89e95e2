import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BrowserWindow } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPdfPrinter } from './print-pdf'
import { hardenAllWebContents } from './security'
import { electronModule, FakeBrowserWindow, fake, navigationEvent, resetFake } from './test-support/fake-electron'

vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule)

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n%%EOF\n')

let temp: string
beforeEach(async () => {
  resetFake()
  temp = await mkdtemp(join(tmpdir(), 'chedang-print-'))
  hardenAllWebContents(electronModule.app as never, ['app://chedang'])
})
afterEach(async () => {
  await rm(temp, { recursive: true, force: true })
})

describe('print preview window', () => {
  it('opens the exact PDF in a modal, sandboxed child window with the PDF viewer and no bridge', async () => {
    const owner = new FakeBrowserWindow({})
    await createPdfPrinter({ tempDir: temp, devTools: false })(
      { title: '保养单', data: PDF },
      owner as unknown as BrowserWindow
    )

    const preview = FakeBrowserWindow.instances[1]!
    expect(preview.options).toMatchObject({ parent: owner, modal: true, title: '保养单' })
    const prefs = preview.options['webPreferences'] as Record<string, unknown>
    expect(prefs).toMatchObject({
      plugins: true,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false
    })
    expect(prefs).not.toHaveProperty('preload')

    expect(preview.loadedUrl).toMatch(/^file:\/\//)
    const file = fileURLToPath(preview.loadedUrl!)
    expect(file.startsWith(temp)).toBe(true)
    expect(new Uint8Array(await readFile(file))).toEqual(PDF)
    expect(preview.visible).toBe(true)
  })

  it('links inside the PDF cannot take the window anywhere', async () => {
    await createPdfPrinter({ tempDir: temp, devTools: false })({ title: '保养单', data: PDF }, null)
    const preview = FakeBrowserWindow.instances[0]!
    const navigate = navigationEvent('https://evil.example/phish')
    preview.webContents.emit('will-navigate', navigate)
    expect(navigate.defaultPrevented).toBe(true)
    expect(preview.webContents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' })
  })

  it('deletes the temporary PDF when the window is closed', async () => {
    await createPdfPrinter({ tempDir: temp, devTools: false })({ title: '保养单', data: PDF }, null)
    expect(await readdir(temp)).toHaveLength(1)
    FakeBrowserWindow.instances[0]!.close()
    await vi.waitFor(async () => expect(await readdir(temp)).toEqual([]))
  })

  it('cleans up and reports the failure when the PDF cannot be shown', async () => {
    fake.failLoads = true
    await expect(
      createPdfPrinter({ tempDir: temp, devTools: false })({ title: '保养单', data: PDF }, null)
    ).rejects.toThrow()
    expect(FakeBrowserWindow.instances[0]!.isDestroyed()).toBe(true)
    expect(await readdir(temp)).toEqual([])
  })
})
