import { describe, expect, it } from 'vitest'
import { DomainError } from '../model/domain-error'
import type { AutoCheckItemTemplate } from './check-item-template'
import { copyPolicyData } from './deep-freeze'
import type { DocumentTemplate } from './document-template'
import type { Policy } from './policy'
import { assertValidPolicy, validatePolicy } from '../rules/policy-validation'
import { FAW_VW_PRESET } from './presets/faw-vw'
import { SVW_SKODA_PRESET } from './presets/svw-skoda'

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] }

/** The messages validatePolicy gives for a copy of a preset after `edit`. */
function messagesAfter(edit: (policy: Mutable<Policy>) => void, preset: Policy = FAW_VW_PRESET): string[] {
  const policy = copyPolicyData(preset) as Mutable<Policy>
  edit(policy)
  const result = validatePolicy(policy)
  return result.ok ? [] : result.issues.map((issue) => issue.message)
}

const salesDocuments = (policy: Mutable<Policy>) =>
  policy.archiveTemplates.sales.documents as Mutable<DocumentTemplate>[]
const serviceDocuments = (policy: Mutable<Policy>) =>
  policy.archiveTemplates.service.documents as Mutable<DocumentTemplate>[]
const autoCheck = (policy: Mutable<Policy>, code: string): Mutable<AutoCheckItemTemplate> => {
  for (const template of [policy.archiveTemplates.sales, policy.archiveTemplates.service]) {
    for (const document of template.documents) {
      const check = document.checks.find((c) => c.code === code)
      if (check?.mode === 'auto') return check as Mutable<AutoCheckItemTemplate>
    }
  }
  throw new Error(code)
}

describe('the policy schema: document lists', () => {
  it('refuses two documents with the same code', () => {
    expect(
      messagesAfter((p) => {
        const docs = salesDocuments(p)
        if (docs[1]) docs[1].code = 'delivery_form'
      })
    ).toContain('销售档案的资料代码“delivery_form”重复')
  })

  it('refuses a filing order with a gap or a repeat', () => {
    expect(
      messagesAfter((p) => {
        const docs = salesDocuments(p)
        if (docs[6]) docs[6].order = 9
      })
    ).toContain('销售档案的资料排列顺序应从 1 连续编号到 7，现在是 1、2、3、4、5、6、9')
  })

  it('refuses two check items with the same code in one archive', () => {
    expect(
      messagesAfter((p) => {
        autoCheck(p, 'agreement-complete').code = 'delivery-form-complete'
      })
    ).toContain('销售档案的检查项代码“delivery-form-complete”重复')
  })

  it('refuses a document required for a visit type the policy does not have', () => {
    expect(
      messagesAfter((p) => {
        const free = serviceDocuments(p).find((d) => d.code === 'free_inspection')
        if (free) free.requiredFor = ['rescue']
      }, SVW_SKODA_PRESET)
    ).toContain('《12项免费检查表》的必备范围：维修类别“rescue”未在本制度中定义')
  })

  it('refuses visit types on a sales archive, and a service archive without any', () => {
    expect(
      messagesAfter((p) => {
        p.archiveTemplates.sales.visitTypes = [{ code: 'rescue', name: '救援' }]
      })
    ).toContain('销售档案不分维修类别')
    expect(
      messagesAfter((p) => {
        p.archiveTemplates.service.visitTypes = []
      }).some((m) => m.includes('服务档案至少要有一种维修类别'))
    ).toBe(true)
  })

  it('refuses a blank document name in Chinese', () => {
    expect(
      messagesAfter((p) => {
        const docs = salesDocuments(p)
        if (docs[0]) docs[0].name = '  '
      })
    ).toContain('请填写资料名称')
  })
})

