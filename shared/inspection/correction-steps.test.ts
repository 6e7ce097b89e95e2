import { describe, expect, it } from 'vitest'
import type { ArchiveRecord, InspectionRecord } from '../archive'
import { createWorkingCalendar } from '../calendar'
import { isDomainError } from '../model/domain-error'
import { getPreset } from '../policy'
import type { CorrectionDeadline } from '../policy'
import { lateCorrectionStep, noticeReceiptStep } from './correction-steps'

// FAW-VW 五(二)4(5) 「要求相关人员在收到不合格档案24小时内修改后交于客服部档案管理员…有特殊原因需说明情况，
// 承诺上交时间。由服务经理签字有效。」: the record written and the audit event that goes with it.

const calendar = createWorkingCalendar()
const FAW = getPreset('faw-vw').deadlines.correction
// Thursday 2026-03-05 10:00 China time, returned by the inspector; the notice signed for at 16:00.
const returnedAt = '2026-03-05T02:00:00.000Z'
const receivedAt = '2026-03-05T08:00:00.000Z'
const now = '2026-03-05T09:00:00.000Z'

const archive: ArchiveRecord = {
  id: 'a-1',
  createdAt: '2026-03-04T01:00:00.000Z',
  createdBy: 'op',
  updatedAt: '2026-03-05T02:00:00.000Z',
  updatedBy: 'op',
  rev: 5,
  deletedAt: null,
  vehicleFileId: 'vf-1',
  kind: 'service',
  visitType: null,
  repairOrderNo: 'RO0001',
  status: 'returned',
  policyId: 'faw-vw',
  policyVersion: 1,
  department: 'service',
  advisorName: '刘洋',
  anchorAt: '2026-03-03T01:00:00.000Z',
  handInDueAt: '2026-03-04T01:00:00.000Z',
  handoverId: 'h-1',
  handoverLine: 1,
  handedOverAt: '2026-03-04T01:00:00.000Z',
  missingNote: null,
  input: '{}',
  manual: '{}',
  round: 1,
  correctionDueAt: null,
  location: null
}

const round: InspectionRecord = {
  id: 'i-1',
  createdAt: returnedAt,
  createdBy: 'op',
  updatedAt: returnedAt,
  updatedBy: 'op',
  rev: 1,
  deletedAt: null,
  archiveId: 'a-1',
  round: 1,
  inspectedAt: returnedAt,
  inspectorName: '刘敏',
  verdict: 'nonconforming',
  failures: '[]',
  input: '{}',
  manual: '{}',
  correctionDueAt: null,
  returnedUnchanged: false
}

function refusal(run: () => unknown): { code: string; message: string; details: Readonly<Record<string, string>> } {
  try {
    run()
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, message: error.message, details: error.details }
    throw error
  }
  throw new Error('not refused')
}

const receipt = { receivedAt, receivedBy: ' 刘洋 ' }

