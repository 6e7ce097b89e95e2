import { describe, expect, it } from 'vitest'
import { encodeBackup } from '@shared/backup/backup-format'
import type { Platform } from '../platform'
import { LAST_BACKUP_KEY, LAST_BACKUP_WITH_DATA_KEY } from '../data/backup'
import { createDemoBackupTarget } from './demo-backup-target'

describe('backups in demo mode', () => {
  it('are never daily into the backup folder, and never count as the real archive\'s last backup', async () => {
    localStorage.clear()
    sessionStorage.clear()
    const saved: string[] = []
    // Even in the desktop app (a desktop platform), the demo gets no backup folder.
    const platform: Platform = {
      kind: 'desktop',
      saveFile: async (name) => { saved.push(name); return true },
      openFile: async () => null,
      printPdf: async () => undefined
    }
    const target = createDemoBackupTarget(platform)
    expect(target.kind).not.toBe('desktop')
    expect(await target.folder()).toBeNull()
    const backup = encodeBackup({ vehicleFiles: [{ id: 'v1' }] }, {
      appVersion: '0.1.0', schemaVersion: 2, createdAt: '2026-11-22T01:30:00.000Z', createdBy: '周晓梅', deviceId: 'd1', reason: 'manual'
    })
    expect((await target.save(backup)).saved).toBe(true)
    expect(saved).toHaveLength(1)
    expect(localStorage.getItem(LAST_BACKUP_KEY)).toBeNull()
    expect(localStorage.getItem(LAST_BACKUP_WITH_DATA_KEY)).toBeNull()
    expect((await target.latest())?.manifest.createdBy).toBe('周晓梅')
  })
})
