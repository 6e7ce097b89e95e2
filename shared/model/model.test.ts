import { describe, expect, it } from 'vitest'
import { DomainError, isDomainError } from './domain-error'
import { newSyncMeta } from './sync-meta'

describe('a refusal', () => {
  it('carries a stable code, the Chinese sentence and its details', () => {
    const error = new DomainError('BACKUP_TRUNCATED', '备份文件不完整', { expectedBytes: '10' })
    expect(error).toBeInstanceOf(Error)
    expect(error).toMatchObject({
      name: 'DomainError',
      code: 'BACKUP_TRUNCATED',
      message: '备份文件不完整',
      details: { expectedBytes: '10' }
    })
    expect(new DomainError('X', '无').details).toEqual({})
    expect(isDomainError(error)).toBe(true)
    expect(isDomainError(new Error('备份文件不完整'))).toBe(false)
    expect(isDomainError({ code: 'X', message: '伪装' })).toBe(false)
  })
})

describe('a new row', () => {
  it('is made by the operator at revision 1, live', () => {
    expect(
      newSyncMeta('f1', { operatorId: 'acc-1', operatorName: '张丽', deviceId: 'pc' }, '2026-11-22T01:00:00.000Z')
    ).toEqual({
      id: 'f1',
      createdAt: '2026-11-22T01:00:00.000Z',
      createdBy: 'acc-1',
      updatedAt: '2026-11-22T01:00:00.000Z',
      updatedBy: 'acc-1',
      rev: 1,
      deletedAt: null
    })
  })
})
