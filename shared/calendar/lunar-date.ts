import chineseDays from 'chinese-days'

/** The solar ISO date of a lunar date (in the regular month, not a leap month of the same number). */
export function solarDateOfLunar(lunarYear: number, lunarMonth: number, lunarDay: number): string {
  // chinese-days reads the lunar Y-M-D with local-time getters, so it is handed local noon of that Y-M-D.
  // eslint-disable-next-line no-restricted-syntax -- the library's own convention, the date never leaves this line
  return chineseDays.getSolarDateFromLunar(new Date(lunarYear, lunarMonth - 1, lunarDay, 12)).date
}
