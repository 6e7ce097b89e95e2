import { useEffect } from 'react'
import { chinaDate, todayInChina } from '@shared/time'
import type { BackupTarget } from '../data/backup'
import type { ChedangDatabase } from '../data/dexie/database'
import type { LoginResult } from '../data/dexie/dexie-auth'
import { createDexieRepositories } from '../data/dexie/open-dexie-repositories'
import { type BackupAuthKeyStore, readKeyring } from '../data/backup/backup-key'

const HOUR = 3_600_000

/**
 * The automatic daily backup (desktop): once a day, into the backup folder, rotated by the shell, and
 * only while an operator who may make backups (备份与导出) is logged in: it is that operator's backup,
 * audited like any other. Without a backup passphrase there is nothing to encrypt to: it waits.
 * The browser cannot write a folder by itself, so there the backup stays a manual download.
 */
export function useDailyBackup(
  login: LoginResult | null,
  db: ChedangDatabase,
  target: BackupTarget,
  authKeys?: BackupAuthKeyStore
): void {
  useEffect(() => {
    if (!login || target.kind !== 'desktop') return
    const repositories = createDexieRepositories(db, login.session, authKeys ? { backupAuthKeys: authKeys } : {})
    let running = false
    const check = async () => {
      if (running) return
      running = true
      try {
        if (!(await repositories.can('backup.export'))) return
        if ((await readKeyring(db)) === null) return
        const latest = (await target.list()).find((entry) => entry.manifest?.reason === 'daily')
        const lastDay = latest?.manifest ? chinaDate(latest.manifest.createdAt) : null
        if (lastDay === todayInChina()) return
        const backup = await repositories.backups.create('daily')
        await target.save(backup)
      } catch (error) {
        console.error('每日自动备份失败', error)
      } finally {
        running = false
      }
    }
    void check()
    const timer = setInterval(() => void check(), HOUR)
    return () => clearInterval(timer)
  }, [login, db, target, authKeys])
}
