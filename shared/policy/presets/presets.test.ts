import { describe, expect, it } from 'vitest'
import { DomainError } from '../../model/domain-error'
import { documentRequirement, documentsInFilingOrder } from '../archive-template'
import type { ArchiveTemplate } from '../archive-template'
import { validatePolicy } from '../../rules/policy-validation'
import { FAW_VW_PRESET } from './faw-vw'
import { getPreset, listPresets } from './preset-registry'
import { SVW_SKODA_PRESET } from './svw-skoda'

const CJK = /[\u4e00-\u9fff]/
const names = (template: ArchiveTemplate) => documentsInFilingOrder(template).map((d) => d.name)
const count = (template: ArchiveTemplate, mode: 'auto' | 'manual') =>
  template.documents.flatMap((d) => d.checks).filter((c) => c.mode === mode).length
const requiredFor = (template: ArchiveTemplate, visitType: string) =>
  documentsInFilingOrder(template)
    .filter((d) => documentRequirement(d, visitType) === 'required')
    .map((d) => d.name)
const optionalFor = (template: ArchiveTemplate, visitType: string) =>
  documentsInFilingOrder(template)
    .filter((d) => documentRequirement(d, visitType) === 'optional')
    .map((d) => d.name)

describe('the preset registry', () => {
  it('lists both presets', () => {
    expect(listPresets()).toEqual([
      { id: 'faw-vw', name: '一汽-大众经销商客户档案管理制度' },
      { id: 'svw-skoda', name: '上汽大众斯柯达经销商客户档案管理制度' }
    ])
  })

  it('gives frozen presets, so nobody edits one in place', () => {
    const preset = getPreset('faw-vw')
    expect(Object.isFrozen(preset)).toBe(true)
    expect(Object.isFrozen(preset.archiveTemplates.sales.documents[0]?.checks)).toBe(true)
    expect(() => {
      ;(preset as { name: string }).name = '改名'
    }).toThrow(TypeError)
  })

  it('refuses an unknown preset in Chinese', () => {
    expect(() => getPreset('byd')).toThrow(DomainError)
    expect(() => getPreset('byd')).toThrow('没有编号为“byd”的预置制度')
  })
})

describe.each([FAW_VW_PRESET, SVW_SKODA_PRESET])('preset $id', (preset) => {
  it('validates against the policy schema', () => {
    const result = validatePolicy(preset)
    expect(result.ok ? [] : result.issues).toEqual([])
  })

  it('names documents in check texts exactly as the checklist lists them, so printed items match the paper', () => {
    for (const template of [preset.archiveTemplates.sales, preset.archiveTemplates.service]) {
      const names = new Set(template.documents.map((d) => d.name))
      const cited = template.documents.flatMap((d) =>
        d.checks.flatMap((c) => [...c.title.matchAll(/《([^》]+)》/g)].map((m) => m[1]!))
      )
      expect(cited.filter((name) => !names.has(name))).toEqual([])
    }
  })

  it('names every document, fact and check in Chinese, with its clause', () => {
    for (const template of [preset.archiveTemplates.sales, preset.archiveTemplates.service]) {
      for (const fact of template.facts) expect(fact.label).toMatch(CJK)
      for (const document of template.documents) {
        expect(document.name).toMatch(CJK)
        expect(document.clause).toMatch(CJK)
        for (const fact of document.facts) expect(fact.label).toMatch(CJK)
        for (const check of document.checks) {
          expect(check.title).toMatch(CJK)
          expect(check.clause).toMatch(CJK)
        }
      }
    }
  })
})

