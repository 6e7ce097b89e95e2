import { describe, expect, it } from 'vitest'
import { isDomainError } from '../model/domain-error'
import { FAW_VW_PRESET } from '../policy/presets/faw-vw'
import type { ReceivedArchive } from './reconcile'
import { expectedArchivesFrom, reconcile } from './reconcile'
import type { SystemRecord } from './system-record'

const VIN_A = 'LFV2A21K9P3000002'
const VIN_B = 'LFV2A21K0P3000003'
const VIN_C = 'LFV2A21K2P3000004'
const VIN_D = 'LFV2A21K4P3000005'
const VIN_E = 'LFV2A21K6P3000006'
const VIN_X = 'LSVAB4BR3NN000101'
const VIN_Z = 'LSVAB4BR5NN000102'

const WEEK = { from: '2026-11-02', to: '2026-11-08' }
const sales = FAW_VW_PRESET.reconciliation.sales
const service = FAW_VW_PRESET.reconciliation.service

function systemRow(
  row: number,
  vin: string,
  date: string,
  advisor: string,
  more: Partial<SystemRecord> = {}
): SystemRecord {
  return { row, vin, date, advisor, repairOrderNo: '', customer: '', plate: '', model: '', status: '', ...more }
}

function archive(
  archiveId: string,
  vin: string,
  date: string | null,
  more: Partial<ReceivedArchive> = {}
): ReceivedArchive {
  return { archiveId, department: 'sales', vin, repairOrderNo: null, date, advisor: '档案上的顾问', ...more }
}

function refusal(run: () => unknown): { code: string; message: string; details: Record<string, string> } {
  try {
    run()
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, message: error.message, details: { ...error.details } }
    throw error
  }
  throw new Error('expected a refusal')
}

