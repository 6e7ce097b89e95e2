import { describe, expect, it } from 'vitest'
import { createWorkingCalendar } from '../calendar'
import { chinaDateTimeText } from '../time'
import { DomainError } from '../model/domain-error'
import { getPreset } from '../policy'
import type { CorrectionDeadline } from '../policy'
import {
  checkLateCorrectionExplanation,
  checkNoticeReceipt,
  correctionAnchor,
  correctionDueAt
} from './correction-receipt'

// FAW-VW 五(二)4(5) 「要求相关人员在收到不合格档案24小时内修改后交于客服部档案管理员…有特殊原因需说明情况，
// 承诺上交时间。由服务经理签字有效。」

const calendar = createWorkingCalendar()
const FAW = getPreset('faw-vw').deadlines.correction
const SVW = getPreset('svw-skoda').deadlines.correction
const text = (instant: string | null) => (instant === null ? null : chinaDateTimeText(instant))
// Friday 2026-03-06, 10:00 and 16:00 China time.
const fridayMorning = '2026-03-06T02:00:00.000Z'
const fridayAfternoon = '2026-03-06T08:00:00.000Z'

const refusal = (action: () => unknown): DomainError => {
  try {
    action()
  } catch (error) {
    if (error instanceof DomainError) return error
    throw error
  }
  throw new Error('expected a DomainError')
}

describe("「在收到不合格档案24小时内」: the 24 hours count from the advisor's 签收", () => {
  it('counts from the receipt, not from the return', () => {
    expect(FAW.countsFrom).toBe('notice_received')
    const due = correctionDueAt(
      FAW,
      { returnedAt: fridayMorning, noticeReceivedAt: '2026-03-05T08:00:00.000Z' },
      calendar
    )
    expect(text(due)).toBe('2026-03-06 16:00')
  })

  it('does not start counting before the notice is signed for', () => {
    expect(correctionAnchor(FAW, { returnedAt: fridayMorning })).toBeNull()
    expect(correctionDueAt(FAW, { returnedAt: fridayMorning, noticeReceivedAt: null }, calendar)).toBeNull()
  })

  it("a deadline on a Saturday moves to the same time on the next working day (the policy's default)", () => {
    const due = correctionDueAt(FAW, { returnedAt: fridayMorning, noticeReceivedAt: fridayAfternoon }, calendar)
    expect(text(due)).toBe('2026-03-09 16:00')
  })

  it('over the National Day holiday too, and a policy may keep the deadline as it falls', () => {
    const times = { returnedAt: '2026-09-30T01:00:00.000Z', noticeReceivedAt: '2026-09-30T08:00:00.000Z' }
    expect(text(correctionDueAt(FAW, times, calendar))).toBe('2026-10-08 16:00')
    const asIs: CorrectionDeadline = { ...FAW, outsideWorkingTime: 'as_is' }
    expect(text(correctionDueAt(asIs, times, calendar))).toBe('2026-10-01 16:00')
  })

  it('a deadline on a working day stays as it is', () => {
    const due = correctionDueAt(
      FAW,
      { returnedAt: fridayMorning, noticeReceivedAt: '2026-03-04T08:00:00.000Z' },
      calendar
    )
    expect(text(due)).toBe('2026-03-05 16:00')
  })

  it('a policy that names no anchor counts from the return (SVW-Skoda 五.10, one working day)', () => {
    expect(SVW.countsFrom).toBeUndefined()
    expect(correctionAnchor(SVW, { returnedAt: fridayMorning, noticeReceivedAt: fridayAfternoon })).toBe(fridayMorning)
    expect(text(correctionDueAt(SVW, { returnedAt: fridayMorning }, calendar))).toBe('2026-03-09 23:59')
  })

  it('the sales deadline, which no text gives, states its default and the reason', () => {
    expect(FAW.basisByKind?.sales).toContain('五(一)未规定销售档案的整改时限')
    expect(FAW.basisByKind?.sales).toContain('24小时')
    expect(FAW.basisByKind?.service).toContain('在收到不合格档案24小时内')
  })
})

