import { formatIpcErrorMessage, type IpcErrorCodeValue } from '../../shared/ipc/errors'

/** Thrown by IPC handlers; its message ("CODE: 中文说明") is what reaches the renderer. */
export class IpcError extends Error {
  readonly code: IpcErrorCodeValue

  constructor(code: IpcErrorCodeValue, message: string, options?: { cause?: unknown }) {
    super(formatIpcErrorMessage(code, message), options)
    this.name = 'IpcError'
    this.code = code
  }
}
