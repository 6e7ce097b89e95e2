import type { DomainError } from '../../shared/model/domain-error'
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

/** A DomainError made in main, sent on with its own code and details so the renderer words it as such. */
export class IpcRefusal extends Error {
  readonly code: string

  constructor(error: DomainError) {
    super(formatIpcErrorMessage(error.code, error.message, error.details), { cause: error })
    this.name = 'IpcRefusal'
    this.code = error.code
  }
}
