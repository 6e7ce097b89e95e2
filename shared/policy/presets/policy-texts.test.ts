import { describe, expect, it } from 'vitest'
import { requiredDocumentsMissing } from '../../archive/archive-documents'
import { evaluateArchive } from '../../rules/evaluate-archive'
import type { ArchiveInput } from '../../rules/archive-input'
import { documentExemption, documentRequirement } from '../archive-template'
import { PENALTY_UNIT_LABELS, unsetKpiRules } from '../fine-schedule'
import type { FineRule } from '../fine-schedule'
import { validatePolicy } from '../../rules/policy-validation'
import { missingRequiredFields } from '../../vehicle/vehicle-field-requirement'
import { parseVehicleFileForm } from '../../vehicle/vehicle-file-schema'
import { createRandom, makeVehicleFileForm } from '../../vehicle/vehicle-generator'
import { FAW_VW_PRESET } from './faw-vw'
import { SVW_SKODA_PRESET } from './svw-skoda'
import { DEFAULT_RULE_CONTEXT } from '../../rules/rule-context'

// The presets read against the dealers' texts (shared/seeds/*.zh.txt), clause by clause; each test quotes its clause.

const fawRule = (code: string): FineRule => {
  const rule = FAW_VW_PRESET.fines.rules.find((r) => r.code === code)
  if (!rule) throw new Error(`no FAW-VW rule ${code}`)
  return rule
}
const svwRule = (code: string): FineRule => {
  const rule = SVW_SKODA_PRESET.fines.rules.find((r) => r.code === code)
  if (!rule) throw new Error(`no SVW-Skoda rule ${code}`)
  return rule
}
const fawService = FAW_VW_PRESET.archiveTemplates.service
const testDrive = fawService.documents.find((d) => d.code === 'test_drive')!
const serviceArchive = (visitType: string, orderType?: string): ArchiveInput => ({
  kind: 'service',
  visitType,
  facts: orderType === undefined ? {} : { orderType },
  documents: {}
})

describe('FAW-VW 五(二)2(6) 「除2-保养工单外一律要求有试车单」: keyed on the work-order type', () => {
  it('a routine service on another kind of work order needs the test-drive record', () => {
    const archive = serviceArchive('routine_service', 'other')
    expect(
      requiredDocumentsMissing(FAW_VW_PRESET, { kind: 'service', visitType: archive.visitType ?? null }, archive).map(
        (d) => d.name
      )
    ).toContain('试车记录')
    const evaluation = evaluateArchive(FAW_VW_PRESET, archive, {}, DEFAULT_RULE_CONTEXT)
    expect(evaluation.documents.find((d) => d.code === 'test_drive')).toMatchObject({
      requirement: 'required',
      status: 'missing'
    })
  })

  it('a minor repair on a 2-保养工单 does not need one', () => {
    const archive = serviceArchive('minor_repair', '2')
    expect(
      requiredDocumentsMissing(FAW_VW_PRESET, { kind: 'service', visitType: archive.visitType ?? null }, archive).map(
        (d) => d.name
      )
    ).not.toContain('试车记录')
    const evaluation = evaluateArchive(FAW_VW_PRESET, archive, {}, DEFAULT_RULE_CONTEXT)
    expect(evaluation.documents.find((d) => d.code === 'test_drive')).toMatchObject({
      requirement: 'not_required',
      status: 'not_received'
    })
  })

  it('until the work-order type is entered, the visit type stands in for it', () => {
    expect(documentRequirement(testDrive, 'routine_service', () => undefined)).toBe('not_required')
    expect(documentRequirement(testDrive, 'major_repair', () => undefined)).toBe('required')
    expect(documentRequirement(testDrive, 'major_repair', () => '  2 ')).toBe('not_required')
    expect(documentRequirement(testDrive, 'routine_service', () => 'other')).toBe('required')
  })

  it('names the exemption the screens show for a 2-保养工单, and none before the type is entered or for others', () => {
    expect(documentExemption(testDrive, () => '2')).toBe('2-保养工单除外')
    expect(documentExemption(testDrive, () => undefined)).toBeNull()
    expect(documentExemption(testDrive, () => '')).toBeNull()
    expect(documentExemption(testDrive, () => 'other')).toBeNull()
    const settlement = FAW_VW_PRESET.archiveTemplates.service.documents.find((d) => d.code === 'settlement')!
    expect(documentExemption(settlement, () => '2')).toBeNull()
  })

  it('a dealership policy may make a document depend on any fact, and the schema keeps the condition', () => {
    const result = validatePolicy(FAW_VW_PRESET)
    expect(
      result.ok && result.policy.archiveTemplates.service.documents.find((d) => d.code === 'test_drive')
    ).toMatchObject({ requiredWhen: { fact: 'archive.orderType', is: 'none_of', values: ['2'] } })
  })
})

