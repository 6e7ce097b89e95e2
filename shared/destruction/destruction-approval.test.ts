import { describe, expect, it } from 'vitest'
import type { DestructionActor, DestructionProposal } from './destruction-approval'
import {
  approveDestruction,
  destructionRecord,
  nextDestructionApprover,
  proposeDestruction
} from './destruction-approval'

// DOMAIN §6/§8: destruction needs approval level by level (客户总监, then 总经理) and is logged;
// 客户信息管理制度 第25条: destroyed by the rules, never sold as waste paper.

const manager: DestructionActor = { operatorId: 'op-1', name: '王芳', role: 'archive_manager' }
const director: DestructionActor = { operatorId: 'op-2', name: '李建国', role: 'cc_director' }
const gm: DestructionActor = { operatorId: 'op-3', name: '陈志强', role: 'general_manager' }
const advisor: DestructionActor = { operatorId: 'op-4', name: '赵磊', role: 'sales_advisor' }

const propose = (over: Partial<Parameters<typeof proposeDestruction>[0]> = {}): DestructionProposal =>
  proposeDestruction({
    fileId: 'file-1',
    vin: 'LFV2A21K5M3123456',
    archiveNumber: 'XS-2015-0042',
    reason: '保管期满，失去保存价值',
    proposedBy: manager,
    proposedOn: '2026-03-10',
    legalHold: false,
    reviewDueOn: '2025-03-06',
    ...over
  })

const approved = () => approveDestruction(approveDestruction(propose(), director, '2026-03-11'), gm, '2026-03-12')

describe('proposing a file for destruction', () => {
  it('a due file is proposed and waits for the director first', () => {
    const p = propose()
    expect(p.approvals).toEqual([])
    expect(nextDestructionApprover(p)).toBe('cc_director')
  })

  it('on the review date itself the proposal is accepted; the day before it is refused as not due', () => {
    expect(propose({ proposedOn: '2025-03-06' }).proposedOn).toBe('2025-03-06')
    expect(() => propose({ proposedOn: '2025-03-05' })).toThrow(
      expect.objectContaining({
        code: 'DESTRUCTION_NOT_DUE',
        details: { archiveNumber: 'XS-2015-0042', dueOn: '2025-03-06' }
      })
    )
  })

  it('a file on legal hold cannot be proposed', () => {
    expect(() => propose({ legalHold: true, reviewDueOn: null })).toThrow(
      expect.objectContaining({ code: 'DESTRUCTION_LEGAL_HOLD' })
    )
  })

  it('a sales advisor cannot propose; a reason is required', () => {
    expect(() => propose({ proposedBy: advisor })).toThrow(
      expect.objectContaining({ code: 'DESTRUCTION_PROPOSER_NOT_ALLOWED', details: { name: '赵磊' } })
    )
    expect(() => propose({ reason: '  ' })).toThrow(expect.objectContaining({ code: 'DESTRUCTION_REASON_REQUIRED' }))
    expect(() => propose({ proposedOn: '2026-02-30' })).toThrow(
      expect.objectContaining({ code: 'DESTRUCTION_DATE_INVALID' })
    )
  })
})

