import type { App, Session, WebContents, WebPreferences } from 'electron'
import { APP_ORIGIN } from '../../shared/ipc/contract'
import { isTrustedUrl, originOf } from './origin'

/**
 * Content-Security-Policy of every page served from app://chedang.
 * Relaxations from a fully locked 'self' policy, each on purpose:
 * - style-src 'unsafe-inline': style attributes and <style> written by React/libraries at run time.
 *   Styles cannot run code; scripts stay strictly 'self' (no inline, no eval).
 * - img-src data: blob:: vehicle photos and scans are shown from IndexedDB blobs / data URLs.
 * - font-src data:: fonts inlined by the bundler.
 * - frame-src blob:: PDFs are previewed from blob: URLs in a frame (Chromium's PDF viewer).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'"
].join('; ')

/**
 * Development only (never when packaged): the Vite dev server needs an inline script
 * (React Fast Refresh preamble) and a WebSocket back to itself for hot reload.
 */
export function developmentContentSecurityPolicy(devOrigin: string): string {
  const ws = devOrigin.replace(/^http/, 'ws')
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "connect-src 'self'",
    `connect-src 'self' ${ws}`
  )
}

/** Which origins the app trusts (may navigate, call IPC) and which CSP each one gets. */
export interface SecurityPolicy {
  readonly trustedOrigins: readonly string[]
  cspFor(origin: string | null): string | undefined
}

/** `devServerUrl` is only passed when not packaged (see window.ts `devServerUrl`). */
export function createSecurityPolicy(devServerUrl?: string): SecurityPolicy {
  const csp = new Map<string, string>([[APP_ORIGIN, CONTENT_SECURITY_POLICY]])
  const devOrigin = devServerUrl === undefined ? null : originOf(devServerUrl)
  if (devOrigin !== null) csp.set(devOrigin, developmentContentSecurityPolicy(devOrigin))
  return {
    trustedOrigins: [...csp.keys()],
    cspFor: (origin) => (origin === null ? undefined : csp.get(origin))
  }
}

/** webPreferences of every window. `preload` is omitted for windows that get no bridge. */
export function secureWebPreferences(options: { preload?: string; devTools: boolean }): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    safeDialogs: true,
    navigateOnDragDrop: false,
    devTools: options.devTools,
    ...(options.preload === undefined ? {} : { preload: options.preload })
  }
}

/** Sets (replacing any casing of) the Content-Security-Policy response header. */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
  csp: string
): Record<string, string[]> {
  const result: Record<string, string[]> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value
  }
  result['Content-Security-Policy'] = [csp]
  return result
}

/** No web permission is ever granted (camera, microphone, notifications, geolocation, USB…). */
export function hardenSession(session: Session, policy: SecurityPolicy): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  // The protocol handler already sends the CSP with app:// HTML; this also covers the dev server
  // and any response the handler does not produce. Foreign origins are left untouched (they are
  // never navigated to anyway, and the print window's file:// PDF must not get object-src 'none').
  session.webRequest.onHeadersReceived((details, callback) => {
    const csp = policy.cspFor(originOf(details.url))
    if (csp === undefined) {
      callback({})
      return
    }
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, csp) })
  })
}

/** No pop-ups, no leaving the app, no <webview>. Applied to every WebContents ever created. */
export function hardenWebContents(contents: WebContents, trustedOrigins: readonly string[]): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event) => {
    if (!isTrustedUrl(event.url, trustedOrigins)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!isTrustedUrl(event.url, trustedOrigins)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** Must be installed before the first window exists. */
export function hardenAllWebContents(app: App, trustedOrigins: readonly string[]): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, trustedOrigins))
}
