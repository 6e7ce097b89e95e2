import type { z } from 'zod'

/**
 * The code and parameters a zod issue made by a validation check carries (`reasonCode` and the rest, see
 * freeText), as DomainError details; empty for an issue that has none.
 */
export function issueDetails(issue: z.core.$ZodIssue): Record<string, string> {
  // Stryker disable next-line ConditionalExpression: only custom issues carry params; reading them off any issue is the same
  const params = issue.code === 'custom' ? (issue.params as Record<string, unknown> | undefined) : undefined
  if (typeof params?.reasonCode !== 'string') return {}
  const details: Record<string, string> = {}
  for (const [name, value] of Object.entries(params)) if (typeof value === 'string') details[name] = value
  return details
}