describe('FAW-VW preset', () => {
  const { sales, service } = FAW_VW_PRESET.archiveTemplates

  it('has the 7 sales documents of 五(一)1 in filing order', () => {
    expect(names(sales)).toEqual([
      '客户交车表',
      '购车发票',
      '交车检查PDI盖章证明复印件',
      '身份证/组织机构代码证',
      '合格证复印件',
      '购车协议书',
      'PDI保养表'
    ])
  })

  it('has the 10 service documents of 五(二)1 in filing order', () => {
    expect(names(service)).toEqual([
      '首保凭证',
      '任务委托书',
      '结算单',
      '保养表',
      '一汽大众接/交车检查表',
      '试车记录',
      '救援单',
      '免费检查表',
      '保修证明',
      '保养证明复印件'
    ])
  })

  it('uses all six visit types; first service and claims need the warranty and maintenance certificates', () => {
    expect(service.visitTypes.map((v) => v.name)).toEqual(['小修', '首保', '保养', '大修', '索赔', '救援'])
    expect(requiredFor(service, 'first_service')).toEqual([
      '首保凭证',
      '任务委托书',
      '结算单',
      '保养表',
      '一汽大众接/交车检查表',
      '试车记录',
      '免费检查表',
      '保修证明',
      '保养证明复印件'
    ])
    expect(requiredFor(service, 'warranty_claim')).toEqual([
      '任务委托书',
      '结算单',
      '一汽大众接/交车检查表',
      '试车记录',
      '免费检查表',
      '保修证明',
      '保养证明复印件'
    ])
    expect(requiredFor(service, 'routine_service')).toEqual([
      '任务委托书',
      '结算单',
      '保养表',
      '一汽大众接/交车检查表',
      '免费检查表'
    ])
    expect(requiredFor(service, 'rescue')).toContain('救援单')
  })

  it('has 12 automatic and 6 manual sales checks, 33 automatic and 8 manual service checks', () => {
    expect([count(sales, 'auto'), count(sales, 'manual'), count(service, 'auto'), count(service, 'manual')]).toEqual([
      12, 6, 33, 8
    ])
  })

  it('holds the numbers of the text as data', () => {
    const check = (code: string) => service.documents.flatMap((d) => d.checks).find((c) => c.code === code)
    const invoice = sales.documents.flatMap((d) => d.checks).find((c) => c.code === 'invoice-date-vs-pdi-stamp')
    expect(invoice).toMatchObject({ ruleId: 'datetimes-within-hours', params: { maxHours: 24 } })
    expect(check('work-order-estimate-vs-actual')).toMatchObject({ params: { tolerancePercent: 10 } })
    expect(check('settlement-30000km-suggestions')).toMatchObject({ params: { fromKm: 29000, toKm: 31000 } })
    expect(check('settlement-60000km-suggestions')).toMatchObject({
      params: { fromKm: 59000, toKm: 61000, exemptForManualGearbox: ['gearbox_oil'] }
    })
    expect(check('maintenance-tread-depth')).toMatchObject({ params: { minMm: 3.0, newTyreMm: 7.0 } })
  })

  it('deadlines: weekly on Monday, 10:00 and 15:00 the next day, 24 h correction, 2-day report, 3-day loans', () => {
    const { deadlines } = FAW_VW_PRESET
    expect(deadlines.salesHandIn.map((s) => s.rule)).toEqual([{ kind: 'next_weekday', weekday: 1, from: 'delivery' }])
    expect(deadlines.serviceHandIn.map((s) => [s.handedTo, s.rule])).toEqual([
      [
        'service_info_clerk',
        { kind: 'days_after_at_time', days: 1, time: '10:00', from: 'vehicle_handed_back', countsOn: 'service_days' }
      ],
      [
        'customer_care',
        { kind: 'days_after_at_time', days: 1, time: '15:00', from: 'vehicle_handed_back', countsOn: 'service_days' }
      ]
    ])
    expect(deadlines.correction.rule).toEqual({ kind: 'hours_after', hours: 24, from: 'returned_for_correction' })
    expect(deadlines.missingArchiveReport.rule).toEqual({
      kind: 'calendar_days_after',
      days: 2,
      from: 'reconciliation'
    })
    expect(deadlines.loanReturn.rule).toEqual({ kind: 'calendar_days_after', days: 3, from: 'loan_out' })
  })

  it('fines: KPI points per file, −1 per late correction and per unchanged file, 10 yuan each for favouritism; 99 % / 95 %', () => {
    const rule = (code: string) => FAW_VW_PRESET.fines.rules.find((r) => r.code === code)
    expect(rule('faw-correction-late')?.penalty).toEqual({ kind: 'kpi_points', points: 1, per: 'occurrence' })
    expect(rule('faw-returned-unchanged')?.penalty).toEqual({ kind: 'kpi_points', points: 1, per: 'file' })
    expect(rule('faw-favouritism')).toMatchObject({
      appliesTo: ['archive_manager', 'service_advisor'],
      penalty: { kind: 'yuan', amount: 10, per: 'file' }
    })
    expect(FAW_VW_PRESET.fines.qualityTargets.map((t) => [t.metric, t.minPercent])).toEqual([
      ['completeness', 99],
      ['authenticity', 95]
    ])
  })

  it('retention: last repair + 5 years; 3 years without service → 5 years from creation, then sealed; destroyed not before 10', () => {
    expect(FAW_VW_PRESET.retention).toMatchObject({
      keepYearsAfterLastService: 5,
      dormancy: { noServiceYears: 3, keepYearsFromCreation: 5 },
      onExpiry: 'seal',
      destroyNotBeforeYears: 10
    })
  })
})

