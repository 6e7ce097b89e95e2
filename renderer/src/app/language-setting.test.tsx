import 'fake-indexeddb/auto'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { isDomainError } from '@shared/model/domain-error'
import { Root } from './Root'
import { initI18n } from '../i18n'
import { ChedangDatabase } from '../data/dexie/database'
import { DexieAuth } from '../data/dexie/dexie-auth'
import { createBrowserPlatform } from '../platform/platform.browser'
import { createBrowserBackupTarget } from '../data/backup'

let dbCount = 0
let db: ChedangDatabase
let auth: DexieAuth

beforeAll(async () => {
  await initI18n('zh-CN')
})
beforeEach(async () => {
  db = new ChedangDatabase(`language-${++dbCount}`)
  await db.open()
  auth = new DexieAuth(db, 'pc-1', { iterations: 1000 })
  await auth.setup({ dealershipName: '长春一汽大众4S店', name: '张丽', username: 'zhangli', password: 'Chedang#2026' })
})

function renderRoot() {
  const platform = createBrowserPlatform()
  return render(
    <Root
      db={db}
      auth={auth}
      platform={platform}
      backupTarget={createBrowserBackupTarget(platform, localStorage)}
      storagePersisted
      version="test"
    />
  )
}

async function logIn(container: HTMLElement, button: string) {
  const user = userEvent.setup()
  const field = (name: string) => container.querySelector<HTMLInputElement>(`input[name="${name}"]`)!
  await waitFor(() => expect(field('username')).toBeTruthy())
  await user.type(field('username'), 'zhangli')
  await user.type(field('password'), 'Chedang#2026')
  await user.click(screen.getByRole('button', { name: button }))
}

describe('the operator’s language', () => {
  it('is chosen on 我的账号, kept on the account, audited, and applied at the next login', async () => {
    const user = userEvent.setup()
    const first = renderRoot()
    await logIn(first.container, '登录')
    await waitFor(() => expect(first.container.querySelector('.shell')).toBeTruthy())
    await waitFor(() => expect(first.container.querySelector('.shell')!.textContent).toContain('车辆档案'))
    expect(first.container.querySelector('.operator-role')!.textContent).toBe('客户总监')
    window.location.hash = '#/account'
    const form = await screen.findByTestId('language-form')
    await user.selectOptions(form.querySelector('select')!, 'en-US')
    await user.click(screen.getByRole('button', { name: '保存界面语言' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('The app language was saved'))
    expect(first.container.querySelector('.shell')!.textContent).toContain('Vehicle files')
    expect(first.container.querySelector('.operator-role')!.textContent).toBe('Customer-care director')

    const stored = await db.accounts.where('username').equals('zhangli').first()
    expect(stored!.language).toBe('en-US')
    const audited = (await db.auditEvents.toArray()).filter(
      (e) => e.action === 'setting.change' && e.entity === 'account'
    )
    expect(audited).toHaveLength(1)
    expect(JSON.parse(audited[0]!.changes)).toEqual({ language: ['zh-CN', 'en-US'] })
    first.unmount()

    // A new start: the login screen speaks the app's default, the session the operator's language.
    const second = renderRoot()
    await logIn(second.container, '登录')
    await waitFor(() => expect(second.container.querySelector('.shell')).toBeTruthy())
    await waitFor(() => expect(second.container.querySelector('.shell')!.textContent).toContain('Vehicle files'))
    expect(second.container.querySelector('.shell')!.textContent).not.toContain('车辆档案')
  })

  it('refuses a language the app does not have and writes nothing', async () => {
    const { session } = await auth.login('zhangli', 'Chedang#2026')
    const before = await db.auditEvents.count()
    const refusal = await auth.setLanguage(session, 'fr-FR').then(
      () => null,
      (error: unknown) => error
    )
    expect(isDomainError(refusal) && refusal.code).toBe('LANGUAGE_INVALID')
    expect((await db.accounts.where('username').equals('zhangli').first())!.language).toBeUndefined()
    expect(await db.auditEvents.count()).toBe(before)
  })
})
