import { formatMinutesOfDay } from '../written-date-time'
import type { WrittenMoment } from '../written-date-time'

// How rules print a date/time in messages: 2026-03-05 10:00.

export function formatMoment(moment: WrittenMoment): string {
  const parts = [moment.date, moment.minutes === null ? null : formatMinutesOfDay(moment.minutes)]
  return parts.filter((part) => part !== null).join(' ')
}

/** 49 小时, 24 小时 1 分钟, 35 分钟. */
export function formatDuration(totalMinutes: number): string {
  const hours = Math.floor(totalMinutes / 60)
  const minutes = totalMinutes % 60
  if (hours === 0) return `${minutes} 分钟`
  return minutes === 0 ? `${hours} 小时` : `${hours} 小时 ${minutes} 分钟`
}
