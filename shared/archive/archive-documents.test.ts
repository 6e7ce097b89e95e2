import { describe, expect, it } from 'vitest'
import { getPreset } from '../policy/presets/preset-registry'
import type { ArchiveInput } from '../rules'
import { documentsPresent, requiredDocumentsMissing } from './archive-documents'
import { readArchiveInput, readManualResults } from './archive-record'

const policy = getPreset('faw-vw')
const received = (kind: ArchiveInput['kind'], ...codes: string[]): ArchiveInput => ({
  kind,
  documents: Object.fromEntries([...codes.map((code) => [code, { present: true }]), ['invoice', { present: false }]])
})
const codes = (documents: readonly { code: string }[]) => documents.map((d) => d.code)

describe('what the handover sheet notes as received and as missing', () => {
  it('lists the documents received in filing order, whatever order they were recorded in', () => {
    const sales = { kind: 'sales' as const, visitType: null }
    expect(codes(documentsPresent(policy, sales, received('sales', 'pdi_forms', 'delivery_form', 'owner_id')))).toEqual(
      ['delivery_form', 'owner_id', 'pdi_forms']
    )
  })

  it('a sales archive lacks every document it did not receive, a document marked absent included', () => {
    const sales = { kind: 'sales' as const, visitType: null }
    expect(codes(requiredDocumentsMissing(policy, sales, received('sales', 'delivery_form', 'owner_id')))).toEqual([
      'invoice',
      'pdi_certificate',
      'conformity_certificate',
      'purchase_agreement',
      'pdi_forms'
    ])
  })

  it('a service archive lacks only what its visit type requires', () => {
    const input = received('service', 'work_order', 'settlement', 'handover_check', 'free_inspection')
    expect(codes(requiredDocumentsMissing(policy, { kind: 'service', visitType: 'first_service' }, input))).toEqual([
      'first_service_voucher',
      'maintenance_form',
      'test_drive',
      'warranty_certificate',
      'maintenance_certificate_copy'
    ])
    expect(codes(requiredDocumentsMissing(policy, { kind: 'service', visitType: 'routine_service' }, input))).toEqual([
      'maintenance_form'
    ])
    // Without a visit type only the documents every visit needs are required.
    expect(codes(requiredDocumentsMissing(policy, { kind: 'service', visitType: null }, received('service')))).toEqual([
      'work_order',
      'settlement',
      'handover_check',
      'free_inspection'
    ])
  })
})

describe('an archive record’s stored JSON', () => {
  it('reads back the input and the checker’s ticks', () => {
    const input = received('sales', 'owner_id')
    expect(readArchiveInput({ input: JSON.stringify(input) })).toEqual(input)
    expect(readManualResults({ manual: '{"a":{"passed":false,"note":"缺章"}}' })).toEqual({
      a: { passed: false, note: '缺章' }
    })
  })
})
