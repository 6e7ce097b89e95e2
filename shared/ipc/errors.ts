// Stable error codes thrown by the main-process IPC handlers.
// Only an Error's message crosses the IPC boundary, so the code is carried as the message
// prefix "<CODE>: <中文说明>"; the renderer recovers it with `ipcErrorCodeOf`.
export const IpcErrorCode = {
  /** The request did not match the contract's schema (wrong type, extra key, bad name...). */
  badPayload: 'IPC_BAD_PAYLOAD',
  /** The request came from a frame that is not the app's own origin. */
  forbiddenSender: 'IPC_FORBIDDEN_SENDER',
  /** The chosen file is larger than the app accepts. */
  fileTooLarge: 'IPC_FILE_TOO_LARGE',
  /** Reading, writing or showing a file failed in the operating system. */
  ioFailed: 'IPC_IO_FAILED'
} as const

export type IpcErrorCodeValue = (typeof IpcErrorCode)[keyof typeof IpcErrorCode]

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(IpcErrorCode))

export function formatIpcErrorMessage(code: IpcErrorCodeValue, message: string): string {
  return `${code}: ${message}`
}

/**
 * Finds the stable code in an error that came back through `ipcRenderer.invoke`
 * (Electron wraps it as "Error invoking remote method '…': Error: IPC_…: …").
 */
export function ipcErrorCodeOf(error: unknown): IpcErrorCodeValue | null {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : ''
  const match = /\b(IPC_[A-Z_]+):/.exec(message)
  const code = match?.[1]
  return code !== undefined && KNOWN_CODES.has(code) ? (code as IpcErrorCodeValue) : null
}
