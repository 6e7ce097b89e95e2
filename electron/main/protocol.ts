import { readFile, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import type { Protocol } from 'electron'
import { APP_HOST, APP_SCHEME } from '../../shared/ipc/contract'

/**
 * app:// is a standard, secure scheme so the renderer gets a real, stable origin (app://chedang)
 * for IndexedDB, fetch and CSP 'self'. Must be registered before the app is ready.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: false,
  stream: true
} as const

export function registerAppSchemePrivileges(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }])
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf'
}

export function mimeTypeOf(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}

const URL_PREFIX = /^app:\/\/([^/?#]*)(\/[^?#]*)?/i

/**
 * Maps an app://chedang URL to a file inside `rootDir`, or null when the URL must not be served:
 * another host, any dot segment (raw "..", ".", or percent-encoded "%2e%2e"), encoded or back
 * slashes, empty segments ("//etc/passwd"), NUL bytes, drive letters, or anything that would
 * resolve outside `rootDir`. "/" maps to index.html. Query and fragment are ignored.
 */
export function resolveAppRequestPath(rootDir: string, url: string): string | null {
  if (url.length > 2048) return null
  const raw = URL_PREFIX.exec(url)
  if (raw === null || raw[1]?.toLowerCase() !== APP_HOST) return null
  const rawPath = raw[2] ?? '/'

  // Checked on the raw text: the URL parser would silently resolve "..", "." and "%2e%2e"
  // (and a userinfo or port makes the host check above fail). Any walking attempt is refused
  // rather than served "normalised".
  if (/%2e|%2f|%5c|%00|\\/i.test(rawPath)) return null
  if (rawPath.split('/').some((s) => s === '.' || s === '..')) return null

  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    return null
  }
  if (decoded === '/') decoded = '/index.html'
  const segments = decoded.slice(1).split('/')
  const badSegment = (s: string): boolean =>
    s === '' || s === '.' || s === '..' || s.includes('\0') || s.includes('\\') || s.includes(':')
  if (!decoded.startsWith('/') || segments.some(badSegment)) return null

  const root = resolve(rootDir)
  const target = resolve(root, ...segments)
  const rel = relative(root, target)
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return null
  return target
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }
  })
}

/**
 * The app:// request handler: serves the renderer build from `rootDir` with the right MIME type,
 * and the CSP header on every HTML document. Reads with fs (works inside app.asar).
 */
export function createAppProtocolHandler(rootDir: string, csp: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed')
    const host = URL_PREFIX.exec(request.url)?.[1]?.toLowerCase()
    if (host !== APP_HOST) return plain(403, 'Forbidden')

    const filePath = resolveAppRequestPath(rootDir, request.url)
    if (filePath === null) return plain(404, 'Not Found')

    let body: Buffer
    try {
      if (!(await stat(filePath)).isFile()) return plain(404, 'Not Found')
      body = await readFile(filePath)
    } catch {
      return plain(404, 'Not Found')
    }

    const contentType = mimeTypeOf(filePath)
    const headers: Record<string, string> = {
      'Content-Type': contentType,
      'Content-Length': String(body.byteLength),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache'
    }
    if (contentType.startsWith('text/html')) headers['Content-Security-Policy'] = csp
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers })
  }
}

export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rootDir, csp))
}
