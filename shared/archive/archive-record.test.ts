import { describe, expect, it } from 'vitest'
import { readFailureCount } from './archive-record'

describe('how many items a round found nonconforming', () => {
  it('is none for an accepted round, whatever was kept, and the length of the stored list otherwise', () => {
    expect(readFailureCount({ verdict: 'accepted', failures: '[]' })).toBe(0)
    expect(
      readFailureCount({
        verdict: 'nonconforming',
        failures: JSON.stringify([{ itemId: 'a' }, { itemId: 'b' }, { itemId: 'c' }])
      })
    ).toBe(3)
  })

  it('refuses a stored value that is not a list instead of counting its characters', () => {
    expect(() => readFailureCount({ verdict: 'nonconforming', failures: '"两项"' })).toThrow(TypeError)
  })
})
