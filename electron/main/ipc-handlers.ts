import { open, readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type {
  BrowserWindow,
  IpcMain,
  IpcMainInvokeEvent,
  OpenDialogOptions,
  OpenDialogReturnValue,
  SaveDialogOptions,
  SaveDialogReturnValue,
  WebContents
} from 'electron'
import type { z } from 'zod'
import {
  type AppInfo,
  appInfoRequest,
  type BackupFolderInfo,
  type BackupListEntry,
  chooseBackupFolderRequest,
  type ChooseBackupFolderResult,
  getBackupFolderRequest,
  listBackupsRequest,
  readBackupRequest,
  type ReadBackupResult,
  readBackupAuthKeyRequest,
  readBackupPieceRequest,
  type ReadBackupPieceResult,
  saveBackupAuthKeyRequest,
  appendBackupWriteRequest,
  beginBackupWriteRequest,
  type BeginBackupWriteResult,
  finishBackupWriteRequest,
  writeBackupRequest,
  type WriteBackupResult,
  appendAuditAnchorsRequest,
  auditKeyRequest,
  type AuditKeyResult,
  readAuditAnchorsRequest,
  type ReadAuditAnchorsResult,
  IpcChannel,
  IpcErrorCode,
  MAX_FILE_BYTES,
  type OpenFileResult,
  openFileRequest,
  printPdfRequest,
  type SaveFileResult,
  saveFileRequest
} from '../../shared/ipc/contract'
import { BackupErrorCode } from '../../shared/backup/backup-format'
import { DomainError, isDomainError } from '../../shared/model/domain-error'
import { type AuditTrustStore, createAuditTrustStore, type SafeStorageLike } from './audit-trust-store'
import { type BackupStore, createBackupStore } from './backup-store'
import { safeFileName } from './file-names'
import { IpcError, IpcRefusal } from './ipc-errors'
import { isTrustedUrl } from './origin'

/** Everything the handlers touch outside themselves, injected so tests can observe the effects. */
export interface IpcDeps {
  /** Origins whose frames may call IPC (app://chedang; plus the dev server when not packaged). */
  readonly trustedOrigins: readonly string[]
  ownerWindowOf(sender: WebContents): BrowserWindow | null
  showSaveDialog(owner: BrowserWindow | null, options: SaveDialogOptions): Promise<SaveDialogReturnValue>
  showOpenDialog(owner: BrowserWindow | null, options: OpenDialogOptions): Promise<OpenDialogReturnValue>
  writeFileAtomic(targetPath: string, data: Uint8Array): Promise<void>
  /** Folder the save dialog starts in. */
  defaultSaveFolder(): string
  showPdfForPrinting(pdf: { title: string; data: Uint8Array }, owner: BrowserWindow | null): Promise<void>
  appInfo(): AppInfo
  /**
   * The backup folder. Optional: by default one is made from `defaultSaveFolder()` (Documents) and
   * `appInfo().userDataPath` with `writeFileAtomic`, on the first backup request.
   */
  backupStore?: BackupStore
  /** Electron's safeStorage, which protects the audit key at rest. */
  safeStorage?: SafeStorageLike
  /**
   * The audit key and anchor file. Optional: by default one is made in `appInfo().userDataPath` with
   * `safeStorage` and `writeFileAtomic` on the first request.
   */
  auditTrustStore?: AuditTrustStore
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d] // "%PDF-"
const MAX_FILE_MIB = MAX_FILE_BYTES / 1024 / 1024

function assertTrustedSender(event: IpcMainInvokeEvent, channel: string, trustedOrigins: readonly string[]): void {
  const url = event.senderFrame?.url ?? ''
  if (!isTrustedUrl(url, trustedOrigins)) {
    throw new IpcError(IpcErrorCode.forbiddenSender, `拒绝来自非本应用页面的请求（${channel}）`)
  }
}

function parsePayload<S extends z.ZodType>(schema: S, channel: string, args: unknown[]): z.output<S> {
  const parsed = args.length <= 1 ? schema.safeParse(args[0]) : null
  if (parsed?.success) return parsed.data
  const details =
    parsed === null
      ? '参数个数不对'
      : parsed.error.issues.map((issue) => `${issue.path.join('.') || '请求'}：${issue.message}`).join('；')
  throw new IpcError(IpcErrorCode.badPayload, `请求数据无效（${channel}）：${details}`)
}

/**
 * One guarded handler: (a) refuse foreign senders, (b) validate the payload against the contract
 * and do nothing else when it is invalid, (c) only then do the work.
 */
function guardedHandle<S extends z.ZodType, R>(
  ipcMain: Pick<IpcMain, 'handle'>,
  deps: IpcDeps,
  channel: string,
  schema: S,
  work: (request: z.output<S>, event: IpcMainInvokeEvent) => Promise<R>,
  failureMessage: string
): void {
  ipcMain.handle(channel, async (event, ...args: unknown[]) => {
    assertTrustedSender(event, channel, deps.trustedOrigins)
    const request = parsePayload(schema, channel, args)
    try {
      return await work(request, event)
    } catch (error) {
      if (error instanceof IpcError || error instanceof IpcRefusal) throw error
      if (isDomainError(error)) throw new IpcRefusal(error)
      const reason = error instanceof Error ? error.message : String(error)
      throw new IpcError(IpcErrorCode.ioFailed, `${failureMessage}：${reason}`, { cause: error })
    }
  })
}

async function readFileLimited(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const { size } = await handle.stat()
    if (size > MAX_FILE_BYTES) {
      throw new IpcError(IpcErrorCode.fileTooLarge, `文件超过 ${MAX_FILE_MIB} MB，无法打开`)
    }
    const buffer = await handle.readFile()
    if (buffer.byteLength > MAX_FILE_BYTES) {
      throw new IpcError(IpcErrorCode.fileTooLarge, `文件超过 ${MAX_FILE_MIB} MB，无法打开`)
    }
    return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
  } finally {
    await handle.close()
  }
}

