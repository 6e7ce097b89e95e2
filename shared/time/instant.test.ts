import { describe, expect, it } from 'vitest'
import { chinaInstantAt, parseInstant } from '.'

describe('parseInstant: an ISO instant with its offset', () => {
  it('reads China time, UTC and a western offset as the same moment', () => {
    const utc = Date.UTC(2026, 9, 8, 1, 15)
    expect(parseInstant('2026-10-08T09:15+08:00')).toBe(utc)
    expect(parseInstant('2026-10-08T01:15Z')).toBe(utc)
    expect(parseInstant('2026-10-07T20:15-05:00')).toBe(utc)
    expect(parseInstant('2026-10-08T06:45+05:30')).toBe(utc)
    expect(parseInstant('2026-10-07T19:45-05:30')).toBe(utc)
  })

  it('keeps seconds and milliseconds, so a deadline to the second is kept', () => {
    expect(parseInstant('2026-10-08T09:15:42+08:00')).toBe(Date.UTC(2026, 9, 8, 1, 15, 42))
    expect(parseInstant('2026-10-08T09:15:42.5+08:00')).toBe(Date.UTC(2026, 9, 8, 1, 15, 42, 500))
    expect(parseInstant('2026-10-08T09:15:42.123456789Z')).toBe(Date.UTC(2026, 9, 8, 9, 15, 42, 123))
  })

  it('accepts the largest real offsets and refuses larger ones', () => {
    expect(parseInstant('2026-10-08T14:00+14:00')).toBe(Date.UTC(2026, 9, 8, 0, 0))
    expect(parseInstant('2026-10-08T00:59+00:59')).toBe(Date.UTC(2026, 9, 8, 0, 0))
    expect(() => parseInstant('2026-10-08T09:15+15:00')).toThrow(RangeError)
    expect(() => parseInstant('2026-10-08T09:15+08:60')).toThrow(RangeError)
  })

  it('refuses an instant without offset, an impossible date and what is not text', () => {
    expect(() => parseInstant('2026-10-08T09:15:00')).toThrow(
      'Expected an ISO instant with offset, e.g. 2026-10-08T09:15:00+08:00, got "2026-10-08T09:15:00"'
    )
    expect(() => parseInstant('2026-02-30T09:15+08:00')).toThrow(
      'Expected an ISO instant with offset, e.g. 2026-10-08T09:15:00+08:00, got "2026-02-30T09:15+08:00"'
    )
    expect(() => parseInstant('2026-10-08T24:00+08:00')).toThrow(RangeError)
    expect(() => parseInstant(20261008 as unknown as string)).toThrow(RangeError)
  })
})

describe('chinaInstantAt', () => {
  it('writes the China wall-clock time with its +08:00 offset', () => {
    expect(chinaInstantAt('2026-10-08', '17:30')).toBe('2026-10-08T17:30:00+08:00')
  })
})
