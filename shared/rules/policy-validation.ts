import type { z } from 'zod'
import { DomainError } from '../model/domain-error'
import type { Policy } from '../policy/policy'
import type { PolicyIssue } from '../policy/policy-issue'
import { policyShapeSchema } from '../policy/policy-schema'
import { findRuleReferenceIssues } from './rule-references'

// The one definition of a valid policy: its shape and consistency (shared/policy) and every automatic
// check naming a rule the engine has, with parameters it accepts. The settings editor validates with it
// while the director types; clonePreset, revisePolicy, the stored policy document and a restored policy
// row refuse anything it refuses. Messages are Chinese.

export const policySchema = policyShapeSchema.superRefine((policy, ctx) => {
  for (const issue of findRuleReferenceIssues(policy as Policy))
    ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message })
})

export type PolicyValidation = { ok: true; policy: Policy } | { ok: false; issues: PolicyIssue[] }

const FALLBACK_MESSAGES: Readonly<Record<string, string>> = {
  invalid_type: '类型不正确',
  invalid_value: '取值无效',
  invalid_union: '格式不正确',
  unrecognized_keys: '含有无法识别的设置项',
  too_small: '数值或数量过小',
  too_big: '数值或数量过大',
  invalid_format: '格式不正确'
}

function chineseMessage(issue: z.core.$ZodIssue): string {
  if (/[\u4e00-\u9fff]/.test(issue.message)) return issue.message
  const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}：` : ''
  return `${where}${FALLBACK_MESSAGES[issue.code] ?? '设置有误'}`
}

/** Every problem of a policy, each with a Chinese sentence. */
export function validatePolicy(value: unknown): PolicyValidation {
  const result = policySchema.safeParse(value)
  if (result.success) return { ok: true, policy: result.data as Policy }
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({
      path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
      message: chineseMessage(issue)
    }))
  }
}

/** The policy, or a DomainError('POLICY_INVALID') whose message names the first problem. */
export function assertValidPolicy(value: unknown): Policy {
  const result = validatePolicy(value)
  if (result.ok) return result.policy
  const [first] = result.issues
  const more = result.issues.length > 1 ? `（另有 ${result.issues.length - 1} 处问题）` : ''
  throw new DomainError('POLICY_INVALID', `制度设置有误：${first?.message ?? '格式不正确'}${more}`, {
    first: first?.message ?? '格式不正确',
    more: String(result.issues.length - 1),
    issues: result.issues.map((issue) => issue.message).join('\n')
  })
}