describe('FAW-VW sales: the archives received against the week’s AAK list (五(一)3(2), 二4, 二5)', () => {
  // 五(一)3(2): "要求销售档案数量必须与扫AAK系统中的数量相符，用户未开发票除外"
  const system = [
    systemRow(2, VIN_A, '2026-11-02', '张伟', { plate: '吉A12345', model: '迈腾' }),
    systemRow(3, VIN_B, '2026-11-03', '王芳', { model: '速腾' }),
    systemRow(4, VIN_C, '2026-11-04', '赵磊', { status: '用户未开发票' }),
    systemRow(5, VIN_D, '2026-11-05', '王芳'),
    systemRow(6, VIN_E, '2026-10-30', '张伟')
  ]
  const received = [
    archive('a-1', VIN_A.toLowerCase(), '2026-11-02'),
    archive('x-1', VIN_X, '2026-11-06', { advisor: '孙丽' }),
    archive('e-1', VIN_E, '2026-11-03'),
    archive('z-1', VIN_Z, '2026-10-20'),
    archive('z-2', VIN_Z, null),
    archive('b-service', VIN_B, '2026-11-03', { department: 'service', repairOrderNo: 'RO1' })
  ]
  const run = () =>
    reconcile({
      department: 'sales',
      period: WEEK,
      rule: sales,
      system,
      received,
      exceptions: [{ vin: ` ${VIN_D.toLowerCase()} `, code: 'not_invoiced', note: ' 客户要求月底开票 ' }]
    })

  it('matches an archive by its VIN, whatever its case', () => {
    expect(run().matched).toEqual([
      {
        vin: VIN_A,
        repairOrderNo: '',
        date: '2026-11-02',
        advisor: '张伟',
        customer: '',
        plate: '吉A12345',
        model: '迈腾',
        sourceRow: 2,
        archiveIds: ['a-1']
      }
    ])
  })

  it('lists a delivery with no archive as missing, with its date and advisor (二4), a service archive of the car does not count', () => {
    expect(run().missing.map((line) => [line.vin, line.date, line.advisor, line.sourceRow, line.archiveIds])).toEqual([
      [VIN_B, '2026-11-03', '王芳', 3, []]
    ])
  })

  it('puts 用户未开发票 into 《未上报记录》 with the reason, from the system’s status or from the user (二5)', () => {
    expect(run().excepted.map((line) => [line.vin, line.exception])).toEqual([
      [VIN_C, { code: 'not_invoiced', label: '用户未开发票', note: '' }],
      [VIN_D, { code: 'not_invoiced', label: '用户未开发票', note: '客户要求月底开票' }]
    ])
  })

  it('lists an archive of the period the system does not know as extra, with the archive’s advisor', () => {
    expect(run().extra).toEqual([
      {
        vin: VIN_X,
        repairOrderNo: '',
        date: '2026-11-06',
        advisor: '孙丽',
        customer: '',
        plate: '',
        model: '',
        sourceRow: null,
        archiveIds: ['x-1']
      }
    ])
  })

  it('does not count deliveries outside the period, nor call their archives extra', () => {
    expect(run().outsidePeriod).toBe(1)
    expect(run().extra.map((line) => line.archiveIds[0])).not.toContain('e-1')
  })

  it('names the system and the clauses counted under', () => {
    expect(run().system).toBe('AAK')
    expect(run().clause).toBe('一汽大众 五(一)3(2)；一汽大众 二4、二5')
  })

  it('without the exception the undelivered invoice is missing too', () => {
    const strict = reconcile({ department: 'sales', period: WEEK, rule: sales, system, received })
    expect(strict.missing.map((line) => line.vin)).toEqual([VIN_B, VIN_D])
    expect(strict.excepted.map((line) => line.vin)).toEqual([VIN_C])
  })

  it('takes the advisor from the archive when the system has none', () => {
    const matched = reconcile({
      department: 'sales',
      period: WEEK,
      rule: sales,
      system: [systemRow(2, VIN_A, '2026-11-02', '')],
      received: [archive('a-1', VIN_A, '2026-11-02', { advisor: '档案顾问' })]
    }).matched
    expect(matched.map((line) => line.advisor)).toEqual(['档案顾问'])
  })

  it('counts the first and the last day of the period', () => {
    const edges = reconcile({
      department: 'sales',
      period: WEEK,
      rule: sales,
      system: [
        systemRow(2, VIN_A, '2026-11-01', '甲'),
        systemRow(3, VIN_B, '2026-11-02', '乙'),
        systemRow(4, VIN_C, '2026-11-08', '丙'),
        systemRow(5, VIN_D, '2026-11-09', '丁')
      ],
      received: [archive('x-early', VIN_X, '2026-11-01'), archive('x-late', VIN_Z, '2026-11-08')]
    })
    expect(edges.missing.map((line) => line.vin)).toEqual([VIN_B, VIN_C])
    expect(edges.outsidePeriod).toBe(2)
    expect(edges.extra.map((line) => line.archiveIds[0])).toEqual(['x-late'])
  })
})