export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, deps: IpcDeps): void {
  guardedHandle(
    ipcMain,
    deps,
    IpcChannel.saveFile,
    saveFileRequest,
    async (request, event): Promise<SaveFileResult> => {
      const owner = deps.ownerWindowOf(event.sender)
      const choice = await deps.showSaveDialog(owner, {
        title: '保存文件',
        defaultPath: join(deps.defaultSaveFolder(), safeFileName(request.suggestedName)),
        ...(request.filters === undefined ? {} : { filters: request.filters }),
        properties: ['createDirectory', 'showOverwriteConfirmation']
      })
      if (choice.canceled || !choice.filePath) return { saved: false }
      await deps.writeFileAtomic(choice.filePath, request.data)
      return { saved: true, path: choice.filePath }
    },
    '保存文件失败'
  )

  guardedHandle(
    ipcMain,
    deps,
    IpcChannel.openFile,
    openFileRequest,
    async (request, event): Promise<OpenFileResult> => {
      const owner = deps.ownerWindowOf(event.sender)
      const choice = await deps.showOpenDialog(owner, {
        title: '打开文件',
        properties: ['openFile'],
        ...(request.filters === undefined ? {} : { filters: request.filters })
      })
      const path = choice.filePaths[0]
      if (choice.canceled || path === undefined) return null
      return { name: basename(path), data: await readFileLimited(path) }
    },
    '打开文件失败'
  )

  guardedHandle(
    ipcMain,
    deps,
    IpcChannel.printPdf,
    printPdfRequest,
    async (request, event): Promise<void> => {
      if (!PDF_MAGIC.every((byte, i) => request.data[i] === byte)) {
        throw new IpcError(IpcErrorCode.badPayload, `请求数据无效（${IpcChannel.printPdf}）：data 不是 PDF 文件`)
      }
      await deps.showPdfForPrinting(request, deps.ownerWindowOf(event.sender))
    },
    '打开打印预览失败'
  )

  guardedHandle(
    ipcMain,
    deps,
    IpcChannel.appInfo,
    appInfoRequest,
    async (): Promise<AppInfo> => deps.appInfo(),
    '读取应用信息失败'
  )

  registerBackupHandlers(ipcMain, deps)
  registerAuditTrustHandlers(ipcMain, deps)
  registerBackupAuthKeyHandlers(ipcMain, deps)
}

