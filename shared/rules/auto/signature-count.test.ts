import { describe, expect, it } from 'vitest'
import { FAW_VW_PRESET } from '../../policy/presets/faw-vw'
import { evaluateArchive, findCheckResult } from '../evaluate-archive'
import { allManualChecksPassed, FAW_VW_SERVICE_EXAMPLE, withFacts } from '../../../tests/fixtures/example-archives'
import type { FactValue } from '../fact-value'
import { DEFAULT_RULE_CONTEXT } from '../rule-context'

const check = (code: string, changes: Record<string, FactValue | undefined>) =>
  findCheckResult(
    evaluateArchive(
      FAW_VW_PRESET,
      withFacts(FAW_VW_SERVICE_EXAMPLE, changes),
      allManualChecksPassed(FAW_VW_PRESET.archiveTemplates.service),
      DEFAULT_RULE_CONTEXT
    ),
    code
  )
const customerSignatures = (count: number) => Array.from({ length: count }, () => ({ role: 'customer' }))

describe('FAW-VW: the customer signs twice', () => {
  it('settlement: two customer signatures pass, one fails', () => {
    expect(check('settlement-customer-signed-twice', { 'settlement.signatures': customerSignatures(2) })?.status).toBe(
      'pass'
    )
    expect(check('settlement-customer-signed-twice', { 'settlement.signatures': customerSignatures(3) })?.status).toBe(
      'pass'
    )
    const once = check('settlement-customer-signed-twice', { 'settlement.signatures': customerSignatures(1) })
    expect(once?.status).toBe('fail')
    expect(once?.message).toBe('《结算单》签字：客户签字 1 次，应有 2 次')
  })

  it('handover sheet: no customer signature fails', () => {
    expect(check('handover-customer-signed-twice', { 'handover_check.signatures': [] })?.message).toBe(
      '《一汽大众接/交车检查表》签字：客户签字 0 次，应有 2 次'
    )
  })
})
