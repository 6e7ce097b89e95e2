import { describe, expect, it } from 'vitest'
import { FAW_VW_PRESET } from '../../policy/presets/faw-vw'
import { evaluateArchive, findCheckResult } from '../evaluate-archive'
import { allManualChecksPassed, FAW_VW_SALES_EXAMPLE, withFacts } from '../../../tests/fixtures/example-archives'
import type { FactValue } from '../fact-value'
import { DEFAULT_RULE_CONTEXT } from '../rule-context'

// FAW-VW 销售档案检查标准(2): invoice date vs PDI stamp date, at most 24 hours apart.
const check = (invoiceDate: FactValue | undefined, stampDate: FactValue | undefined) =>
  findCheckResult(
    evaluateArchive(
      FAW_VW_PRESET,
      withFacts(FAW_VW_SALES_EXAMPLE, {
        'invoice.invoiceDate': invoiceDate,
        'pdi_certificate.stampDate': stampDate,
        'pdi_forms.outboundDate': '2026-03-03'
      }),
      allManualChecksPassed(FAW_VW_PRESET.archiveTemplates.sales),
      DEFAULT_RULE_CONTEXT
    ),
    'invoice-date-vs-pdi-stamp'
  )

describe('invoice date vs PDI stamp date (≤ 24 h)', () => {
  it('passes at exactly 24 hours and fails at 24 hours and 1 minute', () => {
    expect(check('2026-03-04 09:00', '2026-03-03 09:00')?.status).toBe('pass')
    const late = check('2026-03-04 09:01', '2026-03-03 09:00')
    expect(late?.status).toBe('fail')
    expect(late?.message).toContain('晚 24 小时 1 分钟，超过 24 小时')
  })

  it('says by how many hours, with both dates, when the invoice is 2 days late', () => {
    expect(check('2026-03-05 10:00', '2026-03-03 09:00')?.message).toBe(
      '《购车发票》开票日期 2026-03-05 10:00 比《交车检查PDI盖章证明复印件》盖章日期 2026-03-03 09:00 晚 49 小时，超过 24 小时'
    )
  })

  it('measures the distance both ways: an invoice before the stamp counts too', () => {
    expect(check('2026-03-02 09:00', '2026-03-03 09:00')?.status).toBe('pass')
    const early = check('2026-03-02 08:59', '2026-03-03 09:00')
    expect(early?.status).toBe('fail')
    expect(early?.message).toContain('早 24 小时 1 分钟')
  })

  it('compares by day when a date has no time: one day apart passes, two fail', () => {
    expect(check('2026-03-04', '2026-03-03 09:00')?.status).toBe('pass')
    expect(check('2026-03-03', '2026-03-03')?.status).toBe('pass')
    const twoDays = check('2026-03-05', '2026-03-03')
    expect(twoDays?.status).toBe('fail')
    expect(twoDays?.message).toContain('晚 2 天')
  })

  it('accepts dates as typed (2026/3/4, 2026年3月4日)', () => {
    expect(check('2026/3/4 08:00', '2026年3月3日 09:00')?.status).toBe('pass')
  })

  it('is incomplete until both dates are entered, naming the missing one', () => {
    const result = check(undefined, '2026-03-03 09:00')
    expect(result?.status).toBe('incomplete')
    expect(result?.message).toBe('尚未录入：《购车发票》开票日期')
  })

  it('fails a blank, impossible or time-only date', () => {
    expect(check(null, '2026-03-03')?.message).toBe('《购车发票》开票日期未填写')
    expect(check('2026-02-30', '2026-03-03')?.message).toBe('《购车发票》开票日期：“2026-02-30”不是有效日期')
    expect(check('10:00', '2026-03-03')?.message).toBe('《购车发票》开票日期未写日期')
    expect(check('2026-03-03', '10:00')?.message).toBe('《交车检查PDI盖章证明复印件》盖章日期未写日期')
    expect(check('09:00', '10:00')?.message).toBe('《购车发票》开票日期、《交车检查PDI盖章证明复印件》盖章日期未写日期')
  })
})

describe('invoice date vs PDI stamp date when only one has a time', () => {
  it('compares by whole days, not from midnight', () => {
    // By the clock 47 hours apart; by day only one.
    expect(check('2026-03-04 23:00', '2026-03-03')).toMatchObject({
      status: 'pass',
      message:
        '《购车发票》开票日期 2026-03-04 23:00 比《交车检查PDI盖章证明复印件》盖章日期 2026-03-03 晚 1 天，未超过 24 小时'
    })
  })

  it('says the dates are the same when they are', () => {
    expect(check('2026-03-03 09:00', '2026-03-03 09:00')).toMatchObject({
      status: 'pass',
      message: '《购车发票》开票日期 2026-03-03 09:00 与《交车检查PDI盖章证明复印件》盖章日期 2026-03-03 09:00 相同'
    })
  })
})
