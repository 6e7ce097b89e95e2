import { copyPolicyData, deepFreeze } from '../policy/deep-freeze'
import type { Policy, PolicyChanges } from '../policy/policy'
import { assertValidPolicy } from './policy-validation'

// An edit never touches the version in force: archives, fines and due dates already computed name it
// (policy id + version). The edit becomes version + 1, valid or refused as a whole.

const EDITABLE_KEYS = [
  'name',
  'sources',
  'archiveTemplates',
  'deadlines',
  'fines',
  'retention',
  'loans',
  'reconciliation',
  'signOff',
  'forms'
] as const satisfies readonly (keyof PolicyChanges)[]

/**
 * The next version of `policy` with `changes` applied, created at `at` (ISO 8601).
 * Throws DomainError('POLICY_INVALID') with a Chinese message when the result is not a valid policy.
 */
export function revisePolicy(policy: Policy, changes: PolicyChanges, at: string): Policy {
  const next: Record<string, unknown> = { ...copyPolicyData(policy) }
  for (const key of EDITABLE_KEYS) {
    if (changes[key] !== undefined) next[key] = copyPolicyData(changes[key])
  }
  next.version = policy.version + 1
  next.basedOnVersion = policy.version
  next.createdAt = at
  return deepFreeze(assertValidPolicy(next))
}