function registerAuditTrustHandlers(ipcMain: Pick<IpcMain, 'handle'>, deps: IpcDeps): void {
  let store: AuditTrustStore | undefined = deps.auditTrustStore
  const trust = (): AuditTrustStore => {
    if (store) return store
    if (!deps.safeStorage) throw new DomainError('AUDIT_KEY_STORAGE_MISSING', '没有可用的系统加密服务来保护审计密钥')
    return (store = createAuditTrustStore({
      folder: deps.appInfo().userDataPath,
      safeStorage: deps.safeStorage,
      writeFileAtomic: (path, data) => deps.writeFileAtomic(path, data)
    }))
  }

  guardedHandle(
    ipcMain,
    deps,
    IpcChannel.auditKey,
    auditKeyRequest,
    async (): Promise<AuditKeyResult> => trust().key(),
    '读取审计密钥失败'
  )

  guardedHandle(
    ipcMain,
    deps,
    IpcChannel.appendAuditAnchors,
    appendAuditAnchorsRequest,
    async (request): Promise<void> => trust().appendAnchors(request.anchors),
    '写入审计锚点失败'
  )

  guardedHandle(
    ipcMain,
    deps,
    IpcChannel.readAuditAnchors,
    readAuditAnchorsRequest,
    async (): Promise<ReadAuditAnchorsResult> => trust().readAnchors(),
    '读取审计锚点失败'
  )
}

const authKeyFile = (deps: IpcDeps, keyId: string) => join(deps.appInfo().userDataPath, `backup-auth-${keyId}.bin`)

