import { z } from 'zod'
import { isRealIsoDate } from '../time'
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR } from './supported-years'
import { freeText } from '../validation/free-text'
import { defineStoredDocument } from '../model/stored-document'

// The dealership's exceptions, edited in Settings: open while the country rests (值班, 车展), closed while it works (盘点).

export type CalendarOverrideKind = 'open' | 'closed'

export interface CalendarOverride {
  date: string
  /** 'open': the dealership works this day; 'closed': it does not. */
  kind: CalendarOverrideKind
  /** Why, e.g. 国庆值班 or 年终盘点; required so the next person knows the reason. */
  note: string
}

export const calendarOverrideSchema = z.object({
  date: z
    .string()
    .trim()
    .superRefine((date, ctx) => {
      // Stryker disable StringLiteral: zod's types require the issue code 'custom' (another code does not compile); the messages are tested
      if (date === '') ctx.addIssue({ code: 'custom', message: '请填写日期' })
      else if (!isRealIsoDate(date))
        ctx.addIssue({ code: 'custom', message: `“${date}”不是有效日期，格式应为 年-月-日，如 2026-10-01` })
      else if (Number(date.slice(0, 4)) < FIRST_SUPPORTED_YEAR || Number(date.slice(0, 4)) > LAST_SUPPORTED_YEAR) {
        ctx.addIssue({ code: 'custom', message: `日期应在 ${FIRST_SUPPORTED_YEAR} 年至 ${LAST_SUPPORTED_YEAR} 年之间` })
      }
    }),
  // Stryker restore StringLiteral
  kind: z.enum(['open', 'closed'], { error: '请选择这一天是“照常营业”还是“休息”' }),
  note: freeText({ label: '原因', max: 60, requiredMessage: '请填写原因，如“国庆值班”' })
}) satisfies z.ZodType<CalendarOverride>

/** The whole list as Settings saves it: each date at most once, so open and closed cannot both apply. */
export const calendarOverridesSchema = z.array(calendarOverrideSchema).superRefine((overrides, ctx) => {
  const seen = new Set<string>()
  overrides.forEach((override, index) => {
    if (seen.has(override.date)) {
      // Stryker disable next-line StringLiteral: zod's types require the issue code 'custom'; the message is tested
      ctx.addIssue({
        code: 'custom',
        path: [index, 'date'],
        message: `${override.date} 已经设置过例外，同一天只能设置一条`
      })
    }
    seen.add(override.date)
  })
})

/** The 'calendarOverrides' settings row (a list, so kept wrapped). */
export const calendarOverridesDocument = defineStoredDocument<CalendarOverride[]>({
  kind: 'calendarOverrides',
  label: '本店工作日调整',
  shape: 'wrapped',
  current: 1,
  upgrades: {},
  schema: calendarOverridesSchema
})
