import 'fake-indexeddb/auto'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { App } from '../../app/App'
import { initI18n } from '../../i18n'
import { ChedangDatabase } from '../../data/dexie/database'
import { createDexieRepositories } from '../../data/dexie/open-dexie-repositories'
import { createBrowserPlatform } from '../../platform/platform.browser'
import { createBrowserBackupTarget } from '../../data/backup'
import type { Repositories } from '../../data/repositories'
import type { Session } from '../../data/session'
import { DexieAuth } from '../../data/dexie/dexie-auth'
import { auditChangesOf } from '@shared/audit/audit-event'

// FAW-VW 五(二)2(7)《救援单》「上班期间救援必须要有相关领导签字」: the text gives no hours, so the director sets them here.

let repositories: Repositories
let session: Session
let dbCount = 0

beforeAll(async () => {
  await initI18n('zh-CN')
})
beforeEach(async () => {
  const db = new ChedangDatabase(`settings-screen-${++dbCount}`)
  await db.open()
  session = await new DexieAuth(db, 'pc-1', { iterations: 1000 }).setup({
    dealershipName: '长春一汽大众4S店',
    name: '刘敏',
    username: 'liumin',
    password: 'Archive#2026'
  })
  repositories = createDexieRepositories(db, session)
  window.location.hash = '#/settings'
})

function renderApp() {
  const actions = {
    lock: () => undefined,
    logout: () => undefined,
    changePassword: async () => undefined,
    setLanguage: async () => undefined
  }
  return render(
    <App
      services={{
        repositories,
        platform: createBrowserPlatform(),
        backupTarget: createBrowserBackupTarget(createBrowserPlatform(), localStorage),
        session,
        actions,
        storagePersisted: true,
        version: 'test'
      }}
    />
  )
}

const field = (container: HTMLElement, name: string) => container.querySelector<HTMLInputElement>(`[name=${name}]`)!

describe('the rescue working hours in Settings', () => {
  it('start at 08:30–17:30 every day; the director changes them and the change is saved and audited', async () => {
    const user = userEvent.setup()
    const { container } = renderApp()
    await waitFor(() => expect(field(container, 'rescueWorkStart').value).toBe('08:30'))
    expect(field(container, 'rescueWorkEnd').value).toBe('17:30')
    expect(field(container, 'rescueWorkday7').checked).toBe(true)

    await user.clear(field(container, 'rescueWorkStart'))
    await user.type(field(container, 'rescueWorkStart'), '08:00')
    await user.clear(field(container, 'rescueWorkEnd'))
    await user.type(field(container, 'rescueWorkEnd'), '17:00')
    await user.click(field(container, 'rescueWorkday7'))
    await user.click(screen.getByRole('button', { name: '保存设置' }))
    expect(await screen.findByText('设置已保存', {}, { timeout: 5000 })).toBeTruthy()

    expect(await repositories.settings.getDealership()).toMatchObject({
      rescueWorkStart: '08:00',
      rescueWorkEnd: '17:00',
      rescueWorkdays: [1, 2, 3, 4, 5, 6]
    })
    const events = await repositories.auditLog.forEntity('setting', 'dealership')
    const event = events.find((e) => 'rescueWorkStart' in auditChangesOf(e))!
    expect(event.action).toBe('setting.change')
    expect(auditChangesOf(event)).toEqual({
      rescueWorkStart: ['08:30', '08:00'],
      rescueWorkEnd: ['17:30', '17:00'],
      rescueWorkdays: ['1,2,3,4,5,6,7', '1,2,3,4,5,6']
    })
  })

  it('refuses hours that end before they start, in Chinese, and saves nothing', async () => {
    const audited = (await repositories.auditLog.forEntity('setting', 'dealership')).length
    const user = userEvent.setup()
    const { container } = renderApp()
    await waitFor(() => expect(field(container, 'rescueWorkEnd').value).toBe('17:30'))
    await user.clear(field(container, 'rescueWorkEnd'))
    await user.type(field(container, 'rescueWorkEnd'), '08:00')
    await user.click(screen.getByRole('button', { name: '保存设置' }))
    expect(await screen.findByText('救援下班时间应晚于上班时间', {}, { timeout: 5000 })).toBeTruthy()
    expect((await repositories.settings.getDealership()).rescueWorkEnd).toBe('17:30')
    expect(await repositories.auditLog.forEntity('setting', 'dealership')).toHaveLength(audited)
  })

  it('refuses the same through the data layer, with no row written', async () => {
    const current = await repositories.settings.getDealership()
    await expect(
      repositories.settings.saveDealership({ ...current, rescueWorkStart: '18:00', rescueWorkEnd: '09:00' })
    ).rejects.toMatchObject({ code: 'SETTINGS_INVALID', message: '救援下班时间应晚于上班时间' })
    await expect(repositories.settings.saveDealership({ ...current, rescueWorkdays: [] })).rejects.toMatchObject({
      code: 'SETTINGS_INVALID'
    })
    expect(await repositories.settings.getDealership()).toEqual(current)
  })
})
