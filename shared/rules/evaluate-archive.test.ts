import { describe, expect, it } from 'vitest'
import { DomainError } from '../model/domain-error'
import { FAW_VW_PRESET } from '../policy/presets/faw-vw'
import { SVW_SKODA_PRESET } from '../policy/presets/svw-skoda'
import type { Policy } from '../policy/policy'
import type { ArchiveInput } from './archive-input'
import { evaluateArchive, findCheckResult } from './evaluate-archive'
import {
  allManualChecksPassed,
  FAW_VW_SALES_EXAMPLE,
  FAW_VW_SERVICE_EXAMPLE,
  SVW_SKODA_SALES_EXAMPLE,
  SVW_SKODA_SERVICE_EXAMPLE,
  withFacts,
  withoutDocument
} from '../../tests/fixtures/example-archives'
import { DEFAULT_RULE_CONTEXT } from './rule-context'

const FAW_SALES_TICKS = allManualChecksPassed(FAW_VW_PRESET.archiveTemplates.sales)
const FAW_SERVICE_TICKS = allManualChecksPassed(FAW_VW_PRESET.archiveTemplates.service)
const SVW_SALES_TICKS = allManualChecksPassed(SVW_SKODA_PRESET.archiveTemplates.sales)

function domainErrorOf(action: () => unknown): DomainError {
  try {
    action()
  } catch (error) {
    if (error instanceof DomainError) return error
    throw error
  }
  throw new Error('expected a DomainError')
}

