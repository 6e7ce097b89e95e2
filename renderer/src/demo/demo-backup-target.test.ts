import { describe, expect, it } from 'vitest'
import { createBackupKey } from '@shared/backup/backup-crypto'
import { encryptBackup } from '@shared/backup/backup-stream'
import type { Platform } from '../platform'
import { LAST_BACKUP_KEY, LAST_BACKUP_WITH_DATA_KEY } from '../data/backup'
import { createDemoBackupTarget } from './demo-backup-target'

describe('backups in demo mode', () => {
  it("are never daily into the backup folder, and never count as the real archive's last backup", async () => {
    localStorage.clear()
    sessionStorage.clear()
    const saved: string[] = []
    // Even in the desktop app (a desktop platform), the demo gets no backup folder.
    const platform: Platform = {
      kind: 'desktop',
      saveFile: async (name) => {
        saved.push(name)
        return true
      },
      openFile: async () => null,
      printPdf: async () => undefined
    }
    const target = createDemoBackupTarget(platform)
    expect(target.kind).not.toBe('desktop')
    expect(await target.folder()).toBeNull()
    const key = await createBackupKey('演示经销商的备份密码2026', {
      setBy: '周晓梅',
      setAt: '2026-11-20T08:00:00.000Z'
    })
    const backup = await encryptBackup(
      {
        appVersion: '0.1.0',
        schemaVersion: 2,
        createdAt: '2026-11-22T01:30:00.000Z',
        createdBy: '周晓梅',
        deviceId: 'd1',
        reason: 'manual',
        tables: { vehicleFiles: 1 },
        latestAuditHash: null,
        auditHeads: []
      },
      [{ table: 'vehicleFiles', rows: [{ id: 'v1' }] }],
      key
    )
    expect((await target.save(backup)).outcome).toBe('download-started')
    expect(saved).toHaveLength(1)
    expect(localStorage.getItem(LAST_BACKUP_KEY)).toBeNull()
    expect(localStorage.getItem(LAST_BACKUP_WITH_DATA_KEY)).toBeNull()
    expect((await target.latest())?.manifest.createdBy).toBe('周晓梅')
  })
})
