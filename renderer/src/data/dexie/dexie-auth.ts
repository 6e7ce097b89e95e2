import type { Actor } from '@shared/model/sync-meta'
import { DomainError } from '@shared/model/domain-error'
import type { Account, Operator, StaffMember } from '@shared/operators/operator'
import type { PasswordPolicy } from '@shared/operators/password-policy'
import { afterFailedLogin, DEFAULT_PASSWORD_POLICY, passwordAge, passwordProblems } from '@shared/operators/password-policy'
import { DEFAULT_DEALERSHIP_SETTINGS, dealershipNameSchema } from '@shared/settings/dealership-settings'
import { chinaClock } from '@shared/dates/china-time'
import { hashPassword, verifyPassword } from '../../security/password-hash'
import type { Session } from '../session'
import { actorOf } from '../session'
import type { ChedangDatabase } from './database'
import { appendAuditEvent, recordAuditEvent } from './audit-writer'
import { checkNewOperator, insertOperator } from './dexie-operators'
import { readDealershipSettings, writeSetting } from './dexie-settings'

export interface FirstStartInput {
  dealershipName: string
  name: string
  username: string
  password: string
}

export interface LoginResult {
  session: Session
  /** The password is older than the policy allows: the operator is asked to change it. */
  passwordExpired: boolean
}

function operatorOf(account: Account, staff: StaffMember): Operator {
  return { accountId: account.id, staffId: staff.id, username: account.username, name: staff.name, role: staff.role, department: staff.department }
}

/** Logging in, first start, locking and password changes: the part of the data layer used before a session exists. */
export class DexieAuth {
  constructor(
    private readonly db: ChedangDatabase,
    private readonly deviceId: string,
    private readonly options: { now?: () => Date; iterations?: number; policy?: PasswordPolicy } = {}
  ) {}

  /** This device's id, as every audit event from it carries. */
  get deviceIdentity(): string {
    return this.deviceId
  }

  private now(): Date {
    return this.options.now?.() ?? new Date()
  }

  private get policy(): PasswordPolicy {
    return this.options.policy ?? DEFAULT_PASSWORD_POLICY
  }

  async needsSetup(): Promise<boolean> {
    return (await this.db.accounts.count()) === 0
  }

  /** First start: the customer-care director's account, who then creates everyone else's. */
  async setup(input: FirstStartInput): Promise<Session> {
    const checked = checkNewOperator({ ...input, role: 'cc_director', department: 'customer_care', phone: '' })
    if (!checked.ok) throw new DomainError('OPERATOR_INVALID', checked.message, { field: checked.field })
    const named = dealershipNameSchema.safeParse(input.dealershipName)
    if (!named.success) throw new DomainError('SETTINGS_INVALID', named.error.issues[0]!.message, { field: 'dealershipName' })
    const dealershipName = named.data
    const passwordHash = await hashPassword(input.password, this.options.iterations)
    const at = this.now().toISOString()
    const { db } = this
    const accountId = crypto.randomUUID()
    const actor: Actor = { operatorId: accountId, operatorName: checked.value.name, deviceId: this.deviceId }
    const operator = await db.transaction('rw', [db.accounts, db.staff, db.settings, db.auditEvents, db.counters], async () => {
      if ((await db.accounts.count()) > 0) throw new DomainError('SETUP_DONE', '系统已经设置过，请用已有账号登录')
      // The first account signs its own creation.
      const { staff, account } = await insertOperator(db, actor, { ...input, role: 'cc_director', department: 'customer_care', phone: '' }, checked.value, passwordHash, at, accountId)
      const current = await readDealershipSettings(db)
      await writeSetting(db, actor, 'dealership', { ...DEFAULT_DEALERSHIP_SETTINGS, ...current, dealershipName }, { action: 'setting.change', changes: { dealershipName: [current.dealershipName, dealershipName] }, summary: '首次设置经销商' }, at)
      return operatorOf(account, staff)
    })
    const session = { operator, deviceId: this.deviceId }
    await recordAuditEvent(db, actorOf(session), { action: 'login', entity: 'account', entityId: operator.accountId, changes: {}, summary: `${operator.name} 登录（首次设置）` })
    return session
  }