describe('签收 of the 《不合格档案记录》', () => {
  it('records who signed for it and when, counts the 24 hours from it, and says so in the audit event', () => {
    const step = noticeReceiptStep(archive, round, receipt, FAW, calendar, now, 'op-liumin')
    expect(step.record).toEqual({
      ...archive,
      noticeReceivedAt: receivedAt,
      noticeReceivedBy: '刘洋',
      correctionDueAt: '2026-03-06T08:00:00.000Z',
      updatedAt: now,
      updatedBy: 'op-liumin',
      rev: 6
    })
    expect(step.audit).toEqual({
      action: 'update',
      entity: 'archive',
      entityId: 'a-1',
      changes: {
        noticeReceivedAt: [null, receivedAt],
        noticeReceivedBy: [null, '刘洋'],
        correctionDueAt: [null, '2026-03-06T08:00:00.000Z']
      },
      summary: '刘洋 签收《不合格档案记录》（2026-03-05 16:00），限 2026-03-06 16:00 前交回'
    })
  })

  it('under a policy that counts from the return, the receipt is recorded and the deadline runs from the return', () => {
    const fromReturn: CorrectionDeadline = { ...FAW, countsFrom: 'returned' }
    const step = noticeReceiptStep(archive, round, receipt, fromReturn, calendar, now, 'op-liumin')
    expect(step.record.noticeReceivedAt).toBe(receivedAt)
    expect(step.record.correctionDueAt).toBe('2026-03-06T02:00:00.000Z')
    expect(step.audit.summary).toBe('刘洋 签收《不合格档案记录》（2026-03-05 16:00），限 2026-03-06 10:00 前交回')
  })

  it('is refused for an archive that is not out for correction, or whose last round accepted it', () => {
    expect(
      refusal(() => noticeReceiptStep({ ...archive, status: 'accepted' }, round, receipt, FAW, calendar, now, 'op'))
    ).toMatchObject({
      code: 'ARCHIVE_NOT_RETURNED',
      message: '档案当前为“合格”，没有待签收的整改通知',
      details: { status: '合格' }
    })
    expect(refusal(() => noticeReceiptStep(archive, undefined, receipt, FAW, calendar, now, 'op')).code).toBe(
      'ARCHIVE_NOT_RETURNED'
    )
    expect(
      refusal(() => noticeReceiptStep(archive, { ...round, verdict: 'accepted' }, receipt, FAW, calendar, now, 'op'))
        .code
    ).toBe('ARCHIVE_NOT_RETURNED')
  })

  it('is refused when signed for before the return', () => {
    expect(
      refusal(() =>
        noticeReceiptStep(
          archive,
          round,
          { ...receipt, receivedAt: '2026-03-05T01:59:00.000Z' },
          FAW,
          calendar,
          now,
          'op'
        )
      ).code
    ).toBe('CORRECTION_RECEIPT_BEFORE_RETURN')
  })
})

describe('a late correction’s explanation', () => {
  const inCorrection = { ...archive, correctionDueAt: '2026-03-06T08:00:00.000Z' }
  const explanation = { reason: '客户出差，签字延后', promisedAt: '2026-03-09T08:00:00.000Z', signedBy: '王经理' }

  it('records the reason, the promised time and the signer, and says so in the audit event', () => {
    const step = lateCorrectionStep(inCorrection, explanation, FAW, now, 'op-liumin')
    expect(step.record).toEqual({
      ...inCorrection,
      lateCorrectionReason: '客户出差，签字延后',
      lateCorrectionPromisedAt: '2026-03-09T08:00:00.000Z',
      lateCorrectionSignedBy: '王经理',
      updatedAt: now,
      updatedBy: 'op-liumin',
      rev: 6
    })
    expect(step.audit).toEqual({
      action: 'update',
      entity: 'archive',
      entityId: 'a-1',
      changes: {
        lateCorrectionReason: [null, '客户出差，签字延后'],
        lateCorrectionPromisedAt: [null, '2026-03-09T08:00:00.000Z'],
        lateCorrectionSignedBy: [null, '王经理']
      },
      summary: '逾期整改说明：承诺 2026-03-09 16:00 前交回，王经理 签字'
    })
  })

  it('is taken while the archive is back for re-inspection too', () => {
    expect(lateCorrectionStep({ ...inCorrection, status: 'resubmitted' }, explanation, FAW, now, 'op').record.rev).toBe(
      6
    )
  })

  it('is refused for an archive not in correction, or without a deadline to be late for', () => {
    expect(
      refusal(() => lateCorrectionStep({ ...inCorrection, status: 'accepted' }, explanation, FAW, now, 'op'))
    ).toMatchObject({
      code: 'ARCHIVE_NOT_IN_CORRECTION',
      message: '档案当前为“合格”，不在整改中，无需逾期说明',
      details: { status: '合格' }
    })
    expect(refusal(() => lateCorrectionStep(archive, explanation, FAW, now, 'op')).code).toBe(
      'ARCHIVE_NOT_IN_CORRECTION'
    )
  })
})