describe('approvals: director, then general manager, in that order', () => {
  it('in order: director then general manager → fully approved', () => {
    const p = approved()
    expect(p.approvals.map((a) => a.by.role)).toEqual(['cc_director', 'general_manager'])
    expect(nextDestructionApprover(p)).toBeNull()
  })

  it('the general manager before the director is refused as out of order, and nothing is added', () => {
    const p = propose()
    expect(() => approveDestruction(p, gm, '2026-03-11')).toThrow(
      expect.objectContaining({
        code: 'DESTRUCTION_OUT_OF_ORDER',
        message: '档案 XS-2015-0042 的销毁须先经客户总监审批',
        details: { archiveNumber: 'XS-2015-0042', expectedRole: '客户总监' }
      })
    )
    expect(p.approvals).toEqual([])
  })

  it('the director approving twice is out of order (the general manager is next)', () => {
    const p = approveDestruction(propose(), director, '2026-03-11')
    expect(() => approveDestruction(p, { ...director, operatorId: 'op-9' }, '2026-03-12')).toThrow(
      expect.objectContaining({
        code: 'DESTRUCTION_OUT_OF_ORDER',
        details: expect.objectContaining({ expectedRole: '总经理' })
      })
    )
  })

  it('a role outside the sequence is refused as the wrong approver', () => {
    expect(() => approveDestruction(propose(), manager, '2026-03-11')).toThrow(
      expect.objectContaining({
        code: 'DESTRUCTION_WRONG_APPROVER',
        details: { name: '王芳', expectedRole: '客户总监' }
      })
    )
  })

  it('a director cannot approve the proposal she made herself', () => {
    const own = propose({ proposedBy: director })
    expect(() => approveDestruction(own, director, '2026-03-11')).toThrow(
      expect.objectContaining({ code: 'DESTRUCTION_SELF_APPROVAL' })
    )
  })

  it('an approval dated before the previous step is refused; the same day is accepted', () => {
    expect(() => approveDestruction(propose(), director, '2026-03-09')).toThrow(
      expect.objectContaining({
        code: 'DESTRUCTION_APPROVAL_BEFORE_PREVIOUS',
        details: { on: '2026-03-09', previous: '2026-03-10' }
      })
    )
    const sameDay = approveDestruction(propose(), director, '2026-03-10')
    expect(() => approveDestruction(sameDay, gm, '2026-03-09')).toThrow(
      expect.objectContaining({ code: 'DESTRUCTION_APPROVAL_BEFORE_PREVIOUS' })
    )
    expect(approveDestruction(sameDay, gm, '2026-03-10').approvals).toHaveLength(2)
  })

  it('a third approval after the general manager is refused', () => {
    expect(() => approveDestruction(approved(), gm, '2026-03-13')).toThrow(
      expect.objectContaining({ code: 'DESTRUCTION_ALREADY_APPROVED' })
    )
  })
})

describe('the record a destroyed file keeps', () => {
  const done = { destroyedOn: '2026-03-15', method: 'shredding', destroyedBy: manager }

  it('keeps VIN, archive number, who proposed and approved, when and how, and no personal information', () => {
    const record = destructionRecord(approved(), done)
    expect(record).toEqual({
      fileId: 'file-1',
      vin: 'LFV2A21K5M3123456',
      archiveNumber: 'XS-2015-0042',
      reason: '保管期满，失去保存价值',
      proposedBy: manager,
      proposedOn: '2026-03-10',
      approvals: [
        { by: director, on: '2026-03-11' },
        { by: gm, on: '2026-03-12' }
      ],
      destroyedOn: '2026-03-15',
      method: 'shredding',
      destroyedBy: manager,
      erasedFields: ['ownerName', 'idNumber', 'phone', 'address']
    })
  })

  it('is refused while the general manager has not approved', () => {
    const halfway = approveDestruction(propose(), director, '2026-03-11')
    expect(() => destructionRecord(halfway, done)).toThrow(
      expect.objectContaining({
        code: 'DESTRUCTION_NOT_APPROVED',
        details: { archiveNumber: 'XS-2015-0042', expectedRole: '总经理' }
      })
    )
  })

  it('第25条: selling as waste paper is not a method of destruction', () => {
    expect(() => destructionRecord(approved(), { ...done, method: 'sold_as_waste_paper' })).toThrow(
      expect.objectContaining({ code: 'DESTRUCTION_METHOD_INVALID' })
    )
  })

  it('cannot be dated before the last approval', () => {
    expect(() => destructionRecord(approved(), { ...done, destroyedOn: '2026-03-11' })).toThrow(
      expect.objectContaining({
        code: 'DESTRUCTION_BEFORE_APPROVAL',
        details: { destroyedOn: '2026-03-11', approvedOn: '2026-03-12' }
      })
    )
    expect(destructionRecord(approved(), { ...done, destroyedOn: '2026-03-12' }).destroyedOn).toBe('2026-03-12')
  })
})

