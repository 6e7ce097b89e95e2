import { z } from 'zod'

// The one narrow bridge between the renderer and the OS. Every payload is validated in main.
// Channel names and the origin are frozen: IndexedDB data lives under the origin.
export const APP_SCHEME = 'app'
export const APP_HOST = 'chedang'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

// Channel names live in ./channels (no zod) so the sandboxed preload can import them alone.
export { IpcChannel, type IpcChannelName } from './channels'
export { IpcErrorCode, type IpcErrorCodeValue, ipcErrorCodeOf } from './errors'

const fileFilter = z.object({
  name: z.string().min(1).max(64),
  extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/i)).min(1).max(10)
})

/** Largest file the app saves, opens or prints (512 MiB). */
export const MAX_FILE_BYTES = 512 * 1024 * 1024

export const saveFileRequest = z.object({
  suggestedName: z.string().min(1).max(200).refine((n) => !/[\\/]/.test(n), '文件名不能包含路径分隔符'),
  data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= MAX_FILE_BYTES, '文件过大'),
  filters: z.array(fileFilter).max(10).optional()
}).strict()
export type SaveFileRequest = z.infer<typeof saveFileRequest>
export type SaveFileResult = { saved: true; path: string } | { saved: false }

export const openFileRequest = z.object({
  filters: z.array(fileFilter).max(10).optional()
}).strict()
export type OpenFileRequest = z.infer<typeof openFileRequest>
export type OpenFileResult = { name: string; data: Uint8Array } | null

export const printPdfRequest = z.object({
  title: z.string().min(1).max(200),
  data: z.instanceof(Uint8Array).refine((d) => d.byteLength > 4 && d.byteLength <= MAX_FILE_BYTES, 'PDF 数据无效')
}).strict()
export type PrintPdfRequest = z.infer<typeof printPdfRequest>

/** `appInfo` takes no payload at all. */
export const appInfoRequest = z.undefined()

export interface AppInfo {
  version: string
  userDataPath: string
  platform: string
}

/** What the preload exposes as `window.chedang`: one function per operation, nothing else. */
export interface ChedangBridge {
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>
  openFile(request: OpenFileRequest): Promise<OpenFileResult>
  printPdf(request: PrintPdfRequest): Promise<void>
  appInfo(): Promise<AppInfo>
}
