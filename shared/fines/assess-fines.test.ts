import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DomainError } from '../model/domain-error'
import { getPreset } from '../policy'
import type { FineRule, FinesPolicy, FineTrigger, PenalisedRole } from '../policy'
import { assessFines, matchingRules, violationsAwaitingKpiPoints } from './assess-fines'
import type { ArchiveKind, FineLine, ViolationInput } from './violation'

const SVW = getPreset('svw-skoda').fines
const FAW = getPreset('faw-vw').fines

let serial = 0
function violation(
  role: PenalisedRole,
  trigger: FineTrigger,
  archiveKind: ArchiveKind | undefined,
  extra: Partial<ViolationInput> = {}
): ViolationInput {
  serial += 1
  return {
    id: `v${String(serial).padStart(4, '0')}`,
    personId: role === 'sales_advisor' ? 'p-wang-fang' : 'p-li-qiang',
    role,
    trigger,
    ...(archiveKind === undefined ? {} : { archiveKind }),
    occurredOn: '2026-03-05',
    quantity: 1,
    ...extra
  }
}

const only = (lines: FineLine[]): FineLine => {
  expect(lines).toHaveLength(1)
  return lines[0]!
}
const withPoints = (fines: FinesPolicy, points: number): FinesPolicy => ({
  ...fines,
  rules: fines.rules.map((rule): FineRule =>
    rule.penalty.kind === 'kpi_points' && rule.penalty.points === null
      ? { ...rule, penalty: { ...rule.penalty, points } }
      : rule
  )
})
const domainErrorOf = (action: () => unknown): DomainError => {
  try {
    action()
  } catch (error) {
    if (error instanceof DomainError) return error
    throw error
  }
  throw new Error('expected a DomainError')
}

describe('SVW-Skoda: every fine rule of 五, one violation at a time', () => {
  it.each([
    [
      '五.1 「销售顾问超过交车后3个工作日上交档案者，罚款50元/车次」',
      'sales_advisor',
      'late_handover',
      'sales',
      1,
      'svw-5-1-sales-late',
      50
    ],
    [
      '五.2 「销售顾问移交的检查类档案，无用户签名（或签名错误），罚款20元/项」',
      'sales_advisor',
      'customer_signature_missing',
      'sales',
      3,
      'svw-5-2-sales-customer-signature',
      60
    ],
    [
      '五.3 「未核对、明确当次进厂的联系人及其唯一联系方式者，罚款50元/车次」',
      'service_advisor',
      'contact_not_confirmed',
      'service',
      1,
      'svw-5-3-contact-not-confirmed',
      50
    ],
    [
      '五.4 「服务顾问未在交车后一个工作日内移交…罚款50元/车次」',
      'service_advisor',
      'late_handover',
      'service',
      1,
      'svw-5-4-service-late',
      50
    ],
    [
      '五.5 「书面纸质用户档案不完整、错误、不符合要求者，罚款20元/项」',
      'service_advisor',
      'document_nonconforming',
      'service',
      2,
      'svw-5-5-service-incomplete',
      40
    ],
    [
      '五.5 「其中无用户签名（或签名错误）罚款50元/项」',
      'service_advisor',
      'customer_signature_missing',
      'service',
      2,
      'svw-5-5-service-customer-signature',
      100
    ],
    [
      '五.5 「无内部人员签名（或签名错误）罚款20元/项」',
      'service_advisor',
      'internal_signature_missing',
      'service',
      1,
      'svw-5-5-internal-signature',
      20
    ],
    [
      '五.7 「造成用户档案遗失、毁损的，另罚款20元/件」',
      'responsible_person',
      'archive_lost_or_damaged',
      'sales',
      2,
      'svw-5-7-lost-or-damaged',
      40
    ]
  ] as const)('%s', (_clause, role, trigger, kind, quantity, ruleCode, yuan) => {
    const v = violation(role, trigger, kind, { quantity })
    expect(only(assessFines(SVW, [v]))).toEqual({
      violationId: v.id,
      personId: v.personId,
      ruleCode,
      yuan,
      kpiPoints: 0,
      multiplier: 1
    })
  })

  it('五.7 applies to a lost file of either kind, and to one whose kind is not known', () => {
    for (const kind of ['sales', 'service', undefined] as const) {
      expect(only(assessFines(SVW, [violation('responsible_person', 'archive_lost_or_damaged', kind)])).ruleCode).toBe(
        'svw-5-7-lost-or-damaged'
      )
    }
  })

  it('a sales rule does not charge a service archive, nor a service advisor, nor a violation of unknown kind', () => {
    expect(assessFines(SVW, [violation('sales_advisor', 'late_handover', 'service')])).toEqual([])
    expect(assessFines(SVW, [violation('service_advisor', 'customer_signature_missing', 'sales')])).toEqual([])
    expect(assessFines(SVW, [violation('sales_advisor', 'late_handover', undefined)])).toEqual([])
  })

  it("a violation no rule of the policy covers gets no line (favouritism is FAW-VW's)", () => {
    expect(assessFines(SVW, [violation('service_advisor', 'favouritism', 'service')])).toEqual([])
  })
})