describe('FAW-VW service: closed repair orders against 小R3 (五(二)4(3): "索赔和在修除外")', () => {
  const system = [
    systemRow(2, VIN_A, '2026-11-02', '刘洋', { repairOrderNo: 'RO0001' }),
    systemRow(3, VIN_A, '2026-11-03', '刘洋', { repairOrderNo: 'RO0002' }),
    systemRow(4, VIN_B, '2026-11-04', '陈静', { repairOrderNo: 'RO0003', status: '在修' }),
    systemRow(5, VIN_C, '2026-11-05', '陈静', { repairOrderNo: 'RO0004', status: '未结算' }),
    systemRow(6, VIN_D, '2026-11-05', '陈静', { repairOrderNo: 'RO0005' })
  ]
  const received = [
    archive('s-1', VIN_A, '2026-11-02', { department: 'service', repairOrderNo: 'ro0001' }),
    archive('s-9', VIN_A, '2026-11-04', { department: 'service', repairOrderNo: 'RO0009', advisor: '刘洋' })
  ]
  const run = () =>
    reconcile({
      department: 'service',
      period: WEEK,
      rule: service,
      system,
      received,
      exceptions: [{ vin: VIN_D, repairOrderNo: 'ro0005', code: 'warranty_claim' }]
    })

  it('keys by VIN and repair order: a car’s other repair order is still missing', () => {
    expect(run().matched.map((line) => [line.vin, line.repairOrderNo, line.archiveIds])).toEqual([
      [VIN_A, 'RO0001', ['s-1']]
    ])
    expect(run().missing.map((line) => [line.vin, line.repairOrderNo, line.advisor])).toEqual([
      [VIN_A, 'RO0002', '刘洋']
    ])
  })

  it('excepts 在修 and 未结算 (4(2)) and 索赔 (4(3)) with their reasons', () => {
    expect(run().excepted.map((line) => [line.repairOrderNo, line.exception])).toEqual([
      ['RO0003', { code: 'in_repair', label: '在修', note: '' }],
      ['RO0004', { code: 'not_settled', label: '未结算', note: '' }],
      ['RO0005', { code: 'warranty_claim', label: '索赔', note: '' }]
    ])
  })

  it('lists a repair order the DMS does not know as extra', () => {
    expect(run().extra.map((line) => [line.vin, line.repairOrderNo, line.advisor])).toEqual([[VIN_A, 'RO0009', '刘洋']])
  })

  it('lists a service archive without a repair order as extra with an empty repair order, not a made-up one', () => {
    const result = reconcile({
      department: 'service',
      period: WEEK,
      rule: service,
      system,
      received: [archive('s-0', VIN_E, '2026-11-06', { department: 'service', repairOrderNo: null, advisor: '陈静' })]
    })
    expect(result.extra.map((line) => [line.vin, line.repairOrderNo, line.advisor])).toEqual([[VIN_E, '', '陈静']])
  })

  it('refuses a reason the service rule does not allow (未开发票 is a sales exception), quoting the clause', () => {
    expect(
      refusal(() =>
        reconcile({
          department: 'service',
          period: WEEK,
          rule: service,
          system,
          received,
          exceptions: [{ vin: VIN_D, repairOrderNo: 'RO0005', code: 'not_invoiced' }]
        })
      )
    ).toEqual({
      code: 'RECONCILIATION_EXCEPTION_UNKNOWN',
      message: '“not_invoiced”不是现行制度允许的未上报原因（小R3核对，一汽大众 五(二)4(2)、4(3)；一汽大众 二4、二5）',
      details: { code: 'not_invoiced', system: '小R3', clause: '一汽大众 五(二)4(2)、4(3)；一汽大众 二4、二5' }
    })
  })

  it('lists the missing repair orders as expected archives for their advisors', () => {
    expect(expectedArchivesFrom(run())).toEqual([
      { vin: VIN_A, repairOrderNo: 'RO0002', department: 'service', advisor: '刘洋', date: '2026-11-03' }
    ])
  })
})

describe('the period', () => {
  it.each([
    ['2026-11-08', '2026-11-02'],
    ['2026-11-31', '2026-12-02'],
    ['2026-11-01', '']
  ])('refuses %s to %s', (from, to) => {
    const refused = refusal(() =>
      reconcile({ department: 'sales', period: { from, to }, rule: sales, system: [], received: [] })
    )
    expect(refused.code).toBe('RECONCILIATION_PERIOD_INVALID')
    expect(refused.details).toEqual({ from, to })
    expect(refused.message).toBe(`核对期间“${from} 至 ${to}”无效，开始日期应为不晚于结束日期的有效日期`)
  })

  it('takes a one-day period', () => {
    const day = reconcile({
      department: 'sales',
      period: { from: '2026-11-02', to: '2026-11-02' },
      rule: sales,
      system: [systemRow(2, VIN_A, '2026-11-02', '张伟')],
      received: []
    })
    expect(day.missing.map((line) => line.vin)).toEqual([VIN_A])
    expect(expectedArchivesFrom(day)).toEqual([
      { vin: VIN_A, repairOrderNo: null, department: 'sales', advisor: '张伟', date: '2026-11-02' }
    ])
  })
})