describe('evaluateArchive: a realistic FAW-VW sales archive', () => {
  it('is nonconforming when the invoice is dated 2 days after the PDI stamp, naming the item in Chinese', () => {
    const archive = withFacts(FAW_VW_SALES_EXAMPLE, {
      'invoice.invoiceDate': '2026-03-06',
      'pdi_certificate.stampDate': '2026-03-04'
    })
    const evaluation = evaluateArchive(FAW_VW_PRESET, archive, FAW_SALES_TICKS, DEFAULT_RULE_CONTEXT)
    expect(evaluation.verdict).toBe('nonconforming')
    expect(evaluation.failures).toEqual([
      {
        documentCode: 'invoice',
        documentName: '购车发票',
        checkCode: 'invoice-date-vs-pdi-stamp',
        title: '发票日期与《交车检查PDI盖章证明复印件》日期相符（最多可相差24小时）',
        message:
          '《购车发票》开票日期 2026-03-06 比《交车检查PDI盖章证明复印件》盖章日期 2026-03-04 晚 2 天，超过 24 小时',
        clause: '一汽大众 五(一)2(2)'
      }
    ])
  })

  it('records the policy id and version it was checked under, and lists documents in filing order', () => {
    const evaluation = evaluateArchive(FAW_VW_PRESET, FAW_VW_SALES_EXAMPLE, FAW_SALES_TICKS, DEFAULT_RULE_CONTEXT)
    expect(evaluation).toMatchObject({
      policyId: 'faw-vw',
      policyVersion: 1,
      archiveKind: 'sales',
      verdict: 'accepted',
      failures: [],
      openItems: 0
    })
    expect(evaluation.documents.map((d) => d.order)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(evaluation.visitType).toBeUndefined()
  })

  it('lists documents in filing order even when the policy lists them in another order', () => {
    const reordered = structuredClone(FAW_VW_PRESET) as unknown as {
      archiveTemplates: { sales: { documents: unknown[] } }
    }
    reordered.archiveTemplates.sales.documents.reverse()
    const evaluation = evaluateArchive(
      reordered as unknown as Policy,
      FAW_VW_SALES_EXAMPLE,
      FAW_SALES_TICKS,
      DEFAULT_RULE_CONTEXT
    )
    expect(evaluation.documents.map((d) => d.code)).toEqual([
      'delivery_form',
      'invoice',
      'pdi_certificate',
      'owner_id',
      'conformity_certificate',
      'purchase_agreement',
      'pdi_forms'
    ])
    expect(evaluation.documents.every((d) => d.status === 'present')).toBe(true)
  })

  it('fails a missing required document with its own message and does not check what is not there', () => {
    const evaluation = evaluateArchive(
      FAW_VW_PRESET,
      withoutDocument(FAW_VW_SALES_EXAMPLE, 'invoice'),
      FAW_SALES_TICKS,
      DEFAULT_RULE_CONTEXT
    )
    expect(evaluation.verdict).toBe('nonconforming')
    expect(evaluation.failures).toEqual([
      {
        documentCode: 'invoice',
        documentName: '购车发票',
        checkCode: null,
        title: '缺少《购车发票》',
        message: '缺少《购车发票》',
        clause: '一汽大众 五(一)1(2)'
      }
    ])
    expect(findCheckResult(evaluation, 'invoice-date-vs-pdi-stamp')).toMatchObject({
      status: 'not_applicable',
      message: '缺少《购车发票》，本项无法检查'
    })
  })

  it('marks a check that reads a missing document as not applicable, not failed twice', () => {
    const evaluation = evaluateArchive(
      FAW_VW_PRESET,
      withoutDocument(FAW_VW_SALES_EXAMPLE, 'owner_id'),
      FAW_SALES_TICKS,
      DEFAULT_RULE_CONTEXT
    )
    expect(evaluation.failures.map((f) => f.title)).toEqual(['缺少《身份证/组织机构代码证》'])
    expect(findCheckResult(evaluation, 'invoice-buyer-matches-id')).toMatchObject({
      status: 'not_applicable',
      message: '缺少《身份证/组织机构代码证》，无法核对本项'
    })
  })

  it('ignores facts recorded on a document marked as not present', () => {
    const archive: ArchiveInput = {
      ...FAW_VW_SALES_EXAMPLE,
      documents: {
        ...FAW_VW_SALES_EXAMPLE.documents,
        delivery_form: { present: false, facts: { blankItems: ['日期'] } }
      }
    }
    const evaluation = evaluateArchive(FAW_VW_PRESET, archive, FAW_SALES_TICKS, DEFAULT_RULE_CONTEXT)
    expect(evaluation.failures.map((f) => f.message)).toEqual(['缺少《客户交车表》'])
  })
})

describe('evaluateArchive: which documents a visit type requires', () => {
  it('FAW-VW 「除2-保养工单外一律要求有试车单」: a 2-保养工单 needs no test-drive record, another order does', () => {
    const routine = evaluateArchive(
      FAW_VW_PRESET,
      {
        ...withFacts(withoutDocument(FAW_VW_SERVICE_EXAMPLE, 'test_drive'), { 'archive.orderType': '2' }),
        visitType: 'routine_service'
      },
      FAW_SERVICE_TICKS,
      DEFAULT_RULE_CONTEXT
    )
    expect(routine.verdict).toBe('accepted')
    expect(routine.documents.find((d) => d.code === 'test_drive')).toMatchObject({
      requirement: 'not_required',
      status: 'not_received'
    })
    const minor = evaluateArchive(
      FAW_VW_PRESET,
      { ...withoutDocument(FAW_VW_SERVICE_EXAMPLE, 'test_drive'), visitType: 'minor_repair' },
      FAW_SERVICE_TICKS,
      DEFAULT_RULE_CONTEXT
    )
    expect(minor.failures.map((f) => f.message)).toEqual(['缺少《试车记录》'])
  })

  it('FAW-VW: first service and warranty claims need the warranty and maintenance certificates', () => {
    for (const visitType of ['first_service', 'warranty_claim']) {
      const evaluation = evaluateArchive(
        FAW_VW_PRESET,
        { ...withoutDocument(FAW_VW_SERVICE_EXAMPLE, 'warranty_certificate'), visitType },
        FAW_SERVICE_TICKS,
        DEFAULT_RULE_CONTEXT
      )
      expect(evaluation.failures.map((f) => f.message)).toEqual(['缺少《保修证明》'])
    }
    const major = evaluateArchive(
      FAW_VW_PRESET,
      { ...withoutDocument(FAW_VW_SERVICE_EXAMPLE, 'warranty_certificate'), visitType: 'major_repair' },
      FAW_SERVICE_TICKS,
      DEFAULT_RULE_CONTEXT
    )
    expect(major.failures).toEqual([])
  })

  it('FAW-VW: a rescue needs the rescue form', () => {
    const evaluation = evaluateArchive(
      FAW_VW_PRESET,
      { ...withoutDocument(FAW_VW_SERVICE_EXAMPLE, 'rescue'), visitType: 'rescue' },
      FAW_SERVICE_TICKS,
      DEFAULT_RULE_CONTEXT
    )
    expect(evaluation.failures.map((f) => f.message)).toContain('缺少《救援单》')
  })

  it('SVW-Skoda: a missing document of a service archive is charged under 五.5', () => {
    const evaluation = evaluateArchive(
      SVW_SKODA_PRESET,
      withoutDocument(SVW_SKODA_SERVICE_EXAMPLE, 'free_inspection'),
      allManualChecksPassed(SVW_SKODA_PRESET.archiveTemplates.service),
      DEFAULT_RULE_CONTEXT
    )
    expect(evaluation.failures).toEqual([
      expect.objectContaining({ message: '缺少《12项免费检查表》', fineRuleCode: 'svw-5-5-service-incomplete' })
    ])
  })

  it('SVW-Skoda: 其它证明类文件 is optional', () => {
    const evaluation = evaluateArchive(
      SVW_SKODA_PRESET,
      withoutDocument(SVW_SKODA_SALES_EXAMPLE, 'other_proofs'),
      SVW_SALES_TICKS,
      DEFAULT_RULE_CONTEXT
    )
    expect(evaluation.verdict).toBe('accepted')
    expect(evaluation.documents.at(-1)).toMatchObject({
      name: '其它证明类文件',
      requirement: 'optional',
      status: 'not_received'
    })
  })
})

describe('evaluateArchive: originals and copies', () => {
  const withContract = (form: 'original' | 'copy' | undefined): ArchiveInput => ({
    ...SVW_SKODA_SALES_EXAMPLE,
    documents: { ...SVW_SKODA_SALES_EXAMPLE.documents, sales_contract: { present: true, ...(form ? { form } : {}) } }
  })

  it('fails a copy where the original must be filed', () => {
    const evaluation = evaluateArchive(SVW_SKODA_PRESET, withContract('copy'), SVW_SALES_TICKS, DEFAULT_RULE_CONTEXT)
    expect(evaluation.failures.map((f) => f.message)).toEqual(['《销售合同原件》应为原件，收到的是复印件'])
  })

  it('keeps the archive open until someone confirms it is the original', () => {
    const evaluation = evaluateArchive(SVW_SKODA_PRESET, withContract(undefined), SVW_SALES_TICKS, DEFAULT_RULE_CONTEXT)
    expect(evaluation.verdict).toBe('incomplete')
    expect(evaluation.openItems).toBe(1)
    expect(evaluation.documents.find((d) => d.code === 'sales_contract')?.message).toBe(
      '请确认《销售合同原件》是否为原件'
    )
  })
})

describe('evaluateArchive: verdicts, conditions and overrides', () => {
  it('is incomplete while manual items are unticked or facts not entered, nonconforming as soon as one item fails', () => {
    const unticked = evaluateArchive(FAW_VW_PRESET, FAW_VW_SALES_EXAMPLE, {}, DEFAULT_RULE_CONTEXT)
    expect(unticked.verdict).toBe('incomplete')
    expect(unticked.openItems).toBe(6)
    const failedAndOpen = evaluateArchive(
      FAW_VW_PRESET,
      withFacts(FAW_VW_SALES_EXAMPLE, { 'owner_id.name': '李四' }),
      {},
      DEFAULT_RULE_CONTEXT
    )
    expect(failedAndOpen.verdict).toBe('nonconforming')
    expect(failedAndOpen.openItems).toBe(6)
  })

  it('FAW-VW "5-单子除外": a 5- order is not held to complete filling', () => {
    const archive = withFacts(FAW_VW_SERVICE_EXAMPLE, {
      'archive.orderType': '5',
      'work_order.blankItems': ['发动机号']
    })
    const evaluation = evaluateArchive(FAW_VW_PRESET, archive, FAW_SERVICE_TICKS, DEFAULT_RULE_CONTEXT)
    expect(findCheckResult(evaluation, 'work-order-complete')).toMatchObject({
      status: 'not_applicable',
      message: '不适用：5-单子除外'
    })
    expect(findCheckResult(evaluation, 'settlement-items-match-work-order')?.status).toBe('not_applicable')
    expect(evaluation.verdict).toBe('accepted')
  })

  it('lets the checker overrule an automatic result for a special case, with a reason', () => {
    const archive = withFacts(FAW_VW_SERVICE_EXAMPLE, { 'settlement.actualAmount': 1200 })
    const evaluation = evaluateArchive(
      FAW_VW_PRESET,
      archive,
      {
        ...FAW_SERVICE_TICKS,
        'work-order-estimate-vs-actual': { passed: true, note: '客户拆检后追加更换正时皮带，已签增项单（特殊情况）' }
      },
      DEFAULT_RULE_CONTEXT
    )
    const result = findCheckResult(evaluation, 'work-order-estimate-vs-actual')
    expect(result).toMatchObject({ status: 'pass', source: 'override' })
    expect(result?.message).toContain('人工判定合格：客户拆检后追加更换正时皮带')
    expect(result?.message).toContain('自动检查结果：《结算单》实收金额 1200.00 元')
    expect(evaluation.verdict).toBe('accepted')
  })

  it('refuses an override without a reason', () => {
    const error = domainErrorOf(() =>
      evaluateArchive(
        FAW_VW_PRESET,
        FAW_VW_SERVICE_EXAMPLE,
        {
          'work-order-estimate-vs-actual': { passed: true, note: ' ' }
        },
        DEFAULT_RULE_CONTEXT
      )
    )
    expect(error.code).toBe('CHECK_OVERRIDE_NOTE_REQUIRED')
    expect(error.message).toBe(
      '改变自动检查项“预估价格与实收价格上下不超过10%（特殊情况除外）”的结果须注明原因（如“特殊情况”）'
    )
  })
})

describe('evaluateArchive: refusals', () => {
  it('needs a visit type the policy knows for a service archive', () => {
    const { visitType: _dropped, ...noType } = FAW_VW_SERVICE_EXAMPLE
    expect(domainErrorOf(() => evaluateArchive(FAW_VW_PRESET, noType, {}, DEFAULT_RULE_CONTEXT)).code).toBe(
      'ARCHIVE_VISIT_TYPE_REQUIRED'
    )
    const rescue = domainErrorOf(() =>
      evaluateArchive(SVW_SKODA_PRESET, { ...SVW_SKODA_SERVICE_EXAMPLE, visitType: 'rescue' }, {}, DEFAULT_RULE_CONTEXT)
    )
    expect(rescue.code).toBe('ARCHIVE_VISIT_TYPE_UNKNOWN')
    expect(rescue.message).toBe('维修类别“rescue”不在本制度中，可选：小修、首保、保养、大修、索赔')
  })

  it('refuses an archive kind that is neither sales nor service', () => {
    expect(
      domainErrorOf(() =>
        evaluateArchive(FAW_VW_PRESET, { ...FAW_VW_SALES_EXAMPLE, kind: 'loan' as 'sales' }, {}, DEFAULT_RULE_CONTEXT)
      ).code
    ).toBe('ARCHIVE_KIND_UNKNOWN')
  })

  it('refuses documents and check items the policy does not have', () => {
    const document = domainErrorOf(() =>
      evaluateArchive(
        FAW_VW_PRESET,
        {
          ...FAW_VW_SALES_EXAMPLE,
          documents: { ...FAW_VW_SALES_EXAMPLE.documents, green_card: { present: true } }
        },
        {},
        DEFAULT_RULE_CONTEXT
      )
    )
    expect(document).toMatchObject({
      code: 'ARCHIVE_UNKNOWN_DOCUMENT',
      message: '资料“green_card”不在销售档案的资料清单中'
    })
    const check = domainErrorOf(() =>
      evaluateArchive(FAW_VW_PRESET, FAW_VW_SALES_EXAMPLE, { 'no-such-check': { passed: true } }, DEFAULT_RULE_CONTEXT)
    )
    expect(check.code).toBe('ARCHIVE_UNKNOWN_CHECK')
  })
})

describe('evaluateArchive: what reaches the list of failures and the open items', () => {
  it('carries the fine of a failed check item onto the failure, for the fine notice', () => {
    const evaluation = evaluateArchive(
      SVW_SKODA_PRESET,
      SVW_SKODA_SALES_EXAMPLE,
      {
        ...SVW_SALES_TICKS,
        'delivery-check-customer-signature-correct': { passed: false }
      },
      DEFAULT_RULE_CONTEXT
    )
    expect(evaluation.verdict).toBe('nonconforming')
    expect(evaluation.failures).toEqual([
      {
        documentCode: 'delivery_check',
        documentName: '交车检查表',
        checkCode: 'delivery-check-customer-signature-correct',
        title: '用户签名正确（本人或其委托人签名）',
        message: '不符合：用户签名正确（本人或其委托人签名）',
        clause: '上汽大众斯柯达 五.2',
        fineRuleCode: 'svw-5-2-sales-customer-signature'
      }
    ])
  })

  it('uses the checker’s note as the reason of a failed manual item, and keeps the note of a passed one', () => {
    const evaluation = evaluateArchive(
      SVW_SKODA_PRESET,
      SVW_SKODA_SALES_EXAMPLE,
      {
        ...SVW_SALES_TICKS,
        'delivery-check-customer-signature-correct': { passed: false, note: ' 签名与身份证姓名不符 ' },
        'pdi-check-customer-signature-correct': { passed: true, note: '委托书已附' }
      },
      DEFAULT_RULE_CONTEXT
    )
    expect(evaluation.failures.map((f) => f.message)).toEqual(['签名与身份证姓名不符'])
    expect(findCheckResult(evaluation, 'pdi-check-customer-signature-correct')).toMatchObject({
      status: 'pass',
      source: 'manual',
      message: '人工检查合格：委托书已附'
    })
    expect(findCheckResult(evaluation, 'id-copy-both-sides')).toMatchObject({ status: 'pass', message: '人工检查合格' })
  })

  it('keeps an archive open, not accepted, while a fact an automatic item needs is not entered', () => {
    const evaluation = evaluateArchive(
      FAW_VW_PRESET,
      withFacts(FAW_VW_SALES_EXAMPLE, { 'invoice.invoiceDate': undefined }),
      FAW_SALES_TICKS,
      DEFAULT_RULE_CONTEXT
    )
    expect(findCheckResult(evaluation, 'invoice-date-vs-pdi-stamp')?.status).toBe('incomplete')
    expect(evaluation.verdict).toBe('incomplete')
    expect(evaluation.openItems).toBeGreaterThanOrEqual(1)
    expect(evaluation.failures).toEqual([])
  })

  it('does not ask whether a copy is an original', () => {
    const { form: _form, ...pdiWithoutForm } = FAW_VW_SALES_EXAMPLE.documents.pdi_certificate!
    const archive: ArchiveInput = {
      ...FAW_VW_SALES_EXAMPLE,
      documents: { ...FAW_VW_SALES_EXAMPLE.documents, pdi_certificate: pdiWithoutForm }
    }
    const evaluation = evaluateArchive(FAW_VW_PRESET, archive, FAW_SALES_TICKS, DEFAULT_RULE_CONTEXT)
    expect(evaluation.documents.find((d) => d.code === 'pdi_certificate')).toMatchObject({
      status: 'present',
      message: '已收到《交车检查PDI盖章证明复印件》'
    })
    expect(evaluation.verdict).toBe('accepted')
  })

  it('lets the checker fail an item the rule passed, with a reason, and then the archive is nonconforming', () => {
    const evaluation = evaluateArchive(
      FAW_VW_PRESET,
      FAW_VW_SALES_EXAMPLE,
      {
        ...FAW_SALES_TICKS,
        'invoice-date-vs-pdi-stamp': { passed: false, note: '发票日期系手写涂改' }
      },
      DEFAULT_RULE_CONTEXT
    )
    const result = findCheckResult(evaluation, 'invoice-date-vs-pdi-stamp')
    expect(result).toMatchObject({ status: 'fail', source: 'override' })
    expect(result?.message).toMatch(/^人工判定不合格：发票日期系手写涂改（自动检查结果：.+）$/)
    expect(evaluation.verdict).toBe('nonconforming')
  })

  it('refuses a policy whose check item names an automatic rule that does not exist', () => {
    const edited = structuredClone(FAW_VW_PRESET) as unknown as {
      archiveTemplates: { sales: { documents: { checks: { mode: string; ruleId?: string; title: string }[] }[] } }
    }
    const check = edited.archiveTemplates.sales.documents.flatMap((d) => d.checks).find((c) => c.mode === 'auto')!
    check.ruleId = 'no-such-rule'
    const error = domainErrorOf(() =>
      evaluateArchive(edited as unknown as Policy, FAW_VW_SALES_EXAMPLE, FAW_SALES_TICKS, DEFAULT_RULE_CONTEXT)
    )
    expect(error.code).toBe('RULE_UNKNOWN')
    expect(error.message).toContain('使用的自动检查规则“no-such-rule”不存在')
    expect(error.details).toEqual({ ruleId: 'no-such-rule', checkTitle: check.title })
  })
})

describe('evaluateArchive: what each item says, for the checker and the correction notice', () => {
  it('says a manual item is waiting for the checker', () => {
    const evaluation = evaluateArchive(FAW_VW_PRESET, FAW_VW_SALES_EXAMPLE, {}, DEFAULT_RULE_CONTEXT)
    expect(findCheckResult(evaluation, 'pdi-tyre-pressure')).toMatchObject({
      status: 'pending',
      source: 'manual',
      message: '待人工检查'
    })
  })

  it('says why an optional or unneeded document that was not handed in is not checked', () => {
    const optional = evaluateArchive(
      SVW_SKODA_PRESET,
      withoutDocument(SVW_SKODA_SALES_EXAMPLE, 'other_proofs'),
      SVW_SALES_TICKS,
      DEFAULT_RULE_CONTEXT
    )
    expect(optional.documents.at(-1)).toMatchObject({
      status: 'not_received',
      message: '未收到《其它证明类文件》（可选）',
      checks: [
        {
          code: 'other-proofs-content',
          status: 'not_applicable',
          source: 'not_applicable',
          message: '本档案无《其它证明类文件》（可选），本项不检查'
        }
      ]
    })
    const routine = evaluateArchive(
      FAW_VW_PRESET,
      {
        ...withFacts(withoutDocument(FAW_VW_SERVICE_EXAMPLE, 'test_drive'), { 'archive.orderType': '2' }),
        visitType: 'routine_service'
      },
      FAW_SERVICE_TICKS,
      DEFAULT_RULE_CONTEXT
    )
    expect(routine.visitType).toBe('routine_service')
    expect(routine.documents.find((d) => d.code === 'test_drive')?.message).toBe('未收到《试车记录》（不需要）')
  })

  it('asks for the fact an item’s condition depends on before judging whether it applies', () => {
    const evaluation = evaluateArchive(
      FAW_VW_PRESET,
      withFacts(FAW_VW_SERVICE_EXAMPLE, { 'archive.orderType': undefined }),
      FAW_SERVICE_TICKS,
      DEFAULT_RULE_CONTEXT
    )
    expect(findCheckResult(evaluation, 'work-order-complete')).toMatchObject({
      status: 'incomplete',
      source: 'rule',
      message: '需先录入工单类别，才能判断本项是否适用'
    })
    expect(evaluation.verdict).toBe('incomplete')
  })

  it('reads a condition value as typed, spaces around it included', () => {
    const evaluation = evaluateArchive(
      FAW_VW_PRESET,
      withFacts(FAW_VW_SERVICE_EXAMPLE, { 'archive.orderType': ' 5 ' }),
      FAW_SERVICE_TICKS,
      DEFAULT_RULE_CONTEXT
    )
    expect(findCheckResult(evaluation, 'work-order-complete')).toMatchObject({
      status: 'not_applicable',
      source: 'not_applicable',
      message: '不适用：5-单子除外'
    })
  })

  it('names what it refuses in the error details, for the audit trail', () => {
    const { visitType: _dropped, ...noType } = FAW_VW_SERVICE_EXAMPLE
    const { visitType: _none, ...svwNoType } = SVW_SKODA_SERVICE_EXAMPLE
    expect(domainErrorOf(() => evaluateArchive(FAW_VW_PRESET, noType, {}, DEFAULT_RULE_CONTEXT)).code).toBe(
      'ARCHIVE_VISIT_TYPE_REQUIRED'
    )
    expect(domainErrorOf(() => evaluateArchive(SVW_SKODA_PRESET, svwNoType, {}, DEFAULT_RULE_CONTEXT)).message).toBe(
      '服务档案须先选择维修类别（小修、首保、保养、大修、索赔）'
    )
    expect(
      domainErrorOf(() =>
        evaluateArchive(
          SVW_SKODA_PRESET,
          { ...SVW_SKODA_SERVICE_EXAMPLE, visitType: 'rescue' },
          {},
          DEFAULT_RULE_CONTEXT
        )
      ).details
    ).toEqual({ visitType: 'rescue', visitTypes: '小修、首保、保养、大修、索赔' })
    const kind = domainErrorOf(() =>
      evaluateArchive(FAW_VW_PRESET, { ...FAW_VW_SALES_EXAMPLE, kind: 'loan' as 'sales' }, {}, DEFAULT_RULE_CONTEXT)
    )
    expect(kind).toMatchObject({ message: '档案类别“loan”无效，应为销售档案或服务档案', details: { kind: 'loan' } })
    const document = domainErrorOf(() =>
      evaluateArchive(
        FAW_VW_PRESET,
        {
          ...FAW_VW_SALES_EXAMPLE,
          documents: { ...FAW_VW_SALES_EXAMPLE.documents, green_card: { present: true } }
        },
        {},
        DEFAULT_RULE_CONTEXT
      )
    )
    expect(document.details).toEqual({ documentCode: 'green_card', template: '销售档案' })
    const check = domainErrorOf(() =>
      evaluateArchive(FAW_VW_PRESET, FAW_VW_SALES_EXAMPLE, { 'no-such-check': { passed: true } }, DEFAULT_RULE_CONTEXT)
    )
    expect(check).toMatchObject({
      message: '检查项“no-such-check”不在销售档案的检查标准中',
      details: { checkCode: 'no-such-check' }
    })
    const override = domainErrorOf(() =>
      evaluateArchive(
        FAW_VW_PRESET,
        FAW_VW_SERVICE_EXAMPLE,
        { 'work-order-estimate-vs-actual': { passed: true } },
        DEFAULT_RULE_CONTEXT
      )
    )
    expect(override).toMatchObject({
      code: 'CHECK_OVERRIDE_NOTE_REQUIRED',
      details: { checkCode: 'work-order-estimate-vs-actual' }
    })
  })
})
