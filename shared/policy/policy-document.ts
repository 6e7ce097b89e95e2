import { z } from 'zod'
import { defineStoredDocument } from '../model/stored-document'
import type { Policy } from './policy'
import { policySchema } from './policy-schema'

// How a policy is kept in its row (policies.document) and which one is in force (settings 'activePolicy').
// Archives point at their policy version forever, so every version of this format stays readable:
// a new shape is one upgrade function here, `current` raised, and policySchema changed.

export const policyDocument = defineStoredDocument<Policy>({
  kind: 'policy',
  label: '制度',
  shape: 'fields',
  current: 1,
  upgrades: {},
  schema: policySchema as unknown as z.ZodType<Policy>
})

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
