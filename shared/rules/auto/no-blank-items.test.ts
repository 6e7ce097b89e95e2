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

describe('no blank items (delivery form, agreement, work order, maintenance form, handover sheet, test drive, rescue)', () => {
  const cases: [ArchiveInput, string, string][] = [
    [FAW_VW_SALES_EXAMPLE, 'delivery-form-complete', 'delivery_form.blankItems'],
    [FAW_VW_SALES_EXAMPLE, 'agreement-complete', 'purchase_agreement.blankItems'],
    [FAW_VW_SERVICE_EXAMPLE, 'first-service-voucher-complete', 'first_service_voucher.blankItems'],
    [FAW_VW_SERVICE_EXAMPLE, 'work-order-complete', 'work_order.blankItems'],
    [FAW_VW_SERVICE_EXAMPLE, 'maintenance-no-blank', 'maintenance_form.blankItems'],
    [FAW_VW_SERVICE_EXAMPLE, 'handover-no-blank', 'handover_check.blankItems'],
    [FAW_VW_SERVICE_EXAMPLE, 'test-drive-complete', 'test_drive.blankItems'],
    [FAW_VW_SERVICE_EXAMPLE, 'rescue-no-blank', 'rescue.blankItems']
  ]

  it.each(cases)('%#: %s passes with none, fails naming the blanks, waits while not entered', (base, code, ref) => {
    expect(check(base, code, { [ref]: [] })?.status).toBe('pass')
    const blank = check(base, code, { [ref]: ['车牌号码', '用户名'] })
    expect(blank?.status).toBe('fail')
    expect(blank?.message).toMatch(/^《.+》空白或漏填项：车牌号码、用户名$/)
    expect(check(base, code, { [ref]: undefined })?.status).toBe('incomplete')
  })
})
