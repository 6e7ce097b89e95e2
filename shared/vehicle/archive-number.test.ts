import { describe, expect, it } from 'vitest'
import {
  archiveNoSequenceScope,
  formatArchiveNo,
  parseArchiveNoSequence,
  validateArchiveNoPattern
} from './archive-number'

describe('archive numbers from the dealership pattern', () => {
  const sold = { date: '2026-11-22', origin: 'sold_here' as const }
  const serviced = { date: '2026-11-22', origin: 'serviced_only' as const }

  it('prints the default pattern with origin code, year and a zero-padded sequence', () => {
    expect(formatArchiveNo('{ORIGIN}{YYYY}-{SEQ:5}', sold, 1)).toBe('XS2026-00001')
    expect(formatArchiveNo('{ORIGIN}{YYYY}-{SEQ:5}', serviced, 123)).toBe('WX2026-00123')
    expect(formatArchiveNo('CC{YY}{MM}{DD}/{SEQ:3}', sold, 7)).toBe('CC261122/007')
  })

  it('counts the sequence within what the pattern prints before it', () => {
    expect(archiveNoSequenceScope('{ORIGIN}{YYYY}-{SEQ:5}', sold)).toBe('XS2026-#')
    expect(archiveNoSequenceScope('{ORIGIN}{YYYY}-{SEQ:5}', { ...sold, date: '2027-01-01' })).toBe('XS2027-#')
    expect(archiveNoSequenceScope('A{SEQ:6}', serviced)).toBe('A#')
  })

  it('refuses a sequence that no longer fits its width', () => {
    expect(() => formatArchiveNo('{SEQ:3}', sold, 1000)).toThrow(/超过 3 位/)
  })

  it('reads the sequence back from a number that follows the pattern', () => {
    expect(parseArchiveNoSequence('{ORIGIN}{YYYY}-{SEQ:5}', sold, 'XS2026-00042')).toBe(42)
    expect(parseArchiveNoSequence('{ORIGIN}{YYYY}-{SEQ:5}', sold, 'WX2026-00042')).toBeNull()
    expect(parseArchiveNoSequence('{ORIGIN}{YYYY}-{SEQ:5}', sold, 'XS2026-A0042')).toBeNull()
  })

  it('validates patterns with a reason a director understands', () => {
    expect(validateArchiveNoPattern('{ORIGIN}{YYYY}-{SEQ:5}')).toEqual({ ok: true })
    expect(validateArchiveNoPattern('XS{YYYY}')).toMatchObject({ ok: false, reason: expect.stringContaining('流水号') })
    expect(validateArchiveNoPattern('{SEQ:3}{SEQ:4}')).toMatchObject({ ok: false })
    expect(validateArchiveNoPattern('{SEQ:2}')).toMatchObject({ ok: false, reason: expect.stringContaining('3–8') })
    expect(validateArchiveNoPattern('{YEAR}{SEQ:5}')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('无法识别')
    })
    expect(validateArchiveNoPattern('档案{SEQ:5}')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('大写字母')
    })
  })
})
