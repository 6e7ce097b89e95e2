import type { ArchiveTemplate } from '../policy/archive-template'
import { ARCHIVE_SCOPE, splitFactRef } from '../policy/fact-ref'
import type { FactRef } from '../policy/fact-ref'
import type { ArchiveInput, DocumentInput, ManualCheckResult } from '../rules/archive-input'
import type { FactValue } from '../rules/fact-value'

// Realistic archives that pass every check of the two presets: what the tests start from before they
// break one thing, and what a policy editor can preview a changed policy on. Every document is
// present (optional ones too), so every check item is evaluated.

const present = (form: 'original' | 'copy', facts: Record<string, FactValue> = {}): DocumentInput => ({
  present: true,
  form,
  facts
})

/** FAW-VW sales: delivered 2026-03-05, PDI stamped the day before, invoiced the next morning. */
export const FAW_VW_SALES_EXAMPLE: ArchiveInput = {
  kind: 'sales',
  facts: { deliveryDate: '2026-03-05', salesAdvisor: '李明' },
  documents: {
    delivery_form: present('original', { blankItems: [] }),
    invoice: present('copy', { invoiceDate: '2026-03-05 10:00', buyerName: '王建国' }),
    pdi_certificate: present('copy', { stampDate: '2026-03-04 16:00' }),
    owner_id: present('copy', { name: '王 建国' }),
    conformity_certificate: present('copy'),
    purchase_agreement: present('original', {
      blankItems: [],
      signatures: [{ role: 'sales_manager' }, { role: 'customer' }]
    }),
    pdi_forms: present('original', {
      preContents: ['work_order', 'settlement', 'handover_check', 'maintenance_form'],
      preSignatures: [{ role: 'warehouse_keeper' }, { role: 'executor' }, { role: 'final_inspector' }],
      outboundContents: ['work_order', 'settlement', 'handover_check', 'maintenance_form'],
      outboundDate: '2026-03-04',
      outboundSignatures: [
        { role: 'warehouse_keeper' },
        { role: 'sales_advisor' },
        { role: 'customer' },
        { role: 'executor', signedAt: '2026-03-04 15:20' },
        { role: 'final_inspector', signedAt: '2026-03-04 15:50' }
      ]
    })
  }
}

/** FAW-VW service: a first service at 30 500 km with spark plugs and oil + filters replaced. */
export const FAW_VW_SERVICE_EXAMPLE: ArchiveInput = {
  kind: 'service',
  visitType: 'first_service',
  facts: {
    repairOrderNo: 'RO2603050012',
    orderType: 'other',
    serviceAdvisor: '张伟',
    receivedAt: '2026-03-05 08:40',
    handedBackAt: '2026-03-05 16:30',
    mileageKm: 30500,
    registrationDate: '2023-04-18',
    gearbox: 'automatic'
  },
  documents: {
    first_service_voucher: present('original', { blankItems: [] }),
    work_order: present('original', {
      blankItems: [],
      plate: '吉A5K2M8',
      productionDate: '2023-04-18',
      printedPhone: '13804312345',
      confirmedPhone: '138 0431 2345',
      signatures: [
        { role: 'main_repairer' },
        { role: 'team_leader', signedAt: '14:20' },
        { role: 'quality_inspector', signedAt: '15:05' },
        { role: 'customer' }
      ],
      itemsChanged: true,
      changesConfirmed: true,
      hasAddedItems: true,
      addedItemsQuoteSigned: true,
      estimatedLabour: 300,
      estimatedParts: 500,
      estimatedTotal: 800
    }),
    settlement: present('original', {
      actualAmount: 850,
      financeStamp: true,
      signatures: [
        { role: 'customer', signedAt: '16:20' },
        { role: 'customer', signedAt: '16:30' }
      ],
      replacedItems: ['spark_plugs', 'oil_and_filters'],
      suggestedItems: ['brake_fluid']
    }),
    maintenance_form: present('original', {
      unitsWritten: true,
      blankItems: [],
      treadDepths: { front_left: 5.2, front_right: 5.0, rear_left: 4.8, rear_right: 4.9 },
      spareTyrePressure: 4.2,
      signatures: [
        { role: 'executor', signedAt: '2026-03-05 11:00' },
        { role: 'final_inspector', signedAt: '2026-03-05 11:30' },
        { role: 'customer' }
      ]
    }),
    handover_check: present('original', {
      signatures: [{ role: 'customer' }, { role: 'customer' }],
      repairSuggestions: ['刹车油'],
      usageSuggestions: '雨季注意检查雨刮片',
      blankItems: [],
      mileageWritten: '3.05'
    }),
    test_drive: present('original', {
      testItems: ['制动性能', '转向'],
      blankItems: [],
      signatures: [{ role: 'test_drive_approver' }, { role: 'test_driver' }, { role: 'customer' }]
    }),
    rescue: present('original', {
      blankItems: [],
      rescueAt: '2026-03-05 10:15',
      signatures: [{ role: 'service_manager' }, { role: 'service_director' }]
    }),
    free_inspection: present('original'),
    warranty_certificate: present('copy'),
    maintenance_certificate_copy: present('copy')
  }
}

