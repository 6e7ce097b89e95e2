import 'fake-indexeddb/auto'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Root } from './Root'
import { initI18n } from '../i18n'
import { ChedangDatabase } from '../data/dexie/database'
import { DexieAuth } from '../data/dexie/dexie-auth'
import { createDexieRepositories } from '../data/dexie/open-dexie-repositories'
import type { Repositories } from '../data/repositories'
import { createBrowserPlatform } from '../platform/platform.browser'
import { createBrowserBackupTarget } from '../data/backup'
import { createRandom, makeVehicleFileForm } from '../../../tests/fixtures/vehicle-generator'

const ADVISOR = { name: '王建华', username: 'wangjianhua', initial: 'Sales#2026q', own: 'Wjh#8842mq' }
let dbCount = 0
let db: ChedangDatabase
let auth: DexieAuth
let director: Repositories

beforeAll(async () => {
  await initI18n('zh-CN')
})
beforeEach(async () => {
  db = new ChedangDatabase(`root-${++dbCount}`)
  await db.open()
  auth = new DexieAuth(db, 'pc-1', { iterations: 1000 })
  const session = await auth.setup({
    dealershipName: '长春一汽大众4S店',
    name: '张丽',
    username: 'zhangli',
    password: 'Chedang#2026'
  })
  director = createDexieRepositories(db, session, { iterations: 1000 })
  await director.operators.create({
    name: ADVISOR.name,
    role: 'sales_advisor',
    department: 'sales',
    phone: '',
    username: ADVISOR.username,
    password: ADVISOR.initial
  })
  window.location.hash = '#/settings'
})

function renderRoot(idleLockMinutes = 10) {
  const platform = createBrowserPlatform()
  return render(
    <Root
      db={db}
      auth={auth}
      platform={platform}
      backupTarget={createBrowserBackupTarget(platform, localStorage)}
      storagePersisted
      version="test"
      idleLockMinutes={idleLockMinutes}
    />
  )
}

const input = (container: HTMLElement, name: string) =>
  container.querySelector<HTMLInputElement>(`input[name="${name}"]`)!

async function logIn(container: HTMLElement, username: string, password: string) {
  const user = userEvent.setup()
  await waitFor(() => expect(input(container, 'username')).toBeTruthy())
  await user.type(input(container, 'username'), username)
  await user.type(input(container, 'password'), password)
  await user.click(screen.getByRole('button', { name: '登录' }))
}

describe('the lock', () => {
  it('takes the app out of the page: Tab and Ctrl+K reach nothing behind it, unlock returns to the same screen', async () => {
    const user = userEvent.setup()
    const { container } = renderRoot()
    await logIn(container, 'zhangli', 'Chedang#2026')
    await waitFor(() => expect(container.querySelector('[data-testid=pending-handovers]')).toBeTruthy())
    expect(window.location.hash).toBe('#/work')
    window.location.hash = '#/audit'
    await waitFor(() => expect(container.querySelector('[data-testid=audit-table]')).toBeTruthy())

    fireEvent.keyDown(window, { key: 'l', ctrlKey: true })
    await waitFor(() => expect(screen.getByTestId('lock-screen')).toBeTruthy())
    expect(screen.getByTestId('lock-screen').textContent).toContain('张丽 锁定了屏幕')
    expect(container.querySelector('.shell')).toBeNull()
    expect(container.querySelector('[data-testid=audit-table]')).toBeNull()
    for (let i = 0; i < 8; i++) {
      await user.tab()
      const active = document.activeElement
      if (active && active !== document.body) expect(active.closest('[data-testid=lock-screen]')).not.toBeNull()
    }
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true })
    fireEvent.keyDown(window, { key: 'n', ctrlKey: true })
    expect(window.location.hash).toBe('#/audit')
    expect(container.querySelector('input[type=search], input[name=vin]')).toBeNull()

    await user.type(input(container, 'unlock-password'), 'Wrong#pass9')
    await user.click(screen.getByRole('button', { name: '解锁' }))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/密码不正确/))
    await user.type(input(container, 'unlock-password'), 'Chedang#2026')
    await user.click(screen.getByRole('button', { name: '解锁' }))
    await waitFor(() => expect(container.querySelector('[data-testid=audit-table]')).toBeTruthy())
    expect(window.location.hash).toBe('#/audit')
  })

  it('says it locked itself after the idle time', async () => {
    const { container } = renderRoot(0.005)
    await logIn(container, 'zhangli', 'Chedang#2026')
    await waitFor(() => expect(screen.getByTestId('lock-screen').textContent).toContain('没有操作，屏幕已自动锁定'), {
      timeout: 3000
    })
    expect(container.querySelector('.shell')).toBeNull()
  })

  it('forgets a revealed ID number', async () => {
    const user = userEvent.setup()
    const form = makeVehicleFileForm(createRandom(77), 1)
    const file = await director.vehicleFiles.create(form)
    const { container } = renderRoot()
    await logIn(container, 'zhangli', 'Chedang#2026')
    await waitFor(() => expect(window.location.hash).toBe('#/work'))
    window.location.hash = `#/files/${file.id}`
    await waitFor(() => expect(container.querySelector('.detail-screen')).toBeTruthy())
    await user.click(container.querySelectorAll<HTMLButtonElement>('button.reveal')[0]!)
    await user.type(container.querySelector<HTMLInputElement>('input[name^=reveal-]')!, '核对车主身份')
    await user.click(screen.getByRole('button', { name: '确认查看' }))
    await waitFor(() => expect(container.textContent).toContain(form.ownerIdNumber))
    fireEvent.keyDown(window, { key: 'l', ctrlKey: true })
    await waitFor(() => expect(screen.getByTestId('lock-screen')).toBeTruthy())
    expect(document.body.textContent).not.toContain(form.ownerIdNumber)
    await user.type(input(container, 'unlock-password'), 'Chedang#2026')
    await user.click(screen.getByRole('button', { name: '解锁' }))
    await waitFor(() => expect(container.querySelector('.detail-screen')?.textContent).toContain(form.ownerName))
    expect(document.body.textContent).not.toContain(form.ownerIdNumber)
  })
})

