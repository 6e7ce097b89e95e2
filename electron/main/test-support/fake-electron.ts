// A tiny in-memory stand-in for the parts of Electron the main process uses. The real binary
// cannot run in tests, so every test file does:
//   vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule)
// and drives/inspects the same singleton `fake`.
import { EventEmitter } from 'node:events'

type Handler = (...args: never[]) => unknown

export interface FakeNavigationEvent {
  url: string
  defaultPrevented: boolean
  preventDefault(): void
}

export function navigationEvent(url: string): FakeNavigationEvent {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true
    }
  }
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = []
  readonly webContents = new FakeWebContents()
  loadedUrl: string | undefined
  visible = false
  destroyed = false
  minimized = false
  focused = false
  menu: unknown = 'application-menu'

  constructor(readonly options: Record<string, unknown>) {
    super()
    FakeBrowserWindow.instances.push(this)
    // Like Electron: every new WebContents is announced before anyone can use it.
    fake.app.emit('web-contents-created', {}, this.webContents)
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances.filter((w) => !w.destroyed)
  }

  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.instances.find((w) => w.webContents === contents) ?? null
  }

  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url
    if (fake.failLoads) throw new Error('ERR_FAILED')
  }
  setMenu(menu: unknown): void {
    this.menu = menu
  }
  show(): void {
    this.visible = true
  }
  isVisible(): boolean {
    return this.visible
  }
  focus(): void {
    this.focused = true
  }
  isMinimized(): boolean {
    return this.minimized
  }
  restore(): void {
    this.minimized = false
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  destroy(): void {
    this.close()
  }
  close(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.emit('closed')
  }
}

class FakeApp extends EventEmitter {
  paths = new Map<string, string>()
  /** Names passed to setPath, in order, with whether the app was ready at that moment. */
  setPathLog: { name: string; path: string; ready: boolean }[] = []
  ready = false
  quitCalled = false
  exitCode: number | undefined
  sandboxEnabled = false
  gotLock = true
  lockRequestedWithUserData: string | undefined
  isPackaged = false
  private resolveReady: (() => void) | undefined
  private readyPromise = new Promise<void>((resolve) => {
    this.resolveReady = resolve
  })

  getPath(name: string): string {
    const value = this.paths.get(name)
    if (value === undefined) throw new Error(`fake app: no path ${name}`)
    return value
  }
  setPath(name: string, path: string): void {
    this.setPathLog.push({ name, path, ready: this.ready })
    this.paths.set(name, path)
  }
  getVersion(): string {
    return '0.1.0'
  }
  requestSingleInstanceLock(): boolean {
    this.lockRequestedWithUserData = this.paths.get('userData')
    return this.gotLock
  }
  enableSandbox(): void {
    this.sandboxEnabled = true
  }
  quit(): void {
    this.quitCalled = true
  }
  exit(code: number): void {
    this.exitCode = code
  }
  isReady(): boolean {
    return this.ready
  }
  whenReady(): Promise<void> {
    return this.readyPromise
  }
  /** Test helper: fire "ready" and let the then-callbacks run. */
  async becomeReady(): Promise<void> {
    this.ready = true
    this.emit('ready')
    this.resolveReady?.()
    await new Promise((r) => setTimeout(r, 0))
  }
}

class FakeSession {
  permissionRequestHandler: Handler | undefined
  permissionCheckHandler: Handler | undefined
  devicePermissionHandler: Handler | undefined
  headersReceivedListener: Handler | undefined
  setPermissionRequestHandler(handler: Handler): void {
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler: Handler): void {
    this.permissionCheckHandler = handler
  }
  setDevicePermissionHandler(handler: Handler): void {
    this.devicePermissionHandler = handler
  }
  webRequest = {
    onHeadersReceived: (listener: Handler): void => {
      this.headersReceivedListener = listener
    }
  }
}

function createFake() {
  return {
    app: new FakeApp(),
    session: new FakeSession(),
    failLoads: false,
    privilegedSchemes: [] as { scheme: string; privileges: Record<string, boolean> }[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
    applicationMenu: undefined as unknown,
    dialogsShown: [] as string[],
    exposedInMainWorld: new Map<string, unknown>(),
    invoked: [] as { channel: string; args: unknown[] }[]
  }
}

export let fake = createFake()

export function resetFake(): void {
  fake = createFake()
  FakeBrowserWindow.instances = []
}

export const electronModule = {
  app: new Proxy(
    {},
    {
      get: (_t, key) => {
        const value = (fake.app as unknown as Record<PropertyKey, unknown>)[key]
        return typeof value === 'function' ? value.bind(fake.app) : value
      }
    }
  ),
  BrowserWindow: FakeBrowserWindow,
  protocol: {
    registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]) {
      if (fake.app.ready) throw new Error('registerSchemesAsPrivileged must be called before ready')
      fake.privilegedSchemes.push(...schemes)
    },
    handle(scheme: string, handler: (request: Request) => Promise<Response>) {
      if (!fake.app.ready) throw new Error('protocol.handle before ready')
      fake.protocolHandlers.set(scheme, handler)
    }
  },
  session: {
    get defaultSession() {
      return fake.session
    }
  },
  ipcMain: {
    handle(channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) {
      if (fake.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`)
      fake.ipcHandlers.set(channel, handler)
    }
  },
  dialog: {
    async showSaveDialog() {
      fake.dialogsShown.push('save')
      return { canceled: true }
    },
    async showOpenDialog() {
      fake.dialogsShown.push('open')
      return { canceled: true, filePaths: [] }
    },
    async showMessageBox() {
      fake.dialogsShown.push('message')
      return { response: 0 }
    },
    showErrorBox() {
      fake.dialogsShown.push('error')
    }
  },
  // Reversible stand-in for the OS: "encrypts" by prefixing, so a test can see the key is not stored in clear.
  safeStorage: {
    isEncryptionAvailable: () => true,
    encryptString: (text: string) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`),
    decryptString: (sealed: Buffer) => Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'hex').toString()
  },
  Menu: {
    buildFromTemplate: (template: unknown) => ({ template }),
    setApplicationMenu(menu: unknown) {
      fake.applicationMenu = menu
    }
  },
  contextBridge: {
    exposeInMainWorld(key: string, api: unknown) {
      fake.exposedInMainWorld.set(key, api)
    }
  },
  ipcRenderer: {
    async invoke(channel: string, ...args: unknown[]) {
      fake.invoked.push({ channel, args })
      return { channel }
    }
  }
}