/** SVW-Skoda new car, bought by a company. */
export const SVW_SKODA_SALES_EXAMPLE: ArchiveInput = {
  kind: 'sales',
  facts: { saleDate: '2026-03-02', deliveryDate: '2026-03-05', salesAdvisor: '赵丽' },
  documents: {
    green_card: present('original', {
      customerName: '长春宏达物流有限公司',
      contactName: '刘洋',
      mobile: '13943112345',
      landline: '0431-85551234',
      address: '吉林省长春市朝阳区人民大街1234号'
    }),
    invoice_copy: present('copy'),
    sales_contract: present('original'),
    id_copy: present('copy'),
    delivery_check: present('original', { signatures: [{ role: 'customer' }] }),
    driving_licence_copy: present('copy'),
    insurance_copy: present('copy'),
    derivative_services: present('original'),
    conformity_certificate_copy: present('copy'),
    delivery_photos: present('original'),
    pdi_check: present('original', { signatures: [{ role: 'customer' }] }),
    other_proofs: present('copy')
  }
}

const signedByCustomerAndAdvisor = { signatures: [{ role: 'customer' }, { role: 'service_advisor' }] }

/** SVW-Skoda service: a minor repair with every optional document filed. */
export const SVW_SKODA_SERVICE_EXAMPLE: ArchiveInput = {
  kind: 'service',
  visitType: 'minor_repair',
  facts: {
    repairOrderNo: 'WX2603050031',
    serviceAdvisor: '孙涛',
    receivedAt: '2026-03-05 09:10',
    handedBackAt: '2026-03-05 15:40',
    mileageKm: 48230
  },
  documents: {
    reception_sheet: present('original', signedByCustomerAndAdvisor),
    work_order: present('original', {
      contactName: '周敏',
      contactPhone: '13504315678',
      ...signedByCustomerAndAdvisor
    }),
    settlement: present('original', signedByCustomerAndAdvisor),
    added_items: present('original', { signatures: [{ role: 'customer' }] }),
    parts_invoice_copy: present('original'),
    test_drive: present('original'),
    damage_assessment: present('original'),
    damage_photos: present('original'),
    test_fault_report: present('original'),
    special_tool_data: present('original'),
    estimate: present('original'),
    first_service_card_copy: present('original'),
    free_inspection: present('original')
  }
}

/** Every manual check item of a template ticked as passed. */
export function allManualChecksPassed(template: ArchiveTemplate): Record<string, ManualCheckResult> {
  const ticks: Record<string, ManualCheckResult> = {}
  for (const document of template.documents) {
    for (const check of document.checks) if (check.mode === 'manual') ticks[check.code] = { passed: true }
  }
  return ticks
}

/** A copy of an archive with some facts changed, by reference ('invoice.invoiceDate'); undefined removes a fact. */
export function withFacts(
  archive: ArchiveInput,
  changes: Readonly<Record<FactRef, FactValue | undefined>>
): ArchiveInput {
  const facts: Record<string, FactValue | undefined> = { ...archive.facts }
  const documents: Record<string, DocumentInput | undefined> = { ...archive.documents }
  for (const [ref, value] of Object.entries(changes)) {
    const { scope, key } = splitFactRef(ref)
    if (scope === ARCHIVE_SCOPE) {
      facts[key] = value
      continue
    }
    const document = documents[scope] ?? { present: true }
    documents[scope] = { ...document, facts: { ...document.facts, [key]: value } }
  }
  return { ...archive, facts, documents }
}

/** A copy of an archive without one document. */
export function withoutDocument(archive: ArchiveInput, documentCode: string): ArchiveInput {
  const { [documentCode]: _removed, ...documents } = archive.documents
  return { ...archive, documents }
}
