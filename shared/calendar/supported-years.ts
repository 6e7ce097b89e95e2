// The statutory fallback needs chinese-days' lunar table and the 清明 formula, which hold for 1901–2099 only.

export const FIRST_SUPPORTED_YEAR = 1901
export const LAST_SUPPORTED_YEAR = 2099

/** Throws a RangeError for a year this calendar cannot answer for. */
export function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(
      `Year ${year} is outside the years the working calendar supports (${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR})`
    )
  }
}
