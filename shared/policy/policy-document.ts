import { z } from 'zod'
import { defineStoredDocument } from '../model/stored-document'

// Which policy version is in force (settings 'activePolicy'). The policy itself is stored through
// shared/rules/policy-document.ts, because reading it checks its rule references.

export interface ActivePolicyRef {
  policyId: string
  version: number
}

export const activePolicyDocument = defineStoredDocument<ActivePolicyRef>({
  kind: 'activePolicy',
  label: '现行制度设置',
  shape: 'fields',
  current: 1,
  upgrades: {},
  schema: z.object({ policyId: z.string().min(1).max(80), version: z.number().int().min(1) })
})
