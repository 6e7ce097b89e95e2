import { describe, expect, it } from 'vitest'
import { DomainError } from '../model/domain-error'
import { clonePreset } from '../rules/clone-preset'
import { assertBackupRow, assertHasActiveDirector } from './backup-row-schemas'

const META = {
  createdAt: '2026-11-22T01:00:00.000Z',
  createdBy: '王芳',
  updatedAt: '2026-11-22T01:00:00.000Z',
  updatedBy: '王芳',
  rev: 1,
  deletedAt: null
}
const DIRECTOR_STAFF = {
  id: 's-dir',
  ...META,
  name: '王芳',
  department: 'customer_care',
  role: 'cc_director',
  phone: null,
  active: true
}
const DIRECTOR_ACCOUNT = {
  id: 'a-dir',
  ...META,
  staffId: 's-dir',
  username: 'wangfang',
  passwordHash: 'scrypt$...',
  passwordChangedAt: '2026-11-22T01:00:00.000Z',
  failedAttempts: 0,
  lockedUntil: null,
  disabled: false
}

function refusal(run: () => unknown): DomainError {
  try {
    run()
  } catch (error) {
    if (error instanceof DomainError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

describe('assertBackupRow: a restored row is parsed like any other input', () => {
  it('accepts rows of the known tables as they are stored', () => {
    expect(() => assertBackupRow('staff', DIRECTOR_STAFF, 0)).not.toThrow()
    expect(() => assertBackupRow('accounts', DIRECTOR_ACCOUNT, 0)).not.toThrow()
    expect(() => assertBackupRow('settings', { id: 'dealership', ...META, value: '{"name":"宏达"}' }, 0)).not.toThrow()
  })

  it('refuses a table this version does not restore, naming it and the row', () => {
    const error = refusal(() => assertBackupRow('toString', {}, 4))
    expect(error.code).toBe('BACKUP_ROW_INVALID')
    expect(error.message).toBe('备份中表 toString 的第 5 行数据不合规（未知的表），未做任何改动')
    expect(error.details).toEqual({ table: 'toString', row: '5', detail: '未知的表' })
  })

  it('refuses an unknown enum value, naming the field', () => {
    const error = refusal(() => assertBackupRow('staff', { ...DIRECTOR_STAFF, role: 'super_admin' }, 1))
    expect(error.details['table']).toBe('staff')
    expect(error.details['row']).toBe('2')
    expect(error.details['detail']).toMatch(/^role：/)
    expect(error.message).toContain('备份中表 staff 的第 2 行数据不合规（role：')
  })

  it('refuses a row that is no object at all, naming the row itself', () => {
    expect(refusal(() => assertBackupRow('staff', 'a text', 0)).details['detail']).toMatch(/^行：/)
  })

  it('refuses a setting whose value is not JSON', () => {
    expect(
      refusal(() => assertBackupRow('settings', { id: 'dealership', ...META, value: '{"name":' }, 0)).details['detail']
    ).toBe('value：not JSON')
  })

  it('accepts a stored policy that validates, and refuses one that does not or is not JSON', () => {
    const policy = clonePreset('faw-vw', { id: 'dealer-1', name: '长春宏达档案管理制度', createdAt: META.createdAt })
    const row = { id: 'p1', ...META, policyId: 'dealer-1', version: 1, name: policy.name }
    expect(() => assertBackupRow('policies', { ...row, document: JSON.stringify(policy) }, 0)).not.toThrow()
    for (const document of [JSON.stringify({ ...policy, archiveTemplates: 'none' }), '{"id":'])
      expect(refusal(() => assertBackupRow('policies', { ...row, document }, 0)).details['detail']).toMatch(
        /^document：保存的制度内容已损坏或格式不对/
      )
  })
})

describe('a restored policy row is checked against the rule engine', () => {
  it('refuses a stored policy whose automatic check names a rule the engine does not have', () => {
    const policy = JSON.parse(
      JSON.stringify(clonePreset('faw-vw', { id: 'dealer-1', name: '长春宏达档案管理制度', createdAt: META.createdAt }))
    ) as { archiveTemplates: { service: { documents: { checks: { mode: string; ruleId?: string }[] }[] } } }
    const check = policy.archiveTemplates.service.documents.flatMap((d) => d.checks).find((c) => c.mode === 'auto')!
    check.ruleId = 'retired-rule'
    const row = { id: 'p1', ...META, policyId: 'dealer-1', version: 1, name: '长春宏达档案管理制度' }
    const error = refusal(() => assertBackupRow('policies', { ...row, document: JSON.stringify(policy) }, 0))
    expect(error.details['detail']).toMatch(/^document：保存的制度内容已损坏或格式不对/)
    expect(error.message).toContain('自动检查规则“retired-rule”不存在')
  })
})

describe('assertHasActiveDirector: a restore must bring back someone who can run the archive', () => {
  const refused = (tables: Record<string, unknown[]>) => {
    const error = refusal(() => assertHasActiveDirector(tables))
    expect(error.code).toBe('BACKUP_NO_DIRECTOR')
    expect(error.message).toBe('备份中没有可用的客户总监账号，恢复后无人能管理档案库，已拒绝恢复，未做任何改动')
    return true
  }

  it('accepts an active, enabled director account among others', () => {
    const clerk = { ...DIRECTOR_STAFF, id: 's-2', role: 'archive_manager' }
    const account = { ...DIRECTOR_ACCOUNT, id: 'a-2', staffId: 's-2' }
    expect(() =>
      assertHasActiveDirector({ staff: [clerk, DIRECTOR_STAFF], accounts: [account, DIRECTOR_ACCOUNT] })
    ).not.toThrow()
  })

  it('refuses a backup without staff or accounts', () => {
    expect(refused({})).toBe(true)
    expect(refused({ staff: [DIRECTOR_STAFF] })).toBe(true)
    expect(refused({ accounts: [DIRECTOR_ACCOUNT] })).toBe(true)
  })

  it('refuses when the only director account is disabled, deleted or belongs to nobody', () => {
    for (const account of [
      { ...DIRECTOR_ACCOUNT, disabled: true },
      { ...DIRECTOR_ACCOUNT, disabled: 'false' },
      { ...DIRECTOR_ACCOUNT, deletedAt: '2026-11-23T00:00:00.000Z' },
      { ...DIRECTOR_ACCOUNT, deletedAt: undefined },
      { ...DIRECTOR_ACCOUNT, staffId: 's-unknown' },
      { ...DIRECTOR_ACCOUNT, staffId: 7 }
    ])
      expect(refused({ staff: [DIRECTOR_STAFF], accounts: [account] })).toBe(true)
  })

  it('refuses when the staff member is no director, has left, or was deleted', () => {
    for (const member of [
      { ...DIRECTOR_STAFF, role: 'archive_manager' },
      { ...DIRECTOR_STAFF, active: false },
      { ...DIRECTOR_STAFF, active: 'true' },
      { ...DIRECTOR_STAFF, deletedAt: '2026-11-23T00:00:00.000Z' },
      { ...DIRECTOR_STAFF, id: 7 }
    ])
      expect(refused({ staff: [member], accounts: [DIRECTOR_ACCOUNT] })).toBe(true)
  })
})
