import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { protocol } from 'electron'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from './security'
import { registerAppProtocol, resolveAppRequestPath } from './protocol'
import { fake, resetFake } from './test-support/fake-electron'

vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule)

const root = '/srv/chedang/out/renderer'

describe('resolveAppRequestPath', () => {
  it.each([
    ['app://chedang/', 'index.html'],
    ['app://chedang', 'index.html'],
    ['app://chedang/index.html', 'index.html'],
    ['app://chedang/assets/a.js', 'assets/a.js'],
    ['app://chedang/assets/a.js?v=1#top', 'assets/a.js'],
    ['app://chedang/assets/%E5%AD%97%E4%BD%93.woff2', 'assets/字体.woff2']
  ])('%s → %s inside the renderer folder', (url, relativePath) => {
    expect(resolveAppRequestPath(root, url)).toBe(join(root, relativePath))
  })

  it.each([
    'app://chedang/../etc/passwd',
    'app://chedang/assets/../../etc/passwd',
    'app://chedang/%2e%2e/secret',
    'app://chedang/%2E%2E/secret',
    'app://chedang/.%2e/secret',
    'app://chedang/./index.html',
    'app://chedang//etc/passwd',
    'app://chedang/assets%2f..%2f..%2fsecret',
    'app://chedang/..%5c..%5csecret',
    'app://chedang/C:/Windows/win.ini',
    'app://chedang/assets/a.js%00.png',
    'app://chedang/assets/',
    'app://other/index.html',
    'app://chedang.evil/index.html',
    'app://user@chedang/index.html',
    'app://chedang:8080/index.html',
    'https://chedang/index.html',
    'file:///etc/passwd',
    '/etc/passwd'
  ])('refuses %s', (url) => {
    expect(resolveAppRequestPath(root, url)).toBeNull()
  })
})

describe('app:// protocol handler', () => {
  let dir: string
  let handler: (request: Request) => Promise<Response>

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chedang-renderer-'))
    const rendererDir = join(dir, 'renderer')
    await mkdir(join(rendererDir, 'assets'), { recursive: true })
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>车档</title>')
    await writeFile(join(rendererDir, 'assets', 'app-1a2b.js'), 'console.log(1)')
    await writeFile(join(rendererDir, 'assets', 'app-1a2b.css'), 'body{}')
    await writeFile(join(rendererDir, 'assets', 'font.woff2'), new Uint8Array([0x77, 0x4f, 0x46, 0x32]))
    await writeFile(join(rendererDir, 'assets', 'mod.wasm'), new Uint8Array([0, 0x61, 0x73, 0x6d]))
    await writeFile(join(dir, 'secret.txt'), 'TOP SECRET')
    resetFake()
    await fake.app.becomeReady()
    registerAppProtocol(protocol, rendererDir, CONTENT_SECURITY_POLICY)
    const captured = fake.protocolHandlers.get('app')
    if (captured === undefined) throw new Error('no handler registered for app://')
    handler = captured
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })
  it('serves index.html for "/" as HTML with the CSP header', async () => {
    const response = await handler(new Request('app://chedang/'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await response.text()).toContain('<title>车档</title>')
  })

  it.each([
    ['assets/app-1a2b.js', 'text/javascript; charset=utf-8'],
    ['assets/app-1a2b.css', 'text/css; charset=utf-8'],
    ['assets/font.woff2', 'font/woff2'],
    ['assets/mod.wasm', 'application/wasm']
  ])('serves %s as %s, byte for byte, without a CSP header', async (path, mime) => {
    const response = await handler(new Request(`app://chedang/${path}`))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(mime)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('content-security-policy')).toBeNull()
    expect(new Uint8Array(await response.arrayBuffer()).byteLength).toBeGreaterThan(0)
  })

  it('answers 404 for a missing file and for a folder', async () => {
    expect((await handler(new Request('app://chedang/assets/missing.js'))).status).toBe(404)
    expect((await handler(new Request('app://chedang/assets'))).status).toBe(404)
  })

  it('never serves a file outside the renderer folder', async () => {
    // Request() normalises "..", so this is what Chromium would hand over too.
    const walked = await handler(new Request('app://chedang/../secret.txt'))
    expect(walked.status).toBe(404)
    expect(await walked.text()).not.toContain('TOP SECRET')
    const encoded = await handler(new Request('app://chedang/assets%2f..%2f..%2fsecret.txt'))
    expect(encoded.status).toBe(404)
  })

  it('refuses other hosts with 403 and non-GET methods with 405', async () => {
    expect((await handler(new Request('app://other/index.html'))).status).toBe(403)
    expect((await handler(new Request('app://chedang/index.html', { method: 'POST', body: 'x' }))).status).toBe(405)
  })

  it('answers HEAD with headers and no body', async () => {
    const response = await handler(new Request('app://chedang/index.html', { method: 'HEAD' }))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await response.text()).toBe('')
  })
})
