import { describe, expect, it } from 'vitest'
import { DomainError } from '../model/domain-error'
import { FAW_VW_PRESET } from '../policy/presets/faw-vw'
import { SVW_SKODA_PRESET } from '../policy/presets/svw-skoda'
import { buildArchiveFacts } from './archive-facts'
import { FAW_VW_SALES_EXAMPLE } from '../../tests/fixtures/example-archives'
import { findRule, RULES } from './rule-registry'
import { DEFAULT_RULE_CONTEXT } from './rule-context'

const presetRuleIds = [FAW_VW_PRESET, SVW_SKODA_PRESET].flatMap((policy) =>
  [policy.archiveTemplates.sales, policy.archiveTemplates.service].flatMap((template) =>
    template.documents.flatMap((document) =>
      document.checks.flatMap((check) => (check.mode === 'auto' ? [check.ruleId] : []))
    )
  )
)

describe('the rule registry', () => {
  it('holds each rule under its own id, with a Chinese title', () => {
    for (const [id, rule] of Object.entries(RULES)) {
      expect(rule.id).toBe(id)
      expect(rule.title).toMatch(/[\u4e00-\u9fff]/)
    }
    expect(Object.keys(RULES)).toHaveLength(20)
  })

  it('has every rule the presets use, and no rule neither preset uses', () => {
    expect(new Set(presetRuleIds)).toEqual(new Set(Object.keys(RULES)))
  })

  it('finds by id and not by inherited property names', () => {
    expect(findRule('dates-equal')?.id).toBe('dates-equal')
    expect(findRule('toString')).toBeUndefined()
    expect(findRule('no-such-rule')).toBeUndefined()
  })

  it('refuses bad parameters with Chinese messages', () => {
    const schema = RULES['datetimes-within-hours']?.paramsSchema
    const result = schema?.safeParse({
      first: 'invoice.invoiceDate',
      second: 'pdi_certificate.stampDate',
      maxHours: -1
    })
    expect(result?.success).toBe(false)
    expect(result?.error?.issues[0]?.message).toBe('最多相差小时数必须大于 0')
    const mileage = RULES['mileage-suggestions']?.paramsSchema.safeParse({
      mileage: 'archive.mileageKm',
      replaced: 'settlement.replacedItems',
      suggested: 'settlement.suggestedItems',
      fromKm: 31000,
      toKm: 29000,
      items: ['spark_plugs']
    })
    expect(mileage?.error?.issues.map((issue) => issue.message)).toContain('里程下限不能大于上限')
    const typo = RULES['no-blank-items']?.paramsSchema.safeParse({ fact: 'delivery_form.blankItems', extra: 1 })
    expect(typo?.success).toBe(false)
  })

  it('throws a DomainError when evaluated with parameters it cannot use', () => {
    const facts = buildArchiveFacts(FAW_VW_PRESET.archiveTemplates.sales, FAW_VW_SALES_EXAMPLE)
    expect(() =>
      RULES['amount-within-percent']?.evaluate(
        facts,
        { estimate: 'a.b', actual: 'c.d', tolerancePercent: 0 },
        DEFAULT_RULE_CONTEXT
      )
    ).toThrow(DomainError)
    expect(() =>
      RULES['amount-within-percent']?.evaluate(
        facts,
        { estimate: 'a.b', actual: 'c.d', tolerancePercent: 0 },
        DEFAULT_RULE_CONTEXT
      )
    ).toThrow('检查规则“实收金额与预估金额偏差不超过规定百分比”的参数不正确：允许偏差百分比必须大于 0')
  })
})
