import type { z } from 'zod'
import { defineStoredDocument } from '../model/stored-document'
import type { Policy } from '../policy/policy'
import { policySchema } from './policy-validation'

// How a policy is kept in its row (policies.document). Archives point at their policy version forever,
// so every version of this format stays readable: a new shape is one upgrade function here, `current`
// raised, and the policy schema changed. Reading validates the whole policy, its rule references included.

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The rule whose working hours became the dealership setting of rescue hours in format v2. */
const RESCUE_HOURS_RULE = 'leaders-sign-in-working-hours'

/**
 * v1 → v2: the rescue working hours (workStart, workEnd, workdays of FAW-VW 五(二)2(7)'s check) left the
 * policy for the dealership settings; the check keeps which facts and signers it reads.
 */
function moveRescueHoursOut(v1: unknown): unknown {
  if (!isObject(v1) || !isObject(v1['archiveTemplates'])) return v1
  const templates: Record<string, unknown> = {}
  for (const [kind, template] of Object.entries(v1['archiveTemplates'])) {
    if (!isObject(template) || !Array.isArray(template['documents'])) {
      templates[kind] = template
      continue
    }
    const documents = template['documents'].map((document: unknown) => {
      if (!isObject(document) || !Array.isArray(document['checks'])) return document
      const checks = document['checks'].map((check: unknown) => {
        if (!isObject(check) || check['ruleId'] !== RESCUE_HOURS_RULE || !isObject(check['params'])) return check
        const { workStart: _start, workEnd: _end, workdays: _days, ...params } = check['params']
        return { ...check, params }
      })
      return { ...document, checks }
    })
    templates[kind] = { ...template, documents }
  }
  return { ...v1, archiveTemplates: templates }
}

/** The policy format's upgrade chain, by the version each function upgrades from. */
export const POLICY_UPGRADES: Readonly<Record<number, (body: unknown) => unknown>> = { 1: moveRescueHoursOut }

export const policyDocument = defineStoredDocument<Policy>({
  kind: 'policy',
  label: '制度',
  shape: 'fields',
  current: 2,
  upgrades: POLICY_UPGRADES,
  schema: policySchema as unknown as z.ZodType<Policy>
})
