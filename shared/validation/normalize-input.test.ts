import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { normalizeInput, toHalfWidth } from './normalize-input'

describe('toHalfWidth', () => {
  it('maps full-width digits, letters and punctuation onto ASCII', () => {
    expect(toHalfWidth('０１２３４５６７８９')).toBe('0123456789')
    expect(toHalfWidth('ＡＢＣｘｙｚ')).toBe('ABCxyz')
    expect(toHalfWidth('！（－）．～')).toBe('!(-).~')
  })

  it('turns the ideographic space into an ordinary space', () => {
    expect(toHalfWidth('张\u3000三')).toBe('张 三')
  })

  it('leaves Chinese characters and the Chinese middle dot alone', () => {
    expect(toHalfWidth('吉A·阿卜杜拉')).toBe('吉A·阿卜杜拉')
  })

  it('stops exactly at the ends of the full-width ASCII block (U+FF01–FF5E)', () => {
    expect(toHalfWidth('\uff01\uff5e')).toBe('!~')
    expect(toHalfWidth('\uff00\uff5f')).toBe('\uff00\uff5f')
  })
})

describe('normalizeInput', () => {
  it('removes every kind of whitespace, including stray inner spaces', () => {
    expect(normalizeInput(' LFV 2A21K\t8M4\u3000123456\n')).toBe('LFV2A21K8M4123456')
    expect(normalizeInput('138\u00a01234\u00a05678')).toBe('13812345678')
  })

  it('removes zero-width characters that come with text pasted from web pages', () => {
    expect(normalizeInput('\ufeff1381234\u200b5678')).toBe('13812345678')
  })

  it('does not change case (each validator decides)', () => {
    expect(normalizeInput('ｌｆｖ')).toBe('lfv')
  })

  it('returns the empty string for blank input', () => {
    expect(normalizeInput(' \u3000\t ')).toBe('')
  })

  it('is idempotent and never leaves whitespace or full-width ASCII behind', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const once = normalizeInput(text)
        expect(normalizeInput(once)).toBe(once)
        expect(once).not.toMatch(/[\s\uff01-\uff5e]/)
      })
    )
  })
})
