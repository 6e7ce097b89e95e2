import { describe, expect, it } from 'vitest'
import { createWorkingCalendar } from '../calendar'
import { chinaDateTimeText } from '../time'
import { FAW_VW_PRESET } from '../policy/presets/faw-vw'
import { SVW_SKODA_PRESET } from '../policy/presets/svw-skoda'
import { reconcile } from './reconcile'
import {
  buildMissingArchiveReport,
  buildUnreportedRecord,
  describeReportDeadline,
  missingArchiveReportDeadline
} from './reconciliation-reports'
import type { SystemRecord } from './system-record'

const calendar = createWorkingCalendar()
const VIN_A = 'LFV2A21K9P3000002'
const VIN_B = 'LFV2A21K0P3000003'
const VIN_C = 'LFV2A21K2P3000004'
const VIN_X = 'LSVAB4BR3NN000101'

function systemRow(
  row: number,
  vin: string,
  date: string,
  advisor: string,
  more: Partial<SystemRecord> = {}
): SystemRecord {
  return { row, vin, date, advisor, repairOrderNo: '', customer: '', plate: '', model: '', status: '', ...more }
}

const salesResult = () =>
  reconcile({
    department: 'sales',
    period: { from: '2026-11-02', to: '2026-11-08' },
    rule: FAW_VW_PRESET.reconciliation.sales,
    system: [
      systemRow(2, VIN_A, '2026-11-02', '张伟', { customer: '李娜', plate: '吉A12345', model: '迈腾' }),
      systemRow(3, VIN_B, '2026-11-03', '王芳', { customer: '周强', plate: '吉A54321', model: '速腾' }),
      systemRow(4, VIN_C, '2026-11-04', '赵磊', { customer: '吴敏', model: '探岳' })
    ],
    received: [
      { archiveId: 'a-1', department: 'sales', vin: VIN_A, repairOrderNo: null, date: '2026-11-02', advisor: '张伟' },
      { archiveId: 'x-1', department: 'sales', vin: VIN_X, repairOrderNo: null, date: '2026-11-05', advisor: '孙丽' }
    ],
    exceptions: [{ vin: VIN_C, code: 'not_invoiced', note: '客户要求月底开票' }]
  })
// Monday 2026-11-09, 10:00 China time.
const reconciledAt = '2026-11-09T02:00:00.000Z'
const input = () => ({
  result: salesResult(),
  policy: FAW_VW_PRESET,
  reconciledAt,
  calendar,
  dealershipName: '长春某某一汽大众4S店',
  preparedBy: '档案员小李'
})

describe('《档案缺失报告》 (FAW-VW 二4: "与系统数量不符，填写《档案缺失报告》并限期2日内上交")', () => {
  const report = () => buildMissingArchiveReport(input())

  it('is due 2 calendar days after the count, to the end of the day', () => {
    const deadline = missingArchiveReportDeadline(FAW_VW_PRESET, reconciledAt, calendar)
    expect(chinaDateTimeText(deadline.dueAt)).toBe('2026-11-11 23:59')
    expect(deadline).toMatchObject({ rule: '核对后2个自然日内（节假日照常计算）', clause: '一汽大众 二4' })
  })

  it('counts calendar days through the National Day holiday: the policy says 2日, not 2 working days', () => {
    const due = missingArchiveReportDeadline(FAW_VW_PRESET, '2026-09-30T08:00:00.000Z', calendar).dueAt
    expect(chinaDateTimeText(due)).toBe('2026-10-02 23:59')
  })

  it('prints the heading facts, with the deadline, the rule and its clause', () => {
    expect(report().title).toBe('档案缺失报告')
    expect(report().dealershipName).toBe('长春某某一汽大众4S店')
    expect(report().facts).toEqual([
      { label: '部门', value: '销售部' },
      { label: '核对系统', value: 'AAK' },
      { label: '核对期间', value: '2026-11-02 至 2026-11-08' },
      { label: '核对时间', value: '2026-11-09 10:00' },
      { label: '核对人', value: '档案员小李' },
      { label: '补交期限', value: '2026-11-11 23:59 前（核对后2个自然日内（节假日照常计算）；一汽大众 二4）' },
      { label: '依据', value: '一汽大众 五(一)3(2)；一汽大众 二4、二5' }
    ])
  })

  it('lists the missing archive with its advisor, and the archive the system does not know; no customer names', () => {
    expect(report().sections).toEqual([
      {
        heading: '系统有记录、未收到档案（1 份）',
        columns: ['序号', '车架号', '交车日期', '销售顾问', '车牌号', '车型'],
        rows: [['1', VIN_B, '2026-11-03', '王芳', '吉A54321', '速腾']]
      },
      {
        heading: '已收档案、系统中无记录（1 份）',
        columns: ['序号', '车架号', '交车日期', '销售顾问', '车牌号', '车型'],
        rows: [['1', VIN_X, '2026-11-05', '孙丽', '', '']]
      }
    ])
    expect(JSON.stringify(report())).not.toContain('周强')
  })

  it('sums up the count and has sign-off lines for the archive keeper and the managers', () => {
    expect(report().summary).toBe(
      '系统记录 3 条：已收档案 1 份，缺失 1 份，未上报（允许例外）1 份；系统中无记录的档案 1 份'
    )
    expect(report().signOff).toEqual(['档案管理员', '销售经理', '客服经理'])
  })
})