describe('FAW-VW: every fine rule of 五(一)3, 五(二)4', () => {
  it('五(二)4(5) 「如档案不能及时上交，每次KPI扣1分」: a late correction of a service archive, 1 point, no yuan', () => {
    const v = violation('service_advisor', 'correction_late', 'service')
    expect(only(assessFines(FAW, [v]))).toEqual({
      violationId: v.id,
      personId: v.personId,
      ruleCode: 'faw-correction-late',
      yuan: 0,
      kpiPoints: 1,
      multiplier: 1
    })
  })

  it('五(二)4(6) 「未做任何更改被原封返回客服部，每份KPI扣1分」: 2 files, 2 points', () => {
    const line = only(
      assessFines(FAW, [violation('service_advisor', 'returned_unchanged', 'service', { quantity: 2 })])
    )
    expect(line).toMatchObject({ ruleCode: 'faw-returned-unchanged', yuan: 0, kpiPoints: 2 })
  })

  it('4(5) and 4(6) are in the service section: a sales file late or returned unchanged charges nobody under them', () => {
    expect(assessFines(FAW, [violation('service_advisor', 'correction_late', 'sales')])).toEqual([])
    expect(assessFines(FAW, [violation('sales_advisor', 'returned_unchanged', 'sales')])).toEqual([])
  })

  it('五(二)4(7) 「罚款档案管理员及服务顾问各10元/份」: each of the two is charged for each file', () => {
    const manager = violation('archive_manager', 'favouritism', 'service', { personId: 'p-zhao-min', quantity: 3 })
    const advisor = violation('service_advisor', 'favouritism', 'service', { quantity: 3 })
    const lines = assessFines(FAW, [manager, advisor])
    expect(lines.map((l) => [l.personId, l.ruleCode, l.yuan, l.kpiPoints])).toEqual([
      ['p-zhao-min', 'faw-favouritism', 30, 0],
      ['p-li-qiang', 'faw-favouritism', 30, 0]
    ])
  })

  it.each([
    ['五(一)3(2) 「对责任人每份按KPI考核扣分」', 'responsible_person', 'archive_missing', 'sales', 'faw-sales-missing'],
    [
      '五(一)3(3) 「如发现不合格档案，按KPI考核扣分」',
      'sales_advisor',
      'archive_nonconforming',
      'sales',
      'faw-sales-nonconforming'
    ],
    [
      '五(二)4(3) 「对于档案缺失…对责任人KPI扣分」',
      'responsible_person',
      'archive_missing',
      'service',
      'faw-service-missing'
    ],
    [
      '五(二)4(3) 「…及破损，对责任人KPI扣分」',
      'responsible_person',
      'archive_lost_or_damaged',
      'service',
      'faw-service-damaged'
    ],
    [
      '五(二)4(4) 「对每份不合格档案罚相关人员KPI扣分」',
      'service_advisor',
      'archive_nonconforming',
      'service',
      'faw-service-nonconforming'
    ]
  ] as const)(
    '%s: no line while the points are unset, waiting for them; counted once the director sets them',
    (_c, role, trigger, kind, ruleCode) => {
      const v = violation(role, trigger, kind, { quantity: 2 })
      expect(assessFines(FAW, [v])).toEqual([])
      expect(violationsAwaitingKpiPoints(FAW, [v])).toEqual([
        expect.objectContaining({ violationId: v.id, personId: v.personId, ruleCode })
      ])
      expect(only(assessFines(withPoints(FAW, 3), [v]))).toMatchObject({
        ruleCode,
        yuan: 0,
        kpiPoints: 6,
        multiplier: 1
      })
      expect(violationsAwaitingKpiPoints(withPoints(FAW, 3), [v])).toEqual([])
    }
  )

  it('names the rule and clause of each waiting violation, in the order they occurred', () => {
    const later = violation('sales_advisor', 'archive_nonconforming', 'sales', { occurredOn: '2026-03-09' })
    const earlier = violation('responsible_person', 'archive_missing', 'service', { occurredOn: '2026-03-02' })
    const set = violation('service_advisor', 'correction_late', 'service')
    expect(violationsAwaitingKpiPoints(FAW, [later, set, earlier])).toEqual([
      {
        violationId: earlier.id,
        personId: earlier.personId,
        ruleCode: 'faw-service-missing',
        ruleTitle: '服务档案缺失，对责任人KPI扣分（索赔和在修除外）',
        clause: '一汽大众 五(二)4(3)'
      },
      {
        violationId: later.id,
        personId: later.personId,
        ruleCode: 'faw-sales-nonconforming',
        ruleTitle: '不合格销售档案按KPI考核扣分',
        clause: '一汽大众 五(一)3(3)'
      }
    ])
  })
})

