import { problem, type ValidationProblem } from '../validation'

// Electronic archives need a user name and password (SVW-Skoda 二.4 「电子档案应设置相应的用户名和密码」);
// the rules themselves (not a name, birthday or sequence; changed at least monthly; lock-out) come from
// the dealership's 《密码与权限管理制度》, not from the archive texts; PIPL art. 51 asks for access control.

/** Where the password rules come from, cited wherever they are shown. */
export const PASSWORD_POLICY_SOURCES: readonly string[] = [
  '《密码与权限管理制度》',
  '上汽大众斯柯达 二.4（电子档案应设置相应的用户名和密码）'
]

export interface PasswordPolicy {
  minLength: number
  /** Days after which the operator is reminded to change it. */
  maxAgeDays: number
  /** Failed logins in a row before the account is locked. */
  maxFailedAttempts: number
  lockMinutes: number
  /** Minutes without input before the screen locks. */
  idleLockMinutes: number
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 8,
  maxAgeDays: 30,
  maxFailedAttempts: 5,
  lockMinutes: 15,
  idleLockMinutes: 10
}

export interface PasswordContext {
  username: string
  /** The person's name as on the staff record, e.g. 张丽. */
  personName: string
  /** Birth date YYYY-MM-DD when known. */
  birthDate?: string | null
  /** Pinyin or other spellings of the name people tend to use, e.g. zhangli. */
  nameSpellings?: readonly string[]
}

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', '1234567890', '0987654321']

function hasSequence(text: string, length = 4): boolean {
  const lower = text.toLowerCase()
  for (let i = 0; i + length <= lower.length; i++) {
    const run = lower.slice(i, i + length)
    const codes = [...run].map((c) => c.charCodeAt(0))
    const steps = codes.slice(1).map((c, k) => c - codes[k]!)
    if (steps.every((s) => s === 1) || steps.every((s) => s === -1) || steps.every((s) => s === 0)) return true
    if (KEYBOARD_ROWS.some((row) => row.includes(run))) return true
  }
  return false
}

function birthdayForms(birthDate: string): string[] {
  const [y, m, d] = birthDate.split('-') as [string, string, string]
  return [`${y}${m}${d}`, `${y.slice(2)}${m}${d}`, `${m}${d}${y}`, `${d}${m}${y}`, `${m}${d}`]
}

/** Every rule the password breaks, as codes with parameters and Chinese sentences; empty means acceptable. */
export function passwordRuleBreaches(
  password: string,
  ctx: PasswordContext,
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY
): ValidationProblem[] {
  const breaches: ValidationProblem[] = []
  const lower = password.toLowerCase()
  if (password.length < policy.minLength)
    breaches.push(problem('PASSWORD_TOO_SHORT', { minLength: String(policy.minLength) }))
  if (!/[a-zA-Z]/.test(password) || !/\d/.test(password)) breaches.push(problem('PASSWORD_LETTERS_AND_DIGITS'))
  if (/\s/.test(password)) breaches.push(problem('PASSWORD_SPACES'))
  if (hasSequence(password)) breaches.push(problem('PASSWORD_SEQUENCE'))
  const username = ctx.username.trim().toLowerCase()
  if (username.length >= 3 && lower.includes(username)) breaches.push(problem('PASSWORD_HAS_USERNAME'))
  const names = [ctx.personName, ...(ctx.nameSpellings ?? [])]
    .map((n) => n.trim().toLowerCase())
    .filter((n) => n.length >= 2)
  if (names.some((n) => lower.includes(n))) breaches.push(problem('PASSWORD_HAS_NAME'))
  if (ctx.birthDate && birthdayForms(ctx.birthDate).some((b) => password.includes(b)))
    breaches.push(problem('PASSWORD_HAS_BIRTHDAY'))
  return breaches
}

/** Every rule the password breaks, as Chinese sentences; an empty list means it is acceptable. */
export function passwordProblems(
  password: string,
  ctx: PasswordContext,
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY
): string[] {
  return passwordRuleBreaches(password, ctx, policy).map((breach) => breach.reason)
}

/** Days since the password was set, and whether the operator must be reminded to change it. */
export function passwordAge(
  changedAt: string,
  now: Date,
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY
): { days: number; expired: boolean } {
  const days = Math.floor((now.getTime() - new Date(changedAt).getTime()) / 86_400_000)
  return { days, expired: days >= policy.maxAgeDays }
}

/** After a failed login: the new failure count and, once the limit is reached, until when the account is locked. */
export function afterFailedLogin(
  failedAttempts: number,
  now: Date,
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY
): { failedAttempts: number; lockedUntil: string | null } {
  const count = failedAttempts + 1
  if (count < policy.maxFailedAttempts) return { failedAttempts: count, lockedUntil: null }
  return { failedAttempts: count, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString() }
}
