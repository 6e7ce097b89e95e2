import { z } from 'zod'
import { DEFAULT_ARCHIVE_NO_PATTERN, validateArchiveNoPattern } from '../vehicle/archive-number'

// The dealership's own details and formats, edited in Settings by the customer-care director.

export interface DealershipSettings {
  dealershipName: string
  archiveNoPattern: string
}

export const DEFAULT_DEALERSHIP_SETTINGS: DealershipSettings = {
  dealershipName: '',
  archiveNoPattern: DEFAULT_ARCHIVE_NO_PATTERN
}

export const dealershipSettingsSchema = z.object({
  dealershipName: z.string().trim().max(60, '经销商名称不能超过 60 个字'),
  archiveNoPattern: z.string().trim().toUpperCase().superRefine((pattern, ctx) => {
    const result = validateArchiveNoPattern(pattern)
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason })
  })
})
