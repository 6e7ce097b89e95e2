import { describe, expect, it } from 'vitest'
import { FAW_VW_PRESET } from '../../policy/presets/faw-vw'
import { SVW_SKODA_PRESET } from '../../policy/presets/svw-skoda'
import type { Policy } from '../../policy/policy'
import type { ArchiveInput } from '../archive-input'
import { evaluateArchive, findCheckResult } from '../evaluate-archive'
import {
  allManualChecksPassed,
  FAW_VW_SALES_EXAMPLE,
  FAW_VW_SERVICE_EXAMPLE,
  SVW_SKODA_SERVICE_EXAMPLE,
  withFacts
} from '../../../tests/fixtures/example-archives'
import type { FactValue, SignatureEntry } from '../fact-value'
import { DEFAULT_RULE_CONTEXT } from '../rule-context'

const check = (policy: Policy, base: ArchiveInput, code: string, changes: Record<string, FactValue | undefined>) =>
  findCheckResult(
    evaluateArchive(
      policy,
      withFacts(base, changes),
      allManualChecksPassed(policy.archiveTemplates[base.kind]),
      DEFAULT_RULE_CONTEXT
    ),
    code
  )
const signed = (...roles: string[]): SignatureEntry[] => roles.map((role) => ({ role, signedAt: '2026-03-04 15:20' }))

describe('FAW-VW PDI forms: who signed', () => {
  it('P-单 needs 3 signers: warehouse keeper, executor, final inspector', () => {
    const pre = (signatures: SignatureEntry[]) =>
      check(FAW_VW_PRESET, FAW_VW_SALES_EXAMPLE, 'pre-pdi-signatures', { 'pdi_forms.preSignatures': signatures })
    expect(pre(signed('warehouse_keeper', 'executor', 'final_inspector'))?.status).toBe('pass')
    const two = pre(signed('warehouse_keeper', 'executor'))
    expect(two?.status).toBe('fail')
    expect(two?.message).toBe('《PDI保养表》预PDI（P-单子）签字缺少：终检人（应有 3 人签字）')
  })

  it('8-单 needs 5 signers: warehouse keeper, sales advisor, customer, executor, final inspector', () => {
    const outbound = (signatures: SignatureEntry[]) =>
      check(FAW_VW_PRESET, FAW_VW_SALES_EXAMPLE, 'outbound-pdi-signatures', {
        'pdi_forms.outboundSignatures': signatures
      })
    expect(
      outbound(signed('warehouse_keeper', 'sales_advisor', 'customer', 'executor', 'final_inspector'))?.status
    ).toBe('pass')
    const three = outbound(signed('warehouse_keeper', 'executor', 'final_inspector'))
    expect(three?.message).toBe('《PDI保养表》出库PDI（8-单子）签字缺少：销售顾问、客户（应有 5 人签字）')
  })

  it('the purchase agreement needs the sales manager or the sales director', () => {
    const agreement = (signatures: SignatureEntry[]) =>
      check(FAW_VW_PRESET, FAW_VW_SALES_EXAMPLE, 'agreement-manager-signed', {
        'purchase_agreement.signatures': signatures
      })
    expect(agreement(signed('sales_director'))?.status).toBe('pass')
    expect(agreement(signed('sales_manager'))?.status).toBe('pass')
    expect(agreement(signed('customer'))?.message).toBe('《购车协议书》签字缺少：销售经理或销售总监（应有 1 人签字）')
  })

  it('is incomplete before the signatures are recorded', () => {
    expect(
      check(FAW_VW_PRESET, FAW_VW_SALES_EXAMPLE, 'pre-pdi-signatures', { 'pdi_forms.preSignatures': undefined })?.status
    ).toBe('incomplete')
  })
})

describe('test-drive record and SVW-Skoda customer/internal signatures', () => {
  it('FAW-VW test drive: approver, driver and customer', () => {
    const result = check(FAW_VW_PRESET, FAW_VW_SERVICE_EXAMPLE, 'test-drive-signatures', {
      'test_drive.signatures': signed('test_driver')
    })
    expect(result?.message).toBe('《试车记录》签字缺少：试车批准人、客户（应有 3 人签字）')
  })

  it('SVW-Skoda: a missing customer signature fails under the 50-yuan rule, an internal one under the 20-yuan rule', () => {
    const customer = check(SVW_SKODA_PRESET, SVW_SKODA_SERVICE_EXAMPLE, 'work-order-customer-signed', {
      'work_order.signatures': signed('service_advisor')
    })
    expect(customer?.status).toBe('fail')
    expect(customer?.fineRuleCode).toBe('svw-5-5-service-customer-signature')
    const internal = check(SVW_SKODA_PRESET, SVW_SKODA_SERVICE_EXAMPLE, 'work-order-internal-signed', {
      'work_order.signatures': signed('customer')
    })
    expect(internal?.status).toBe('fail')
    expect(internal?.fineRuleCode).toBe('svw-5-5-internal-signature')
  })
})
