import { describe, expect, it } from 'vitest'
import { USERNAME_PATTERN } from './operator'

describe('USERNAME_PATTERN: login names', () => {
  it('accepts lower-case names of 3 to 32 characters that start with a letter', () => {
    for (const name of ['zhangli', 'li.xin', 'wang_2', 'a-b', 'abc', `a${'b'.repeat(31)}`])
      expect(USERNAME_PATTERN.test(name), name).toBe(true)
  })

  it('refuses names that are too short or too long, start with a digit, or hold other characters anywhere', () => {
    for (const name of [
      'ab',
      `a${'b'.repeat(32)}`,
      '2zhang',
      '.zhang',
      'Zhangli',
      'zhang li',
      '张丽',
      'zhangli!',
      ' zhangli',
      'zhang@li'
    ]) {
      expect(USERNAME_PATTERN.test(name), name).toBe(false)
    }
  })
})
