import { describe, expect, it } from 'vitest'
import { FAW_VW_PRESET } from '../policy/presets/faw-vw'
import type { ArchiveFacts } from './archive-facts'
import { buildArchiveFacts, factLabel, optionLabel, signerLabel } from './archive-facts'
import { FAW_VW_SALES_EXAMPLE } from '../../tests/fixtures/example-archives'
import { sameItem, toItemCodes } from './list-items'

// How messages name facts, signers and options in Chinese, falling back to the code when the policy does not say.
const facts: ArchiveFacts = {
  values: {},
  definitions: {
    'a.signatures': {
      label: '《任务委托书》签字',
      definition: {
        key: 'signatures',
        label: '签字',
        type: 'signatures',
        signers: [{ role: 'customer', label: '用户' }]
      } as never
    },
    'a.items': {
      label: '《结算单》建议项目',
      definition: {
        key: 'items',
        label: '建议项目',
        type: 'list',
        options: [{ code: 'spark_plugs', label: '火花塞' }]
      } as never
    },
    'a.kind': {
      label: '工单类别',
      definition: {
        key: 'kind',
        label: '工单类别',
        type: 'choice',
        options: [{ code: 'five', label: '5-单子' }]
      } as never
    },
    'a.bare': { label: '无选项清单', definition: { key: 'bare', label: '无选项清单', type: 'list' } as never },
    'a.depths': {
      label: '花纹深度',
      definition: {
        key: 'depths',
        label: '花纹深度',
        type: 'measurements',
        positions: [
          { code: 'front_left', label: '左前轮' },
          { code: 'front_right', label: '右前轮' }
        ]
      } as never
    },
    'a.date': { label: '开票日期', definition: { key: 'date', label: '开票日期', type: 'date' } as never }
  }
}

describe('names in messages', () => {
  it('names a fact by its label, or by its reference when the policy does not define it', () => {
    expect(factLabel(facts, 'a.date')).toBe('开票日期')
    expect(factLabel(facts, 'x.unknown')).toBe('x.unknown')
  })

  it('names a signer, an option and a measuring position, or gives the code', () => {
    expect(signerLabel(facts, 'a.signatures', 'customer')).toBe('用户')
    expect(signerLabel(facts, 'a.signatures', 'auditor')).toBe('auditor')
    expect(signerLabel(facts, 'a.date', 'customer')).toBe('customer')
    expect(signerLabel(facts, 'x.unknown', 'customer')).toBe('customer')
    expect(optionLabel(facts, 'a.items', 'spark_plugs')).toBe('火花塞')
    expect(optionLabel(facts, 'a.kind', 'five')).toBe('5-单子')
    expect(optionLabel(facts, 'a.bare', 'spark_plugs')).toBe('spark_plugs')
    expect(optionLabel(facts, 'a.depths', 'front_right')).toBe('右前轮')
    expect(optionLabel(facts, 'a.depths', 'rear_left')).toBe('rear_left')
    expect(optionLabel(facts, 'a.date', 'front_right')).toBe('front_right')
    expect(optionLabel(facts, 'x.unknown', 'spark_plugs')).toBe('spark_plugs')
  })
})

describe('list items', () => {
  it('reads a typed label, in any case and width, as its option code, and keeps other text trimmed', () => {
    expect(toItemCodes(facts, 'a.items', ['火花塞', ' SPARK_PLUGS ', ' 雨刮片 '])).toEqual([
      'spark_plugs',
      'spark_plugs',
      '雨刮片'
    ])
    expect(toItemCodes(facts, 'a.kind', ['5-单子'])).toEqual(['five'])
    expect(toItemCodes(facts, 'a.bare', [' 火花塞 '])).toEqual(['火花塞'])
    expect(toItemCodes(facts, 'x.unknown', ['火花塞'])).toEqual(['火花塞'])
    expect(sameItem('Brake_Fluid', 'brake_fluid')).toBe(true)
    expect(sameItem('brake_fluid', 'brake_fluids')).toBe(false)
  })
})

describe('buildArchiveFacts', () => {
  it('takes archive facts and facts of present documents, and leaves out facts when none were recorded', () => {
    const built = buildArchiveFacts(FAW_VW_PRESET.archiveTemplates.sales, {
      kind: 'sales',
      documents: { conformity_certificate: { present: true } }
    })
    expect(built.values['archive.deliveryDate']).toBeUndefined()
    expect(built.values['invoice.invoiceDate']).toBeUndefined()
    expect(built.definitions['invoice.invoiceDate']?.label).toBe('《购车发票》开票日期')
    const full = buildArchiveFacts(FAW_VW_PRESET.archiveTemplates.sales, FAW_VW_SALES_EXAMPLE)
    expect(full.values['archive.deliveryDate']).toBe('2026-03-05')
    expect(full.values['invoice.invoiceDate']).toBe('2026-03-05 10:00')
  })
})
