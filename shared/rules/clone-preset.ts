import { copyPolicyData, deepFreeze } from '../policy/deep-freeze'
import type { Policy } from '../policy/policy'
import { assertValidPolicy } from './policy-validation'
import { getPreset } from '../policy/presets/preset-registry'

// A dealership's own policy starts as version 1 of a copy of a preset.

export interface NewPolicyIdentity {
  readonly id: string
  readonly name: string
  /** ISO 8601 date-time. */
  readonly createdAt: string
}

export function clonePreset(presetId: string, identity: NewPolicyIdentity): Policy {
  const preset = getPreset(presetId)
  const { basedOnVersion: _ignored, ...content } = copyPolicyData(preset)
  const policy: Policy = {
    ...content,
    id: identity.id,
    name: identity.name,
    createdAt: identity.createdAt,
    presetId: preset.presetId,
    version: 1
  }
  return deepFreeze(assertValidPolicy(policy))
}
