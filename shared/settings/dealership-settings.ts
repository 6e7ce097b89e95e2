import { z } from 'zod'
import { DEFAULT_ARCHIVE_NO_PATTERN, validateArchiveNoPattern } from '../vehicle/archive-number'
import { freeText, freeTextOrEmpty } from '../validation/free-text'
import { defineStoredDocument } from '../model/stored-document'

// The dealership's own details and formats, edited in Settings by the customer-care director.

export interface DealershipSettings {
  dealershipName: string
  archiveNoPattern: string
}

export const DEFAULT_DEALERSHIP_SETTINGS: DealershipSettings = {
  dealershipName: '',
  archiveNoPattern: DEFAULT_ARCHIVE_NO_PATTERN
}

export const DEALERSHIP_NAME_MAX = 60

/** The name asked for at first start: printed at the top of every sheet. */
export const dealershipNameSchema = freeText({
  label: '经销商名称',
  min: 2,
  max: DEALERSHIP_NAME_MAX,
  requiredMessage: '请填写经销商名称，如“长春一汽大众某某4S店”'
})

export const dealershipSettingsSchema = z.object({
  dealershipName: freeTextOrEmpty({ label: '经销商名称', max: DEALERSHIP_NAME_MAX }),
  archiveNoPattern: z
    .string()
    .trim()
    .toUpperCase()
    .superRefine((pattern, ctx) => {
      const result = validateArchiveNoPattern(pattern)
      if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason })
    })
})

/** The 'dealership' settings row: the fields saved so far; reading fills the rest from the defaults. */
export const dealershipSettingsDocument = defineStoredDocument<Partial<DealershipSettings>>({
  kind: 'dealershipSettings',
  label: '经销商设置',
  shape: 'fields',
  current: 1,
  upgrades: {},
  schema: dealershipSettingsSchema.partial()
})

/** The dealership's settings from the stored text of their row (none yet: the defaults). */
export function readDealershipSettingsDocument(text: string | undefined): DealershipSettings {
  return { ...DEFAULT_DEALERSHIP_SETTINGS, ...(text === undefined ? {} : dealershipSettingsDocument.read(text)) }
}
