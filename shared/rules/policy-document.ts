import type { z } from 'zod'
import { defineStoredDocument } from '../model/stored-document'
import type { Policy } from '../policy/policy'
import { policySchema } from './policy-validation'

// How a policy is kept in its row (policies.document). Archives point at their policy version forever,
// so every version of this format stays readable: a new shape is one upgrade function here, `current`
// raised, and the policy schema changed. Reading validates the whole policy, its rule references included.

export const policyDocument = defineStoredDocument<Policy>({
  kind: 'policy',
  label: '制度',
  shape: 'fields',
  current: 1,
  upgrades: {},
  schema: policySchema as unknown as z.ZodType<Policy>
})
