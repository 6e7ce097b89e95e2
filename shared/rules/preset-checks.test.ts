import { describe, expect, it } from 'vitest'
import { FAW_VW_PRESET } from '../policy/presets/faw-vw'
import { SVW_SKODA_PRESET } from '../policy/presets/svw-skoda'
import type { Policy } from '../policy/policy'
import type { ArchiveInput } from './archive-input'
import { evaluateArchive, findCheckResult } from './evaluate-archive'
import {
  allManualChecksPassed,
  FAW_VW_SALES_EXAMPLE,
  FAW_VW_SERVICE_EXAMPLE,
  SVW_SKODA_SALES_EXAMPLE,
  SVW_SKODA_SERVICE_EXAMPLE,
  withFacts
} from '../../tests/fixtures/example-archives'
import type { FactValue } from './fact-value'
import { DEFAULT_RULE_CONTEXT } from './rule-context'

// Every check item of both presets, pass and fail: each automatic item passes on the conforming example
// (after `arrange` where it does not apply by default) and fails once `breakIt` is applied; each manual
// item is pending until ticked, passes when ticked, fails when refused.

type Changes = Record<string, FactValue | undefined>
interface Case {
  readonly arrange?: Changes
  readonly breakIt: Changes
}

const FIVE_ITEMS = ['spark_plugs', 'oil_and_filters', 'gearbox_oil', 'brake_fluid', 'power_steering_fluid']

const FAW_SALES: Record<string, Case> = {
  'delivery-form-complete': { breakIt: { 'delivery_form.blankItems': ['购车日期'] } },
  'invoice-date-vs-pdi-stamp': { breakIt: { 'invoice.invoiceDate': '2026-03-06 10:00' } },
  'invoice-buyer-matches-id': { breakIt: { 'owner_id.name': '王建华' } },
  'pdi-stamp-date-matches-outbound-pdi': { breakIt: { 'pdi_forms.outboundDate': '2026-03-03' } },
  'agreement-complete': { breakIt: { 'purchase_agreement.blankItems': ['付款方式'] } },
  'agreement-manager-signed': { breakIt: { 'purchase_agreement.signatures': [{ role: 'customer' }] } },
  'pre-pdi-contents': { breakIt: { 'pdi_forms.preContents': ['work_order'] } },
  'pre-pdi-signatures': { breakIt: { 'pdi_forms.preSignatures': [{ role: 'executor' }] } },
  'outbound-pdi-contents': { breakIt: { 'pdi_forms.outboundContents': [] } },
  'outbound-pdi-signatures': {
    breakIt: {
      'pdi_forms.outboundSignatures': [
        { role: 'executor', signedAt: '2026-03-04' },
        { role: 'final_inspector', signedAt: '2026-03-04' }
      ]
    }
  },
  'outbound-pdi-signatures-dated': {
    breakIt: {
      'pdi_forms.outboundSignatures': [{ role: 'executor' }, { role: 'final_inspector', signedAt: '2026-03-04' }]
    }
  },
  'outbound-pdi-signature-dates-consistent': {
    breakIt: {
      'pdi_forms.outboundSignatures': [
        { role: 'executor', signedAt: '2026-03-04' },
        { role: 'final_inspector', signedAt: '2026-03-05' }
      ]
    }
  }
}

