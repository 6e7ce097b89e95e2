import { DomainError } from '../model/domain-error'
import { ARCHIVE_KINDS } from '../archive/archive-kind'
import type { ArchiveKind } from '../archive/archive-kind'
import { documentRequirement, documentsInFilingOrder, DOCUMENT_REQUIREMENT_LABELS } from '../policy/archive-template'
import type { ArchiveTemplate, DocumentRequirement } from '../policy/archive-template'
import { conditionHolds } from '../policy/check-item-template'
import type { CheckItemTemplate } from '../policy/check-item-template'
import type { DocumentTemplate } from '../policy/document-template'
import { ARCHIVE_SCOPE, splitFactRef } from '../policy/fact-ref'
import type { Policy, PolicyVersionRef } from '../policy/policy'
import type { VisitTypeCode } from '../policy/visit-type'
import { buildArchiveFacts, factLabel } from './archive-facts'
import type { ArchiveFacts } from './archive-facts'
import type { ArchiveInput, ManualCheckResult } from './archive-input'
import type { CheckStatus } from './check-outcome'
import { findRule } from './rule-registry'
import type { RuleContext } from './rule-context'

// Inspecting one archive against the policy it is checked under: which documents are there, what
// every check item says, and the verdict. The same function serves the live form and the batch check.

/** A check item's status: a rule's outcome, or `pending` while a manual item is not ticked yet. */
export type CheckItemStatus = CheckStatus | 'pending'

export const CHECK_ITEM_STATUS_LABELS: Readonly<Record<CheckItemStatus, string>> = {
  pass: '合格',
  fail: '不合格',
  not_applicable: '不适用',
  incomplete: '信息未录入',
  pending: '待人工检查'
}

/** What decided the status: the rule, the checker's tick, the checker overruling the rule, or the item not applying. */
export type CheckItemSource = 'rule' | 'manual' | 'override' | 'not_applicable'

export interface CheckItemResult {
  readonly code: string
  readonly title: string
  readonly clause: string
  readonly mode: CheckItemTemplate['mode']
  readonly status: CheckItemStatus
  readonly source: CheckItemSource
  readonly message: string
  readonly fineRuleCode?: string
}

export type DocumentStatus = 'present' | 'wrong_form' | 'form_unconfirmed' | 'missing' | 'not_received'

export const DOCUMENT_STATUS_LABELS: Readonly<Record<DocumentStatus, string>> = {
  present: '已收到',
  wrong_form: '原件/复印件不符',
  form_unconfirmed: '待确认是否原件',
  missing: '缺失',
  not_received: '未收到（非必备）'
}

export interface DocumentResult {
  readonly code: string
  readonly name: string
  readonly order: number
  readonly requirement: DocumentRequirement
  readonly status: DocumentStatus
  readonly message: string
  readonly checks: readonly CheckItemResult[]
}

/** One reason the archive goes back, as printed on the 《不合格档案记录》. */
export interface ArchiveFailure {
  readonly documentCode: string
  readonly documentName: string
  /** null when the document itself is missing or in the wrong form. */
  readonly checkCode: string | null
  readonly title: string
  readonly message: string
  readonly clause: string
  readonly fineRuleCode?: string
}

export type ArchiveVerdict = 'accepted' | 'nonconforming' | 'incomplete'

export const ARCHIVE_VERDICT_LABELS: Readonly<Record<ArchiveVerdict, string>> = {
  accepted: '合格',
  nonconforming: '不合格',
  incomplete: '未检查完'
}

export interface ArchiveEvaluation extends PolicyVersionRef {
  readonly archiveKind: ArchiveKind
  readonly visitType?: VisitTypeCode
  readonly documents: readonly DocumentResult[]
  /** nonconforming as soon as anything failed; incomplete while something is still open; else accepted. */
  readonly verdict: ArchiveVerdict
  readonly failures: readonly ArchiveFailure[]
  /** Items still open: manual items not ticked, facts not entered, forms not confirmed. */
  readonly openItems: number
}

function resolveVisitType(template: ArchiveTemplate, input: ArchiveInput): VisitTypeCode | undefined {
  if (template.kind === 'sales') return undefined
  const known = template.visitTypes.map((type) => type.code)
  if (input.visitType === undefined) {
    throw new DomainError(
      'ARCHIVE_VISIT_TYPE_REQUIRED',
      `服务档案须先选择维修类别（${template.visitTypes.map((t) => t.name).join('、')}）`,
      { visitTypes: template.visitTypes.map((t) => t.name).join('、') }
    )
  }
  if (!known.includes(input.visitType)) {
    const names = template.visitTypes.map((t) => t.name).join('、')
    throw new DomainError('ARCHIVE_VISIT_TYPE_UNKNOWN', `维修类别“${input.visitType}”不在本制度中，可选：${names}`, {
      visitType: input.visitType,
      visitTypes: names
    })
  }
  return input.visitType
}