describe('matchingRules', () => {
  it('finds every rule a violation falls under, so one violation can carry a yuan and a KPI line', () => {
    const both: FinesPolicy = {
      ...SVW,
      rules: [
        ...SVW.rules,
        {
          code: 'own-kpi-late',
          title: '迟交另扣KPI',
          clause: '本店',
          trigger: 'late_handover',
          appliesTo: ['sales_advisor'],
          penalty: { kind: 'kpi_points', points: 2, per: 'vehicle_visit' }
        }
      ]
    }
    const v = violation('sales_advisor', 'late_handover', 'sales')
    expect(matchingRules(both, v).map((r) => r.code)).toEqual(['svw-5-1-sales-late', 'own-kpi-late'])
    expect(assessFines(both, [v]).map((l) => [l.ruleCode, l.yuan, l.kpiPoints])).toEqual([
      ['svw-5-1-sales-late', 50, 0],
      ['own-kpi-late', 0, 2]
    ])
  })
})

describe('SVW-Skoda 五.6 escalation 「在第2次违规起罚款翻倍」「在第三次违规起罚款翻倍」', () => {
  const sales = (occurredOn: string, extra: Partial<ViolationInput> = {}) =>
    violation('sales_advisor', 'late_handover', 'sales', { occurredOn, ...extra })
  const service = (occurredOn: string, extra: Partial<ViolationInput> = {}) =>
    violation('service_advisor', 'late_handover', 'service', { occurredOn, ...extra })
  const amounts = (lines: FineLine[]) => lines.map((l) => [l.yuan, l.multiplier])

  it('a sales advisor: the 1st penalty of the month single, the 2nd and every later one doubled, never ×4', () => {
    const lines = assessFines(SVW, [sales('2026-03-02'), sales('2026-03-10'), sales('2026-03-20'), sales('2026-03-31')])
    expect(amounts(lines)).toEqual([
      [50, 1],
      [100, 2],
      [100, 2],
      [100, 2]
    ])
  })

  it('a service advisor: the 1st and 2nd single, from the 3rd doubled', () => {
    const lines = assessFines(SVW, [
      service('2026-03-02'),
      service('2026-03-03'),
      service('2026-03-04'),
      service('2026-03-05')
    ])
    expect(amounts(lines)).toEqual([
      [50, 1],
      [50, 1],
      [100, 2],
      [100, 2]
    ])
  })

  it('counts per China calendar month: a new month starts from the 1st penalty again', () => {
    const lines = assessFines(SVW, [
      service('2026-03-30'),
      service('2026-03-31'),
      service('2026-04-01'),
      service('2026-04-02'),
      service('2026-04-30'),
      service('2026-05-01')
    ])
    expect(amounts(lines)).toEqual([
      [50, 1],
      [50, 1],
      [50, 1],
      [50, 1],
      [100, 2],
      [50, 1]
    ])
    expect(amounts(assessFines(SVW, [sales('2026-01-31'), sales('2026-02-01'), sales('2025-12-31')]))).toEqual([
      [50, 1],
      [50, 1],
      [50, 1]
    ])
  })

  it('counts per person: two advisors with one penalty each are both single', () => {
    const lines = assessFines(SVW, [sales('2026-03-02'), sales('2026-03-03', { personId: 'p-chen-jing' })])
    expect(amounts(lines)).toEqual([
      [50, 1],
      [50, 1]
    ])
  })

  it('doubles the whole fine of the violation, per item', () => {
    const lines = assessFines(SVW, [
      sales('2026-03-02'),
      violation('sales_advisor', 'customer_signature_missing', 'sales', { occurredOn: '2026-03-03', quantity: 3 })
    ])
    expect(amounts(lines)).toEqual([
      [50, 1],
      [120, 2]
    ])
  })

  it('on one day, violations are taken in the order of their ids', () => {
    const b = sales('2026-03-02', { id: 'b' })
    const a = violation('sales_advisor', 'customer_signature_missing', 'sales', { id: 'a', occurredOn: '2026-03-02' })
    expect(assessFines(SVW, [b, a]).map((l) => [l.violationId, l.yuan])).toEqual([
      ['a', 20],
      ['b', 100]
    ])
  })

  it("each violation is one penalty by default (受处罚一次); with archive_day one archive's findings on one day count once", () => {
    const found = [
      violation('sales_advisor', 'customer_signature_missing', 'sales', {
        id: 'a1',
        archiveId: 'A',
        occurredOn: '2026-03-05'
      }),
      violation('sales_advisor', 'late_handover', 'sales', { id: 'a2', archiveId: 'A', occurredOn: '2026-03-05' }),
      violation('sales_advisor', 'late_handover', 'sales', { id: 'b1', archiveId: 'B', occurredOn: '2026-03-05' }),
      violation('sales_advisor', 'customer_signature_missing', 'sales', {
        id: 'a3',
        archiveId: 'A',
        occurredOn: '2026-03-06'
      })
    ]
    expect(SVW.penaltyCounting).toBeUndefined()
    expect(amounts(assessFines(SVW, found))).toEqual([
      [20, 1],
      [100, 2],
      [100, 2],
      [40, 2]
    ])
    expect(amounts(assessFines({ ...SVW, penaltyCounting: 'each_violation' }, found))).toEqual(
      amounts(assessFines(SVW, found))
    )
    expect(amounts(assessFines({ ...SVW, penaltyCounting: 'archive_day' }, found))).toEqual([
      [20, 1],
      [50, 1],
      [100, 2],
      [40, 2]
    ])
  })

  it('with archive_day, a violation without an archive is a penalty of its own', () => {
    const found = [
      violation('sales_advisor', 'late_handover', 'sales', { id: 'x1', occurredOn: '2026-03-05' }),
      violation('sales_advisor', 'late_handover', 'sales', { id: 'x2', occurredOn: '2026-03-05' })
    ]
    expect(amounts(assessFines({ ...SVW, penaltyCounting: 'archive_day' }, found))).toEqual([
      [50, 1],
      [100, 2]
    ])
  })

  it('the same archive on the same day counts once only for the same person', () => {
    const found = [
      violation('sales_advisor', 'late_handover', 'sales', { id: 'p1', archiveId: 'A', personId: 'p-1' }),
      violation('sales_advisor', 'late_handover', 'sales', { id: 'p2', archiveId: 'A', personId: 'p-2' }),
      violation('sales_advisor', 'late_handover', 'sales', { id: 'p3', archiveId: 'C', personId: 'p-2' })
    ]
    expect(amounts(assessFines({ ...SVW, penaltyCounting: 'archive_day' }, found))).toEqual([
      [50, 1],
      [50, 1],
      [100, 2]
    ])
  })

  it('a violation that is not penalised (no rule, or KPI points unset) does not count toward the escalation', () => {
    const unsetKpi: FinesPolicy = {
      ...SVW,
      rules: [
        ...SVW.rules,
        {
          code: 'own-unset',
          title: '本店待定',
          clause: '本店',
          trigger: 'archive_nonconforming',
          appliesTo: ['sales_advisor'],
          penalty: { kind: 'kpi_points', points: null, per: 'file' }
        }
      ]
    }
    const lines = assessFines(unsetKpi, [
      violation('sales_advisor', 'favouritism', 'sales', { occurredOn: '2026-03-01' }),
      violation('sales_advisor', 'archive_nonconforming', 'sales', { occurredOn: '2026-03-02' }),
      sales('2026-03-03')
    ])
    expect(amounts(lines)).toEqual([[50, 1]])
  })

  it('KPI points are not doubled: 罚款翻倍 doubles the yuan only', () => {
    const kpiToo: FinesPolicy = {
      ...SVW,
      rules: [
        {
          code: 'own-kpi',
          title: '本店KPI',
          clause: '本店',
          trigger: 'archive_nonconforming',
          appliesTo: ['sales_advisor'],
          penalty: { kind: 'kpi_points', points: 2, per: 'file' }
        }
      ]
    }
    const lines = assessFines(kpiToo, [
      violation('sales_advisor', 'archive_nonconforming', 'sales'),
      violation('sales_advisor', 'archive_nonconforming', 'sales')
    ])
    expect(lines.map((l) => [l.kpiPoints, l.multiplier])).toEqual([
      [2, 1],
      [2, 1]
    ])
  })

  it('FAW-VW has no escalation: the 3rd favouritism finding of a month is still 10 元/份', () => {
    const lines = assessFines(
      FAW,
      [1, 2, 3].map(() => violation('service_advisor', 'favouritism', 'service'))
    )
    expect(amounts(lines)).toEqual([
      [10, 1],
      [10, 1],
      [10, 1]
    ])
  })

  it('keeps fen, not floating-point noise, for amounts a dealership sets', () => {
    const odd: FinesPolicy = {
      ...SVW,
      escalations: [],
      rules: [{ ...SVW.rules[0]!, penalty: { kind: 'yuan', amount: 0.1, per: 'item' } }]
    }
    expect(only(assessFines(odd, [violation('sales_advisor', 'late_handover', 'sales', { quantity: 3 })])).yuan).toBe(
      0.3
    )
  })
})