function registerBackupAuthKeyHandlers(ipcMain: Pick<IpcMain, 'handle'>, deps: IpcDeps): void {
  const storage = (): SafeStorageLike => {
    if (!deps.safeStorage?.isEncryptionAvailable()) {
      throw new IpcError(IpcErrorCode.ioFailed, '本机系统不提供安全存储（safeStorage），无法保存备份认证密钥')
    }
    return deps.safeStorage
  }

  guardedHandle(
    ipcMain,
    deps,
    IpcChannel.saveBackupAuthKey,
    saveBackupAuthKeyRequest,
    async (request): Promise<void> => {
      const sealed = storage().encryptString(Buffer.from(request.key).toString('base64'))
      await deps.writeFileAtomic(
        authKeyFile(deps, request.keyId),
        new Uint8Array(sealed.buffer, sealed.byteOffset, sealed.byteLength)
      )
    },
    '保存备份认证密钥失败'
  )

  guardedHandle(
    ipcMain,
    deps,
    IpcChannel.readBackupAuthKey,
    readBackupAuthKeyRequest,
    async (request): Promise<Uint8Array | null> => {
      let sealed: Buffer
      try {
        sealed = await readFile(authKeyFile(deps, request.keyId))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
      const key = Buffer.from(storage().decryptString(sealed), 'base64')
      return key.byteLength === 32 ? new Uint8Array(key) : null
    },
    '读取备份认证密钥失败'
  )
}

/** A backup the store refuses (not ours, damaged, misnamed…) reaches the renderer as that refusal, code and all. */
function refusedBackup(_channel: string, error: unknown): unknown {
  return isDomainError(error) ? new IpcRefusal(error) : error
}

function registerBackupHandlers(ipcMain: Pick<IpcMain, 'handle'>, deps: IpcDeps): void {
  let store: BackupStore | undefined = deps.backupStore
  const backups = (): BackupStore =>
    (store ??= createBackupStore({
      documentsFolder: deps.defaultSaveFolder(),
      userDataFolder: deps.appInfo().userDataPath,
      writeFileAtomic: (path, data) => deps.writeFileAtomic(path, data)
    }))

  guardedHandle(
    ipcMain,
    deps,
    IpcChannel.getBackupFolder,
    getBackupFolderRequest,
    async (): Promise<BackupFolderInfo> => backups().folderInfo(),
    '读取备份文件夹失败'
  )

  guardedHandle(
    ipcMain,
    deps,
    IpcChannel.chooseBackupFolder,
    chooseBackupFolderRequest,
    async (_request, event): Promise<ChooseBackupFolderResult> => {
      const current = await backups().folderInfo()
      const choice = await deps.showOpenDialog(deps.ownerWindowOf(event.sender), {
        title: '选择备份文件夹',
        defaultPath: current.folder,
        buttonLabel: '用作备份文件夹',
        properties: ['openDirectory', 'createDirectory', 'promptToCreate']
      })
      const folder = choice.filePaths[0]
      if (choice.canceled || folder === undefined) return { status: 'cancelled' }
      return backups().setFolder(folder)
    },
    '设置备份文件夹失败'
  )

  guardedHandle(
    ipcMain,
    deps,
    IpcChannel.writeBackup,
    writeBackupRequest,
    async (request): Promise<WriteBackupResult> =>
      backups()
        .writeBackup(request.fileName, request.data, request.keepDaily)
        .catch((error: unknown) => {
          throw refusedBackup(IpcChannel.writeBackup, error)
        }),
    '写入备份失败'
  )

  guardedHandle(
    ipcMain,
    deps,
    IpcChannel.readBackupPiece,
    readBackupPieceRequest,
    async (request): Promise<ReadBackupPieceResult> =>
      backups().readBackupPiece(request.name, request.offset, request.length),
    '读取备份失败'
  )

  guardedHandle(
    ipcMain,
    deps,
    IpcChannel.beginBackupWrite,
    beginBackupWriteRequest,
    async (request): Promise<BeginBackupWriteResult> => ({
      writeId: await backups()
        .beginWrite(request.fileName, request.keepDaily)
        .catch((error: unknown) => {
          throw refusedBackup(IpcChannel.beginBackupWrite, error)
        })
    }),
    '写入备份失败'
  )

  guardedHandle(
    ipcMain,
    deps,
    IpcChannel.appendBackupWrite,
    appendBackupWriteRequest,
    async (request): Promise<void> =>
      backups()
        .appendWrite(request.writeId, request.data)
        .catch((error: unknown) => {
          throw refusedBackup(IpcChannel.appendBackupWrite, error)
        }),
    '写入备份失败'
  )

  guardedHandle(
    ipcMain,
    deps,
    IpcChannel.finishBackupWrite,
    finishBackupWriteRequest,
    async (request): Promise<WriteBackupResult> =>
      backups()
        .finishWrite(request.writeId)
        .catch((error: unknown) => {
          throw refusedBackup(IpcChannel.finishBackupWrite, error)
        }),
    '写入备份失败'
  )

  guardedHandle(
    ipcMain,
    deps,
    IpcChannel.abortBackupWrite,
    finishBackupWriteRequest,
    async (request): Promise<void> => backups().abortWrite(request.writeId),
    '取消备份写入失败'
  )

  guardedHandle(
    ipcMain,
    deps,
    IpcChannel.listBackups,
    listBackupsRequest,
    async (): Promise<BackupListEntry[]> => backups().listBackups(),
    '读取备份列表失败'
  )

  guardedHandle(
    ipcMain,
    deps,
    IpcChannel.readBackup,
    readBackupRequest,
    async (request): Promise<ReadBackupResult> => {
      const data = await backups()
        .readBackup(request.name)
        .catch((error: unknown) => {
          if (isDomainError(error) && error.code === BackupErrorCode.tooLarge)
            throw new IpcError(IpcErrorCode.fileTooLarge, error.message)
          throw error
        })
      return { name: request.name, data }
    },
    '读取备份失败'
  )
}
