import { mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { IpcMain, OpenDialogOptions, SaveDialogOptions } from 'electron'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { APP_ORIGIN, IpcChannel, ipcErrorCodeOf, MAX_FILE_BYTES } from '../../shared/ipc/contract'
import { writeFileAtomic } from './atomic-write'
import { type IpcDeps, registerIpcHandlers } from './ipc-handlers'

type Invoke = (event: unknown, ...args: unknown[]) => Promise<unknown>

const PDF = new TextEncoder().encode('%PDF-1.7\n%%EOF\n')

let dir: string
let handlers: Map<string, Invoke>
let effects: { dialogs: (SaveDialogOptions | OpenDialogOptions)[]; printed: { title: string; data: Uint8Array }[] }
let saveChoice: string | undefined
let openChoice: string | undefined

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chedang-ipc-'))
  handlers = new Map()
  effects = { dialogs: [], printed: [] }
  saveChoice = undefined
  openChoice = undefined
  const ipcMain = { handle: (channel: string, listener: Invoke) => handlers.set(channel, listener) }
  const deps: IpcDeps = {
    trustedOrigins: [APP_ORIGIN],
    ownerWindowOf: () => null,
    showSaveDialog: async (_owner, options) => {
      effects.dialogs.push(options)
      return saveChoice === undefined ? { canceled: true, filePath: '' } : { canceled: false, filePath: saveChoice }
    },
    showOpenDialog: async (_owner, options) => {
      effects.dialogs.push(options)
      return openChoice === undefined ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [openChoice] }
    },
    writeFileAtomic,
    defaultSaveFolder: () => join(dir, 'Documents'),
    showPdfForPrinting: async (pdf) => {
      effects.printed.push(pdf)
    },
    appInfo: () => ({ version: '0.1.0', userDataPath: '/data/CheDang', platform: 'win32' })
  }
  registerIpcHandlers(ipcMain as unknown as Pick<IpcMain, 'handle'>, deps)
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const fromApp = { senderFrame: { url: 'app://chedang/index.html#/vehicles' }, sender: {} }

function call(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
  const handler = handlers.get(channel)
  if (handler === undefined) throw new Error(`no handler for ${channel}`)
  return handler(event, ...args)
}

/** What the renderer would see: Electron re-wraps the message of the error thrown in main. */
async function rendererErrorOf(promise: Promise<unknown>): Promise<{ code: string | null; message: string }> {
  try {
    await promise
  } catch (error) {
    const wrapped = new Error(`Error invoking remote method 'x': ${String(error)}`)
    return { code: ipcErrorCodeOf(wrapped), message: (error as Error).message }
  }
  throw new Error('expected the call to be refused')
}

describe('IPC payload validation', () => {
  it.each([
    ['saveFile with data that is not bytes', IpcChannel.saveFile, { suggestedName: 'a.pdf', data: 'not bytes' }],
    [
      'saveFile with an extra key',
      IpcChannel.saveFile,
      { suggestedName: 'a.pdf', data: new Uint8Array([1]), path: '/etc/passwd' }
    ],
    [
      'saveFile with a name containing ../',
      IpcChannel.saveFile,
      { suggestedName: '../../evil.sh', data: new Uint8Array([1]) }
    ],
    [
      'saveFile with a Windows path',
      IpcChannel.saveFile,
      { suggestedName: 'C:\\Windows\\evil.dll', data: new Uint8Array([1]) }
    ],
    ['saveFile with no payload', IpcChannel.saveFile, undefined],
    ['openFile with a bad filter', IpcChannel.openFile, { filters: [{ name: 'x', extensions: ['../*'] }] }],
    ['printPdf without data', IpcChannel.printPdf, { title: '保养单' }],
    [
      'printPdf with bytes that are not a PDF',
      IpcChannel.printPdf,
      { title: '保养单', data: new Uint8Array([60, 104, 116, 109, 108, 62]) }
    ],
    ['appInfo with a payload', IpcChannel.appInfo, { anything: true }]
  ])('refuses %s with IPC_BAD_PAYLOAD, shows no dialog and writes nothing', async (_label, channel, payload) => {
    const { code, message } = await rendererErrorOf(call(channel, fromApp, payload))
    expect(code).toBe('IPC_BAD_PAYLOAD')
    expect(message).toMatch(/^IPC_BAD_PAYLOAD: 请求数据无效/)
    expect(effects.dialogs).toEqual([])
    expect(effects.printed).toEqual([])
    expect(await readdir(dir)).toEqual([])
  })

  it('refuses extra arguments', async () => {
    const { code } = await rendererErrorOf(call(IpcChannel.openFile, fromApp, {}, { sneaky: true }))
    expect(code).toBe('IPC_BAD_PAYLOAD')
    expect(effects.dialogs).toEqual([])
  })

  it('tells the user in Chinese why a file name is refused', async () => {
    const { message } = await rendererErrorOf(
      call(IpcChannel.saveFile, fromApp, { suggestedName: '../x', data: new Uint8Array(1) })
    )
    expect(message).toContain('文件名不能包含路径分隔符')
  })
})