describe('the policy schema: automatic checks and their rules', () => {
  it('refuses a rule id the registry does not have', () => {
    expect(
      messagesAfter((p) => {
        autoCheck(p, 'invoice-date-vs-pdi-stamp').ruleId = 'invoice-within-a-day'
      })
    ).toContain(
      '销售档案《购车发票》检查项“发票日期与《交车检查PDI盖章证明复印件》日期相符（最多可相差24小时）”：自动检查规则“invoice-within-a-day”不存在'
    )
  })

  it('refuses parameters the rule cannot use, saying which', () => {
    const messages = messagesAfter((p) => {
      autoCheck(p, 'invoice-date-vs-pdi-stamp').params = {
        first: 'invoice.invoiceDate',
        second: 'pdi_certificate.stampDate',
        maxHours: -24
      }
    })
    expect(messages).toHaveLength(1)
    expect(messages[0]).toContain(
      '规则“两个日期时间相差不超过规定小时数”的参数 maxHours 有误：最多相差小时数必须大于 0'
    )
  })

  it('refuses a reference to a fact the archive does not define, or of the wrong type', () => {
    expect(
      messagesAfter((p) => {
        autoCheck(p, 'invoice-date-vs-pdi-stamp').params = {
          first: 'invoice.invoiceDate',
          second: 'pdi_certificate.stampDay',
          maxHours: 24
        }
      }).some((m) => m.includes('引用的事实“pdi_certificate.stampDay”在销售档案中不存在'))
    ).toBe(true)
    expect(
      messagesAfter((p) => {
        autoCheck(p, 'invoice-date-vs-pdi-stamp').params = {
          first: 'invoice.buyerName',
          second: 'pdi_certificate.stampDate',
          maxHours: 24
        }
      }).some((m) =>
        m.includes('事实“购车单位/个人名称”是文字，规则“两个日期时间相差不超过规定小时数”需要日期时间或日期')
      )
    ).toBe(true)
  })

  it('refuses a signer role or list option the referenced fact does not have', () => {
    expect(
      messagesAfter((p) => {
        autoCheck(p, 'pre-pdi-signatures').params = {
          fact: 'pdi_forms.preSignatures',
          roles: ['warehouse_keeper', 'sales_advisor']
        }
      }).some((m) => m.includes('“预PDI（P-单子）签字”没有签字人“sales_advisor”'))
    ).toBe(true)
    expect(
      messagesAfter((p) => {
        autoCheck(p, 'maintenance-tread-depth').params = {
          depths: 'maintenance_form.treadDepths',
          suggested: 'settlement.suggestedItems',
          minMm: 3,
          newTyreMm: 7,
          item: 'new_tyres'
        }
      }).some((m) => m.includes('“建议修理项目”没有选项“new_tyres”'))
    ).toBe(true)
  })

  it('refuses a fine rule that does not exist', () => {
    expect(
      messagesAfter((p) => {
        const docs = serviceDocuments(p)
        const first = docs[0]
        if (first) first.missingFineRuleCode = 'svw-9-9'
      }, SVW_SKODA_PRESET)
    ).toContain('《接车单》：处罚条款“svw-9-9”不存在')
  })

  it('refuses a condition value that is not an option of the fact', () => {
    expect(
      messagesAfter((p) => {
        autoCheck(p, 'work-order-complete').applicableWhen = {
          fact: 'archive.orderType',
          is: 'none_of',
          values: ['6'],
          note: '6-单子除外'
        }
      }).some((m) => m.includes('适用条件的值“6”不是“工单类别”的选项'))
    ).toBe(true)
  })

  it('refuses a condition on a fact that does not exist', () => {
    expect(
      messagesAfter((p) => {
        autoCheck(p, 'work-order-complete').applicableWhen = {
          fact: 'archive.orderKind',
          is: 'none_of',
          values: ['5'],
          note: '5-单子除外'
        }
      }).some((m) => m.includes('适用条件引用的事实“archive.orderKind”不存在'))
    ).toBe(true)
  })
})

