import type { AuditTrustBridge, ChedangBridge } from '@shared/ipc/contract'
import type { AuditTrust, Platform } from './platform'
import { openDesktopAuditTrust } from './audit-trust.electron'
import { browserAuditTrust } from './audit-trust.browser'
import { createBrowserPlatform } from './platform.browser'
import { createElectronPlatform } from './platform.electron'

declare global {
  interface Window {
    chedang?: ChedangBridge & Partial<AuditTrustBridge>
  }
}

/** The desktop bridge when the preload put one there, else the plain-browser implementation. */
export function detectPlatform(win: Window = window): Platform {
  return win.chedang ? createElectronPlatform(win.chedang) : createBrowserPlatform(win.document)
}

/** The audit trust at start: the desktop's (key and anchors kept by main), else browser mode's fallback. */
export async function openAuditTrust(databaseName: string, win: Window = window): Promise<AuditTrust> {
  const bridge = win.chedang
  if (!bridge) return browserAuditTrust(databaseName)
  const { auditKey, appendAuditAnchors, readAuditAnchors } = bridge
  if (!auditKey || !appendAuditAnchors || !readAuditAnchors) throw new Error('桌面程序未提供审计密钥接口')
  return openDesktopAuditTrust({ auditKey, appendAuditAnchors, readAuditAnchors })
}

export type { Platform, FileFilter, Bytes, AuditTrust } from './platform'
