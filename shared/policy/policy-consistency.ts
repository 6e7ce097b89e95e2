import type { ArchiveKind } from '../archive/archive-kind'
import { ARCHIVE_KIND_LABELS } from '../archive/archive-kind'
import type { ArchiveTemplate } from './archive-template'
import type { CheckItemTemplate } from './check-item-template'
import type { DeadlineAnchor, DeadlineRule, HandInStage } from './deadline-rule'
import { DEADLINE_ANCHOR_LABELS } from './deadline-rule'
import type { DocumentTemplate, VisitTypeSelection } from './document-template'
import type { FactDefinition, FactType } from './fact-definition'
import { ARCHIVE_SCOPE, splitFactRef } from './fact-ref'
import type { Policy } from './policy'
import type { PolicyIssue } from './policy-issue'
import { LEGAL_MINIMUM_RETENTION_YEARS } from './retention-policy'

// What a shape schema cannot see: codes that must be unique, orders without gaps, and every reference
// (facts, signers, options, fine rules, visit types) pointing at something real. References to the rule
// engine (rule ids and their parameters) are checked in shared/rules/rule-references.ts, which reads
// policies; policy/ never imports rules/.

type Path = readonly (string | number)[]

export const FACT_TYPE_LABELS: Readonly<Record<FactType, string>> = {
  date: '日期',
  datetime: '日期时间',
  text: '文字',
  number: '数字',
  boolean: '是/否',
  choice: '单选',
  list: '清单',
  signatures: '签字',
  measurements: '测量值'
}

const CONDITION_FACT_TYPES: readonly FactType[] = ['boolean', 'choice', 'text', 'number']

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>()
  const repeated = new Set<string>()
  for (const value of values) (seen.has(value) ? repeated : seen).add(value)
  return [...repeated]
}

class IssueList {
  readonly issues: PolicyIssue[] = []
  add(path: Path, message: string): void {
    this.issues.push({ path, message })
  }
}

function checkFactDefinitions(definitions: readonly FactDefinition[], where: string, path: Path, out: IssueList): void {
  for (const key of duplicates(definitions.map((d) => d.key))) out.add(path, `${where}的事实“${key}”重复定义`)
  definitions.forEach((definition, index) => {
    const at = [...path, index]
    const codes = (list: readonly { code: string }[]) => duplicates(list.map((item) => item.code))
    if (definition.type === 'signatures') {
      for (const role of duplicates(definition.signers.map((s) => s.role)))
        out.add(at, `${where}“${definition.label}”的签字人“${role}”重复`)
      if (definition.signers.length === 0) out.add(at, `${where}“${definition.label}”至少要列出一位签字人`)
    }
    if ((definition.type === 'list' || definition.type === 'choice') && definition.options) {
      for (const code of codes(definition.options)) out.add(at, `${where}“${definition.label}”的选项“${code}”重复`)
    }
    if (definition.type === 'choice' && definition.options.length === 0)
      out.add(at, `${where}“${definition.label}”至少要有一个选项`)
    if (definition.type === 'measurements') {
      for (const code of codes(definition.positions))
        out.add(at, `${where}“${definition.label}”的测量位置“${code}”重复`)
    }
  })
}

function checkSelection(
  selection: VisitTypeSelection | undefined,
  template: ArchiveTemplate,
  where: string,
  path: Path,
  out: IssueList
): void {
  if (selection === undefined || selection === 'all') return
  if (template.kind === 'sales' && selection.length > 0)
    out.add(path, `${where}：销售档案不分维修类别，只能填“全部”或不选`)
  const known = new Set(template.visitTypes.map((v) => v.code))
  for (const code of selection)
    if (template.kind === 'service' && !known.has(code)) out.add(path, `${where}：维修类别“${code}”未在本制度中定义`)
}

/** The fact a reference (`scope.key`) names in a template, if any. */
export function resolveFact(template: ArchiveTemplate, ref: string): FactDefinition | undefined {
  const { scope, key } = splitFactRef(ref)
  const facts = scope === ARCHIVE_SCOPE ? template.facts : template.documents.find((d) => d.code === scope)?.facts
  return facts?.find((fact) => fact.key === key)
}

