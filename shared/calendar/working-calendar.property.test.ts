import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { createWorkingCalendar } from './working-calendar'
import type { CalendarOverride } from './calendar-override'
import { fromDayNumber, toDayNumber } from './day-number'

// Dates from 2024 to 2028, so runs cross published years, the 2026→2027 edge and estimated years.
const isoDate = fc.integer({ min: toDayNumber('2024-01-01'), max: toDayNumber('2028-06-30') }).map(fromDayNumber)
const overrides = fc.uniqueArray(
  fc.record({
    date: isoDate,
    kind: fc.constantFrom<CalendarOverride['kind']>('open', 'closed'),
    note: fc.constant('值班')
  }),
  { selector: (override) => override.date, maxLength: 30 }
)

describe('addWorkingDays laws, with and without dealership overrides', () => {
  it('n ≥ 1: lands on a working day strictly after the date, exactly n working days on', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 60 }), overrides, (date, n, list) => {
        for (const calendar of [createWorkingCalendar(), createWorkingCalendar({ overrides: list })]) {
          const due = calendar.addWorkingDays(date, n)
          expect(calendar.isWorkingDay(due)).toBe(true)
          expect(due > date).toBe(true)
          expect(calendar.workingDaysBetween(date, due)).toBe(n)
        }
      })
    )
  })

  it('n ≤ -1: lands on a working day strictly before the date, and counts back to -n', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 60 }), overrides, (date, n, list) => {
        const calendar = createWorkingCalendar({ overrides: list })
        const earlier = calendar.addWorkingDays(date, -n)
        expect(calendar.isWorkingDay(earlier)).toBe(true)
        expect(earlier < date).toBe(true)
        expect(calendar.workingDaysBetween(date, earlier)).toBe(-n)
      })
    )
  })

  it('n = 0: the date itself when working, else the next working day', () => {
    fc.assert(
      fc.property(isoDate, overrides, (date, list) => {
        const calendar = createWorkingCalendar({ overrides: list })
        const rolled = calendar.addWorkingDays(date, 0)
        expect(rolled).toBe(calendar.isWorkingDay(date) ? date : calendar.nextWorkingDay(date))
      })
    )
  })

  it('a chain of single steps gives the same day as one jump', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 20 }), (date, n) => {
        const calendar = createWorkingCalendar()
        let stepped = date
        for (let i = 0; i < n; i++) stepped = calendar.nextWorkingDay(stepped)
        expect(stepped).toBe(calendar.addWorkingDays(date, n))
      })
    )
  })
})
