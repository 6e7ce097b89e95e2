import type { SyncMeta } from '../model/sync-meta'
import type { Department, Role } from './roles'
import type { Language } from './language'

/** 员工: a person the archive deals with (hands files over, is fined, signs); may or may not log in. */
export interface StaffMember extends SyncMeta {
  name: string
  department: Department
  role: Role
  phone: string | null
  active: boolean
}

/** 账号: one per person, never shared; the password only as a salted slow hash. */
export interface Account extends SyncMeta {
  staffId: string
  username: string
  passwordHash: string
  passwordChangedAt: string
  failedAttempts: number
  lockedUntil: string | null
  disabled: boolean
  /** The language the operator chose for the app; zh-CN when never chosen. */
  language?: Language
}

/** The logged-in operator as the data layer sees it. */
export interface Operator {
  accountId: string
  staffId: string
  username: string
  name: string
  role: Role
  department: Department
  /** The app's language for this operator, applied at login. */
  language?: Language
}

export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{2,31}$/
