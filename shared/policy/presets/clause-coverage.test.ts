import { describe, expect, it } from 'vitest'
import type { Policy } from '../policy'
import { FAW_VW_PRESET } from './faw-vw'
import { SVW_SKODA_PRESET } from './svw-skoda'

// The clause map: every clause of the two dealer texts (shared/seeds/*.zh.txt) that states a rule the app can
// apply, and where the preset holds it. A clause counts as encoded when the preset cites it (a reader finds
// its data by searching for the clause) or holds it in a named field; the tests of policy-texts.test.ts,
// presets.test.ts and the rule and fines tests exercise what is cited. Clauses that state no rule the app
// applies (purpose, scope, who is responsible, how the text itself is adopted) are listed apart, with why.

interface Clause {
  readonly clause: string
  /** Text the preset's data must contain, or a test of the preset, when the clause is encoded. */
  readonly encoded: string | ((preset: Policy) => boolean) | null
  /** Why a clause is not encoded in the preset. */
  readonly why?: string
}

const cite = (text: string) => text

const FAW: readonly Clause[] = [
  { clause: '二2 档案接收人填写《档案交接表》', encoded: null, why: '交接流程与表单名称（表单名称取自制度另行处理）' },
  { clause: '二3 100%检查审核，不合格发回整改并记录', encoded: cite('一汽大众 二3') },
  { clause: '二4 与CRM核对，《档案缺失报告》2日内', encoded: cite('一汽大众 二4') },
  { clause: '二5 《未上报记录》', encoded: cite('二4、二5') },
  { clause: '四 档案管理期限', encoded: cite('一汽大众 四') },
  ...[1, 2, 3, 4, 5, 6, 7].map((n) => ({ clause: `五(一)1(${n}) 销售档案整理顺序`, encoded: cite(`五(一)1(${n})`) })),
  // 2(4) 「需要与《购车发票》的名称相符」 is the same rule as 2(2), cited together as 2(2)、2(4).
  ...[1, 2, 3, 4, 5, 6, 7].map((n) => ({
    clause: `五(一)2(${n}) 销售档案检查标准`,
    encoded: cite(n === 4 ? '五(一)2(2)、2(4)' : `五(一)2(${n})`)
  })),
  { clause: '五(一)3(1) 每周一交至客服部', encoded: cite('五(一)3(1)') },
  { clause: '五(一)3(2) 与扫AAK数量相符，缺失按KPI扣分', encoded: cite('五(一)3(2)') },
  { clause: '五(一)3(3) 不合格档案按KPI扣分', encoded: cite('五(一)3(3)') },
  ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => ({
    clause: `五(二)1(${n}) 服务档案整理顺序`,
    encoded: cite(`五(二)1(${n})`)
  })),
  ...[1, 2, 3, 4, 5, 6, 7].map((n) => ({ clause: `五(二)2(${n}) 服务档案检查标准`, encoded: cite(`五(二)2(${n})`) })),
  { clause: '五(二)3 DSERP字段必须维护', encoded: (p) => p.vehicleFile?.clause === '一汽大众 五(二)3' },
  ...[1, 2, 3, 4, 5, 6, 7].map((n) => ({
    clause: `五(二)4(${n}) 服务档案存档要求及考核`,
    encoded: cite(`五(二)4(${n})`)
  })),
  { clause: '五(二)5 档案完整性99%、真实性95%', encoded: cite('五(二)5') }
]

const FAW_NOT_RULES = ['一 目的', '二1 客服部为管理部门（处罚执行者：客服部）', '三 一车一档、审核后归档']

const SVW: readonly Clause[] = [
  { clause: '二.1 纸质档案与电子档案', encoded: null, why: '电子档案（扫描件）另行管理，制度未规定检查内容' },
  {
    clause: '二.4 专用档案柜；电子档案设置用户名和密码',
    encoded: null,
    why: '由操作员与密码规则实现（PASSWORD_POLICY_SOURCES），不在档案制度数据中'
  },
  { clause: '二.5 《用户档案签收簿》每日登记', encoded: null, why: '交接登记簿（表单名称取自制度另行处理）' },
  { clause: '二.6 借阅按《档案借阅制度》', encoded: cite('上汽大众斯柯达 二.6') },
  { clause: '四.1 新车档案3个工作日内移交、12项资料', encoded: cite('上汽大众斯柯达 四.1') },
  { clause: '四.2 售后档案1个工作日内移交、按维修类别的资料', encoded: cite('上汽大众斯柯达 四.2') },
  ...[1, 2, 3, 4, 5, 6, 7].map((n) => ({ clause: `五.${n} 违规处罚`, encoded: cite(`上汽大众斯柯达 五.${n}`) })),
  {
    clause: '五.8 及时率和完整率纳入部门负责人绩效考核',
    encoded: (p) => p.fines.departmentReviewMetrics.join() === 'timeliness,completeness'
  },
  { clause: '五.9 由客户总监负责检查、执行', encoded: (p) => p.fines.enforcedBy === '客户总监' },
  { clause: '五.10 未在一个工作日内改正视同再次违规', encoded: cite('上汽大众斯柯达 五.10') }
]

const SVW_NOT_RULES = [
  '一 用户档案的范围',
  '二.2 设立档案管理人员',
  '二.3 一车一档、统一档案袋',
  '三.1–三.3 职责划分',
  '六、七 解释与施行'
]

function isEncoded(preset: Policy, entry: Clause): boolean {
  if (entry.encoded === null) return false
  if (typeof entry.encoded === 'function') return entry.encoded(preset)
  return JSON.stringify(preset).includes(entry.encoded)
}

const coverage = (preset: Policy, clauses: readonly Clause[]) =>
  Math.round((clauses.filter((c) => isEncoded(preset, c)).length / clauses.length) * 1000) / 10

describe('the clause map of the two texts', () => {
  it.each([
    ['FAW-VW', FAW_VW_PRESET, FAW],
    ['SVW-Skoda', SVW_SKODA_PRESET, SVW]
  ] as const)(
    '%s: every clause marked encoded is found in the preset, and every other one says why',
    (_n, preset, map) => {
      for (const entry of map) {
        if (entry.encoded === null) expect(entry.why, entry.clause).toBeTruthy()
        else expect(isEncoded(preset, entry), entry.clause).toBe(true)
      }
    }
  )

  it('FAW-VW: 47 of 48 rule clauses encoded (97.9 %); 3 clauses state no rule', () => {
    expect([FAW.length, FAW.filter((c) => isEncoded(FAW_VW_PRESET, c)).length]).toEqual([48, 47])
    expect(coverage(FAW_VW_PRESET, FAW)).toBe(97.9)
    expect(FAW_NOT_RULES).toHaveLength(3)
  })

  it('SVW-Skoda: 13 of 16 rule clauses encoded (81.3 %); 5 groups of clauses state no rule', () => {
    expect([SVW.length, SVW.filter((c) => isEncoded(SVW_SKODA_PRESET, c)).length]).toEqual([16, 13])
    expect(coverage(SVW_SKODA_PRESET, SVW)).toBe(81.3)
    expect(SVW_NOT_RULES).toHaveLength(5)
  })
})
