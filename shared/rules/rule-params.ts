import { z } from 'zod'
import { FACT_REF_PATTERN } from '../policy/fact-ref'

// Parameter pieces the rules share, with Chinese messages for the policy editor.

export const factRefParam = z
  .string({ error: '应填写事实引用，格式为“资料代码.事实键”' })
  .regex(FACT_REF_PATTERN, '事实引用格式应为“资料代码.事实键”，如 invoice.invoiceDate')

export const factRefListParam = z.array(factRefParam).min(1, '至少引用一项事实')

/** A signer who must have signed: one role, or any one of several (['sales_manager', 'sales_director']). */
export const signerRequirementParam = z.union([
  z.string().min(1, '签字人角色不能为空'),
  z.array(z.string().min(1, '签字人角色不能为空')).min(2, '“任一签字”至少列出两个角色')
])

export type SignerRequirement = z.infer<typeof signerRequirementParam>

export const signerRequirementListParam = z.array(signerRequirementParam).min(1, '至少指定一位签字人')

export const positiveNumberParam = (label: string) =>
  z.number({ error: `${label}应为数字` }).positive(`${label}必须大于 0`)

export const clockTimeParam = (label: string) =>
  z
    .string({ error: `${label}应写作 时:分` })
    .regex(/^([01]\d|2[0-3]):([0-5]\d)$/, `${label}应写作24小时制 时:分，如 08:30`)

export function rolesOf(requirements: readonly SignerRequirement[]): string[] {
  return requirements.flatMap((requirement) => (typeof requirement === 'string' ? [requirement] : requirement))
}
