import { describe, expect, it } from 'vitest'
import { SVW_SKODA_PRESET } from '../../policy/presets/svw-skoda'
import type { ArchiveInput } from '../archive-input'
import { evaluateArchive, findCheckResult } from '../evaluate-archive'
import {
  allManualChecksPassed,
  SVW_SKODA_SALES_EXAMPLE,
  SVW_SKODA_SERVICE_EXAMPLE,
  withFacts
} from '../../../tests/fixtures/example-archives'
import type { FactValue } from '../fact-value'
import { DEFAULT_RULE_CONTEXT } from '../rule-context'

const check = (base: ArchiveInput, code: string, changes: Record<string, FactValue | undefined>) =>
  findCheckResult(
    evaluateArchive(
      SVW_SKODA_PRESET,
      withFacts(base, changes),
      allManualChecksPassed(SVW_SKODA_PRESET.archiveTemplates[base.kind]),
      DEFAULT_RULE_CONTEXT
    ),
    code
  )

describe('SVW-Skoda 绿卡: mobile, and a landline with its area code', () => {
  it('the mobile must be an 11-digit mobile number', () => {
    expect(check(SVW_SKODA_SALES_EXAMPLE, 'green-card-mobile', { 'green_card.mobile': '139 4311 2345' })?.status).toBe(
      'pass'
    )
    expect(check(SVW_SKODA_SALES_EXAMPLE, 'green-card-mobile', { 'green_card.mobile': '1394311234' })?.message).toBe(
      '《绿卡》联系手机“1394311234”：手机号应为11位，现在填了10位，请核对'
    )
    expect(
      check(SVW_SKODA_SALES_EXAMPLE, 'green-card-mobile', { 'green_card.mobile': '0431-85551234' })?.message
    ).toContain('不是手机号')
  })

  it('a landline without its area code fails; none at all is fine', () => {
    const noAreaCode = check(SVW_SKODA_SALES_EXAMPLE, 'green-card-landline-area-code', {
      'green_card.landline': '85551234'
    })
    expect(noAreaCode?.status).toBe('fail')
    expect(noAreaCode?.message).toContain('区号')
    expect(check(SVW_SKODA_SALES_EXAMPLE, 'green-card-landline-area-code', { 'green_card.landline': '' })?.status).toBe(
      'not_applicable'
    )
  })

  it("the visit's contact number may be a mobile or a landline with area code", () => {
    expect(
      check(SVW_SKODA_SERVICE_EXAMPLE, 'work-order-contact-phone-valid', { 'work_order.contactPhone': '0431-85551234' })
        ?.status
    ).toBe('pass')
    expect(
      check(SVW_SKODA_SERVICE_EXAMPLE, 'work-order-contact-phone-valid', { 'work_order.contactPhone': '5551234' })
        ?.status
    ).toBe('fail')
  })
})
