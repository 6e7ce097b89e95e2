import i18next from 'i18next'
import { isQuotaExceeded } from '../data/storage-errors'

/**
 * What a screen shows for a failed action: a refusal's Chinese sentence, or the error's own text.
 * A full disk says so in words (never the raw "QuotaExceededError").
 */
export function errorMessage(error: unknown): string {
  if (isQuotaExceeded(error)) return i18next.t('errors.storageFull')
  return error instanceof Error ? error.message : String(error)
}
