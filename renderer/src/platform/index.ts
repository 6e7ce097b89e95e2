import type { ChedangBridge } from '@shared/ipc/contract'
import type { Platform } from './platform'
import { createBrowserPlatform } from './platform.browser'
import { createElectronPlatform } from './platform.electron'

declare global {
  interface Window {
    chedang?: ChedangBridge
  }
}

/** The desktop bridge when the preload put one there, else the plain-browser implementation. */
export function detectPlatform(win: Window = window): Platform {
  return win.chedang ? createElectronPlatform(win.chedang) : createBrowserPlatform(win.document)
}

export type { Platform, FileFilter, Bytes } from './platform'
