import type { FactRef } from '../policy/fact-ref'
import { signerLabel } from './archive-facts'
import type { ArchiveFacts } from './archive-facts'
import type { SignatureEntry } from './fact-value'
import type { SignerRequirement } from './rule-params'

// Reading signatures: who signed, and how to name a signer (or "any of") in Chinese.

export function signaturesOf(entries: readonly SignatureEntry[], role: string): readonly SignatureEntry[] {
  return entries.filter((entry) => entry.role === role)
}

export function isSatisfied(entries: readonly SignatureEntry[], requirement: SignerRequirement): boolean {
  const roles = typeof requirement === 'string' ? [requirement] : requirement
  return roles.some((role) => signaturesOf(entries, role).length > 0)
}

export function requirementLabel(facts: ArchiveFacts, ref: FactRef, requirement: SignerRequirement): string {
  const roles = typeof requirement === 'string' ? [requirement] : requirement
  return roles.map((role) => signerLabel(facts, ref, role)).join('或')
}