describe('the order of the lines', () => {
  it('lists by date, then VIN (LFV2A21K0… before LFV2A21K9…), then repair order, whatever order the system gave', () => {
    const lines = reconcile({
      department: 'service',
      period: WEEK,
      rule: service,
      system: [
        systemRow(2, VIN_B, '2026-11-04', '陈静', { repairOrderNo: 'RO0002' }),
        systemRow(3, VIN_B, '2026-11-04', '陈静', { repairOrderNo: 'RO0001' }),
        systemRow(4, VIN_A, '2026-11-04', '', { repairOrderNo: 'RO0009' }),
        systemRow(5, VIN_C, '2026-11-02', '刘洋', { repairOrderNo: 'RO0005' }),
        systemRow(6, VIN_D, '2026-11-06', '刘洋', { repairOrderNo: 'RO0006', status: '在修' }),
        systemRow(7, VIN_E, '2026-11-03', '刘洋', { repairOrderNo: 'RO0007', status: '在修' }),
        systemRow(8, VIN_E, '2026-11-07', '刘洋', { repairOrderNo: 'RO0008' }),
        systemRow(9, VIN_E, '2026-11-05', '刘洋', { repairOrderNo: 'RO0010' })
      ],
      received: [
        archive('m-2', VIN_E, '2026-11-07', { department: 'service', repairOrderNo: 'RO0008' }),
        archive('m-1', VIN_E, '2026-11-05', { department: 'service', repairOrderNo: 'RO0010' }),
        archive('x-2', VIN_Z, '2026-11-06', { department: 'service', repairOrderNo: 'RO0100' }),
        archive('x-1', VIN_X, '2026-11-03', { department: 'service', repairOrderNo: 'RO0101' })
      ]
    })
    expect(lines.missing.map((line) => [line.date, line.vin, line.repairOrderNo, line.advisor])).toEqual([
      ['2026-11-02', VIN_C, 'RO0005', '刘洋'],
      ['2026-11-04', VIN_B, 'RO0001', '陈静'],
      ['2026-11-04', VIN_B, 'RO0002', '陈静'],
      ['2026-11-04', VIN_A, 'RO0009', '']
    ])
    expect(lines.excepted.map((line) => line.repairOrderNo)).toEqual(['RO0007', 'RO0006'])
    expect(lines.matched.map((line) => line.archiveIds[0])).toEqual(['m-1', 'm-2'])
    expect(lines.extra.map((line) => line.archiveIds[0])).toEqual(['x-1', 'x-2'])
  })

  it('for sales shows no repair order even where the system or the archive carries one', () => {
    const lines = reconcile({
      department: 'sales',
      period: WEEK,
      rule: sales,
      system: [systemRow(2, VIN_A, '2026-11-02', '张伟', { repairOrderNo: 'RO1' })],
      received: [
        archive('a-1', VIN_A, '2026-11-02', { repairOrderNo: 'RO2' }),
        archive('x-1', VIN_X, '2026-11-03', { repairOrderNo: 'RO3' })
      ]
    })
    expect(lines.matched.map((line) => [line.repairOrderNo, line.archiveIds])).toEqual([['', ['a-1']]])
    expect(lines.extra.map((line) => line.repairOrderNo)).toEqual([''])
  })

  it('takes a status as an allowed reason only when it is the policy’s reason word for word', () => {
    const lines = reconcile({
      department: 'service',
      period: WEEK,
      rule: service,
      system: [
        systemRow(2, VIN_A, '2026-11-02', '刘洋', { repairOrderNo: 'RO1', status: 'in_repair' }),
        systemRow(3, VIN_B, '2026-11-02', '刘洋', { repairOrderNo: 'RO2', status: ' 在 修 ' })
      ],
      received: []
    })
    expect(lines.missing.map((line) => line.repairOrderNo)).toEqual(['RO1'])
    expect(lines.excepted.map((line) => line.repairOrderNo)).toEqual(['RO2'])
  })
})
