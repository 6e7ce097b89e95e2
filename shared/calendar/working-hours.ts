import { MS_PER_DAY } from './day-number'
import { CHINA_UTC_OFFSET_MS, parseInstant } from '../time'
import { minutesOfTimeOfDay } from './time-of-day'

// Only hours inside the workday window of working days count (China wall clock), so "1 working day" differs from "24 h".

/** The dealership's opening hours on a working day, China time, e.g. { start: '08:30', end: '17:30' }. */
export interface WorkingHours {
  start: string
  end: string
}

/** Working hours (fractional) from start to end; negative when end comes before start. */
export function workingHoursBetween(
  startInstant: string,
  endInstant: string,
  workday: WorkingHours,
  isWorkingDayNumber: (dayNumber: number) => boolean
): number {
  const opensAt = minutesOfTimeOfDay(workday.start) * 60_000
  const closesAt = minutesOfTimeOfDay(workday.end) * 60_000
  if (closesAt <= opensAt)
    throw new RangeError(`A workday must end after it starts, got ${workday.start}–${workday.end}`)
  const start = parseInstant(startInstant) + CHINA_UTC_OFFSET_MS
  const end = parseInstant(endInstant) + CHINA_UTC_OFFSET_MS
  // Stryker disable next-line EqualityOperator: equal instants give 0 hours either way
  const [from, to, sign] = start <= end ? [start, end, 1] : [end, start, -1]
  let workingMs = 0
  for (let day = Math.floor(from / MS_PER_DAY); day <= Math.floor(to / MS_PER_DAY); day++) {
    if (!isWorkingDayNumber(day)) continue
    const overlap = Math.min(to, day * MS_PER_DAY + closesAt) - Math.max(from, day * MS_PER_DAY + opensAt)
    // Stryker disable next-line EqualityOperator: adding an overlap of 0 changes nothing
    if (overlap > 0) workingMs += overlap
  }
  const hours = workingMs / 3_600_000
  // Stryker disable next-line EqualityOperator: sign is 1 or -1, never 0; hours > 0 keeps a zero from turning into -0 (tested)
  return sign < 0 && hours > 0 ? -hours : hours
}
