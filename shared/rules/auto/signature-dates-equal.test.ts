import { describe, expect, it } from 'vitest'
import { FAW_VW_PRESET } from '../../policy/presets/faw-vw'
import { evaluateArchive, findCheckResult } from '../evaluate-archive'
import { allManualChecksPassed, FAW_VW_SALES_EXAMPLE, withFacts } from '../../../tests/fixtures/example-archives'
import type { FactValue, SignatureEntry } from '../fact-value'
import { DEFAULT_RULE_CONTEXT } from '../rule-context'

// FAW-VW 出库PDI: 执行人和终检人签字日期必须保持一致，并与出库PDI日期相同.
const signed = (executorAt: string | undefined, inspectorAt: string | undefined): SignatureEntry[] => [
  { role: 'warehouse_keeper' },
  { role: 'sales_advisor' },
  { role: 'customer' },
  { role: 'executor', ...(executorAt === undefined ? {} : { signedAt: executorAt }) },
  { role: 'final_inspector', ...(inspectorAt === undefined ? {} : { signedAt: inspectorAt }) }
]
const check = (signatures: SignatureEntry[], outboundDate: FactValue | undefined) =>
  findCheckResult(
    evaluateArchive(
      FAW_VW_PRESET,
      withFacts(FAW_VW_SALES_EXAMPLE, {
        'pdi_forms.outboundSignatures': signatures,
        'pdi_forms.outboundDate': outboundDate
      }),
      allManualChecksPassed(FAW_VW_PRESET.archiveTemplates.sales),
      DEFAULT_RULE_CONTEXT
    ),
    'outbound-pdi-signature-dates-consistent'
  )

describe('outbound PDI signature dates agree with each other and with the outbound date', () => {
  it('passes when both signed on the outbound day, listing who signed when', () => {
    expect(check(signed('2026-03-04 15:20', '2026-03-04 15:50'), '2026-03-04')).toMatchObject({
      status: 'pass',
      message:
        '《PDI保养表》出库PDI（8-单子）签字日期一致：执行人 2026-03-04，终检人 2026-03-04，《PDI保养表》出库PDI日期 2026-03-04'
    })
  })

  it('fails when a signature is dated another day than the outbound PDI', () => {
    expect(check(signed('2026-03-04 15:20', '2026-03-05 09:00'), '2026-03-04')).toMatchObject({
      status: 'fail',
      message:
        '《PDI保养表》出库PDI（8-单子）签字日期不一致：执行人 2026-03-04，终检人 2026-03-05，《PDI保养表》出库PDI日期 2026-03-04'
    })
    expect(check(signed('2026-03-05', '2026-03-05'), '2026-03-04')).toMatchObject({
      status: 'fail',
      message:
        '《PDI保养表》出库PDI（8-单子）签字日期不一致：执行人 2026-03-05，终检人 2026-03-05，《PDI保养表》出库PDI日期 2026-03-04'
    })
  })

  it('compares the signatures with each other when the outbound date has only a time', () => {
    expect(check(signed('2026-03-05 08:00', '2026-03-05 09:00'), '10:00')).toMatchObject({
      status: 'pass',
      message: '《PDI保养表》出库PDI（8-单子）签字日期一致：执行人 2026-03-05，终检人 2026-03-05'
    })
    expect(check(signed('2026-03-05 08:00', '2026-03-06 09:00'), '10:00')?.status).toBe('fail')
  })

  it('leaves undated signatures to the item that asks for dates', () => {
    expect(check(signed(undefined, undefined), '10:00')).toMatchObject({
      status: 'not_applicable',
      message: '《PDI保养表》出库PDI（8-单子）签字没有写日期的签字可供核对'
    })
    expect(check(signed(undefined, '2026-03-04 15:50'), '2026-03-04')).toMatchObject({
      status: 'pass',
      message: '《PDI保养表》出库PDI（8-单子）签字日期一致：终检人 2026-03-04，《PDI保养表》出库PDI日期 2026-03-04'
    })
    expect(check(signed('15:20', '2026-03-04 15:50'), '2026-03-04')?.status).toBe('pass')
  })

  it('waits for the outbound date before judging', () => {
    expect(check(signed('2026-03-04 15:20', '2026-03-04 15:50'), undefined)).toMatchObject({
      status: 'incomplete',
      message: '尚未录入：《PDI保养表》出库PDI日期'
    })
  })
})
