// A wall-clock time 'HH:MM' (00:00–23:59), as minutes after midnight.

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/

/** Minutes after midnight for 'HH:MM'; anything else is a programming error. */
export function minutesOfTimeOfDay(time: string): number {
  const match = typeof time === 'string' ? HH_MM.exec(time) : null
  if (!match) throw new RangeError(`Expected a time of day HH:MM (00:00–23:59), got ${JSON.stringify(time)}`)
  return Number(match[1]) * 60 + Number(match[2])
}
