import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { APP_ORIGIN, IpcChannel } from '../../shared/ipc/contract'
import { USER_DATA_FOLDER_NAME } from './app-paths'
import { startApp } from './boot'
import { FakeBrowserWindow, fake, resetFake } from './test-support/fake-electron'

vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule)

let appData: string
beforeEach(async () => {
  resetFake()
  appData = await mkdtemp(join(tmpdir(), 'chedang-appdata-'))
  fake.app.paths.set('appData', appData)
  fake.app.paths.set('temp', tmpdir())
  fake.app.paths.set('documents', appData)
  vi.stubEnv('ELECTRON_RENDERER_URL', '')
})
afterEach(async () => {
  vi.unstubAllEnvs()
  await rm(appData, { recursive: true, force: true })
})

const userDataPath = () => join(appData, USER_DATA_FOLDER_NAME)

describe('startup', () => {
  it('pins userData to <appData>/CheDang before ready and before taking the single-instance lock', async () => {
    startApp()
    expect(fake.app.getPath('userData')).toBe(userDataPath())
    expect(fake.app.getPath('sessionData')).toBe(userDataPath())
    expect(fake.app.setPathLog.every((entry) => !entry.ready)).toBe(true)
    // The lock file lives in userData: locking with a different folder would let two instances run.
    expect(fake.app.lockRequestedWithUserData).toBe(userDataPath())
    await fake.app.becomeReady()
    expect(fake.app.getPath('userData')).toBe(userDataPath())
  })

  it('when another instance already runs: quits and never opens a window', async () => {
    fake.app.gotLock = false
    startApp()
    await fake.app.becomeReady()
    expect(fake.app.quitCalled).toBe(true)
    expect(FakeBrowserWindow.instances).toHaveLength(0)
    expect(fake.ipcHandlers.size).toBe(0)
  })

  it('declares app:// privileged before ready, sandboxes everything, then serves, hardens and opens one window', async () => {
    startApp()
    expect(fake.privilegedSchemes).toEqual([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: true }
      }
    ])
    expect(fake.app.sandboxEnabled).toBe(true)
    expect(FakeBrowserWindow.instances).toHaveLength(0)

    await fake.app.becomeReady()
    expect(fake.protocolHandlers.has('app')).toBe(true)
    expect(fake.session.permissionRequestHandler).toBeDefined()
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(Object.values(IpcChannel).sort())
    expect(FakeBrowserWindow.instances).toHaveLength(1)
  })

  it('a second launch restores and focuses the existing window instead of opening another', async () => {
    startApp()
    await fake.app.becomeReady()
    const [window] = FakeBrowserWindow.instances
    if (window === undefined) throw new Error('no window')
    window.minimized = true
    fake.app.emit('second-instance', {}, ['chedang'], process.cwd())
    expect(FakeBrowserWindow.instances).toHaveLength(1)
    expect(window.minimized).toBe(false)
    expect(window.visible).toBe(true)
    expect(window.focused).toBe(true)
  })

  it('quits when the last window closes (except on macOS)', async () => {
    startApp()
    await fake.app.becomeReady()
    FakeBrowserWindow.instances[0]?.close()
    fake.app.emit('window-all-closed')
    expect(fake.app.quitCalled).toBe(process.platform !== 'darwin')
  })
})

describe('main window', () => {
  it('shows 车档 CheDang at 1360×860 (min 1100×700), only once ready to show', async () => {
    startApp()
    await fake.app.becomeReady()
    const window = FakeBrowserWindow.instances[0]!
    expect(window.options).toMatchObject({
      width: 1360,
      height: 860,
      minWidth: 1100,
      minHeight: 700,
      show: false,
      title: '车档 CheDang'
    })
    expect(window.visible).toBe(false)
    window.emit('ready-to-show')
    expect(window.visible).toBe(true)
  })

  it('loads the frozen app origin when packaged, even if ELECTRON_RENDERER_URL is set', async () => {
    fake.app.isPackaged = true
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/')
    startApp()
    await fake.app.becomeReady()
    expect(FakeBrowserWindow.instances[0]!.loadedUrl).toBe(`${APP_ORIGIN}/index.html`)
  })

  it('loads the electron-vite dev server in development, but never a remote URL', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/')
    startApp()
    await fake.app.becomeReady()
    expect(FakeBrowserWindow.instances[0]!.loadedUrl).toBe('http://localhost:5173/')

    resetFake()
    fake.app.paths.set('appData', appData)
    fake.app.paths.set('temp', tmpdir())
    vi.stubEnv('ELECTRON_RENDERER_URL', 'https://evil.example/')
    startApp()
    await fake.app.becomeReady()
    expect(FakeBrowserWindow.instances[0]!.loadedUrl).toBe(`${APP_ORIGIN}/index.html`)
  })
})

describe('application menu', () => {
  type Item = { label?: string; role?: string; submenu?: Item[] }
  const menuOf = () => (fake.applicationMenu as { template: Item[] }).template
  const roles = (items: Item[]): string[] => items.flatMap((i) => [i.role ?? '', ...roles(i.submenu ?? [])])

  it('is in Chinese with 文件 / 编辑 / 视图 / 帮助', async () => {
    startApp()
    await fake.app.becomeReady()
    const labels = menuOf().map((item) => item.label)
    expect(labels).toEqual(expect.arrayContaining(['文件', '编辑', '视图', '帮助']))
    expect(roles(menuOf())).toEqual(expect.arrayContaining(['copy', 'paste', 'undo', 'selectAll']))
  })

  it('offers developer tools and reload only when not packaged', async () => {
    startApp()
    await fake.app.becomeReady()
    expect(roles(menuOf())).toContain('toggleDevTools')
    expect(FakeBrowserWindow.instances[0]!.options['webPreferences']).toMatchObject({ devTools: true })

    resetFake()
    fake.app.paths.set('appData', appData)
    fake.app.paths.set('temp', tmpdir())
    fake.app.isPackaged = true
    startApp()
    await fake.app.becomeReady()
    expect(roles(menuOf())).not.toContain('toggleDevTools')
    expect(roles(menuOf())).not.toContain('reload')
    expect(FakeBrowserWindow.instances[0]!.options['webPreferences']).toMatchObject({ devTools: false })
  })
})