const FAW_SERVICE: Record<string, Case> = {
  'first-service-voucher-complete': { breakIt: { 'first_service_voucher.blankItems': ['首保日期'] } },
  'work-order-complete': { breakIt: { 'work_order.blankItems': ['发动机号'] } },
  'work-order-plate-complete': { breakIt: { 'work_order.plate': '吉A' } },
  'work-order-production-date': { breakIt: { 'work_order.productionDate': '1900/00/00' } },
  'work-order-phone-matches': { breakIt: { 'work_order.confirmedPhone': '13904311111' } },
  'work-order-repairer-signed': {
    breakIt: {
      'work_order.signatures': [
        { role: 'team_leader', signedAt: '14:20' },
        { role: 'quality_inspector', signedAt: '15:05' },
        { role: 'customer' }
      ]
    }
  },
  'work-order-signature-times': {
    breakIt: {
      'work_order.signatures': [
        { role: 'main_repairer' },
        { role: 'team_leader', signedAt: '15:20' },
        { role: 'quality_inspector', signedAt: '15:05' },
        { role: 'customer' }
      ]
    }
  },
  'work-order-changes-confirmed': { breakIt: { 'work_order.changesConfirmed': false } },
  'work-order-added-items-quote': { breakIt: { 'work_order.addedItemsQuoteSigned': false } },
  'work-order-customer-signed': {
    breakIt: {
      'work_order.signatures': [
        { role: 'main_repairer' },
        { role: 'team_leader', signedAt: '14:20' },
        { role: 'quality_inspector', signedAt: '15:05' }
      ]
    }
  },
  'work-order-estimate-vs-actual': { breakIt: { 'settlement.actualAmount': 1200 } },
  'work-order-estimate-breakdown': { breakIt: { 'work_order.estimatedLabour': null } },
  'settlement-finance-stamp': { breakIt: { 'settlement.financeStamp': false } },
  'settlement-customer-signed-twice': { breakIt: { 'settlement.signatures': [{ role: 'customer' }] } },
  'settlement-has-suggestions': {
    breakIt: { 'settlement.suggestedItems': [], 'handover_check.repairSuggestions': [] }
  },
  'settlement-suggestions-match-handover': { breakIt: { 'handover_check.repairSuggestions': ['火花塞'] } },
  'settlement-30000km-suggestions': { breakIt: { 'settlement.replacedItems': ['oil_and_filters'] } },
  'settlement-60000km-suggestions': {
    arrange: {
      'archive.mileageKm': 60000,
      'handover_check.mileageWritten': '6.0',
      'settlement.replacedItems': FIVE_ITEMS
    },
    breakIt: { 'settlement.replacedItems': FIVE_ITEMS.filter((item) => item !== 'power_steering_fluid') }
  },
  'maintenance-units-written': { breakIt: { 'maintenance_form.unitsWritten': false } },
  'maintenance-tread-depth': {
    breakIt: { 'maintenance_form.treadDepths': { front_left: 2.9, front_right: 5.0, rear_left: 4.8, rear_right: 4.9 } }
  },
  'maintenance-no-blank': { breakIt: { 'maintenance_form.blankItems': ['雨刮'] } },
  'maintenance-signatures-dated': {
    breakIt: {
      'maintenance_form.signatures': [
        { role: 'executor', signedAt: '11:00' },
        { role: 'final_inspector', signedAt: '2026-03-05 11:30' },
        { role: 'customer' }
      ]
    }
  },
  'maintenance-customer-signed': {
    breakIt: {
      'maintenance_form.signatures': [
        { role: 'executor', signedAt: '2026-03-05 11:00' },
        { role: 'final_inspector', signedAt: '2026-03-05 11:30' }
      ]
    }
  },
  'maintenance-spare-tyre-pressure': { breakIt: { 'maintenance_form.spareTyrePressure': null } },
  'handover-customer-signed-twice': { breakIt: { 'handover_check.signatures': [{ role: 'customer' }] } },
  'handover-has-suggestions': { breakIt: { 'handover_check.usageSuggestions': '' } },
  'handover-no-blank': { breakIt: { 'handover_check.blankItems': ['车牌号码'] } },
  'handover-mileage-format': { breakIt: { 'handover_check.mileageWritten': '30500' } },
  'test-drive-items-marked': { breakIt: { 'test_drive.testItems': [] } },
  'test-drive-complete': { breakIt: { 'test_drive.blankItems': ['试车路线'] } },
  'test-drive-signatures': { breakIt: { 'test_drive.signatures': [{ role: 'test_driver' }] } },
  'rescue-no-blank': { breakIt: { 'rescue.blankItems': ['救援地点'] } },
  'rescue-leaders-signed': { breakIt: { 'rescue.signatures': [{ role: 'service_manager' }] } }
}

const SVW_SALES: Record<string, Case> = {
  'green-card-filled': { breakIt: { 'green_card.address': '' } },
  'green-card-mobile': { breakIt: { 'green_card.mobile': '1394311234' } },
  'green-card-landline-area-code': { breakIt: { 'green_card.landline': '85551234' } },
  'delivery-check-customer-signed': { breakIt: { 'delivery_check.signatures': [] } },
  'pdi-check-customer-signed': { breakIt: { 'pdi_check.signatures': [] } }
}

