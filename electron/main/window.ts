import { BrowserWindow } from 'electron'
import { APP_ORIGIN } from '../../shared/ipc/contract'
import { secureWebPreferences } from './security'

export const MAIN_WINDOW_TITLE = '车档 CheDang'

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * The electron-vite dev server URL (ELECTRON_RENDERER_URL), only when not packaged and only if it
 * is plain http on this machine: an environment variable must never point the packaged app, or a
 * dev build, at a remote page that would then get the bridge.
 */
export function devServerUrl(isPackaged: boolean, env: NodeJS.ProcessEnv): string | undefined {
  const value = env['ELECTRON_RENDERER_URL']
  if (isPackaged || value === undefined || value === '') return undefined
  try {
    const url = new URL(value)
    return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) ? url.href : undefined
  } catch {
    return undefined
  }
}

/** What the main window loads: the dev server in development, otherwise the frozen app origin. */
export function rendererEntryUrl(devUrl: string | undefined): string {
  return devUrl ?? `${APP_ORIGIN}/index.html`
}

export interface MainWindowOptions {
  preloadFile: string
  entryUrl: string
  devTools: boolean
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    title: MAIN_WINDOW_TITLE,
    backgroundColor: '#f5f6f8',
    webPreferences: secureWebPreferences({ preload: options.preloadFile, devTools: options.devTools })
  })
  window.once('ready-to-show', () => window.show())
  void window.loadURL(options.entryUrl).catch((error: unknown) => {
    console.error('[chedang] 无法加载主界面', error)
  })
  return window
}