describe('each operator on their own screen', () => {
  it('an advisor changes the director’s password first, lands on 我的, and a route outside the role shows a refusal, not the form', async () => {
    const user = userEvent.setup()
    const { container } = renderRoot()
    await logIn(container, ADVISOR.username, ADVISOR.initial)
    await waitFor(() => expect(screen.getByTestId('forced-password-change')).toBeTruthy())
    expect(container.querySelector('.shell')).toBeNull()
    await user.type(input(container, 'pw-current'), ADVISOR.initial)
    await user.type(input(container, 'pw-next'), ADVISOR.own)
    await user.type(input(container, 'pw-confirm'), ADVISOR.own)
    await user.click(screen.getByRole('button', { name: '修改密码' }))
    await waitFor(() => expect(screen.getByTestId('mine-screen')).toBeTruthy())
    expect(window.location.hash).toBe('#/mine')
    const nav = container.querySelector('nav')!.textContent
    expect(nav).toContain('我的')
    expect(nav).not.toContain('工作台')

    window.location.hash = '#/files/new'
    await waitFor(() =>
      expect(container.querySelector('.refusal')?.textContent).toContain('王建华（销售顾问）没有“新建车辆档案”的权限')
    )
    expect(container.querySelector('input[name=vin]')).toBeNull()
    window.location.hash = '#/work'
    await waitFor(() => expect(container.querySelector('.refusal')?.textContent).toContain('没有“接收档案交接”的权限'))
    expect(screen.queryByText('档案交接')).toBeNull()
    const refusals = await director.auditLog.query({ actions: ['access.denied'] })
    expect(refusals.map((e) => e.summary)).toEqual(
      expect.arrayContaining(['被拒绝：新建车辆档案（打开新建档案表单）', '被拒绝：接收档案交接（打开工作台）'])
    )
  })

  it('a disabled advisor’s open session ends at the next action and the login says why', async () => {
    const user = userEvent.setup()
    const { container } = renderRoot()
    const { session } = await auth.login(ADVISOR.username, ADVISOR.initial)
    await auth.changePassword(session, ADVISOR.initial, ADVISOR.own)
    await logIn(container, ADVISOR.username, ADVISOR.own)
    await waitFor(() => expect(screen.getByTestId('mine-screen')).toBeTruthy())
    await director.operators.setDisabled(session.operator.accountId, true)
    await user.click(screen.getByRole('link', { name: '车辆档案' }))
    await waitFor(() =>
      expect(screen.getByTestId('session-notice').textContent).toContain('王建华 的账号已被停用，本次登录已结束')
    )
    expect(container.querySelector('.shell')).toBeNull()
  })
})
