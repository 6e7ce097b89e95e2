import { describe, expect, it } from 'vitest'
import { FAW_VW_PRESET } from '../../policy/presets/faw-vw'
import { evaluateArchive, findCheckResult } from '../evaluate-archive'
import {
  allManualChecksPassed,
  FAW_VW_SALES_EXAMPLE,
  FAW_VW_SERVICE_EXAMPLE,
  withFacts
} from '../../../tests/fixtures/example-archives'
import type { ArchiveInput } from '../archive-input'
import type { FactValue } from '../fact-value'
import { DEFAULT_RULE_CONTEXT } from '../rule-context'

const check = (base: ArchiveInput, code: string, changes: Record<string, FactValue | undefined>) =>
  findCheckResult(
    evaluateArchive(
      FAW_VW_PRESET,
      withFacts(base, changes),
      allManualChecksPassed(FAW_VW_PRESET.archiveTemplates[base.kind]),
      DEFAULT_RULE_CONTEXT
    ),
    code
  )

describe('FAW-VW: invoice buyer = name on the ID / organisation certificate', () => {
  const buyer = (buyerName: string, name: string) =>
    check(FAW_VW_SALES_EXAMPLE, 'invoice-buyer-matches-id', { 'invoice.buyerName': buyerName, 'owner_id.name': name })

  it('ignores spaces, full-width forms and the shape of the middle dot', () => {
    expect(buyer('王建国', ' 王\u3000建 国 ')?.status).toBe('pass')
    expect(buyer('长春宏达物流有限公司（朝阳分公司）', '长春宏达物流有限公司(朝阳分公司)')?.status).toBe('pass')
    expect(buyer('阿依古丽·买买提', '阿依古丽•买买提')?.status).toBe('pass')
    expect(buyer('ABC汽车租赁有限公司', 'ａｂｃ汽车租赁有限公司')?.status).toBe('pass')
  })

  it('fails a different name, quoting both', () => {
    const result = buyer('王建国', '王建华')
    expect(result?.status).toBe('fail')
    expect(result?.message).toBe(
      '《购车发票》购车单位/个人名称“王建国”与《身份证/组织机构代码证》证件上的姓名/单位名称“王建华”不一致'
    )
  })
})

describe('FAW-VW: contact phone matches the number printed on the work order', () => {
  const phone = (confirmed: string) =>
    check(FAW_VW_SERVICE_EXAMPLE, 'work-order-phone-matches', {
      'work_order.confirmedPhone': confirmed,
      'work_order.printedPhone': '13804312345'
    })

  it('compares digits only, dropping +86', () => {
    expect(phone('+86 138-0431-2345')?.status).toBe('pass')
    expect(phone('１３８０４３１２３４５')?.status).toBe('pass')
  })

  it('fails another number', () => {
    expect(phone('13804312346')?.status).toBe('fail')
  })
})