describe('the same lines whatever order the violations come in', () => {
  const roles = ['sales_advisor', 'service_advisor', 'responsible_person'] as const
  const triggers = [
    'late_handover',
    'customer_signature_missing',
    'document_nonconforming',
    'archive_lost_or_damaged'
  ] as const
  const arbitraryViolations = fc
    .array(
      fc.record({
        person: fc.constantFrom('p-1', 'p-2', 'p-3'),
        role: fc.constantFrom(...roles),
        trigger: fc.constantFrom(...triggers),
        kind: fc.constantFrom('sales', 'service'),
        day: fc.integer({ min: 0, max: 75 }),
        quantity: fc.integer({ min: 1, max: 4 }),
        archive: fc.constantFrom('A', 'B', 'C')
      }),
      { maxLength: 30 }
    )
    .map((list) =>
      list.map((v, index): ViolationInput => ({
        id: `v${index}`,
        personId: v.person,
        role: v.role,
        trigger: v.trigger,
        archiveKind: v.kind as ArchiveKind,
        occurredOn: new Date(Date.UTC(2026, 1, 20 + v.day)).toISOString().slice(0, 10),
        quantity: v.quantity,
        archiveId: v.archive
      }))
    )

  it('shuffled input gives the same lines, in the same order', () => {
    fc.assert(
      fc.property(arbitraryViolations, fc.boolean(), (violations, byArchiveDay) => {
        const fines: FinesPolicy = byArchiveDay ? { ...SVW, penaltyCounting: 'archive_day' } : SVW
        const expected = assessFines(fines, violations)
        const shuffled = fc.sample(fc.shuffledSubarray(violations, { minLength: violations.length }), 1)[0]!
        expect(assessFines(fines, shuffled)).toEqual(expected)
        expect(assessFines(fines, [...violations].reverse())).toEqual(expected)
      })
    )
  })

  it('doubles exactly the fines from the nth penalty of each person in each month', () => {
    fc.assert(
      fc.property(arbitraryViolations, (violations) => {
        const lines = assessFines(SVW, violations)
        const byId = new Map(violations.map((v) => [v.id, v]))
        const seen = new Map<string, number>()
        for (const line of lines) {
          const v = byId.get(line.violationId)!
          const key = `${v.personId} ${v.occurredOn.slice(0, 7)}`
          const n = (seen.get(key) ?? 0) + 1
          seen.set(key, n)
          const from = v.role === 'sales_advisor' ? 2 : v.role === 'service_advisor' ? 3 : Infinity
          expect(line.multiplier).toBe(n >= from ? 2 : 1)
        }
      })
    )
  })
})