describe('SVW-Skoda: the reconciliation block keeps only what the text says', () => {
  it('「5、对于移交的…应建立《用户档案签收薄》」 is the register, not a reconciliation: 二.5 is cited by no reconciliation rule', () => {
    const { reconciliation, deadlines } = SVW_SKODA_PRESET
    for (const rule of [reconciliation.sales, reconciliation.service]) {
      expect(rule.clause).not.toContain('二.5')
      expect(rule.clause).toContain('未规定')
    }
    expect(deadlines.missingArchiveReport.clause).toContain('未规定')
  })

  it("the exceptions 未开发票, 在修, 索赔未完结 are FAW-VW's (「用户未开发票除外」「索赔和在修除外」), not SVW-Skoda's", () => {
    expect(SVW_SKODA_PRESET.reconciliation.sales.exceptions).toEqual([])
    expect(SVW_SKODA_PRESET.reconciliation.service.exceptions).toEqual([])
    expect(FAW_VW_PRESET.reconciliation.sales.exceptions.map((e) => e.label)).toEqual(['用户未开发票'])
    expect(FAW_VW_PRESET.reconciliation.service.exceptions.map((e) => e.label)).toEqual(
      expect.arrayContaining(['索赔', '在修'])
    )
    expect(FAW_VW_PRESET.deadlines.missingArchiveReport.clause).toBe('一汽大众 二4')
  })
})

describe('SVW-Skoda 五.7 「另罚款20元/件」', () => {
  it('prints 件, not 份', () => {
    const rule = svwRule('svw-5-7-lost-or-damaged')
    expect(rule.penalty).toEqual({ kind: 'yuan', amount: 20, per: 'piece' })
    expect(PENALTY_UNIT_LABELS[rule.penalty.per]).toBe('件')
  })

  it('FAW-VW 五(二)4(7) 「各10元/份」 still prints 份', () => {
    expect(PENALTY_UNIT_LABELS[fawRule('faw-favouritism').penalty.per]).toBe('份')
  })
})

describe('FAW-VW 五(二)4(5) and 4(6) are in the service section (服务档案存档要求及考核)', () => {
  it('「在收到不合格档案24小时内修改后交于客服部…每次KPI扣1分」 applies to service archives, charged to the service advisor', () => {
    expect(fawRule('faw-correction-late')).toMatchObject({
      archiveKind: 'service',
      appliesTo: ['service_advisor'],
      penalty: { kind: 'kpi_points', points: 1, per: 'occurrence' }
    })
  })

  it('「未做任何更改被原封返回客服部，每份KPI扣1分」 applies to service archives, charged to the service advisor', () => {
    expect(fawRule('faw-returned-unchanged')).toMatchObject({
      archiveKind: 'service',
      appliesTo: ['service_advisor'],
      penalty: { kind: 'kpi_points', points: 1, per: 'file' }
    })
  })
})

describe('FAW-VW: KPI points the text does not give are unset', () => {
  it.each([
    ['faw-sales-missing', '五(一)3(2) 「经核实后如有档案缺失将对责任人每份按KPI考核扣分」'],
    ['faw-sales-nonconforming', '五(一)3(3) 「如发现不合格档案，按KPI考核扣分」'],
    ['faw-service-missing', '五(二)4(3) 「对于档案缺失及破损，对责任人KPI扣分」'],
    ['faw-service-damaged', '五(二)4(3) 「对于档案缺失及破损，对责任人KPI扣分」'],
    ['faw-service-nonconforming', '五(二)4(4) 「对每份不合格档案罚相关人员KPI扣分」']
  ])('%s: %s has no number, so its points are null', (code) => {
    const rule = fawRule(code)
    expect(rule.penalty).toMatchObject({ kind: 'kpi_points', points: null })
    expect(rule.note).toContain('设定')
  })

  it('lists the values the director must set before KPI points are computed, and only those', () => {
    expect(unsetKpiRules(FAW_VW_PRESET.fines).map((r) => r.code)).toEqual([
      'faw-sales-missing',
      'faw-sales-nonconforming',
      'faw-service-missing',
      'faw-service-damaged',
      'faw-service-nonconforming'
    ])
    expect(unsetKpiRules(SVW_SKODA_PRESET.fines)).toEqual([])
    const set = {
      rules: [{ ...fawRule('faw-sales-missing'), penalty: { kind: 'kpi_points', points: 2, per: 'file' } }]
    }
    expect(unsetKpiRules(set as never)).toEqual([])
  })

  it('「档案缺失及破损」: 破损 (damaged) has its own trigger', () => {
    expect(fawRule('faw-service-damaged')).toMatchObject({
      trigger: 'archive_lost_or_damaged',
      archiveKind: 'service',
      clause: '一汽大众 五(二)4(3)'
    })
  })

  it('a policy with unset points still validates, and one with 0 or negative points does not', () => {
    expect(validatePolicy(FAW_VW_PRESET).ok).toBe(true)
    const zero = {
      ...FAW_VW_PRESET,
      fines: {
        ...FAW_VW_PRESET.fines,
        rules: [{ ...fawRule('faw-sales-missing'), penalty: { kind: 'kpi_points', points: 0, per: 'file' } }]
      }
    }
    expect(validatePolicy(zero).ok).toBe(false)
  })
})