describe('SVW-Skoda preset', () => {
  const { sales, service } = SVW_SKODA_PRESET.archiveTemplates

  it('has the 12 new-car documents of 四.1, starting with 绿卡', () => {
    expect(names(sales)).toEqual([
      '绿卡',
      '购车发票复印件',
      '销售合同原件',
      '身份证复印件或组织机构代码证复印件',
      '交车检查表',
      '行驶证复印件',
      '保险单复印件',
      '衍生服务清单',
      '车辆合格证复印件',
      '交车照片',
      '新车PDI检查表',
      '其它证明类文件'
    ])
    expect(sales.documents.find((d) => d.code === 'sales_contract')?.form).toBe('original')
    expect(sales.documents.find((d) => d.code === 'other_proofs')).toMatchObject({
      requiredFor: [],
      optionalFor: 'all',
      conditionNote: '仅特定客户需要'
    })
  })

  it('has five visit types with the documents of 四.2', () => {
    expect(service.visitTypes.map((v) => v.name)).toEqual(['小修', '首保', '保养', '大修', '索赔'])
    const everyVisit = ['接车单', '任务委托书', '结算单']
    expect(requiredFor(service, 'minor_repair')).toEqual([...everyVisit, '12项免费检查表'])
    expect(optionalFor(service, 'minor_repair')).toEqual([
      '增项单',
      '试车单',
      '定损单',
      '对应项目专用工具检查数据',
      '估算单'
    ])
    expect(requiredFor(service, 'first_service')).toEqual([...everyVisit, '首保卡复印件', '12项免费检查表'])
    expect(requiredFor(service, 'routine_service')).toEqual([...everyVisit, '12项免费检查表'])
    expect(requiredFor(service, 'major_repair')).toEqual([...everyVisit, '试车单', '估算单', '12项免费检查表'])
    expect(requiredFor(service, 'warranty_claim')).toEqual([
      ...everyVisit,
      '备件发票复印件',
      '试车单',
      '损坏零件及车辆信息照片',
      '测试及故障报告',
      '12项免费检查表'
    ])
    expect(optionalFor(service, 'warranty_claim')).toEqual(['对应项目专用工具检查数据'])
  })

  it('has 5 automatic and 15 manual new-car checks, 9 automatic and 20 manual service checks', () => {
    expect([count(sales, 'auto'), count(sales, 'manual'), count(service, 'auto'), count(service, 'manual')]).toEqual([
      5, 15, 9, 20
    ])
  })

  it('deadlines: 3 working days from delivery, 1 working day after the car is handed back, correction within 1 working day', () => {
    const { deadlines } = SVW_SKODA_PRESET
    expect(deadlines.salesHandIn.map((s) => s.rule)).toEqual([
      { kind: 'working_days_after', days: 3, from: 'delivery' }
    ])
    expect(deadlines.serviceHandIn.map((s) => s.rule)).toEqual([
      { kind: 'working_days_after', days: 1, from: 'vehicle_handed_back' }
    ])
    expect(deadlines.correction.rule).toEqual({ kind: 'working_days_after', days: 1, from: 'returned_for_correction' })
    expect(deadlines.loanReturn.rule).toMatchObject({ days: 3 })
  })

  it('fines in yuan with their units, the escalation and repeat-until-corrected', () => {
    const schedule = SVW_SKODA_PRESET.fines.rules.map((r) => [
      r.code,
      r.penalty.kind === 'yuan' ? r.penalty.amount : null,
      r.penalty.per
    ])
    expect(schedule).toEqual([
      ['svw-5-1-sales-late', 50, 'vehicle_visit'],
      ['svw-5-2-sales-customer-signature', 20, 'item'],
      ['svw-5-3-contact-not-confirmed', 50, 'vehicle_visit'],
      ['svw-5-4-service-late', 50, 'vehicle_visit'],
      ['svw-5-5-service-incomplete', 20, 'item'],
      ['svw-5-5-service-customer-signature', 50, 'item'],
      ['svw-5-5-internal-signature', 20, 'item'],
      ['svw-5-7-lost-or-damaged', 20, 'piece']
    ])
    expect(
      SVW_SKODA_PRESET.fines.escalations.map((e) => [
        e.appliesTo,
        e.fromNthPenalty,
        e.multiplier,
        e.performancePayCut ?? null
      ])
    ).toEqual([
      ['sales_advisor', 2, 2, null],
      ['service_advisor', 3, 2, { minPercent: 10, maxPercent: 30 }]
    ])
    expect(SVW_SKODA_PRESET.fines.repeatUntilCorrected?.every).toEqual({
      kind: 'working_days_after',
      days: 1,
      from: 'returned_for_correction'
    })
    expect(SVW_SKODA_PRESET.fines.enforcedBy).toBe('客户总监')
    expect(SVW_SKODA_PRESET.signOff.block).toEqual(['编制', '审核', '批准'])
  })
})