function refuseUnknownCodes(
  template: ArchiveTemplate,
  input: ArchiveInput,
  manual: Readonly<Record<string, ManualCheckResult>>
): void {
  const documentCodes = new Set(template.documents.map((d) => d.code))
  for (const code of Object.keys(input.documents)) {
    if (!documentCodes.has(code)) {
      throw new DomainError('ARCHIVE_UNKNOWN_DOCUMENT', `资料“${code}”不在${template.name}的资料清单中`, {
        documentCode: code,
        template: template.name
      })
    }
  }
  const checkCodes = new Set(template.documents.flatMap((d) => d.checks.map((c) => c.code)))
  for (const code of Object.keys(manual)) {
    if (!checkCodes.has(code))
      throw new DomainError('ARCHIVE_UNKNOWN_CHECK', `检查项“${code}”不在${template.name}的检查标准中`, {
        checkCode: code,
        template: template.name
      })
  }
}

class ArchiveReading {
  constructor(
    readonly template: ArchiveTemplate,
    readonly input: ArchiveInput,
    readonly facts: ArchiveFacts,
    readonly manual: Readonly<Record<string, ManualCheckResult>>,
    readonly context: RuleContext
  ) {}

  isPresent(documentCode: string): boolean {
    return this.input.documents[documentCode]?.present === true
  }

  /** The first document a fact reference points into that was not received, if any. */
  absentDocumentOf(refs: readonly string[]): DocumentTemplate | undefined {
    for (const ref of refs) {
      const { scope } = splitFactRef(ref)
      if (scope === ARCHIVE_SCOPE || this.isPresent(scope)) continue
      const document = this.template.documents.find((d) => d.code === scope)
      if (document) return document
    }
    return undefined
  }
}

function result(
  check: CheckItemTemplate,
  status: CheckItemStatus,
  source: CheckItemSource,
  message: string
): CheckItemResult {
  return {
    code: check.code,
    title: check.title,
    clause: check.clause,
    mode: check.mode,
    status,
    source,
    message,
    // Stryker disable next-line ConditionalExpression: a fineRuleCode of undefined reads the same as none
    ...(check.fineRuleCode === undefined ? {} : { fineRuleCode: check.fineRuleCode })
  }
}

/** not_applicable / incomplete when the item's condition rules it out or cannot be judged yet; undefined when it applies. */
function applicability(check: CheckItemTemplate, reading: ArchiveReading): CheckItemResult | undefined {
  const condition = check.applicableWhen
  if (!condition) return undefined
  const absent = reading.absentDocumentOf([condition.fact])
  if (absent) return result(check, 'not_applicable', 'not_applicable', `缺少《${absent.name}》，无法判断本项是否适用`)
  const value = reading.facts.values[condition.fact]
  if (value === undefined) {
    return result(
      check,
      'incomplete',
      'rule',
      `需先录入${factLabel(reading.facts, condition.fact)}，才能判断本项是否适用`
    )
  }
  const applies = conditionHolds(condition, value)
  return applies ? undefined : result(check, 'not_applicable', 'not_applicable', `不适用：${condition.note}`)
}

function evaluateCheck(check: CheckItemTemplate, reading: ArchiveReading): CheckItemResult {
  const ruledOut = applicability(check, reading)
  if (ruledOut) return ruledOut
  const ticked = reading.manual[check.code]

  if (check.mode === 'manual') {
    if (!ticked) return result(check, 'pending', 'manual', '待人工检查')
    const note = ticked.note?.trim() ?? ''
    if (ticked.passed) return result(check, 'pass', 'manual', note === '' ? '人工检查合格' : `人工检查合格：${note}`)
    return result(check, 'fail', 'manual', note === '' ? `不符合：${check.title}` : note)
  }

  const rule = findRule(check.ruleId)
  if (!rule)
    throw new DomainError('RULE_UNKNOWN', `检查项“${check.title}”使用的自动检查规则“${check.ruleId}”不存在`, {
      ruleId: check.ruleId,
      checkTitle: check.title
    })
  const absent = reading.absentDocumentOf(rule.requirements(check.params).map((r) => r.ref))
  if (absent) return result(check, 'not_applicable', 'not_applicable', `缺少《${absent.name}》，无法核对本项`)
  const outcome = rule.evaluate(reading.facts, check.params, reading.context)
  if (!ticked) return result(check, outcome.status, 'rule', outcome.message)

  // 特殊情况除外 (e.g. FAW-VW estimate vs actual): the checker may overrule the rule, never silently.
  const note = ticked.note?.trim() ?? ''
  if (note === '') {
    throw new DomainError(
      'CHECK_OVERRIDE_NOTE_REQUIRED',
      `改变自动检查项“${check.title}”的结果须注明原因（如“特殊情况”）`,
      { checkCode: check.code, checkTitle: check.title }
    )
  }
  const verdict = ticked.passed ? '合格' : '不合格'
  return result(
    check,
    ticked.passed ? 'pass' : 'fail',
    'override',
    `人工判定${verdict}：${note}（自动检查结果：${outcome.message}）`
  )
}