describe('SVW-Skoda 五.5 「无用户签名（或签名错误）罚款50元/项，无内部人员签名（或签名错误）罚款20元/项」', () => {
  const service = SVW_SKODA_PRESET.archiveTemplates.service
  const checks = service.documents.flatMap((d) => d.checks)

  it("「内部人员」 is any of the dealership's staff, not only the service advisor", () => {
    const internal = checks.filter((c) => c.code.endsWith('-internal-signed'))
    expect(internal.length).toBeGreaterThan(0)
    for (const check of internal)
      expect(check).toMatchObject({ params: { roles: [['service_advisor', 'internal_staff']] } })
    const signedByOtherStaff: ArchiveInput = {
      kind: 'service',
      visitType: 'routine_service',
      documents: {
        settlement: { present: true, form: 'original', facts: { signatures: [{ role: 'internal_staff' }] } }
      }
    }
    const evaluation = evaluateArchive(SVW_SKODA_PRESET, signedByOtherStaff, {}, DEFAULT_RULE_CONTEXT)
    const result = evaluation.documents.flatMap((d) => d.checks).find((c) => c.code === 'settlement-internal-signed')
    expect(result?.status).toBe('pass')
  })

  it('service documents have a separate "customer signature wrong" item, charged under the 50 元 rule', () => {
    const wrong = checks.filter((c) => c.code.endsWith('-customer-signature-correct'))
    expect(wrong.map((c) => c.code)).toEqual([
      'reception-sheet-customer-signature-correct',
      'work-order-customer-signature-correct',
      'settlement-customer-signature-correct',
      'added-items-customer-signature-correct'
    ])
    for (const check of wrong) expect(check.fineRuleCode).toBe('svw-5-5-service-customer-signature')
    expect(svwRule('svw-5-5-service-customer-signature').penalty).toMatchObject({ amount: 50, per: 'item' })
  })

  it('a wrong internal signature is its own item under the 20 元 rule', () => {
    const wrong = checks.filter((c) => c.code.endsWith('-internal-signature-correct'))
    expect(wrong).toHaveLength(3)
    for (const check of wrong) expect(check.fineRuleCode).toBe('svw-5-5-internal-signature')
  })
})

describe('FAW-VW 五(二)3 「dserp中以下字段必须维护…客户类别、客户评价类别、省份、城市、地址、邮编…联系人姓名、联系人联系方式、车系、颜色」', () => {
  const requirement = FAW_VW_PRESET.vehicleFile!
  const complete = makeVehicleFileForm(createRandom(8), 1)

  it('the policy lists the fields, 客户类别 and 客户评价类别 among them; SVW-Skoda lists none', () => {
    expect(requirement.clause).toBe('一汽大众 五(二)3')
    expect(requirement.fields).toEqual(
      expect.arrayContaining(['customerCategory', 'customerRatingCategory', 'provinceCode', 'cityCode', 'street'])
    )
    expect(requirement.fields).toHaveLength(16)
    expect(SVW_SKODA_PRESET.vehicleFile).toBeUndefined()
  })

  it('a form without them is refused, naming the field and the clause; the same form passes with no requirement', () => {
    const lacking = { ...complete, customerCategory: '', postcode: ' ' }
    const refused = parseVehicleFileForm(lacking, {}, requirement)
    expect(refused.ok ? {} : refused.errors).toEqual({
      customerCategory: '请填写客户类别（一汽大众 五(二)3 要求必须维护）',
      postcode: '请填写邮编（一汽大众 五(二)3 要求必须维护）'
    })
    expect(parseVehicleFileForm(lacking).ok).toBe(true)
    expect(parseVehicleFileForm(complete, {}, requirement).ok).toBe(true)
  })

  it('lists what a stored file lacks', () => {
    expect(missingRequiredFields({ ...complete, plate: null, colour: '  ' }, requirement)).toEqual(['plate', 'colour'])
    expect(missingRequiredFields({ plate: null }, undefined)).toEqual([])
  })

  it('the schema refuses a field a vehicle file does not have', () => {
    const wrong = { ...FAW_VW_PRESET, vehicleFile: { ...requirement, fields: [...requirement.fields, 'shoeSize'] } }
    const result = validatePolicy(wrong)
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual(['“shoeSize”不是车辆档案的字段'])
  })
})
