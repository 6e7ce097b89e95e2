import { z } from 'zod'
import { DEFAULT_ARCHIVE_NO_PATTERN, validateArchiveNoPattern } from '../vehicle/archive-number'
import { freeText, freeTextOrEmpty } from '../validation/free-text'
import { defineStoredDocument } from '../model/stored-document'

// The dealership's own details and formats, edited in Settings by the customer-care director.

export interface DealershipSettings {
  dealershipName: string
  archiveNoPattern: string
  /**
   * When the service department works rescues, China time, 'HH:mm' (FAW-VW 五(二)2(7): leaders sign a rescue
   * during working hours). No policy text gives the hours; the dealership sets them.
   */
  rescueWorkStart: string
  rescueWorkEnd: string
  /** ISO weekdays (1 Monday … 7 Sunday) the rescue hours apply, in ascending order. */
  rescueWorkdays: number[]
}

export const DEFAULT_DEALERSHIP_SETTINGS: DealershipSettings = {
  dealershipName: '',
  archiveNoPattern: DEFAULT_ARCHIVE_NO_PATTERN,
  // The hours the FAW-VW preset carried as a check parameter until they became a setting.
  rescueWorkStart: '08:30',
  rescueWorkEnd: '17:30',
  rescueWorkdays: [1, 2, 3, 4, 5, 6, 7]
}

export const DEALERSHIP_NAME_MAX = 60

/** The name asked for at first start: printed at the top of every sheet. */
export const dealershipNameSchema = freeText({
  label: '经销商名称',
  min: 2,
  max: DEALERSHIP_NAME_MAX,
  requiredMessage: '请填写经销商名称，如“长春一汽大众某某4S店”'
})

const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/
const clockTime = (label: string) => z.string().trim().regex(CLOCK_TIME, `${label}应写作24小时制 时:分，如 08:30`)

const WEEKDAY_MESSAGE = '工作日用 1（周一）至 7（周日）表示'

/** The fields one by one; a stored row may hold only some of them (see dealershipSettingsDocument). */
export const dealershipSettingsFieldsSchema = z.object({
  dealershipName: freeTextOrEmpty({ label: '经销商名称', max: DEALERSHIP_NAME_MAX }),
  archiveNoPattern: z
    .string()
    .trim()
    .toUpperCase()
    .superRefine((pattern, ctx) => {
      const result = validateArchiveNoPattern(pattern)
      if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason })
    }),
  rescueWorkStart: clockTime('救援上班时间'),
  rescueWorkEnd: clockTime('救援下班时间'),
  rescueWorkdays: z
    .array(z.number().int().min(1, WEEKDAY_MESSAGE).max(7, WEEKDAY_MESSAGE))
    .min(1, '救援工作时间至少要有一个工作日')
    .refine((days) => days.every((day, i) => i === 0 || day > days[i - 1]!), '工作日不能重复，按周一至周日排列')
})

/** The settings as the director saves them: every field, and rescue hours that end after they start. */
export const dealershipSettingsSchema = dealershipSettingsFieldsSchema.refine(
  // Zero-padded 'HH:mm' compares as text in time order; a time not so written is refused by its own field.
  ({ rescueWorkStart: start, rescueWorkEnd: end }) => !CLOCK_TIME.test(start) || !CLOCK_TIME.test(end) || start < end,
  { message: '救援下班时间应晚于上班时间', path: ['rescueWorkEnd'] }
)

/** The 'dealership' settings row: the fields saved so far; reading fills the rest from the defaults. */
export const dealershipSettingsDocument = defineStoredDocument<Partial<DealershipSettings>>({
  kind: 'dealershipSettings',
  label: '经销商设置',
  shape: 'fields',
  current: 1,
  upgrades: {},
  schema: dealershipSettingsFieldsSchema.partial()
})

/** The dealership's settings from the stored text of their row (none yet: the defaults). */
export function readDealershipSettingsDocument(text: string | undefined): DealershipSettings {
  return { ...DEFAULT_DEALERSHIP_SETTINGS, ...(text === undefined ? {} : dealershipSettingsDocument.read(text)) }
}
