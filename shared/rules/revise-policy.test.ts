import { describe, expect, it } from 'vitest'
import { DomainError } from '../model/domain-error'
import { clonePreset } from './clone-preset'
import { copyPolicyData } from '../policy/deep-freeze'
import { getPreset } from '../policy/presets/preset-registry'
import { revisePolicy } from './revise-policy'

const identity = {
  id: 'dealer-7f3a',
  name: '长春宏达一汽-大众4S店档案管理制度',
  createdAt: '2026-03-01T09:00:00+08:00'
}

describe('clonePreset', () => {
  it('makes version 1 of a dealership policy from a preset, leaving the preset as it was', () => {
    const before = copyPolicyData(getPreset('faw-vw'))
    const policy = clonePreset('faw-vw', identity)
    expect(policy).toMatchObject({ ...identity, presetId: 'faw-vw', version: 1 })
    expect(policy.basedOnVersion).toBeUndefined()
    expect(policy.archiveTemplates).toEqual(before.archiveTemplates)
    expect(policy.archiveTemplates).not.toBe(getPreset('faw-vw').archiveTemplates)
    expect(getPreset('faw-vw')).toEqual(before)
  })

  it('refuses an unknown preset and an empty name', () => {
    expect(() => clonePreset('gac-toyota', identity)).toThrow('没有编号为“gac-toyota”的预置制度')
    expect(() => clonePreset('svw-skoda', { ...identity, name: '' })).toThrow('制度设置有误：请填写制度名称')
  })
})

describe('revisePolicy', () => {
  const v1 = clonePreset('svw-skoda', identity)

  it('makes a new version and leaves the old one untouched', () => {
    const snapshot = copyPolicyData(v1)
    const deadlines = {
      ...v1.deadlines,
      salesHandIn: [
        {
          ...v1.deadlines.salesHandIn[0]!,
          rule: { kind: 'working_days_after' as const, days: 3, from: 'sale' as const }
        }
      ]
    }
    const v2 = revisePolicy(v1, { deadlines }, '2026-04-01T10:00:00+08:00')
    expect(v2).toMatchObject({ id: v1.id, version: 2, basedOnVersion: 1, createdAt: '2026-04-01T10:00:00+08:00' })
    expect(v2.deadlines.salesHandIn[0]?.rule.from).toBe('sale')
    expect(v1).toEqual(snapshot)
    expect(v1.deadlines.salesHandIn[0]?.rule.from).toBe('delivery')
    const v3 = revisePolicy(v2, { name: '宏达斯柯达档案制度（2026修订）' }, '2026-05-01T10:00:00+08:00')
    expect(v3).toMatchObject({ version: 3, basedOnVersion: 2, name: '宏达斯柯达档案制度（2026修订）' })
  })

  it('returns frozen versions and keeps no link to the changes object', () => {
    const fines = copyPolicyData(v1.fines)
    const v2 = revisePolicy(v1, { fines }, '2026-04-01T10:00:00+08:00')
    expect(Object.isFrozen(v2)).toBe(true)
    expect(Object.isFrozen(v2.fines.rules[0])).toBe(true)
    ;(fines.rules as unknown as { code: string }[])[0]!.code = 'changed-afterwards'
    expect(v2.fines.rules[0]?.code).toBe('svw-5-1-sales-late')
  })

  it('refuses a bad edit with a Chinese message and makes no new version', () => {
    const retention = { ...v1.retention, destroyNotBeforeYears: 3 }
    expect(() => revisePolicy(v1, { retention }, '2026-04-01T10:00:00+08:00')).toThrow(DomainError)
    expect(() => revisePolicy(v1, { retention }, '2026-04-01T10:00:00+08:00')).toThrow(
      '制度设置有误：依《汽车销售管理办法》，销售及客户档案至少保存 10 年，销毁年限不能少于 10 年'
    )
    expect(v1.retention.destroyNotBeforeYears).toBe(10)
  })

  it('refuses an edit whose automatic check names a rule the engine does not have', () => {
    const archiveTemplates = copyPolicyData(v1.archiveTemplates) as unknown as {
      sales: { documents: { checks: { mode: string; ruleId?: string }[] }[] }
    }
    const check = archiveTemplates.sales.documents.flatMap((d) => d.checks).find((c) => c.mode === 'auto')!
    const known = check.ruleId
    check.ruleId = 'invoice-within-a-day'
    const edit = { archiveTemplates } as unknown as Parameters<typeof revisePolicy>[1]
    expect(() => revisePolicy(v1, edit, '2026-04-01T10:00:00+08:00')).toThrow(
      /^制度设置有误：.*自动检查规则“invoice-within-a-day”不存在$/
    )
    expect(v1.archiveTemplates.sales.documents.flatMap((d) => d.checks).find((c) => c.mode === 'auto')).toMatchObject({
      ruleId: known
    })
  })

  it('does not let an edit change identity or version', () => {
    const sneaky = { name: '新名称', id: 'other', version: 99 } as unknown as Parameters<typeof revisePolicy>[1]
    const v2 = revisePolicy(v1, sneaky, '2026-04-01T10:00:00+08:00')
    expect(v2).toMatchObject({ id: v1.id, version: 2, name: '新名称' })
  })
})
