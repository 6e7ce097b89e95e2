import { ARCHIVE_KINDS } from '../archive/archive-kind'
import { FACT_TYPE_LABELS, resolveFact } from '../policy/policy-consistency'
import type { Policy } from '../policy/policy'
import type { PolicyIssue } from '../policy/policy-issue'
import { findRule } from './rule-registry'

// A policy names the engine's rules by id and gives them parameters; whether those exist and fit is the
// engine's knowledge, so the check lives here (rules/ reads policies; policy/ never imports rules/).

type Path = readonly (string | number)[]

/** Every automatic check whose rule id is unknown, whose parameters the rule refuses, or whose facts do not fit. */
export function findRuleReferenceIssues(policy: Policy): PolicyIssue[] {
  const issues: PolicyIssue[] = []
  const add = (path: Path, message: string) => issues.push({ path, message })
  for (const kind of ARCHIVE_KINDS) {
    const template = policy.archiveTemplates[kind]
    template.documents.forEach((document, d) => {
      document.checks.forEach((check, c) => {
        if (check.mode !== 'auto') return
        const path: Path = ['archiveTemplates', kind, 'documents', d, 'checks', c]
        const where = `${template.name}《${document.name}》检查项“${check.title}”`
        const rule = findRule(check.ruleId)
        if (!rule) {
          add([...path, 'ruleId'], `${where}：自动检查规则“${check.ruleId}”不存在`)
          return
        }
        const parsed = rule.paramsSchema.safeParse(check.params)
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const message = /[\u4e00-\u9fff]/.test(issue.message) ? issue.message : '参数格式不正确'
            add(
              [...path, 'params', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))],
              `${where}：规则“${rule.title}”的参数${issue.path.length > 0 ? ` ${issue.path.join('.')} ` : ''}有误：${message}`
            )
          }
          return
        }
        for (const requirement of rule.requirements(check.params)) {
          const fact = resolveFact(template, requirement.ref)
          const at = [...path, 'params']
          if (!fact) {
            add(at, `${where}：引用的事实“${requirement.ref}”在${template.name}中不存在`)
            continue
          }
          if (!requirement.types.includes(fact.type)) {
            const wanted = requirement.types.map((t) => FACT_TYPE_LABELS[t]).join('或')
            add(at, `${where}：事实“${fact.label}”是${FACT_TYPE_LABELS[fact.type]}，规则“${rule.title}”需要${wanted}`)
            continue
          }
          if (fact.type === 'signatures') {
            const roles = new Set(fact.signers.map((s) => s.role))
            for (const role of requirement.roles ?? [])
              if (!roles.has(role)) add(at, `${where}：“${fact.label}”没有签字人“${role}”`)
          }
          if ((fact.type === 'list' || fact.type === 'choice') && fact.options !== undefined) {
            const codes = new Set(fact.options.map((o) => o.code))
            for (const code of requirement.optionCodes ?? [])
              if (!codes.has(code)) add(at, `${where}：“${fact.label}”没有选项“${code}”`)
          }
        }
      })
    })
  }
  return issues
}
