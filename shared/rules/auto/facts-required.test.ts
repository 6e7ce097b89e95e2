import { describe, expect, it } from 'vitest'
import { FAW_VW_PRESET } from '../../policy/presets/faw-vw'
import { SVW_SKODA_PRESET } from '../../policy/presets/svw-skoda'
import type { Policy } from '../../policy/policy'
import type { ArchiveInput } from '../archive-input'
import { evaluateArchive, findCheckResult } from '../evaluate-archive'
import {
  allManualChecksPassed,
  FAW_VW_SERVICE_EXAMPLE,
  SVW_SKODA_SALES_EXAMPLE,
  SVW_SKODA_SERVICE_EXAMPLE,
  withFacts
} from '../../../tests/fixtures/example-archives'
import type { FactValue } from '../fact-value'
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

describe('required contents', () => {
  it('SVW-Skoda 绿卡: name, contact, mobile and address', () => {
    expect(check(SVW_SKODA_PRESET, SVW_SKODA_SALES_EXAMPLE, 'green-card-filled', {})?.status).toBe('pass')
    const blank = check(SVW_SKODA_PRESET, SVW_SKODA_SALES_EXAMPLE, 'green-card-filled', {
      'green_card.contactName': '',
      'green_card.address': null
    })
    expect(blank?.status).toBe('fail')
    expect(blank?.message).toBe('未填写：《绿卡》联系人、《绿卡》联系地址')
    const notYet = check(SVW_SKODA_PRESET, SVW_SKODA_SALES_EXAMPLE, 'green-card-filled', {
      'green_card.mobile': undefined
    })
    expect(notYet?.status).toBe('incomplete')
  })

  it("SVW-Skoda 五.3: the visit's contact person and single number, charged 50 yuan per visit", () => {
    const result = check(SVW_SKODA_PRESET, SVW_SKODA_SERVICE_EXAMPLE, 'work-order-contact-confirmed', {
      'work_order.contactPhone': ''
    })
    expect(result?.status).toBe('fail')
    expect(result?.fineRuleCode).toBe('svw-5-3-contact-not-confirmed')
  })

  it('FAW-VW: suggestions must exist (an empty list fails) and the spare-tyre pressure is noted', () => {
    expect(
      check(FAW_VW_PRESET, FAW_VW_SERVICE_EXAMPLE, 'settlement-has-suggestions', {
        'settlement.suggestedItems': [],
        'handover_check.repairSuggestions': []
      })?.status
    ).toBe('fail')
    expect(
      check(FAW_VW_PRESET, FAW_VW_SERVICE_EXAMPLE, 'maintenance-spare-tyre-pressure', {
        'maintenance_form.spareTyrePressure': null
      })?.message
    ).toBe('未填写：《保养表》备胎胎压')
    expect(
      check(FAW_VW_PRESET, FAW_VW_SERVICE_EXAMPLE, 'handover-has-suggestions', {
        'handover_check.usageSuggestions': '  '
      })?.status
    ).toBe('fail')
  })

  it('FAW-VW: estimate with labour, parts and total', () => {
    expect(
      check(FAW_VW_PRESET, FAW_VW_SERVICE_EXAMPLE, 'work-order-estimate-breakdown', {
        'work_order.estimatedParts': null
      })?.status
    ).toBe('fail')
  })
})
