import 'fake-indexeddb/auto'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { App } from '../../app/App'
import { initI18n } from '../../i18n'
import { ChedangDatabase } from '../../data/dexie/database'
import { createDexieRepositories } from '../../data/dexie/open-dexie-repositories'
import { createBrowserBackupTarget } from '../../data/backup'
import type { Session } from '../../data/session'
import { DexieAuth } from '../../data/dexie/dexie-auth'
import type { Platform } from '../../platform'
import { createRandom, makeVehicleFileForm } from '../../../../tests/fixtures/vehicle-generator'
import { firstLogin } from '../../../../tests/fixtures/first-login'

const PASSPHRASE = '长白山下一汽大众2026备份'
let db: ChedangDatabase
let director: Session
let dbCount = 0

beforeAll(async () => {
  await initI18n('zh-CN')
})
beforeEach(async () => {
  db = new ChedangDatabase(`backup-panel-${++dbCount}`)
  await db.open()
  director = await new DexieAuth(db, 'pc-1', { iterations: 1000 }).setup({
    dealershipName: '长春一汽大众4S店',
    name: '张丽',
    username: 'zhangli',
    password: 'Chedang#2026'
  })
  await createDexieRepositories(db, director).vehicleFiles.create(makeVehicleFileForm(createRandom(5), 1))
  localStorage.clear()
  window.location.hash = '#/system'
})

/** A browser whose downloads and file picker the test sees. */
function fakeBrowser() {
  const downloads: { name: string; data: Uint8Array }[] = []
  let nextPick: { name: string; data: Uint8Array<ArrayBuffer> } | null = null
  const platform: Platform = {
    kind: 'browser',
    saveFile: async (name, data) => {
      downloads.push({ name, data })
      return true
    },
    openFile: async () => nextPick,
    printPdf: async () => undefined
  }
  return {
    platform,
    downloads,
    pick: (name: string, data: Uint8Array) => {
      nextPick = { name, data: new Uint8Array(data) }
    }
  }
}

function renderSystem(session: Session, browser = fakeBrowser()) {
  const actions = {
    lock: () => undefined,
    logout: () => undefined,
    changePassword: async () => undefined,
    setLanguage: async () => undefined
  }
  const repositories = createDexieRepositories(db, session, { iterations: 1000 })
  render(
    <App
      services={{
        repositories,
        platform: browser.platform,
        backupTarget: createBrowserBackupTarget(browser.platform, localStorage),
        session,
        actions,
        storagePersisted: true,
        version: 'test'
      }}
    />
  )
  return browser
}

const panel = async () => within(await screen.findByTestId('backup-panel'))

describe('the backup panel in browser mode', () => {
  it('asks for the passphrase first, then says the download started (not that it was saved)', async () => {
    const user = userEvent.setup()
    const browser = renderSystem(director)
    const p = await panel()
    expect(await p.findByText(/尚未设置备份密码：在设置之前不能备份/)).toBeTruthy()
    await user.click(p.getByRole('button', { name: '立即备份' }))
    expect((await p.findByRole('alert')).textContent).toContain('请客服部主管（客户总监）')
    expect(browser.downloads).toEqual([])

    await user.click(p.getByRole('button', { name: '设置备份密码' }))
    await user.type(document.querySelector<HTMLInputElement>('input[name=newPassphrase]')!, PASSPHRASE)
    await user.type(document.querySelector<HTMLInputElement>('input[name=repeatPassphrase]')!, PASSPHRASE)
    await user.click(within(screen.getByTestId('backup-key-form')).getByRole('button', { name: '设置备份密码' }))
    await waitFor(() => expect(p.getByRole('status').textContent).toContain('备份密码已设置'), { timeout: 10_000 })
    expect(p.getByTestId('backup-key').textContent).toMatch(/密钥指纹 [0-9A-F]{4}-[0-9A-F]{4}/)

    await user.click(p.getByRole('button', { name: '立即备份' }))
    await waitFor(() => expect(p.getByRole('status').textContent).toMatch(/^已开始下载备份文件：车档备份-.*manual/), {
      timeout: 10_000
    })
    expect(p.getByRole('status').textContent).not.toContain('已备份')
    expect(browser.downloads).toHaveLength(1)
  }, 30_000)

  it('refuses a tampered file with 未通过真实性校验 and leaves the data as it was', async () => {
    const repositories = createDexieRepositories(db, director, { iterations: 1000 })
    await repositories.backups.setPassphrase(PASSPHRASE)
    const file = await repositories.backups.create('manual')
    const parts: Uint8Array[] = []
    for await (const piece of file.pieces) parts.push(piece)
    const bytes = new Uint8Array(parts.reduce((n, x) => n + x.byteLength, 0))
    parts.reduce((o, x) => {
      bytes.set(x, o)
      return o + x.byteLength
    }, 0)
    bytes[bytes.byteLength - 20]! ^= 1

    const user = userEvent.setup()
    const browser = renderSystem(director)
    browser.pick('车档备份.chedang-backup', bytes)
    const p = await panel()
    await user.click(await p.findByRole('button', { name: '从备份文件恢复…' }))
    await user.type(await screen.findByLabelText('输入该备份的备份密码'), PASSPHRASE)
    await user.click(screen.getByRole('button', { name: '确认恢复' }))
    await waitFor(
      () => expect(p.getByRole('alert').textContent).toBe('备份文件未通过真实性校验，可能被篡改，未做任何改动'),
      { timeout: 10_000 }
    )
    expect(await db.vehicleFiles.count()).toBe(1)
    expect(browser.downloads).toEqual([])
  }, 30_000)

  it('an auditor opens 系统检查 but finds no way to back up, place or restore backups', async () => {
    const repositories = createDexieRepositories(db, director, { iterations: 1000 })
    const created = await repositories.operators.create({
      name: '冯霞',
      role: 'auditor',
      department: 'management',
      phone: '',
      username: 'fengxia',
      password: 'Audit#2026q'
    })
    // The auditor replaces the director's initial password at the first login, as every new operator must.
    const auditor: Session = await firstLogin(
      new DexieAuth(db, 'pc-1', { iterations: 1000 }),
      created.username!,
      'Audit#2026q'
    )
    renderSystem(auditor)
    const p = await panel()
    await waitFor(() => expect(screen.queryByRole('button', { name: /运行|检查/ })).toBeTruthy())
    expect(p.queryAllByRole('button')).toEqual([])
    expect(p.queryByTestId('backup-key')).toBeNull()
  })
})
