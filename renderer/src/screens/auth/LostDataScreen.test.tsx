import 'fake-indexeddb/auto'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { initI18n } from '../../i18n'
import { ChedangDatabase } from '../../data/dexie/database'
import { DexieAuth } from '../../data/dexie/dexie-auth'
import { createDexieRepositories } from '../../data/dexie/open-dexie-repositories'
import { backupBytes, createBrowserBackupTarget, detectLostData } from '../../data/backup'
import type { Platform } from '../../platform'
import { LostDataScreen } from './LostDataScreen'

const PASSPHRASE = '长白山下一汽大众2026备份'

beforeAll(async () => {
  await initI18n('zh-CN')
})

describe('the lost-data screen (before anyone logs in)', () => {
  it('restores only with the backup passphrase; a wrong one says so and changes nothing', async () => {
    // Yesterday's archive and its backup…
    const old = new ChedangDatabase(`lost-old-${Date.now()}`)
    await old.open()
    const session = await new DexieAuth(old, 'pc-1', { iterations: 1000 }).setup({
      dealershipName: '长春一汽大众4S店',
      name: '张丽',
      username: 'zhangli',
      password: 'Chedang#2026'
    })
    const repositories = createDexieRepositories(old, session, { iterations: 1000 })
    await repositories.backups.setPassphrase(PASSPHRASE)
    const file = await repositories.backups.create('daily')
    const bytes = await backupBytes(file)
    // …and today's empty one.
    const db = new ChedangDatabase(`lost-new-${Date.now()}`)
    await db.open()
    const platform: Platform = {
      kind: 'browser',
      saveFile: async () => true,
      printPdf: async () => undefined,
      openFile: async () => ({ name: '车档备份.chedang-backup', data: new Uint8Array(bytes) })
    }
    const check = await detectLostData(db, { manifest: file.manifest })
    expect(check.lost).toBe(true)
    const onRestored = vi.fn()
    const user = userEvent.setup()
    render(
      <LostDataScreen
        db={db}
        target={createBrowserBackupTarget(platform, localStorage)}
        check={check}
        deviceId="pc-2"
        version="test"
        onRestored={onRestored}
        onIgnore={() => undefined}
      />
    )

    const restoreButton = screen.getByRole('button', { name: '从备份文件恢复…' })
    expect((restoreButton as HTMLButtonElement).disabled).toBe(true)
    await user.type(screen.getByLabelText('输入该备份的备份密码'), '猜一个备份密码试试看')
    await user.click(restoreButton)
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('备份密码不正确，未做任何改动'), {
      timeout: 10_000
    })
    expect(await db.accounts.count()).toBe(0)

    await user.clear(screen.getByLabelText('输入该备份的备份密码'))
    await user.type(screen.getByLabelText('输入该备份的备份密码'), PASSPHRASE)
    await user.click(restoreButton)
    await waitFor(() => expect(onRestored).toHaveBeenCalled(), { timeout: 10_000 })
    expect(await db.accounts.count()).toBe(1)
    old.close()
    db.close()
  }, 30_000)
})
