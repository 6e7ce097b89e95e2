import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startApp } from './boot'
import { preloadFile } from './build-paths'
import { CONTENT_SECURITY_POLICY, createSecurityPolicy } from './security'
import { FakeBrowserWindow as Windows, fake, navigationEvent, resetFake } from './test-support/fake-electron'

vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule)

let appData: string
let window: Windows

beforeEach(async () => {
  resetFake()
  appData = await mkdtemp(join(tmpdir(), 'chedang-appdata-'))
  fake.app.paths.set('appData', appData)
  fake.app.paths.set('temp', tmpdir())
  vi.stubEnv('ELECTRON_RENDERER_URL', '')
  startApp()
  await fake.app.becomeReady()
  const created = Windows.instances[0]
  if (created === undefined) throw new Error('the app opened no window')
  window = created
})
afterEach(async () => {
  vi.unstubAllEnvs()
  await rm(appData, { recursive: true, force: true })
})

describe('the main window renderer is locked down', () => {
  it('runs isolated and sandboxed, without Node, without <webview>, with our preload only', () => {
    expect(window.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      preload: preloadFile
    })
    expect(preloadFile.replaceAll('\\', '/')).toMatch(/\/preload\/index\.cjs$/)
  })

  it('cannot open pop-up windows', () => {
    expect(window.webContents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' })
    expect(window.webContents.windowOpenHandler?.({ url: 'app://chedang/index.html' })).toEqual({ action: 'deny' })
  })

  it.each([
    'https://evil.example/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'app://other/index.html',
    'javascript:alert(1)'
  ])('cannot navigate or be redirected to %s', (url) => {
    const navigate = navigationEvent(url)
    window.webContents.emit('will-navigate', navigate)
    expect(navigate.defaultPrevented).toBe(true)
    const redirect = navigationEvent(url)
    window.webContents.emit('will-redirect', redirect)
    expect(redirect.defaultPrevented).toBe(true)
  })

  it('may reload or move within app://chedang', () => {
    for (const url of ['app://chedang/index.html', 'app://chedang/#/vehicles/42']) {
      const navigate = navigationEvent(url)
      window.webContents.emit('will-navigate', navigate)
      expect(navigate.defaultPrevented).toBe(false)
    }
  })

  it('cannot attach a <webview>', () => {
    const attach = navigationEvent('https://evil.example')
    window.webContents.emit('will-attach-webview', attach, {}, { src: 'https://evil.example' })
    expect(attach.defaultPrevented).toBe(true)
  })

  it.each(['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal'])(
    'is refused the %s permission',
    (permission) => {
      const granted: boolean[] = []
      fake.session.permissionRequestHandler?.(
        ...([window.webContents, permission, (ok: boolean) => granted.push(ok), {}] as never[])
      )
      expect(granted).toEqual([false])
      expect(
        fake.session.permissionCheckHandler?.(...([window.webContents, permission, 'app://chedang', {}] as never[]))
      ).toBe(false)
    }
  )

  it('every later web contents (e.g. the print window) is locked down too', () => {
    const other = new Windows({})
    expect(other.webContents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' })
    const navigate = navigationEvent('https://evil.example/')
    other.webContents.emit('will-navigate', navigate)
    expect(navigate.defaultPrevented).toBe(true)
  })
})

describe('Content-Security-Policy', () => {
  it('is strict: self only, no eval, no plugins, no base/form hijacking, no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';")
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("base-uri 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("form-action 'none'")
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval')
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/(^|\s)\*(\s|;|$)/)
  })

  type HeadersListener = (
    details: { url: string; responseHeaders?: Record<string, string[]> },
    callback: (r: { responseHeaders?: Record<string, string[]> }) => void
  ) => void
  const headersAfter = (url: string, responseHeaders: Record<string, string[]>) => {
    let result: { responseHeaders?: Record<string, string[]> } | undefined
    ;(fake.session.headersReceivedListener as unknown as HeadersListener)({ url, responseHeaders }, (r) => {
      result = r
    })
    return result
  }

  it('is forced onto app:// responses even if a response tried to loosen it', () => {
    const result = headersAfter('app://chedang/index.html', {
      'content-security-policy': ["default-src *; script-src 'unsafe-eval'"],
      'Content-Type': ['text/html']
    })
    expect(result?.responseHeaders).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY]
    })
  })

  it('leaves foreign responses alone (the PDF viewer must not get object-src none)', () => {
    expect(headersAfter('file:///tmp/chedang-print-1.pdf', {})).toEqual({})
  })

  it('in development allows only the Vite dev server extras (inline preamble, HMR socket), never eval', () => {
    const policy = createSecurityPolicy('http://localhost:5173/')
    expect(policy.trustedOrigins).toEqual(['app://chedang', 'http://localhost:5173'])
    const dev = policy.cspFor('http://localhost:5173') ?? ''
    expect(dev).toContain("script-src 'self' 'unsafe-inline'")
    expect(dev).toContain("connect-src 'self' ws://localhost:5173")
    expect(dev).not.toContain('unsafe-eval')
    expect(createSecurityPolicy(undefined).trustedOrigins).toEqual(['app://chedang'])
  })
})
