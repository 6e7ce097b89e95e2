import type { AuditTrustBridge, ChedangBridge } from '@shared/ipc/contract'
import type { AuditTrust, Platform } from './platform'
import { openDesktopAuditTrust } from './audit-trust.electron'
import { browserAuditTrust } from './audit-trust.browser'
import { createBrowserPlatform } from './platform.browser'
import { createElectronPlatform } from './platform.electron'
import { withRefusals } from './bridge-refusals'
import type { BackupAuthKeyStore } from './platform'
import type { BackupTarget } from './backup-target'
import { createDesktopBackupTarget } from './backup-target.electron'
import { createBrowserBackupTarget } from './backup-target.browser'
import { createDesktopAuthKeyStore } from './backup-auth-key.electron'

declare global {
  interface Window {
    chedang?: ChedangBridge & Partial<AuditTrustBridge>
  }
}

/** The preload's bridge, its refusals arriving as DomainErrors with their codes; undefined in a plain browser. */
function bridgeOf(win: Window) {
  return win.chedang ? withRefusals(win.chedang) : undefined
}

/** The desktop bridge when the preload put one there, else the plain-browser implementation. */
export function detectPlatform(win: Window = window): Platform {
  const bridge = bridgeOf(win)
  return bridge ? createElectronPlatform(bridge) : createBrowserPlatform(win.document)
}

/** The audit trust at start: the desktop's (key and anchors kept by main), else browser mode's fallback. */
export async function openAuditTrust(databaseName: string, win: Window = window): Promise<AuditTrust> {
  const bridge = bridgeOf(win)
  if (!bridge) return browserAuditTrust(databaseName)
  const { auditKey, appendAuditAnchors, readAuditAnchors } = bridge
  if (!auditKey || !appendAuditAnchors || !readAuditAnchors) throw new Error('桌面程序未提供审计密钥接口')
  return openDesktopAuditTrust({ auditKey, appendAuditAnchors, readAuditAnchors })
}

/** Where backups go: the desktop's backup folder when the preload's bridge is there, else downloads. */
export function detectBackupTarget(win: Window = window): BackupTarget {
  const bridge = bridgeOf(win)
  return bridge
    ? createDesktopBackupTarget(bridge)
    : createBrowserBackupTarget(createBrowserPlatform(win.document), win.localStorage)
}

/**
 * Where this PC keeps a backup's K_auth: the OS (desktop), else null, meaning the key ring row in the
 * database keeps it (browser mode; see data/backup/backup-key.ts).
 */
export function detectOsAuthKeyStore(win: Window = window): BackupAuthKeyStore | null {
  const bridge = bridgeOf(win)
  return bridge ? createDesktopAuthKeyStore(bridge) : null
}

export type { Platform, FileFilter, Bytes, AuditTrust, BackupAuthKeyStore } from './platform'
export type { BackupSource, BackupTarget, BackupToSave, SavedBackup } from './backup-target'
export { createBrowserBackupTarget, LAST_BACKUP_KEY, LAST_BACKUP_WITH_DATA_KEY } from './backup-target.browser'
export { createDesktopBackupTarget } from './backup-target.electron'
export { createDesktopAuthKeyStore } from './backup-auth-key.electron'