describe('IPC sender check', () => {
  it.each([
    ['a foreign web page', { senderFrame: { url: 'https://evil.example/' }, sender: {} }],
    ['a local file', { senderFrame: { url: 'file:///tmp/chedang-print-1.pdf' }, sender: {} }],
    ['a look-alike host', { senderFrame: { url: 'app://chedang.evil/index.html' }, sender: {} }],
    ['a frame that is gone', { senderFrame: null, sender: {} }]
  ])('refuses a request from %s before doing anything', async (_label, event) => {
    const good = { suggestedName: 'a.pdf', data: new Uint8Array([1, 2, 3]) }
    saveChoice = join(dir, 'a.pdf')
    const { code, message } = await rendererErrorOf(call(IpcChannel.saveFile, event, good))
    expect(code).toBe('IPC_FORBIDDEN_SENDER')
    expect(message).toContain('拒绝')
    expect(effects.dialogs).toEqual([])
    expect(await readdir(dir)).toEqual([])
  })
})

describe('saveFile', () => {
  it('writes exactly the given bytes where the user chose, atomically (no temp file left)', async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 255, 7])
    saveChoice = join(dir, '客户档案.pdf')
    const result = await call(IpcChannel.saveFile, fromApp, {
      suggestedName: '客户档案.pdf',
      data: bytes,
      filters: [{ name: 'PDF', extensions: ['pdf'] }]
    })
    expect(result).toEqual({ saved: true, path: saveChoice })
    expect(new Uint8Array(await readFile(saveChoice))).toEqual(bytes)
    expect(await readdir(dir)).toEqual(['客户档案.pdf'])
    expect(effects.dialogs[0]).toMatchObject({
      defaultPath: join(dir, 'Documents', '客户档案.pdf'),
      filters: [{ name: 'PDF', extensions: ['pdf'] }]
    })
  })

  it('overwrites an existing file the user confirmed', async () => {
    saveChoice = join(dir, 'old.txt')
    await writeFile(saveChoice, 'previous content, longer')
    await call(IpcChannel.saveFile, fromApp, { suggestedName: 'old.txt', data: new TextEncoder().encode('new') })
    expect(await readFile(saveChoice, 'utf8')).toBe('new')
    expect(await readdir(dir)).toEqual(['old.txt'])
  })

  it('writes nothing when the user cancels', async () => {
    expect(await call(IpcChannel.saveFile, fromApp, { suggestedName: 'a.pdf', data: new Uint8Array([1]) })).toEqual({
      saved: false
    })
    expect(await readdir(dir)).toEqual([])
  })

  it('pre-fills the dialog with a name every OS accepts', async () => {
    await call(IpcChannel.saveFile, fromApp, { suggestedName: '保养:2024*报告?.pdf', data: new Uint8Array([1]) })
    await call(IpcChannel.saveFile, fromApp, { suggestedName: '..', data: new Uint8Array([1]) })
    expect(effects.dialogs.map((d) => d.defaultPath)).toEqual([
      join(dir, 'Documents', '保养_2024_报告_.pdf'),
      join(dir, 'Documents', '未命名')
    ])
  })

  it('reports a failed write as IPC_IO_FAILED in Chinese', async () => {
    saveChoice = join(dir, 'no-such-folder', 'a.pdf')
    const { code, message } = await rendererErrorOf(
      call(IpcChannel.saveFile, fromApp, { suggestedName: 'a.pdf', data: new Uint8Array([1]) })
    )
    expect(code).toBe('IPC_IO_FAILED')
    expect(message).toContain('保存文件失败')
  })
})

describe('openFile', () => {
  it('returns the chosen file name and its exact bytes', async () => {
    openChoice = join(dir, '行驶证.jpg')
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0, 1, 2])
    await writeFile(openChoice, bytes)
    const result = (await call(IpcChannel.openFile, fromApp, { filters: [{ name: '图片', extensions: ['jpg'] }] })) as {
      name: string
      data: Uint8Array
    }
    expect(result.name).toBe('行驶证.jpg')
    expect(result.data).toBeInstanceOf(Uint8Array)
    expect(new Uint8Array(result.data)).toEqual(bytes)
  })

  it('returns null when the user cancels', async () => {
    expect(await call(IpcChannel.openFile, fromApp, {})).toBeNull()
  })

  it('refuses a file larger than 512 MiB without reading it', async () => {
    openChoice = join(dir, 'huge.bin')
    const handle = await open(openChoice, 'w')
    await handle.truncate(MAX_FILE_BYTES + 1) // sparse: costs no disk space
    await handle.close()
    const { code, message } = await rendererErrorOf(call(IpcChannel.openFile, fromApp, {}))
    expect(code).toBe('IPC_FILE_TOO_LARGE')
    expect(message).toContain('512 MB')
  })
})

describe('printPdf and appInfo', () => {
  it('hands a real PDF with its title to the print preview', async () => {
    await call(IpcChannel.printPdf, fromApp, { title: '保养单', data: PDF })
    expect(effects.printed).toHaveLength(1)
    expect(effects.printed[0]?.title).toBe('保养单')
    expect(new Uint8Array(effects.printed[0]!.data)).toEqual(PDF)
  })

  it('answers appInfo without a payload', async () => {
    expect(await call(IpcChannel.appInfo, fromApp)).toEqual({
      version: '0.1.0',
      userDataPath: '/data/CheDang',
      platform: 'win32'
    })
  })
})
