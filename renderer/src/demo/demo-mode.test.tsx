import 'fake-indexeddb/auto'
import { beforeAll, describe, expect, it } from 'vitest'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Root } from '../app/Root'
import { initI18n } from '../i18n'
import { ChedangDatabase } from '../data/dexie/database'
import { DexieAuth } from '../data/dexie/dexie-auth'
import { createBrowserPlatform } from '../platform/platform.browser'
import { createBrowserBackupTarget } from '../data/backup'
import { enterDemo, isDemoMode, leaveDemo } from './demo-mode'

beforeAll(async () => {
  await initI18n('zh-CN')
})

describe('载入示例数据', () => {
  it('is offered on the login screen of an archive already set up, and switches this window to the demo until it is left', async () => {
    const db = new ChedangDatabase('demo-mode-real')
    await db.open()
    const auth = new DexieAuth(db, 'pc-1', { iterations: 1000 })
    await auth.setup({
      dealershipName: '长春一汽大众4S店',
      name: '张丽',
      username: 'zhangli',
      password: 'Chedang#2026'
    })
    sessionStorage.clear()
    let reloads = 0
    const reload = () => {
      reloads++
    }
    const platform = createBrowserPlatform()
    render(
      <Root
        db={db}
        auth={auth}
        platform={platform}
        backupTarget={createBrowserBackupTarget(platform, localStorage)}
        storagePersisted
        version="test"
        onLoadDemo={() => enterDemo(sessionStorage, reload)}
      />
    )
    await waitFor(() => expect(screen.getByRole('button', { name: '登录' })).toBeTruthy())
    expect(isDemoMode()).toBe(false)
    await userEvent.setup().click(screen.getByRole('button', { name: '载入示例数据' }))
    expect(isDemoMode()).toBe(true)
    expect(reloads).toBe(1)
    leaveDemo(sessionStorage, reload)
    expect(isDemoMode()).toBe(false)
    expect(reloads).toBe(2)
    // The real archive is as it was: its director and nothing else.
    expect(await db.accounts.count()).toBe(1)
    expect(await db.vehicleFiles.count()).toBe(0)
  })
})