  async login(username: string, password: string): Promise<LoginResult> {
    const name = username.trim().toLowerCase()
    const { db } = this
    const now = this.now()
    const account = await db.accounts.where('username').equals(name).first()
    const staff = account && (await db.staff.get(account.staffId))
    const refuse = async (reason: string) => {
      await recordAuditEvent(db, { operatorId: account?.id ?? 'unknown', operatorName: staff?.name ?? name, deviceId: this.deviceId }, {
        action: 'login.failed', entity: 'account', entityId: account?.id ?? name, changes: { username: name, reason }, summary: `登录失败：${name}（${reason}）`
      }, now.toISOString())
    }
    if (!account || !staff) {
      await refuse('用户名不存在')
      throw new DomainError('LOGIN_FAILED', '用户名或密码不正确')
    }
    if (account.disabled || !staff.active) {
      await refuse('账号已停用')
      throw new DomainError('ACCOUNT_DISABLED', '该账号已停用，请联系客户总监')
    }
    if (account.lockedUntil && account.lockedUntil > now.toISOString()) {
      await refuse('账号已锁定')
      throw new DomainError('ACCOUNT_LOCKED', `密码连续输错 ${this.policy.maxFailedAttempts} 次，账号已锁定，请于 ${chinaClock(account.lockedUntil)} 后再试或联系客户总监解锁`)
    }
    if (!(await verifyPassword(password, account.passwordHash))) {
      const next = afterFailedLogin(account.failedAttempts, now, this.policy)
      // The failure count and its audit event are one change.
      await db.transaction('rw', [db.accounts, db.auditEvents, db.counters], async () => {
        await db.accounts.update(account.id, { ...next, updatedAt: now.toISOString(), rev: account.rev + 1 })
        await refuse(`密码错误，第 ${next.failedAttempts} 次`)
      })
      if (next.lockedUntil) throw new DomainError('ACCOUNT_LOCKED', `密码连续输错 ${this.policy.maxFailedAttempts} 次，账号已锁定 ${this.policy.lockMinutes} 分钟`)
      const left = this.policy.maxFailedAttempts - next.failedAttempts
      throw new DomainError('LOGIN_FAILED', `用户名或密码不正确（再错 ${left} 次将锁定账号）`)
    }
    const session: Session = { operator: operatorOf(account, staff), deviceId: this.deviceId }
    await db.transaction('rw', [db.accounts, db.auditEvents, db.counters], async () => {
      const cleared = account.failedAttempts > 0 || account.lockedUntil !== null
      if (cleared) await db.accounts.update(account.id, { failedAttempts: 0, lockedUntil: null, updatedAt: now.toISOString(), rev: account.rev + 1 })
      await appendAuditEvent(db, actorOf(session), {
        action: 'login', entity: 'account', entityId: account.id,
        changes: cleared ? { failedAttempts: [account.failedAttempts, 0] } : {}, summary: `${staff.name} 登录`
      }, now.toISOString())
    })
    return { session, passwordExpired: passwordAge(account.passwordChangedAt, now, this.policy).expired }
  }

  /** The idle lock is lifted only by the same operator's password. */
  async unlock(session: Session, password: string): Promise<void> {
    const account = await this.db.accounts.get(session.operator.accountId)
    if (!account || !(await verifyPassword(password, account.passwordHash))) {
      await recordAuditEvent(this.db, actorOf(session), { action: 'login.failed', entity: 'account', entityId: session.operator.accountId, changes: { reason: '解锁密码错误' }, summary: `${session.operator.name} 解锁失败` })
      throw new DomainError('LOGIN_FAILED', '密码不正确')
    }
    await recordAuditEvent(this.db, actorOf(session), { action: 'unlock', entity: 'account', entityId: account.id, changes: {}, summary: `${session.operator.name} 解锁` })
  }

  async lock(session: Session): Promise<void> {
    await recordAuditEvent(this.db, actorOf(session), { action: 'lock', entity: 'account', entityId: session.operator.accountId, changes: {}, summary: `${session.operator.name} 离开，屏幕已锁定` })
  }

  async logout(session: Session): Promise<void> {
    await recordAuditEvent(this.db, actorOf(session), { action: 'logout', entity: 'account', entityId: session.operator.accountId, changes: {}, summary: `${session.operator.name} 退出` })
  }

  async changePassword(session: Session, current: string, next: string): Promise<void> {
    const { db } = this
    const account = await db.accounts.get(session.operator.accountId)
    if (!account || !(await verifyPassword(current, account.passwordHash))) throw new DomainError('PASSWORD_WRONG', '当前密码不正确', { field: 'current' })
    if (current === next) throw new DomainError('PASSWORD_SAME', '新密码不能与当前密码相同', { field: 'next' })
    const problems = passwordProblems(next, { username: account.username, personName: session.operator.name }, this.policy)
    if (problems.length > 0) throw new DomainError('PASSWORD_WEAK', problems.join('；'), { field: 'next' })
    const passwordHash = await hashPassword(next, this.options.iterations)
    const at = this.now().toISOString()
    await db.transaction('rw', [db.accounts, db.auditEvents, db.counters], async () => {
      await db.accounts.update(account.id, { passwordHash, passwordChangedAt: at, updatedAt: at, updatedBy: account.id, rev: account.rev + 1 })
      await appendAuditEvent(db, actorOf(session), { action: 'password.change', entity: 'account', entityId: account.id, changes: {}, summary: `${session.operator.name} 修改密码` }, at)
    })
  }
}
