import type { ZodType } from 'zod'
import { DomainError } from '../model/domain-error'
import type { FactType } from '../policy/fact-definition'
import type { FactRef } from '../policy/fact-ref'
import type { ArchiveFacts } from './archive-facts'
import type { CheckOutcome } from './check-outcome'
import type { RuleContext } from './rule-context'

// An automatic rule: one implementation, used live in the forms and in batch inspection.
// Its parameters come from the policy (which facts to read, which numbers apply), checked by its schema.

/** A fact a rule reads, so a policy can be checked for references to facts it does not define. */
export interface FactRequirement {
  readonly ref: FactRef
  readonly types: readonly FactType[]
  /** Signer roles the rule looks for on a signatures fact. */
  readonly roles?: readonly string[]
  /** Option codes the rule looks for on a list or choice fact that has options. */
  readonly optionCodes?: readonly string[]
}

export interface RuleDefinition<P> {
  readonly id: string
  /** Chinese, for the policy editor. */
  readonly title: string
  readonly paramsSchema: ZodType<P>
  requirements(params: P): readonly FactRequirement[]
  /** `context` holds the dealership settings a rule may depend on (e.g. the rescue working hours). */
  evaluate(facts: ArchiveFacts, params: P, context: RuleContext): CheckOutcome
}

/** A rule with its parameter type erased, as the registry holds it; parameters are parsed on every call. */
export interface AutoRule {
  readonly id: string
  readonly title: string
  readonly paramsSchema: ZodType
  requirements(params: unknown): readonly FactRequirement[]
  evaluate(facts: ArchiveFacts, params: unknown, context: RuleContext): CheckOutcome
}

export function defineRule<P>(definition: RuleDefinition<P>): AutoRule {
  const parse = (params: unknown): P => {
    const result = definition.paramsSchema.safeParse(params)
    if (result.success) return result.data
    const reasons = result.error.issues.map((issue) => issue.message).join('；')
    throw new DomainError('RULE_PARAMS_INVALID', `检查规则“${definition.title}”的参数不正确：${reasons}`, {
      ruleId: definition.id,
      ruleTitle: definition.title,
      reasons
    })
  }
  return {
    id: definition.id,
    title: definition.title,
    paramsSchema: definition.paramsSchema,
    requirements: (params) => definition.requirements(parse(params)),
    evaluate: (facts, params, context) => definition.evaluate(facts, parse(params), context)
  }
}
