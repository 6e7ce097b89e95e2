import { describe, expect, it } from 'vitest'
import { FAW_VW_PRESET } from '../../policy/presets/faw-vw'
import { evaluateArchive, findCheckResult } from '../evaluate-archive'
import { allManualChecksPassed, FAW_VW_SERVICE_EXAMPLE, withFacts } from '../../../tests/fixtures/example-archives'
import type { FactValue } from '../fact-value'
import { DEFAULT_RULE_CONTEXT } from '../rule-context'

// FAW-VW 任务委托书: 组长、质检员签字有时间，24小时制，顺序正确；次日修完写时间和日期. Car received 2026-03-05 08:40.
const check = (
  teamLeaderAt: string | null,
  inspectorAt: string | null,
  receivedAt: FactValue | undefined = '2026-03-05 08:40'
) =>
  findCheckResult(
    evaluateArchive(
      FAW_VW_PRESET,
      withFacts(FAW_VW_SERVICE_EXAMPLE, {
        'archive.receivedAt': receivedAt,
        'work_order.signatures': [
          { role: 'main_repairer' },
          { role: 'customer' },
          { role: 'team_leader', signedAt: teamLeaderAt },
          { role: 'quality_inspector', signedAt: inspectorAt }
        ]
      }),
      allManualChecksPassed(FAW_VW_PRESET.archiveTemplates.service),
      DEFAULT_RULE_CONTEXT
    ),
    'work-order-signature-times'
  )

describe('signature times: present, 24-hour clock, chronological', () => {
  it('passes team leader then quality inspector on the day', () => {
    const result = check('14:20', '15:05')
    expect(result?.status).toBe('pass')
    expect(result?.message).toBe('《任务委托书》签字时间齐全、顺序正确：组长 14:20 → 质检员 15:05')
  })

  it('passes equal times (same minute is not out of order)', () => {
    expect(check('14:20', '14:20')?.status).toBe('pass')
  })

  it('fails the quality inspector signing before the team leader', () => {
    const result = check('15:05', '14:20')
    expect(result?.status).toBe('fail')
    expect(result?.message).toBe(
      '《任务委托书》签字：时间顺序不对：质检员 14:20 早于组长 15:05（若为次日完工，须同时写明日期）'
    )
  })

  it('fails a signature earlier than the car was received', () => {
    expect(check('07:50', '09:00')?.message).toContain('组长 07:50 早于接车时间 2026-03-05 08:40')
  })

  it('passes a repair finished the next day when the date is written, and fails it when it is not', () => {
    expect(check('17:10', '2026-03-06 09:30')?.status).toBe('pass')
    expect(check('17:10', '09:30')?.status).toBe('fail')
  })

  it('fails a 12-hour time, a missing time and an impossible time', () => {
    expect(check('下午2:20', '15:05')?.message).toContain('组长签字时间“下午2:20”未使用24小时制')
    expect(check('2:20 PM', '15:05')?.message).toContain('未使用24小时制')
    expect(check(null, '15:05')?.message).toBe('《任务委托书》签字：组长签字未写时间')
    expect(check('14:20', '24:10')?.message).toContain('不是有效的24小时制时间')
    expect(check('14:20', '2026-03-05')?.message).toContain('只写了日期')
  })

  it('fails when a signer did not sign at all', () => {
    const result = findCheckResult(
      evaluateArchive(
        FAW_VW_PRESET,
        withFacts(FAW_VW_SERVICE_EXAMPLE, { 'work_order.signatures': [{ role: 'team_leader', signedAt: '14:20' }] }),
        {},
        DEFAULT_RULE_CONTEXT
      ),
      'work-order-signature-times'
    )
    expect(result?.message).toBe('《任务委托书》签字：质检员未签字')
  })

  it('is incomplete until the time the car was received is entered', () => {
    const result = findCheckResult(
      evaluateArchive(
        FAW_VW_PRESET,
        withFacts(FAW_VW_SERVICE_EXAMPLE, { 'archive.receivedAt': undefined }),
        {},
        DEFAULT_RULE_CONTEXT
      ),
      'work-order-signature-times'
    )
    expect(result?.status).toBe('incomplete')
    expect(result?.message).toBe('尚未录入：接车时间')
  })
})

describe('signature times: dates written on the signatures and the received time', () => {
  const L = '《任务委托书》签字'

  it('shows a signature with its date as written, and a dated next-day signature after an undated one', () => {
    expect(check('17:10', '2026-03-06 09:30')?.message).toBe(
      `${L}时间齐全、顺序正确：组长 17:10 → 质检员 2026-03-06 09:30`
    )
    expect(check('2026-03-05 17:10', '09:30')?.message).toBe(
      `${L}：时间顺序不对：质检员 09:30 早于组长 2026-03-05 17:10（若为次日完工，须同时写明日期）`
    )
  })

  it('gives no next-day hint when both dates are written', () => {
    expect(check('2026-03-06 09:30', '2026-03-05 17:10')?.message).toBe(
      `${L}：时间顺序不对：质检员 2026-03-05 17:10 早于组长 2026-03-06 09:30`
    )
  })

  it('reads an undated signature on the day the car was received, and trims what was written', () => {
    expect(check(' 08:40 ', '2026-03-05 08:41')?.status).toBe('pass')
    expect(check('08:39', '2026-03-05 09:00')?.message).toBe(
      `${L}：时间顺序不对：组长 08:39 早于接车时间 2026-03-05 08:40（若为次日完工，须同时写明日期）`
    )
  })

  it('compares only the order of the signatures when the received time has no time of day', () => {
    expect(check('07:10', '07:20', '2026-03-05')).toMatchObject({
      status: 'pass',
      message: `${L}时间齐全、顺序正确：组长 07:10 → 质检员 07:20`
    })
    expect(check('07:10', '07:20', '08:00')).toMatchObject({ status: 'pass' })
    expect(check('07:20', '07:10', '2026-03-05')?.status).toBe('fail')
  })

  it('lists every problem of the signatures, one after another', () => {
    expect(check(null, null)?.message).toBe(`${L}：组长签字未写时间；质检员签字未写时间`)
  })
})
