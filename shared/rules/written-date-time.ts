// Dates and times as a checker copies them off paper. Arithmetic is done on day numbers and minutes,
// never through Date in a local time zone, so results do not depend on the PC's clock settings.

export interface WrittenMoment {
  /** YYYY-MM-DD, or null when only a time was written. */
  readonly date: string | null
  /** Minutes since midnight, or null when only a date was written. */
  readonly minutes: number | null
  /** As written, for messages. */
  readonly text: string
}

export type ParsedMoment = { ok: true; moment: WrittenMoment } | { ok: false; reason: string }

const DATE_PART = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/
const TIME_PART = /^(\d{1,2})[:：](\d{2})$/
// FAW-VW 任务委托书: "24小时制" — a 12-hour marker means the time is ambiguous on paper.
const TWELVE_HOUR_MARKERS = /上午|下午|中午|晚上|早上|凌晨|傍晚|[AaPp]\.?[Mm]\.?/
// The DMS prints 1900/00/00 when no date was entered; it is a placeholder, never a real date.
const PLACEHOLDER_YEAR_BEFORE = 1950

export function isRealDate(year: number, month: number, day: number): boolean {
  // Stryker disable next-line ConditionalExpression,LogicalOperator: the round trip below also refuses these; each check alone is redundant
  if (month < 1 || month > 12 || day < 1) return false
  const date = new Date(Date.UTC(year, month - 1, day))
  // Stryker disable next-line ConditionalExpression,LogicalOperator: with month 1–12 and day ≥ 1 an impossible date rolls over to another day of the month, so the day alone decides; each part is redundant
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

function parseDatePart(text: string): { ok: true; date: string } | { ok: false; reason: string } {
  const match = DATE_PART.exec(text)
  if (!match) return { ok: false, reason: `“${text}”不是日期，应写作 年-月-日，如 2026-03-05` }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (year < PLACEHOLDER_YEAR_BEFORE)
    return { ok: false, reason: `“${text}”是系统占位日期（如 1900/00/00），不是真实日期` }
  if (!isRealDate(year, month, day)) return { ok: false, reason: `“${text}”不是有效日期` }
  return { ok: true, date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` }
}

function parseTimePart(text: string): { ok: true; minutes: number } | { ok: false; reason: string } {
  if (TWELVE_HOUR_MARKERS.test(text)) return { ok: false, reason: `“${text}”未使用24小时制` }
  const match = TIME_PART.exec(text)
  if (!match) return { ok: false, reason: `“${text}”不是时间，应写作 时:分（24小时制），如 14:30` }
  const [hours, minutes] = [Number(match[1]), Number(match[2])]
  if (hours > 23 || minutes > 59) return { ok: false, reason: `“${text}”不是有效的24小时制时间` }
  return { ok: true, minutes: hours * 60 + minutes }
}

/** A date, a time, or both ('2026-03-05 14:30', '2026/3/5', '14:30'); 12-hour times are refused. */
export function parseWrittenMoment(input: string): ParsedMoment {
  const text = input.trim().replace(/\s+/g, ' ')
  if (text === '') return { ok: false, reason: '未填写' }
  const parts = text.replace(/(\d)T(\d)/, '$1 $2').split(' ')
  const datePart = parts.find((part) => /[-/.年]/.test(part) && !/[:：]/.test(part))
  const timeParts = parts.filter((part) => part !== datePart)
  const timeText = timeParts.join(' ')
  let date: string | null = null
  if (datePart !== undefined) {
    const parsed = parseDatePart(datePart)
    if (!parsed.ok) return parsed
    date = parsed.date
  }
  let minutes: number | null = null
  if (timeText !== '') {
    const parsed = parseTimePart(timeText)
    if (!parsed.ok) return parsed
    minutes = parsed.minutes
  }
  return { ok: true, moment: { date, minutes, text } }
}

/** A date only ('2026-03-05', '2026/3/5', '2026年3月5日'). */
export function parseWrittenDate(input: string): { ok: true; date: string } | { ok: false; reason: string } {
  const text = input.trim()
  if (text === '') return { ok: false, reason: '未填写' }
  return parseDatePart(text)
}

/** Days since 1970-01-01 for a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number)
  return Math.round(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) / 86_400_000)
}

/** ISO weekday of a YYYY-MM-DD date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1
}

export function minutesSinceEpoch(date: string, minutes: number): number {
  return dayNumber(date) * 1440 + minutes
}

export function formatMinutesOfDay(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/** 'HH:mm' (24-hour) → minutes since midnight, for policy parameters. */
export function parseClockTime(text: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text)
  return match ? Number(match[1]) * 60 + Number(match[2]) : null
}

export const CLOCK_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/