describe('《未上报记录》 (FAW-VW 二5: "注明原因及车辆相关信息")', () => {
  it('lists each file not handed in with the vehicle and the reason', () => {
    const record = buildUnreportedRecord(input())
    expect(record.title).toBe('未上报记录')
    expect(record.sections).toEqual([
      {
        heading: '未上报档案（1 份）',
        columns: ['序号', '车架号', '交车日期', '销售顾问', '车牌号', '车型', '未上报原因'],
        rows: [['1', VIN_C, '2026-11-04', '赵磊', '', '探岳', '用户未开发票（客户要求月底开票）']]
      }
    ])
    expect(record.facts.map((fact) => fact.label)).toEqual([
      '部门',
      '核对系统',
      '核对期间',
      '核对时间',
      '核对人',
      '依据'
    ])
  })

  it('for service shows the repair order, the settlement date and the 服务顾问, and the bare reason without a note', () => {
    const service = reconcile({
      department: 'service',
      period: { from: '2026-11-02', to: '2026-11-08' },
      rule: FAW_VW_PRESET.reconciliation.service,
      system: [systemRow(2, VIN_A, '2026-11-03', '刘洋', { repairOrderNo: 'RO0002', status: '在修' })],
      received: []
    })
    const record = buildUnreportedRecord({ ...input(), result: service })
    expect(record.sections[0]!.columns).toEqual([
      '序号',
      '车架号',
      '委托书号',
      '结算日期',
      '服务顾问',
      '车牌号',
      '车型',
      '未上报原因'
    ])
    expect(record.sections[0]!.rows).toEqual([['1', VIN_A, 'RO0002', '2026-11-03', '刘洋', '', '', '在修']])
    expect(record.facts[0]).toEqual({ label: '部门', value: '服务部' })
    expect(record.signOff).toEqual(['档案管理员', '服务经理', '客服经理'])
  })

  it('uses the policy’s own sign-off block where it has one (SVW-Skoda 编制/审核/批准)', () => {
    expect(buildUnreportedRecord({ ...input(), policy: SVW_SKODA_PRESET }).signOff).toEqual(['编制', '审核', '批准'])
    expect(buildMissingArchiveReport({ ...input(), policy: SVW_SKODA_PRESET }).signOff).toEqual([
      '编制',
      '审核',
      '批准'
    ])
  })
})

describe('a report deadline in words, saying which calendar it counts on', () => {
  it.each([
    [{ kind: 'calendar_days_after', days: 2, from: 'reconciliation' }, '核对后2个自然日内（节假日照常计算）'],
    [{ kind: 'working_days_after', days: 3, from: 'reconciliation' }, '核对后3个工作日内（按法定节假日及本店调休）'],
    [{ kind: 'hours_after', hours: 48, from: 'reconciliation' }, '核对后48小时内'],
    [{ kind: 'next_weekday', weekday: 1, from: 'reconciliation' }, '核对后的下一个星期一（遇节假日顺延）'],
    [{ kind: 'next_weekday', weekday: 7, from: 'reconciliation' }, '核对后的下一个星期日（遇节假日顺延）'],
    [{ kind: 'days_after_at_time', days: 1, time: '10:00', from: 'reconciliation' }, '核对后第1个工作日10:00前']
  ] as const)('%j', (rule, text) => {
    expect(describeReportDeadline(rule)).toBe(text)
  })

  it('computes a working-day deadline on the dealership’s calendar', () => {
    const policy = {
      ...FAW_VW_PRESET,
      deadlines: {
        ...FAW_VW_PRESET.deadlines,
        missingArchiveReport: {
          rule: { kind: 'working_days_after', days: 2, from: 'reconciliation' },
          clause: '本店规定'
        }
      }
    } as const
    const due = missingArchiveReportDeadline(policy, '2026-09-30T08:00:00.000Z', calendar).dueAt
    expect(chinaDateTimeText(due)).toBe('2026-10-09 23:59')
  })
})
