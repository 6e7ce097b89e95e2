import { describe, expect, it } from 'vitest'
import { formatIpcErrorMessage, IpcErrorCode, ipcErrorCodeOf } from './errors'

describe('an IPC refusal keeps its code across the bridge', () => {
  it('puts the code before the Chinese message', () => {
    expect(formatIpcErrorMessage(IpcErrorCode.fileTooLarge, '文件过大')).toBe('IPC_FILE_TOO_LARGE: 文件过大')
  })

  it('finds the code in the message Electron wraps it in, or in a plain text', () => {
    const wrapped = new Error("Error invoking remote method 'file:save': Error: IPC_BAD_PAYLOAD: 请求不合规")
    expect(ipcErrorCodeOf(wrapped)).toBe('IPC_BAD_PAYLOAD')
    expect(ipcErrorCodeOf('IPC_IO_FAILED: 磁盘已满')).toBe('IPC_IO_FAILED')
    expect(ipcErrorCodeOf(new Error('IPC_FORBIDDEN_SENDER: 来源不明'))).toBe('IPC_FORBIDDEN_SENDER')
  })

  it('finds none in an unknown code, a code without its colon, or something that is no error', () => {
    expect(ipcErrorCodeOf(new Error('IPC_SOMETHING_ELSE: 未知'))).toBeNull()
    expect(ipcErrorCodeOf(new Error('IPC_BAD_PAYLOAD 请求不合规'))).toBeNull()
    expect(ipcErrorCodeOf(new Error('XIPC_BAD_PAYLOAD: 请求不合规'))).toBeNull()
    expect(ipcErrorCodeOf({ message: 'IPC_BAD_PAYLOAD: x' })).toBeNull()
    expect(ipcErrorCodeOf(undefined)).toBeNull()
  })
})