describe('the policy schema: deadlines, fines, retention', () => {
  it('refuses a deadline that is not positive', () => {
    expect(
      messagesAfter((p) => {
        p.deadlines.correction.rule = { kind: 'hours_after', hours: 0, from: 'returned_for_correction' }
      }, SVW_SKODA_PRESET)
    ).toContain('小时数必须大于 0')
    expect(
      messagesAfter((p) => {
        p.deadlines.salesHandIn = [
          {
            ...SVW_SKODA_PRESET.deadlines.salesHandIn[0]!,
            rule: { kind: 'working_days_after', days: -3, from: 'delivery' }
          }
        ]
      }, SVW_SKODA_PRESET)
    ).toContain('工作日天数必须大于 0')
  })

  it('lets the sales hand-in count from the sale instead of delivery, but not from a loan', () => {
    expect(
      messagesAfter((p) => {
        p.deadlines.salesHandIn = [
          { ...SVW_SKODA_PRESET.deadlines.salesHandIn[0]!, rule: { kind: 'working_days_after', days: 3, from: 'sale' } }
        ]
      }, SVW_SKODA_PRESET)
    ).toEqual([])
    expect(
      messagesAfter((p) => {
        p.deadlines.salesHandIn = [
          {
            ...SVW_SKODA_PRESET.deadlines.salesHandIn[0]!,
            rule: { kind: 'working_days_after', days: 3, from: 'loan_out' }
          }
        ]
      }, SVW_SKODA_PRESET)
    ).toContain('销售档案上交期限“新车档案3个工作日内交客户关爱部档案管理员”应从“交车”或“销售”起算，不能从“借出”起算')
  })

  it('needs the last hand-in stage to reach customer care', () => {
    expect(
      messagesAfter((p) => {
        p.deadlines.serviceHandIn = [FAW_VW_PRESET.deadlines.serviceHandIn[0]!]
      })
    ).toContain('服务档案上交期限的最后一个环节应交到客服部')
  })

  it('refuses an escalation that does not escalate and a pay cut outside 0–100 %', () => {
    expect(
      messagesAfter((p) => {
        const first = p.fines.escalations[0]
        if (first) first.multiplier = 1
      }, SVW_SKODA_PRESET)
    ).toContain('加重倍数必须大于 1')
    expect(
      messagesAfter((p) => {
        const second = p.fines.escalations[1]
        if (second) second.performancePayCut = { minPercent: 40, maxPercent: 30 }
      }, SVW_SKODA_PRESET)
    ).toContain(
      '“服务顾问一月内累计受处罚3次，自第3次起罚款翻倍，并可视情况扣罚当月绩效工资10%—30%”的绩效扣罚下限不能高于上限'
    )
  })

  it('refuses destroying files before the 10 years the law requires', () => {
    expect(
      messagesAfter((p) => {
        p.retention.destroyNotBeforeYears = 5
      })
    ).toContain('依《汽车销售管理办法》，销售及客户档案至少保存 10 年，销毁年限不能少于 10 年')
  })
})

describe('assertValidPolicy', () => {
  it('throws POLICY_INVALID with the first problem in Chinese and the count of the rest', () => {
    const policy = copyPolicyData(FAW_VW_PRESET) as Mutable<Policy>
    policy.retention.destroyNotBeforeYears = 5
    policy.name = ''
    try {
      assertValidPolicy(policy)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError)
      expect((error as DomainError).code).toBe('POLICY_INVALID')
      expect((error as DomainError).message).toBe('制度设置有误：请填写制度名称（另有 1 处问题）')
    }
  })

  it('gives Chinese messages even for values of the wrong type', () => {
    const result = validatePolicy({ ...FAW_VW_PRESET, version: 'one', archiveTemplates: null })
    expect(result.ok).toBe(false)
    if (result.ok) return
    for (const issue of result.issues) expect(issue.message).toMatch(/[\u4e00-\u9fff]/)
  })
})
