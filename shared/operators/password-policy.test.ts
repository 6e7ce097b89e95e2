import { describe, expect, it } from 'vitest'
import type { PasswordContext } from './password-policy'
import {
  afterFailedLogin,
  DEFAULT_PASSWORD_POLICY,
  PASSWORD_POLICY_SOURCES,
  passwordAge,
  passwordProblems
} from './password-policy'

const li: PasswordContext = { username: 'lixin', personName: '李欣', birthDate: '1990-07-15', nameSpellings: ['lixin'] }
const problems = (password: string, ctx: PasswordContext = li) => passwordProblems(password, ctx)

const SEQUENCE = '密码不能包含连续或重复的字符，如 1234、abcd、1111、qwer'

describe('passwordProblems', () => {
  it('accepts a password of letters and digits that breaks no rule', () => {
    expect(problems('Hq7w3nRz')).toEqual([])
  })

  it('accepts upper-case letters as letters', () => {
    expect(problems('HQ7W3NRZ')).toEqual([])
  })

  it('accepts pairs of neighbouring or repeated characters; only four in a row are refused', () => {
    expect(problems('Ab7mm21qz')).toEqual([])
    expect(problems('Hq123wRz')).toEqual([])
  })

  it('refuses 7 characters and accepts 8, by default', () => {
    expect(problems('Hq7w3nR')).toEqual(['密码至少 8 位'])
    expect(problems('Hq7w3nRz')).toEqual([])
  })

  it('counts the minimum length from the policy', () => {
    expect(passwordProblems('Hq7w3nRz', li, { ...DEFAULT_PASSWORD_POLICY, minLength: 10 })).toEqual(['密码至少 10 位'])
  })

  it('refuses letters only and digits only', () => {
    expect(problems('Hqkwsnrz')).toEqual(['密码须同时包含字母和数字'])
    expect(problems('93816205')).toEqual(['密码须同时包含字母和数字'])
  })

  it('refuses spaces', () => {
    expect(problems('Hq7w 3nRz')).toEqual(['密码不能包含空格'])
  })

  it('refuses four ascending, descending or repeated characters, in any case and at any place', () => {
    for (const password of ['1234Hq7w', 'Hq7w4321', 'Hq7wabcd', 'HQ7WDCBA', 'Hq1111wz', 'Hq7wZZZZ']) {
      expect(problems(password), password).toEqual([SEQUENCE])
    }
  })

  it('refuses four keys in a row of the keyboard', () => {
    for (const password of ['Qwer7h3z', 'h7Asdf3z', 'h7z3Zxcv', 'h7z0987q']) {
      expect(problems(password), password).toEqual([SEQUENCE])
    }
  })

  it('refuses the user name, whatever its case and surrounding spaces', () => {
    expect(problems('Hq7LiXin3', { ...li, username: ' LIXIN ', nameSpellings: [] })).toEqual(['密码不能包含用户名'])
  })

  it('does not treat a user name shorter than 3 characters as a word to avoid', () => {
    expect(problems('Hq7wli3nz', { username: 'li', personName: '李欣' })).toEqual([])
    expect(problems('Hq7wlix3nz', { username: 'lix', personName: '李欣' })).toEqual(['密码不能包含用户名'])
  })

  it('refuses the person’s name in Chinese characters or a usual spelling', () => {
    expect(problems('Hq7w李欣3z', { username: 'staff01', personName: '李欣' })).toEqual(['密码不能包含本人姓名'])
    expect(problems('Hq7LiXin3', { username: 'staff01', personName: '李欣', nameSpellings: [' LiXin '] })).toEqual([
      '密码不能包含本人姓名'
    ])
  })

  it('ignores spellings of one character, which would refuse almost anything', () => {
    expect(problems('Hq7w3nRz', { username: 'staff01', personName: '李欣', nameSpellings: ['q'] })).toEqual([])
  })

  it('refuses the birthday in each way people write it', () => {
    for (const form of ['19900715', '900715', '07151990', '15071990', '0715']) {
      expect(
        problems(`Hq${form}z`, { username: 'staff01', personName: '李欣', birthDate: '1990-07-15' }),
        form
      ).toContain('密码不能包含本人生日')
    }
    expect(problems('Hq0715wz', { username: 'staff01', personName: '李欣', birthDate: null })).toEqual([])
  })

  it('lists every rule a password breaks', () => {
    expect(problems('li xin')).toEqual(['密码至少 8 位', '密码须同时包含字母和数字', '密码不能包含空格'])
  })
})

describe('passwordAge', () => {
  const changedAt = '2026-10-01T08:00:00.000Z'

  it('asks for a change once 30 whole days have passed, not a minute before', () => {
    expect(passwordAge(changedAt, new Date('2026-10-31T07:59:00.000Z'))).toEqual({ days: 29, expired: false })
    expect(passwordAge(changedAt, new Date('2026-10-31T08:00:00.000Z'))).toEqual({ days: 30, expired: true })
  })

  it('uses the policy’s maximum age', () => {
    const policy = { ...DEFAULT_PASSWORD_POLICY, maxAgeDays: 90 }
    expect(passwordAge(changedAt, new Date('2026-12-01T08:00:00.000Z'), policy)).toEqual({ days: 61, expired: false })
  })
})

describe('afterFailedLogin', () => {
  const now = new Date('2026-11-29T09:30:00.000Z')

  it('counts the failures below the limit without locking', () => {
    expect(afterFailedLogin(0, now)).toEqual({ failedAttempts: 1, lockedUntil: null })
    expect(afterFailedLogin(3, now)).toEqual({ failedAttempts: 4, lockedUntil: null })
  })

  it('locks the account for 15 minutes on the fifth failure in a row', () => {
    expect(afterFailedLogin(4, now)).toEqual({ failedAttempts: 5, lockedUntil: '2026-11-29T09:45:00.000Z' })
  })

  it('follows the policy’s limit and lock time', () => {
    const policy = { ...DEFAULT_PASSWORD_POLICY, maxFailedAttempts: 3, lockMinutes: 30 }
    expect(afterFailedLogin(1, now, policy)).toEqual({ failedAttempts: 2, lockedUntil: null })
    expect(afterFailedLogin(2, now, policy)).toEqual({ failedAttempts: 3, lockedUntil: '2026-11-29T10:00:00.000Z' })
  })
})

describe('where the password rules come from', () => {
  it('cites 《密码与权限管理制度》, and SVW-Skoda 二.4 「电子档案应设置相应的用户名和密码」 for needing one at all', () => {
    expect(PASSWORD_POLICY_SOURCES[0]).toBe('《密码与权限管理制度》')
    expect(PASSWORD_POLICY_SOURCES.join('')).toContain('二.4')
    expect(PASSWORD_POLICY_SOURCES.join('')).not.toContain('客户信息管理制度')
  })
})
