import { describe, expect, it, vi } from 'vitest'
import type { ChedangBridge } from '@shared/ipc/contract'
import { detectAuthKeyStore } from '../data/backup'
import { detectBackupTarget } from '.'

// The backup folder and the OS key store are reached through the preload's bridge when the desktop
// shell provides one; a plain browser downloads backups and keeps K_auth in the key ring row.

function desktopWindow() {
  const listBackups = vi.fn(async () => [])
  const readBackupAuthKey = vi.fn(async () => new Uint8Array(32).fill(7))
  const bridge = { listBackups, readBackupAuthKey } as unknown as ChedangBridge
  return { win: { chedang: bridge, document, localStorage } as unknown as Window, listBackups, readBackupAuthKey }
}

describe('where backups go, decided in platform/', () => {
  it('uses the backup folder of the desktop shell when its bridge is there', async () => {
    const { win, listBackups } = desktopWindow()
    const target = detectBackupTarget(win)
    expect(target.kind).toBe('desktop')
    expect(await target.list()).toEqual([])
    expect(listBackups).toHaveBeenCalledTimes(1)
  })

  it('offers downloads in a plain browser, where there is no backup folder to list', async () => {
    const target = detectBackupTarget({ document, localStorage } as unknown as Window)
    expect(target.kind).toBe('browser')
    expect(await target.folder()).toBeNull()
    await expect(target.read('x')).rejects.toThrow('浏览器模式没有备份文件夹')
  })

  it('keeps the backup authentication key with the OS on the desktop, in the database in a browser', async () => {
    const { win, readBackupAuthKey } = desktopWindow()
    const os = detectAuthKeyStore(win)
    expect(os.kind).toBe('os')
    expect(await os.read('key-1')).toEqual(new Uint8Array(32).fill(7))
    expect(readBackupAuthKey).toHaveBeenCalledWith({ keyId: 'key-1' })
    expect(detectAuthKeyStore({ document, localStorage } as unknown as Window).kind).toBe('database')
  })
})