describe('each refusal says what is wrong in Chinese', () => {
  const approvedBoth = approved()
  const cases: [string, () => unknown, string, Record<string, string>][] = [
    [
      'DESTRUCTION_DATE_INVALID',
      () => propose({ proposedOn: '2026/3/10' }),
      '日期“2026/3/10”不是有效日期（应为 年-月-日）',
      { value: '2026/3/10' }
    ],
    [
      'DESTRUCTION_PROPOSER_NOT_ALLOWED',
      () => propose({ proposedBy: advisor }),
      '赵磊无权提出销毁，应由档案管理员或客户总监提出',
      { name: '赵磊' }
    ],
    [
      'DESTRUCTION_LEGAL_HOLD',
      () => propose({ legalHold: true }),
      '档案 XS-2015-0042 处于法律保全（投诉、争议或调查）中，解除前不得销毁',
      { archiveNumber: 'XS-2015-0042' }
    ],
    [
      'DESTRUCTION_NOT_DUE',
      () => propose({ reviewDueOn: null }),
      '档案 XS-2015-0042 未到可销毁日期（ 起方可提出销毁）',
      { archiveNumber: 'XS-2015-0042', dueOn: '' }
    ],
    ['DESTRUCTION_REASON_REQUIRED', () => propose({ reason: '' }), '请填写销毁理由（如：保管期满，失去保存价值）', {}],
    [
      'DESTRUCTION_ALREADY_APPROVED',
      () => approveDestruction(approvedBoth, gm, '2026-03-20'),
      '档案 XS-2015-0042 的销毁已审批完毕',
      { archiveNumber: 'XS-2015-0042' }
    ],
    [
      'DESTRUCTION_WRONG_APPROVER',
      () => approveDestruction(propose(), advisor, '2026-03-11'),
      '赵磊无权审批销毁，此步须由客户总监审批',
      { name: '赵磊', expectedRole: '客户总监' }
    ],
    [
      'DESTRUCTION_SELF_APPROVAL',
      () => approveDestruction(propose({ proposedBy: director }), director, '2026-03-11'),
      '李建国不能审批自己提出的销毁',
      { name: '李建国' }
    ],
    [
      'DESTRUCTION_APPROVAL_BEFORE_PREVIOUS',
      () => approveDestruction(approveDestruction(propose(), director, '2026-03-12'), gm, '2026-03-11'),
      '审批日期 2026-03-11 早于上一步（2026-03-12）',
      { on: '2026-03-11', previous: '2026-03-12' }
    ],
    [
      'DESTRUCTION_NOT_APPROVED',
      () => destructionRecord(propose(), { destroyedOn: '2026-03-15', method: 'shredding', destroyedBy: manager }),
      '档案 XS-2015-0042 的销毁尚待客户总监审批，不得销毁',
      { archiveNumber: 'XS-2015-0042', expectedRole: '客户总监' }
    ],
    [
      'DESTRUCTION_METHOD_INVALID',
      () => destructionRecord(approvedBoth, { destroyedOn: '2026-03-15', method: 'waste_paper', destroyedBy: manager }),
      '销毁方式应为碎纸、化浆或焚毁；客户资料不得当作废纸出售',
      { method: 'waste_paper' }
    ],
    [
      'DESTRUCTION_BEFORE_APPROVAL',
      () => destructionRecord(approvedBoth, { destroyedOn: '2026-03-11', method: 'pulping', destroyedBy: manager }),
      '销毁日期 2026-03-11 早于批准日期 2026-03-12',
      { destroyedOn: '2026-03-11', approvedOn: '2026-03-12' }
    ]
  ]
  it.each(cases)('%s', (code, act, message, details) => {
    expect(act).toThrow(expect.objectContaining({ code, message, details }))
  })

  it('the reason is kept without surrounding spaces', () => {
    expect(propose({ reason: '  保管期满，失去保存价值 ' }).reason).toBe('保管期满，失去保存价值')
  })
})