const SVW_SERVICE: Record<string, Case> = {
  'reception-sheet-customer-signed': { breakIt: { 'reception_sheet.signatures': [{ role: 'service_advisor' }] } },
  'reception-sheet-internal-signed': { breakIt: { 'reception_sheet.signatures': [{ role: 'customer' }] } },
  'work-order-contact-confirmed': { breakIt: { 'work_order.contactName': null } },
  'work-order-contact-phone-valid': { breakIt: { 'work_order.contactPhone': '1350431567' } },
  'work-order-customer-signed': { breakIt: { 'work_order.signatures': [{ role: 'service_advisor' }] } },
  'work-order-internal-signed': { breakIt: { 'work_order.signatures': [{ role: 'customer' }] } },
  'settlement-customer-signed': { breakIt: { 'settlement.signatures': [{ role: 'service_advisor' }] } },
  'settlement-internal-signed': { breakIt: { 'settlement.signatures': [{ role: 'customer' }] } },
  'added-items-customer-signed': { breakIt: { 'added_items.signatures': [] } }
}

const SUITES: [string, Policy, ArchiveInput, Record<string, Case>][] = [
  ['FAW-VW 销售档案', FAW_VW_PRESET, FAW_VW_SALES_EXAMPLE, FAW_SALES],
  ['FAW-VW 服务档案', FAW_VW_PRESET, FAW_VW_SERVICE_EXAMPLE, FAW_SERVICE],
  ['SVW-Skoda 新车档案', SVW_SKODA_PRESET, SVW_SKODA_SALES_EXAMPLE, SVW_SALES],
  ['SVW-Skoda 售后档案', SVW_SKODA_PRESET, SVW_SKODA_SERVICE_EXAMPLE, SVW_SERVICE]
]

describe.each(SUITES)('%s: every check item', (_name, policy, example, cases) => {
  const template = policy.archiveTemplates[example.kind]
  const checks = template.documents.flatMap((document) => document.checks)
  const manual = allManualChecksPassed(template)

  it('the example archive is accepted', () => {
    expect(evaluateArchive(policy, example, manual, DEFAULT_RULE_CONTEXT).verdict).toBe('accepted')
  })

  it('this table covers every automatic item of the preset, and nothing else', () => {
    expect(Object.keys(cases).sort()).toEqual(
      checks
        .filter((c) => c.mode === 'auto')
        .map((c) => c.code)
        .sort()
    )
  })

  it.each(Object.entries(cases))('%s: passes, then fails when broken', (code, { arrange = {}, breakIt }) => {
    const arranged = withFacts(example, arrange)
    expect(findCheckResult(evaluateArchive(policy, arranged, manual, DEFAULT_RULE_CONTEXT), code)?.status).toBe('pass')
    const broken = evaluateArchive(policy, withFacts(arranged, breakIt), manual, DEFAULT_RULE_CONTEXT)
    const result = findCheckResult(broken, code)
    expect(result?.status).toBe('fail')
    expect(broken.verdict).toBe('nonconforming')
    expect(broken.failures.find((failure) => failure.checkCode === code)?.message).toBe(result?.message)
    expect(result?.message).toMatch(/[\u4e00-\u9fff]/)
  })

  it.each(checks.filter((c) => c.mode === 'manual').map((c) => [c.code]))(
    '%s (manual): pending, then passed or refused',
    (code) => {
      const { [code]: _ticked, ...others } = manual
      expect(findCheckResult(evaluateArchive(policy, example, others, DEFAULT_RULE_CONTEXT), code)?.status).toBe(
        'pending'
      )
      expect(evaluateArchive(policy, example, others, DEFAULT_RULE_CONTEXT).verdict).toBe('incomplete')
      expect(
        findCheckResult(
          evaluateArchive(policy, example, { ...others, [code]: { passed: true } }, DEFAULT_RULE_CONTEXT),
          code
        )?.status
      ).toBe('pass')
      const refused = evaluateArchive(
        policy,
        example,
        {
          ...others,
          [code]: { passed: false, note: '复印件模糊，无法辨认' }
        },
        DEFAULT_RULE_CONTEXT
      )
      expect(findCheckResult(refused, code)?.status).toBe('fail')
      expect(refused.failures.find((failure) => failure.checkCode === code)?.message).toBe('复印件模糊，无法辨认')
    }
  )
})