describe('recording the 签收', () => {
  const base = {
    returnedAt: fridayMorning,
    receivedAt: '2026-03-06T16:30:00+08:00',
    receivedBy: ' 陈杰 ',
    now: '2026-03-06T09:00:00.000Z'
  }

  it('keeps the time as an instant and the signer as typed, cleaned', () => {
    expect(checkNoticeReceipt(base)).toEqual({ receivedAt: '2026-03-06T08:30:00.000Z', receivedBy: '陈杰' })
    expect(checkNoticeReceipt({ ...base, receivedAt: fridayMorning }).receivedAt).toBe(fridayMorning)
  })

  it('refuses a receipt before the return, in the future, without a signer or with a time that is none', () => {
    const before = refusal(() => checkNoticeReceipt({ ...base, receivedAt: '2026-03-06T09:59:00+08:00' }))
    expect([before.code, before.message, before.details]).toEqual([
      'CORRECTION_RECEIPT_BEFORE_RETURN',
      '签收时间不能早于退回时间 2026-03-06 10:00',
      { returnedAt: '2026-03-06 10:00' }
    ])
    const future = refusal(() => checkNoticeReceipt({ ...base, receivedAt: '2026-03-06T17:01:00+08:00' }))
    expect([future.code, future.message]).toEqual(['CORRECTION_RECEIPT_IN_FUTURE', '签收时间不能晚于现在'])
    const nobody = refusal(() => checkNoticeReceipt({ ...base, receivedBy: '  ' }))
    expect([nobody.code, nobody.message]).toEqual([
      'CORRECTION_RECEIPT_SIGNER_REQUIRED',
      '请填写签收人姓名（收到《不合格档案记录》的人）'
    ])
    const bad = refusal(() => checkNoticeReceipt({ ...base, receivedAt: '昨天下午' }))
    expect([bad.code, bad.message, bad.details]).toEqual([
      'CORRECTION_RECEIPT_TIME_INVALID',
      '签收时间“昨天下午”无效，应为日期和时间，如 2026-03-10 10:00',
      { value: '昨天下午' }
    ])
  })
})

describe('「有特殊原因需说明情况，承诺上交时间。由服务经理签字有效」', () => {
  const dueAt = '2026-03-09T08:00:00.000Z'
  const good = { reason: ' 客户出差，签字需等本人回来 ', promisedAt: '2026-03-11T10:00:00+08:00', signedBy: '吴刚' }

  it('records the reason, the promised time and the signature', () => {
    expect(FAW.lateExplanationSignedBy).toBe('服务经理')
    expect(checkLateCorrectionExplanation(FAW, good, dueAt)).toEqual({
      reason: '客户出差，签字需等本人回来',
      promisedAt: '2026-03-11T02:00:00.000Z',
      signedBy: '吴刚'
    })
  })

  it("refuses one without a reason, without the 服务经理's signature, or promising no later than the deadline", () => {
    expect(refusal(() => checkLateCorrectionExplanation(FAW, { ...good, reason: ' ' }, dueAt))).toMatchObject({
      code: 'CORRECTION_LATE_REASON_REQUIRED',
      message: '请说明逾期的特殊原因'
    })
    expect(
      refusal(() => checkLateCorrectionExplanation(FAW, { ...good, reason: '因'.repeat(201) }, dueAt))
    ).toMatchObject({
      code: 'CORRECTION_LATE_REASON_TOO_LONG',
      message: '特殊原因最多 200 个字'
    })
    expect(checkLateCorrectionExplanation(FAW, { ...good, reason: '因'.repeat(200) }, dueAt).reason).toHaveLength(200)
    expect(refusal(() => checkLateCorrectionExplanation(FAW, { ...good, signedBy: '' }, dueAt))).toMatchObject({
      code: 'CORRECTION_LATE_SIGNATURE_REQUIRED',
      message: '逾期说明须由服务经理签字有效，请填写签字人',
      details: { signer: '服务经理' }
    })
    expect(
      refusal(() => checkLateCorrectionExplanation(FAW, { ...good, promisedAt: '2026-03-09T16:00:00+08:00' }, dueAt))
    ).toMatchObject({
      code: 'CORRECTION_PROMISED_TIME_NOT_AFTER_DUE',
      message: '承诺上交时间应晚于原定期限 2026-03-09 16:00',
      details: { dueAt: '2026-03-09 16:00' }
    })
    expect(refusal(() => checkLateCorrectionExplanation(FAW, { ...good, promisedAt: '下周' }, dueAt))).toMatchObject({
      code: 'CORRECTION_PROMISED_TIME_INVALID'
    })
  })

  it('names a generic signer where the policy names none', () => {
    expect(refusal(() => checkLateCorrectionExplanation(SVW, { ...good, signedBy: '' }, dueAt)).message).toBe(
      '逾期说明须由部门经理签字有效，请填写签字人'
    )
  })
})