function checkCheckItem(
  policy: Policy,
  template: ArchiveTemplate,
  document: DocumentTemplate,
  check: CheckItemTemplate,
  path: Path,
  out: IssueList
): void {
  const where = `${template.name}《${document.name}》检查项“${check.title}”`
  const fineCodes = new Set(policy.fines.rules.map((rule) => rule.code))
  if (check.fineRuleCode !== undefined && !fineCodes.has(check.fineRuleCode)) {
    out.add([...path, 'fineRuleCode'], `${where}：处罚条款“${check.fineRuleCode}”不存在`)
  }
  if (check.applicableWhen) {
    const fact = resolveFact(template, check.applicableWhen.fact)
    if (!fact)
      out.add([...path, 'applicableWhen', 'fact'], `${where}：适用条件引用的事实“${check.applicableWhen.fact}”不存在`)
    else if (!CONDITION_FACT_TYPES.includes(fact.type)) {
      out.add(
        [...path, 'applicableWhen', 'fact'],
        `${where}：适用条件只能引用是/否、单选、文字或数字类事实，“${fact.label}”是${FACT_TYPE_LABELS[fact.type]}`
      )
    } else if (fact.type === 'choice') {
      const codes = new Set(fact.options.map((o) => o.code))
      for (const value of check.applicableWhen.values) {
        if (!codes.has(String(value)))
          out.add(
            [...path, 'applicableWhen', 'values'],
            `${where}：适用条件的值“${String(value)}”不是“${fact.label}”的选项`
          )
      }
    }
  }
}

function checkTemplate(policy: Policy, kind: ArchiveKind, out: IssueList): void {
  const template = policy.archiveTemplates[kind]
  const path: Path = ['archiveTemplates', kind]
  const name = ARCHIVE_KIND_LABELS[kind]
  if (template.kind !== kind) out.add([...path, 'kind'], `${name}模板的类别应为“${kind}”`)
  if (kind === 'sales' && template.visitTypes.length > 0) out.add([...path, 'visitTypes'], '销售档案不分维修类别')
  if (kind === 'service' && template.visitTypes.length === 0)
    out.add([...path, 'visitTypes'], '服务档案至少要有一种维修类别')
  for (const code of duplicates(template.visitTypes.map((v) => v.code)))
    out.add([...path, 'visitTypes'], `维修类别“${code}”重复`)
  if (template.documents.length === 0) out.add([...path, 'documents'], `${name}至少要有一份资料`)

  for (const code of duplicates(template.documents.map((d) => d.code)))
    out.add([...path, 'documents'], `${name}的资料代码“${code}”重复`)
  for (const document of template.documents) {
    if (document.code === ARCHIVE_SCOPE)
      out.add([...path, 'documents'], `资料代码不能用“${ARCHIVE_SCOPE}”（已用于档案本身的事实）`)
  }
  const orders = template.documents.map((d) => d.order).sort((a, b) => a - b)
  if (orders.some((order, index) => order !== index + 1)) {
    out.add(
      [...path, 'documents'],
      `${name}的资料排列顺序应从 1 连续编号到 ${template.documents.length}，现在是 ${orders.join('、')}`
    )
  }
  const checkCodes = template.documents.flatMap((d) => d.checks.map((c) => c.code))
  for (const code of duplicates(checkCodes)) out.add([...path, 'documents'], `${name}的检查项代码“${code}”重复`)

  checkFactDefinitions(template.facts, `${name}档案信息`, [...path, 'facts'], out)
  const fineCodes = new Set(policy.fines.rules.map((rule) => rule.code))
  template.documents.forEach((document, d) => {
    const at = [...path, 'documents', d]
    checkSelection(document.requiredFor, template, `《${document.name}》的必备范围`, [...at, 'requiredFor'], out)
    checkSelection(document.optionalFor, template, `《${document.name}》的可选范围`, [...at, 'optionalFor'], out)
    if (document.missingFineRuleCode !== undefined && !fineCodes.has(document.missingFineRuleCode)) {
      out.add([...at, 'missingFineRuleCode'], `《${document.name}》：处罚条款“${document.missingFineRuleCode}”不存在`)
    }
    checkFactDefinitions(document.facts, `《${document.name}》`, [...at, 'facts'], out)
    document.checks.forEach((check, c) => checkCheckItem(policy, template, document, check, [...at, 'checks', c], out))
  })
}