function evaluateDocument(
  document: DocumentTemplate,
  visitType: VisitTypeCode | undefined,
  reading: ArchiveReading
): DocumentResult {
  const requirement = documentRequirement(document, visitType, (ref) => reading.facts.values[ref])
  const recorded = reading.input.documents[document.code]
  const base = { code: document.code, name: document.name, order: document.order, requirement }

  if (recorded?.present !== true) {
    const missing = requirement === 'required'
    const why = missing
      ? `缺少《${document.name}》，本项无法检查`
      : `本档案无《${document.name}》（${DOCUMENT_REQUIREMENT_LABELS[requirement]}），本项不检查`
    return {
      ...base,
      status: missing ? 'missing' : 'not_received',
      message: missing
        ? `缺少《${document.name}》`
        : `未收到《${document.name}》（${DOCUMENT_REQUIREMENT_LABELS[requirement]}）`,
      checks: document.checks.map((check) => result(check, 'not_applicable', 'not_applicable', why))
    }
  }

  const checks = document.checks.map((check) => evaluateCheck(check, reading))
  if (document.form === 'original' && recorded.form === 'copy') {
    return { ...base, status: 'wrong_form', message: `《${document.name}》应为原件，收到的是复印件`, checks }
  }
  if (document.form === 'original' && recorded.form === undefined) {
    return { ...base, status: 'form_unconfirmed', message: `请确认《${document.name}》是否为原件`, checks }
  }
  return { ...base, status: 'present', message: `已收到《${document.name}》`, checks }
}

function failuresOf(template: ArchiveTemplate, documents: readonly DocumentResult[]): ArchiveFailure[] {
  const failures: ArchiveFailure[] = []
  for (const document of documents) {
    const definition = template.documents.find((d) => d.code === document.code)
    const where = { documentCode: document.code, documentName: document.name }
    if (document.status === 'missing' || document.status === 'wrong_form') {
      failures.push({
        // Stryker disable next-line OptionalChaining,StringLiteral: every document result comes from the template, so its definition is always found
        ...where,
        checkCode: null,
        title: document.message,
        message: document.message,
        clause: definition?.clause ?? '',
        // Stryker disable next-line ConditionalExpression,OptionalChaining: the definition is always found; a fineRuleCode of undefined reads the same as none
        ...(definition?.missingFineRuleCode === undefined ? {} : { fineRuleCode: definition.missingFineRuleCode })
      })
    }
    for (const check of document.checks) {
      if (check.status !== 'fail') continue
      failures.push({
        ...where,
        checkCode: check.code,
        title: check.title,
        message: check.message,
        clause: check.clause,
        // Stryker disable next-line ConditionalExpression: a fineRuleCode of undefined reads the same as none
        ...(check.fineRuleCode === undefined ? {} : { fineRuleCode: check.fineRuleCode })
      })
    }
  }
  return failures
}

/**
 * Inspects an archive under `policy`. `manual` holds the checker's ticks by check code (and, with a note,
 * overrules of automatic items); `context` the dealership settings rules depend on (see ruleContextOf).
 * Throws DomainError for a visit type, document or check the policy does not know.
 */
export function evaluateArchive(
  policy: Policy,
  archive: ArchiveInput,
  manual: Readonly<Record<string, ManualCheckResult>>,
  context: RuleContext
): ArchiveEvaluation {
  // The kind may come from stored data; anything but the two known kinds is refused, not crashed on.
  const template: ArchiveTemplate | undefined = ARCHIVE_KINDS.includes(archive.kind)
    ? policy.archiveTemplates[archive.kind]
    : undefined
  if (!template)
    throw new DomainError('ARCHIVE_KIND_UNKNOWN', `档案类别“${String(archive.kind)}”无效，应为销售档案或服务档案`, {
      kind: String(archive.kind)
    })
  const visitType = resolveVisitType(template, archive)
  refuseUnknownCodes(template, archive, manual)
  const reading = new ArchiveReading(template, archive, buildArchiveFacts(template, archive), manual, context)

  const documents = documentsInFilingOrder(template).map((document) => evaluateDocument(document, visitType, reading))
  const failures = failuresOf(template, documents)
  const openItems =
    documents.filter((d) => d.status === 'form_unconfirmed').length +
    documents.flatMap((d) => d.checks).filter((c) => c.status === 'pending' || c.status === 'incomplete').length
  const verdict: ArchiveVerdict = failures.length > 0 ? 'nonconforming' : openItems > 0 ? 'incomplete' : 'accepted'

  return {
    policyId: policy.id,
    policyVersion: policy.version,
    archiveKind: archive.kind,
    // Stryker disable next-line ConditionalExpression: a visitType of undefined reads the same as none; a service archive's visit type is tested
    ...(visitType === undefined ? {} : { visitType }),
    documents,
    verdict,
    failures,
    openItems
  }
}

/** One check item's result by code, wherever it sits in the archive. */
export function findCheckResult(evaluation: ArchiveEvaluation, checkCode: string): CheckItemResult | undefined {
  for (const document of evaluation.documents) {
    const found = document.checks.find((check) => check.code === checkCode)
    if (found) return found
  }
  return undefined
}
