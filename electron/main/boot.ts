import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron'
import { pinUserDataPath } from './app-paths'
import { preloadFile, rendererDir } from './build-paths'
import { createIpcDeps } from './ipc-deps'
import { registerIpcHandlers } from './ipc-handlers'
import { appMenuTemplate } from './menu'
import { registerAppProtocol, registerAppSchemePrivileges } from './protocol'
import { CONTENT_SECURITY_POLICY, createSecurityPolicy, hardenAllWebContents, hardenSession } from './security'
import { createMainWindow, devServerUrl, MAIN_WINDOW_TITLE, rendererEntryUrl } from './window'

/**
 * The boot order matters:
 * 1. pin userData (the single-instance lock and IndexedDB both live there);
 * 2. declare app:// privileged (only possible before ready);
 * 3. single-instance lock: a second launch only wakes the first window, so two processes never
 *    open the same IndexedDB;
 * 4. sandbox every renderer;
 * 5. once ready: protocol handler, session hardening, IPC, menu, window.
 */
export function startApp(): void {
  pinUserDataPath(app)
  registerAppSchemePrivileges(protocol)

  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  app.enableSandbox()

  const devUrl = devServerUrl(app.isPackaged, process.env)
  const policy = createSecurityPolicy(devUrl)
  const devTools = !app.isPackaged
  hardenAllWebContents(app, policy.trustedOrigins)

  let mainWindow: BrowserWindow | null = null
  const openMainWindow = (): BrowserWindow => {
    const window = createMainWindow({ preloadFile, entryUrl: rendererEntryUrl(devUrl), devTools })
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null
    })
    mainWindow = window
    return window
  }

  app.on('second-instance', () => {
    if (!app.isReady()) return
    const window = mainWindow ?? openMainWindow()
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow()
  })

  app
    .whenReady()
    .then(() => {
      registerAppProtocol(protocol, rendererDir, CONTENT_SECURITY_POLICY)
      hardenSession(session.defaultSession, policy)
      registerIpcHandlers(ipcMain, createIpcDeps({ trustedOrigins: policy.trustedOrigins, devTools }))
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          appMenuTemplate({
            isPackaged: app.isPackaged,
            platform: process.platform,
            onAbout: () =>
              void dialog.showMessageBox({
                type: 'info',
                title: '关于车档',
                message: MAIN_WINDOW_TITLE,
                detail: `版本 ${app.getVersion()}\n数据目录 ${app.getPath('userData')}`
              })
          })
        )
      )
      openMainWindow()
    })
    .catch((error: unknown) => {
      console.error('[chedang] 启动失败', error)
      dialog.showErrorBox('车档无法启动', error instanceof Error ? error.message : String(error))
      app.exit(1)
    })
}
