import i18next, { type i18n } from 'i18next'
import type { z } from 'zod'
import { isDomainError } from '@shared/model/domain-error'
import { issueDetails } from '@shared/validation/issue-details'
import { isQuotaExceeded } from '../data/storage-errors'

// Details that carry a code from one of the label vocabularies are shown by that label.
const LABELLED_DETAILS: Readonly<Record<string, string>> = {
  role: 'labels.role',
  permission: 'labels.permission',
  secrecy: 'labels.secrecy',
  from: 'labels.archiveStatus',
  event: 'labels.archiveEvent',
  kind: 'labels.archiveKind',
  allowed: 'labels.archiveEvent'
}

function labelledDetails(details: Readonly<Record<string, string>>, i18n: i18n): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(details)) {
    const section = LABELLED_DETAILS[name]
    if (!section) {
      out[name] = value
      continue
    }
    // A list of codes ("a,b") is shown as a list of labels.
    out[name] = value
      .split(',')
      .filter((code) => code !== '')
      .map((code) => (i18n.exists(`${section}.${code}`) ? i18n.t(`${section}.${code}`) : code))
      .join(i18n.t('labels.listSeparator'))
  }
  return out
}

/** A typed value's problem (a validation code with its parameters) in the operator's language. */
export function validationMessage(
  problem: { code: string; params: Readonly<Record<string, string>>; reason: string },
  i18n: i18n = i18next
): string {
  const key = `validation.${problem.code}`
  return i18n.exists(key) ? i18n.t(key, { ...problem.params }) : problem.reason
}

/** A zod issue's message in the operator's language: its validation code when it carries one (see issueDetails). */
export function issueMessage(issue: z.core.$ZodIssue, i18n: i18n = i18next): string {
  return reasonOf(issueDetails(issue), i18n) ?? issue.message
}

/**
 * The reason inside a refusal that carries validation codes (`reasonCode`, several joined by ','), in the
 * operator's language; null when it carries none or one has no text.
 */
function reasonOf(details: Readonly<Record<string, string>>, i18n: i18n): string | null {
  const codes = details.reasonCode?.split(',').filter((code) => code !== '') ?? []
  if (codes.length === 0 || !codes.every((code) => i18n.exists(`validation.${code}`))) return null
  return codes.map((code) => i18n.t(`validation.${code}`, { ...details })).join(i18n.t('validation.problemSeparator'))
}

/**
 * The one way a screen words a failed action, in the operator's language: a refusal is translated
 * through `errors.<CODE>` with its details (its Chinese sentence when the code has no text yet),
 * a full disk says so, and anything else is an unexpected failure with its own text.
 */
export function errorMessage(error: unknown, i18n: i18n = i18next): string {
  if (isQuotaExceeded(error)) return i18n.t('errors.STORAGE_FULL')
  if (isDomainError(error)) {
    const key = `errors.${error.code}`
    if (!i18n.exists(key)) return error.message
    // A `variant` detail picks `errors.<CODE>_<variant>` when there is one (i18next's context).
    return i18n.t(key, {
      ...labelledDetails(error.details, i18n),
      message: error.message,
      // `{{problem}}`: a validation reason worded in the operator's language (the Chinese sentence otherwise).
      problem: reasonOf(error.details, i18n) ?? error.message,
      context: error.details.variant
    })
  }
  return i18n.t('errors.unexpected', { message: error instanceof Error ? error.message : String(error) })
}
