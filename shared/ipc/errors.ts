import { DomainError } from '../model/domain-error'

// Stable error codes thrown by the main-process IPC handlers.
// Only an Error's message crosses the IPC boundary, so the code is carried as the message
// prefix "<CODE>: <中文说明>", and a refusal's details as JSON after DETAILS_MARK; the renderer
// recovers the code with `ipcErrorCodeOf` and the whole refusal with `domainErrorOfIpc`.
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

const DETAILS_MARK = '\n@details '

/** The message that carries a refusal made in main (an IPC_ code or a DomainError's) to the renderer. */
export function formatIpcErrorMessage(
  code: string,
  message: string,
  details: Readonly<Record<string, string>> = {}
): string {
  const tail = Object.keys(details).length > 0 ? `${DETAILS_MARK}${JSON.stringify(details)}` : ''
  return `${code}: ${message}${tail}`
}

// "Error invoking remote method 'channel': Error: CODE: 中文说明[\n@details {…}]", or the bare message.
// A code is UPPER_SNAKE with at least one '_', so an OS error ("ENOENT: …") is not taken for one.
const REFUSAL =
  /^(?:Error invoking remote method '[^']*': )?(?:[A-Z][a-z]\w*: )?([A-Z][A-Z0-9]*_[A-Z0-9_]+): ([\s\S]*)$/

function detailsOf(text: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(text)
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {}
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    )
  } catch {
    return {}
  }
}

/**
 * A refusal that came back through `ipcRenderer.invoke` as the DomainError it was in main (or an IPC_
 * code's), with its code, Chinese sentence and details; null for any other failure.
 */
export function domainErrorOfIpc(error: unknown): DomainError | null {
  if (!(error instanceof Error)) return null
  const match = REFUSAL.exec(error.message)
  if (!match) return null
  const code = match[1]!
  const [sentence = '', details] = match[2]!.split(DETAILS_MARK)
  return new DomainError(code, sentence, details === undefined ? {} : detailsOf(details))
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
