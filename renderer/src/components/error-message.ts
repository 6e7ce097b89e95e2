import i18next, { type i18n } from 'i18next'
import { isDomainError } from '@shared/model/domain-error'
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
      context: error.details.variant
    })
  }
  return i18n.t('errors.unexpected', { message: error instanceof Error ? error.message : String(error) })
}
