import { type ValidationCode, validationSentence } from './validation-messages'

// Either the normalised value to store, or why not: a stable code with its parameters (for the renderer
// to word in the operator's language) beside the Chinese sentence made from them (`reason`).

export type ValidationParams = Readonly<Record<string, string>>

/** Why a value was refused. */
export interface ValidationProblem {
  readonly code: ValidationCode
  readonly params: ValidationParams
  /** The Chinese sentence, as shown and printed by the domain. */
  readonly reason: string
}

export type ValidationResult = { ok: true; value: string } | ({ ok: false } & ValidationProblem)

export function accept(value: string): ValidationResult {
  return { ok: true, value }
}

export function refuse(code: ValidationCode, params: ValidationParams = {}): ValidationResult {
  return { ok: false, ...problem(code, params) }
}

/** A problem with its Chinese sentence. */
export function problem(code: ValidationCode, params: ValidationParams = {}): ValidationProblem {
  return { code, params, reason: validationSentence(code, params) }
}

/**
 * The details a DomainError carries for one or more problems: `reasonCode` (codes joined by ',') and
 * every parameter, so the renderer can word the reason in the operator's language.
 */
export function problemDetails(problems: ValidationProblem | readonly ValidationProblem[]): Record<string, string> {
  const list = Array.isArray(problems) ? (problems as readonly ValidationProblem[]) : [problems as ValidationProblem]
  const details: Record<string, string> = {}
  for (const one of list) Object.assign(details, one.params)
  details.reasonCode = list.map((one) => one.code).join(',')
  return details
}