describe('a policy change in mid-month', () => {
  it('lines carry the rule code, and each violation keeps the amount of the version it was assessed under', () => {
    const v2: FinesPolicy = {
      ...SVW,
      rules: SVW.rules.map((r) =>
        r.code === 'svw-5-1-sales-late' ? { ...r, penalty: { kind: 'yuan', amount: 80, per: 'vehicle_visit' } } : r
      )
    }
    const before = violation('sales_advisor', 'late_handover', 'sales', { occurredOn: '2026-03-02' })
    const after = violation('sales_advisor', 'late_handover', 'sales', { occurredOn: '2026-03-20' })
    const earlier = assessFines(SVW, [before])
    const later = assessFines(v2, [after])
    expect(earlier).toEqual([expect.objectContaining({ ruleCode: 'svw-5-1-sales-late', yuan: 50 })])
    expect(later).toEqual([expect.objectContaining({ ruleCode: 'svw-5-1-sales-late', yuan: 80, multiplier: 1 })])
    expect(assessFines(SVW, [before])).toEqual(earlier)
  })
})

describe('bad input is refused in Chinese and nothing is assessed', () => {
  const good = () => violation('sales_advisor', 'late_handover', 'sales')

  it('refuses two violations with the same id', () => {
    const v = good()
    const error = domainErrorOf(() => assessFines(SVW, [v, { ...v }]))
    expect(error.code).toBe('FINE_VIOLATION_ID_DUPLICATE')
    expect(error.message).toBe(`违规编号“${v.id}”重复，每条违规只能计一次`)
    expect(error.details).toEqual({ id: v.id })
  })

  it.each(['2026-02-30', '2026-3-5', '', '2026-03-05T10:00'])('refuses the date “%s”', (occurredOn) => {
    const v = { ...good(), id: 'x', occurredOn }
    const error = domainErrorOf(() => assessFines(SVW, [v]))
    expect(error.code).toBe('FINE_VIOLATION_DATE_INVALID')
    expect(error.message).toBe(`违规“x”的发生日期“${occurredOn}”无效，应为 年-月-日，如 2026-03-05`)
    expect(error.details).toEqual({ id: 'x', date: occurredOn })
  })

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses the quantity %s', (quantity) => {
    const v = { ...good(), id: 'x', quantity }
    const error = domainErrorOf(() => assessFines(SVW, [v]))
    expect(error.code).toBe('FINE_VIOLATION_QUANTITY_INVALID')
    expect(error.message).toBe(`违规“x”的数量“${quantity}”无效，应为不小于 1 的整数`)
    expect(error.details).toEqual({ id: 'x', quantity: String(quantity) })
  })

  it('accepts a quantity of 1 and refuses a violation without a person', () => {
    expect(assessFines(SVW, [{ ...good(), quantity: 1 }])).toHaveLength(1)
    const error = domainErrorOf(() => assessFines(SVW, [{ ...good(), id: 'x', personId: '  ' }]))
    expect(error.code).toBe('FINE_VIOLATION_PERSON_MISSING')
    expect(error.message).toBe('违规“x”未指明被处罚人')
    expect(error.details).toEqual({ id: 'x' })
  })

  it('refuses bad input also when listing what waits for KPI points', () => {
    expect(() => violationsAwaitingKpiPoints(FAW, [{ ...good(), quantity: 0 }])).toThrow(DomainError)
  })

  it('an empty month gives no lines', () => {
    expect(assessFines(SVW, [])).toEqual([])
  })
})
