import { describe, expect, it } from 'vitest'
import { domainErrorOfIpc, formatIpcErrorMessage, IpcErrorCode, ipcErrorCodeOf } from './errors'

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

describe('a refusal made in main crosses the bridge whole', () => {
  it('keeps the code, the Chinese sentence and the details of a DomainError', () => {
    const message = formatIpcErrorMessage('BACKUP_NOT_OURS', '这不是车档的备份文件', { name: 'a.pdf' })
    const error = domainErrorOfIpc(new Error(`Error invoking remote method 'backup:write': Error: ${message}`))
    expect(error).toMatchObject({
      code: 'BACKUP_NOT_OURS',
      message: '这不是车档的备份文件',
      details: { name: 'a.pdf' }
    })
    expect(domainErrorOfIpc(new Error('IpcRefusal: AUDIT_KEY_OTHER_USER: 无法解开审计密钥'))?.code).toBe(
      'AUDIT_KEY_OTHER_USER'
    )
    expect(
      domainErrorOfIpc(new Error(formatIpcErrorMessage(IpcErrorCode.ioFailed, '读取备份失败：磁盘已满')))
    ).toMatchObject({ code: 'IPC_IO_FAILED', message: '读取备份失败：磁盘已满', details: {} })
  })

  it('takes no operating-system error or other failure for a refusal', () => {
    expect(domainErrorOfIpc(new Error("ENOENT: no such file or directory, open 'x'"))).toBeNull()
    expect(domainErrorOfIpc(new Error('socket hang up'))).toBeNull()
    expect(domainErrorOfIpc('BACKUP_NOT_OURS: 不是错误对象')).toBeNull()
    expect(domainErrorOfIpc(new Error('BACKUP_NOT_OURS: 损坏的详情\n@details {not json'))?.details).toEqual({})
  })
})