function checkAnchor(
  rule: DeadlineRule,
  allowed: readonly DeadlineAnchor[],
  where: string,
  path: Path,
  out: IssueList
): void {
  if (!allowed.includes(rule.from)) {
    const names = allowed.map((a) => `“${DEADLINE_ANCHOR_LABELS[a]}”`).join('或')
    out.add([...path, 'from'], `${where}应从${names}起算，不能从“${DEADLINE_ANCHOR_LABELS[rule.from]}”起算`)
  }
}

function checkHandIn(
  stages: readonly HandInStage[],
  allowed: readonly DeadlineAnchor[],
  where: string,
  path: Path,
  out: IssueList
): void {
  if (stages.length === 0) {
    out.add(path, `${where}至少要有一个期限`)
    return
  }
  for (const code of duplicates(stages.map((s) => s.code))) out.add(path, `${where}的环节代码“${code}”重复`)
  if (stages[stages.length - 1]?.handedTo !== 'customer_care') out.add(path, `${where}的最后一个环节应交到客服部`)
  stages.forEach((stage, index) =>
    checkAnchor(stage.rule, allowed, `${where}“${stage.label}”`, [...path, index, 'rule'], out)
  )
}

/** Every cross-reference problem of a policy whose shape is already valid. */
export function findPolicyInconsistencies(policy: Policy): PolicyIssue[] {
  const out = new IssueList()
  if (policy.basedOnVersion !== undefined && policy.basedOnVersion >= policy.version) {
    out.add(['basedOnVersion'], `来源版本 ${policy.basedOnVersion} 应早于本版本 ${policy.version}`)
  }
  // Fine rules first: check items refer to them.
  for (const code of duplicates(policy.fines.rules.map((r) => r.code)))
    out.add(['fines', 'rules'], `处罚条款代码“${code}”重复`)
  for (const code of duplicates(policy.fines.escalations.map((e) => e.code)))
    out.add(['fines', 'escalations'], `加重处罚代码“${code}”重复`)
  policy.fines.escalations.forEach((escalation, index) => {
    const cut = escalation.performancePayCut
    if (cut && cut.minPercent > cut.maxPercent)
      out.add(['fines', 'escalations', index, 'performancePayCut'], `“${escalation.title}”的绩效扣罚下限不能高于上限`)
  })
  checkTemplate(policy, 'sales', out)
  checkTemplate(policy, 'service', out)

  const d = policy.deadlines
  checkHandIn(d.salesHandIn, ['delivery', 'sale'], '销售档案上交期限', ['deadlines', 'salesHandIn'], out)
  checkHandIn(d.serviceHandIn, ['vehicle_handed_back'], '服务档案上交期限', ['deadlines', 'serviceHandIn'], out)
  checkAnchor(d.correction.rule, ['returned_for_correction'], '整改期限', ['deadlines', 'correction', 'rule'], out)
  checkAnchor(
    d.missingArchiveReport.rule,
    ['reconciliation'],
    '档案缺失报告期限',
    ['deadlines', 'missingArchiveReport', 'rule'],
    out
  )
  checkAnchor(d.loanReturn.rule, ['loan_out'], '借阅归还期限', ['deadlines', 'loanReturn', 'rule'], out)

  const r = policy.retention
  if (r.destroyNotBeforeYears < LEGAL_MINIMUM_RETENTION_YEARS) {
    out.add(
      ['retention', 'destroyNotBeforeYears'],
      `依《汽车销售管理办法》，销售及客户档案至少保存 ${LEGAL_MINIMUM_RETENTION_YEARS} 年，销毁年限不能少于 ${LEGAL_MINIMUM_RETENTION_YEARS} 年`
    )
  }
  return out.issues
}
