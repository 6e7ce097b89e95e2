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
import type { FactValue } from '../fact-value'
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

describe('FAW-VW: PDI stamp date = date of the last (outbound) PDI form', () => {
  const stamp = (stampDate: string, outboundDate: string) =>
    check(FAW_VW_SALES_EXAMPLE, 'pdi-stamp-date-matches-outbound-pdi', {
      'pdi_certificate.stampDate': stampDate,
      'pdi_forms.outboundDate': outboundDate
    })

  it('passes on the same day, whatever the time of the stamp', () => {
    expect(stamp('2026-03-04 16:00', '2026-03-04')?.status).toBe('pass')
  })

  it('fails one day apart, naming both dates', () => {
    const result = stamp('2026-03-05', '2026-03-04')
    expect(result?.status).toBe('fail')
    expect(result?.message).toBe(
      '《交车检查PDI盖章证明复印件》盖章日期 2026-03-05 与《PDI保养表》出库PDI日期 2026-03-04 不一致'
    )
  })
})

describe('FAW-VW: production date = registration date, never 1900/00/00', () => {
  const production = (productionDate: FactValue, registrationDate: FactValue = '2023-04-18') =>
    check(FAW_VW_SERVICE_EXAMPLE, 'work-order-production-date', {
      'work_order.productionDate': productionDate,
      'archive.registrationDate': registrationDate
    })

  it('passes when they agree, however the date was typed', () => {
    expect(production('2023/4/18')?.status).toBe('pass')
  })

  it('fails when they differ', () => {
    expect(production('2023-04-17')?.message).toBe(
      '《任务委托书》生产日期 2023-04-17 与行驶证登记日期 2023-04-18 不一致'
    )
  })

  it('fails the DMS placeholder 1900/00/00 and any 1900 date as not a real date', () => {
    for (const placeholder of ['1900/00/00', '1900-01-01']) {
      const result = production(placeholder)
      expect(result?.status).toBe('fail')
      expect(result?.message).toContain('系统占位日期')
    }
  })
})
