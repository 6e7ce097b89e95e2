import type { Account, Operator, StaffMember } from './operator'
import type { PasswordPolicy } from './password-policy'
import { DEFAULT_PASSWORD_POLICY, passwordAge } from './password-policy'

// Whether an open session may still act. A session is a promise made at login; the account behind it
// can be disabled, its role changed or its password reset since, and each of those ends the promise.

export type SessionStanding =
  | { kind: 'active' }
  /** The account was disabled, removed or given another role: the operator must log in again. */
  | { kind: 'ended'; reason: 'disabled' | 'roleChanged' }
  /** The password was set by the director or is older than the policy allows: change it first. */
  | { kind: 'mustChangePassword' }

/**
 * The password set or reset by the director is dated here, so that it counts as expired: the operator
 * must replace it with one only they know before anything else.
 */
export const PASSWORD_SET_BY_DIRECTOR_AT = '1970-01-01T00:00:00.000Z'

/** Whether the password must be changed before anything else: set by the director, or past its age. */
export function passwordMustChange(
  passwordChangedAt: string,
  now: Date,
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY
): boolean {
  return passwordAge(passwordChangedAt, now, policy).expired
}

/** Decides from the account and staff rows as they are now whether the session opened for `operator` may act. */
export function sessionStanding(
  operator: Pick<Operator, 'role'>,
  account: Pick<Account, 'disabled' | 'passwordChangedAt' | 'deletedAt'> | undefined,
  staff: Pick<StaffMember, 'active' | 'role' | 'deletedAt'> | undefined,
  now: Date,
  policy: PasswordPolicy = DEFAULT_PASSWORD_POLICY
): SessionStanding {
  if (!account || !staff || account.disabled || account.deletedAt || !staff.active || staff.deletedAt)
    return { kind: 'ended', reason: 'disabled' }
  if (staff.role !== operator.role) return { kind: 'ended', reason: 'roleChanged' }
  if (passwordMustChange(account.passwordChangedAt, now, policy)) return { kind: 'mustChangePassword' }
  return { kind: 'active' }
}
