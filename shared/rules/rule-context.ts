import type { DealershipSettings } from '../settings/dealership-settings'
import { DEFAULT_DEALERSHIP_SETTINGS } from '../settings/dealership-settings'

// What a rule may need besides the archive and its policy's parameters: the dealership's own settings,
// passed in by every caller (inspection, batch checks, reports), never read globally.

/** Working hours on the listed ISO weekdays (1 Monday … 7 Sunday), China time, 'HH:mm'. */
export interface WeeklyHours {
  readonly start: string
  readonly end: string
  readonly workdays: readonly number[]
}

export interface RuleContext {
  /** When rescues count as during working hours (FAW-VW 五(二)2(7)); a dealership setting. */
  readonly rescueHours: WeeklyHours
}

type RuleSettings = Pick<DealershipSettings, 'rescueWorkStart' | 'rescueWorkEnd' | 'rescueWorkdays'>

/** The context a rule is judged in, from the dealership's saved settings. */
export function ruleContextOf(settings: RuleSettings): RuleContext {
  return {
    rescueHours: { start: settings.rescueWorkStart, end: settings.rescueWorkEnd, workdays: settings.rescueWorkdays }
  }
}

/** The context of a dealership that has not changed its settings. */
export const DEFAULT_RULE_CONTEXT: RuleContext = ruleContextOf(DEFAULT_DEALERSHIP_SETTINGS)
