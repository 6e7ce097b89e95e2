import { describe, expect, it } from 'vitest'
import { FAW_VW_PRESET } from '../../policy/presets/faw-vw'
import { evaluateArchive, findCheckResult } from '../evaluate-archive'
import {
  allManualChecksPassed,
  FAW_VW_SALES_EXAMPLE,
  FAW_VW_SERVICE_EXAMPLE,
  withFacts
} from '../../../tests/fixtures/example-archives'
import type { ArchiveInput } from '../archive-input'
import type { FactValue, SignatureEntry } from '../fact-value'
import { DEFAULT_RULE_CONTEXT } from '../rule-context'

const check = (base: ArchiveInput, code: string, changes: Record<string, FactValue | undefined>) =>
  findCheckResult(
    evaluateArchive(
      FAW_VW_PRESET,
      withFacts(base, changes),
      allManualChecksPassed(FAW_VW_PRESET.archiveTemplates[base.kind]),
      DEFAULT_RULE_CONTEXT
    ),
    code
  )
const outbound = (executorAt: string | null, inspectorAt: string | null): SignatureEntry[] => [
  { role: 'warehouse_keeper' },
  { role: 'sales_advisor' },
  { role: 'customer' },
  { role: 'executor', signedAt: executorAt },
  { role: 'final_inspector', signedAt: inspectorAt }
]

describe('FAW-VW: executor and final-inspector signatures are dated', () => {
  it('outbound PDI: both dated passes', () => {
    expect(
      check(FAW_VW_SALES_EXAMPLE, 'outbound-pdi-signatures-dated', {
        'pdi_forms.outboundSignatures': outbound('2026-03-04', '2026-03-04 16:00')
      })?.status
    ).toBe('pass')
  })

  it('outbound PDI: an undated or time-only signature fails, naming the signer', () => {
    const result = check(FAW_VW_SALES_EXAMPLE, 'outbound-pdi-signatures-dated', {
      'pdi_forms.outboundSignatures': outbound(null, '15:50')
    })
    expect(result?.status).toBe('fail')
    expect(result?.message).toBe(
      '《PDI保养表》出库PDI（8-单子）签字：执行人签字未写日期；终检人签字只写了时间“15:50”，未写日期'
    )
  })

  it('maintenance form: a missing final-inspector signature is reported', () => {
    const result = check(FAW_VW_SERVICE_EXAMPLE, 'maintenance-signatures-dated', {
      'maintenance_form.signatures': [{ role: 'executor', signedAt: '2026-03-05' }, { role: 'customer' }]
    })
    expect(result?.message).toBe('《保养表》签字：终检人未签字')
  })
})

describe('FAW-VW: outbound PDI signature dates agree with each other and with the PDI date', () => {
  it('passes when all agree', () => {
    expect(
      check(FAW_VW_SALES_EXAMPLE, 'outbound-pdi-signature-dates-consistent', {
        'pdi_forms.outboundSignatures': outbound('2026-03-04', '2026-03-04')
      })?.status
    ).toBe('pass')
  })

  it('fails when the signatures disagree', () => {
    const result = check(FAW_VW_SALES_EXAMPLE, 'outbound-pdi-signature-dates-consistent', {
      'pdi_forms.outboundSignatures': outbound('2026-03-04', '2026-03-05')
    })
    expect(result?.status).toBe('fail')
    expect(result?.message).toBe(
      '《PDI保养表》出库PDI（8-单子）签字日期不一致：执行人 2026-03-04，终检人 2026-03-05，《PDI保养表》出库PDI日期 2026-03-04'
    )
  })

  it('fails when they agree with each other but not with the outbound PDI date', () => {
    expect(
      check(FAW_VW_SALES_EXAMPLE, 'outbound-pdi-signature-dates-consistent', {
        'pdi_forms.outboundSignatures': outbound('2026-03-03', '2026-03-03')
      })?.status
    ).toBe('fail')
  })

  it('leaves undated signatures to the "dated" item', () => {
    expect(
      check(FAW_VW_SALES_EXAMPLE, 'outbound-pdi-signature-dates-consistent', {
        'pdi_forms.outboundSignatures': outbound(null, '2026-03-04')
      })?.status
    ).toBe('pass')
  })
})

describe('FAW-VW outbound PDI: what the dated-signatures item says', () => {
  const L = '《PDI保养表》出库PDI（8-单子）签字'
  const run = (signatures: FactValue | undefined) =>
    check(FAW_VW_SALES_EXAMPLE, 'outbound-pdi-signatures-dated', { 'pdi_forms.outboundSignatures': signatures })

  it('lists the dates it found', () => {
    expect(run(outbound(' 2026-03-04 ', '2026-03-04 16:00'))).toMatchObject({
      status: 'pass',
      message: `${L}写有日期：执行人 2026-03-04，终检人 2026-03-04`
    })
  })

  it('passes on the reason of a date that cannot be read', () => {
    expect(run(outbound('2026-02-30', '2026-03-04'))?.message).toBe(`${L}：执行人签字日期“2026-02-30”不是有效日期`)
  })

  it('waits for the signatures to be entered', () => {
    expect(run(undefined)).toMatchObject({ status: 'incomplete', message: `尚未录入：${L}` })
  })
})
