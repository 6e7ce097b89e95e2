import type { Actor } from '@shared/model/sync-meta'
import { DomainError } from '@shared/model/domain-error'
import type { Account, Operator, StaffMember } from '@shared/operators/operator'
import { DEFAULT_LANGUAGE, isLanguage } from '@shared/operators/language'
import type { PasswordPolicy } from '@shared/operators/password-policy'
import { afterFailedLogin, DEFAULT_PASSWORD_POLICY, passwordRuleBreaches } from '@shared/operators/password-policy'
import { issueDetails, problemDetails } from '@shared/validation'
import { passwordMustChange, sessionStanding } from '@shared/operators/session-standing'
import {
  DEFAULT_DEALERSHIP_SETTINGS,
  dealershipNameSchema,
  dealershipSettingsDocument
} from '@shared/settings/dealership-settings'
import { SETTING_KEYS } from '@shared/settings/stored-settings'
import { chinaClock } from '@shared/time'
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

/** How the screen was locked: after the policy's idle minutes, or by the operator (Ctrl+L, 锁屏). */
export type LockReason = 'idle' | 'manual'

export interface LoginResult {
  session: Session
  /** The password was set by the director or is older than the policy allows: it must be changed before anything else. */
  passwordExpired: boolean
}

function operatorOf(account: Account, staff: StaffMember): Operator {
  return {
    accountId: account.id,
    staffId: staff.id,
    username: account.username,
    name: staff.name,
    role: staff.role,
    department: staff.department,
    language: account.language ?? DEFAULT_LANGUAGE
  }
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
    if (!checked.ok)
      throw new DomainError('OPERATOR_INVALID', checked.message, { field: checked.field, ...checked.details })
    const named = dealershipNameSchema.safeParse(input.dealershipName)
    if (!named.success)
      throw new DomainError('SETTINGS_INVALID', named.error.issues[0]!.message, {
        field: 'dealershipName',
        ...issueDetails(named.error.issues[0]!)
      })
    const dealershipName = named.data
    const passwordHash = await hashPassword(input.password, this.options.iterations)
    const at = this.now().toISOString()
    const { db } = this
    const accountId = crypto.randomUUID()
    const actor: Actor = { operatorId: accountId, operatorName: checked.value.name, deviceId: this.deviceId }
    const operator = await db.transaction(
      'rw',
      [db.accounts, db.staff, db.settings, db.auditEvents, db.counters],
      async () => {
        if ((await db.accounts.count()) > 0) throw new DomainError('SETUP_DONE', '系统已经设置过，请用已有账号登录')
        // The first account signs its own creation.
        const { staff, account } = await insertOperator(
          db,
          actor,
          { ...input, role: 'cc_director', department: 'customer_care', phone: '' },
          checked.value,
          passwordHash,
          at,
          accountId
        )
        const current = await readDealershipSettings(db)
        await writeSetting(
          db,
          actor,
          SETTING_KEYS.dealership,
          dealershipSettingsDocument.write({ ...DEFAULT_DEALERSHIP_SETTINGS, ...current, dealershipName }),
          {
            action: 'setting.change',
            changes: { dealershipName: [current.dealershipName, dealershipName] },
            summary: '首次设置经销商'
          },
          at
        )
        return operatorOf(account, staff)
      }
    )
    const session = { operator, deviceId: this.deviceId }
    await recordAuditEvent(db, actorOf(session), {
      action: 'login',
      entity: 'account',
      entityId: operator.accountId,
      changes: {},
      summary: `${operator.name} 登录（首次设置）`
    })
    return session
  }

  /**
   * A hash of a random password at this device's cost, checked when the user name is unknown: an
   * unknown name then takes the same work and gets the same answer as a wrong password.
   */
  private dummyHash: Promise<string> | null = null

  private unknownAccountHash(): Promise<string> {
    this.dummyHash ??= hashPassword(crypto.randomUUID(), this.options.iterations)
    return this.dummyHash
  }

  private wrongPasswordError(): DomainError {
    // One sentence for an unknown name and a wrong password alike, so names cannot be told apart.
    return new DomainError(
      'LOGIN_FAILED',
      `用户名或密码不正确。同一账号连续输错 ${this.policy.maxFailedAttempts} 次将锁定 ${this.policy.lockMinutes} 分钟。`,
      this.lockoutDetails()
    )
  }

  private lockoutDetails(): Record<string, string> {
    return { maxFailedAttempts: String(this.policy.maxFailedAttempts), lockMinutes: String(this.policy.lockMinutes) }
  }

  private lockedError(lockedUntil: string): DomainError {
    return new DomainError(
      'ACCOUNT_LOCKED',
      `密码连续输错 ${this.policy.maxFailedAttempts} 次，账号已锁定，请于 ${chinaClock(lockedUntil)} 后再试或联系客户总监解锁`,
      { lockedUntil, until: chinaClock(lockedUntil), maxFailedAttempts: String(this.policy.maxFailedAttempts) }
    )
  }

  /**
   * Counts one wrong password: the count is read and written inside the transaction, so attempts sent
   * at once are each counted. Returns the refusal to throw.
   */
  private async countFailure(accountId: string, actor: Actor, what: string, now: Date): Promise<DomainError> {
    const { db } = this
    const at = now.toISOString()
    const next = await db.transaction('rw', [db.accounts, db.auditEvents, db.counters], async () => {
      const current = await db.accounts.get(accountId)
      if (!current) return null
      const counted = afterFailedLogin(current.failedAttempts, now, this.policy)
      await db.accounts.update(accountId, { ...counted, updatedAt: at, rev: current.rev + 1 })
      await appendAuditEvent(
        db,
        actor,
        {
          action: 'login.failed',
          entity: 'account',
          entityId: accountId,
          changes: { username: current.username, reason: `${what}，第 ${counted.failedAttempts} 次` },
          summary: `${what}：${current.username}（第 ${counted.failedAttempts} 次）`
        },
        at
      )
      return counted
    })
    return next?.lockedUntil ? this.lockedError(next.lockedUntil) : this.wrongPasswordError()
  }

  /** A login or unlock that succeeded: the failure count starts again, in one transaction with its audit event. */
  private async recordEntry(
    session: Session,
    accountId: string,
    action: 'login' | 'unlock',
    summary: string,
    now: Date
  ): Promise<void> {
    const { db } = this
    await db.transaction('rw', [db.accounts, db.auditEvents, db.counters], async () => {
      const current = await db.accounts.get(accountId)
      const cleared = !!current && (current.failedAttempts > 0 || current.lockedUntil !== null)
      if (current && cleared)
        await db.accounts.update(accountId, {
          failedAttempts: 0,
          lockedUntil: null,
          updatedAt: now.toISOString(),
          rev: current.rev + 1
        })
      await appendAuditEvent(
        db,
        actorOf(session),
        {
          action,
          entity: 'account',
          entityId: accountId,
          changes: cleared ? { failedAttempts: [current.failedAttempts, 0] } : {},
          summary
        },
        now.toISOString()
      )
    })
  }

  async login(username: string, password: string): Promise<LoginResult> {
    const name = username.trim().toLowerCase()
    const { db } = this
    const now = this.now()
    const account = await db.accounts.where('username').equals(name).first()
    const staff = account && (await db.staff.get(account.staffId))
    if (!account || !staff) {
      await verifyPassword(password, await this.unknownAccountHash())
      // What was typed into the name box may be someone's password: it is not written down.
      await recordAuditEvent(
        db,
        { operatorId: 'unknown', operatorName: '未知用户', deviceId: this.deviceId },
        {
          action: 'login.failed',
          entity: 'account',
          entityId: 'unknown',
          changes: { reason: '用户名不存在' },
          summary: '登录失败：用户名不存在'
        },
        now.toISOString()
      )
      throw this.wrongPasswordError()
    }
    const actor: Actor = { operatorId: account.id, operatorName: staff.name, deviceId: this.deviceId }
    const refuse = (reason: string) =>
      recordAuditEvent(
        db,
        actor,
        {
          action: 'login.failed',
          entity: 'account',
          entityId: account.id,
          changes: { username: account.username, reason },
          summary: `登录失败：${account.username}（${reason}）`
        },
        now.toISOString()
      )
    const matches = await verifyPassword(password, account.passwordHash)
    if (account.lockedUntil && account.lockedUntil > now.toISOString()) {
      await refuse('账号已锁定')
      throw this.lockedError(account.lockedUntil)
    }
    if (!matches) throw await this.countFailure(account.id, actor, '密码错误', now)
    // Only the right password learns that the account is disabled.
    if (account.disabled || !staff.active) {
      await refuse('账号已停用')
      throw new DomainError('ACCOUNT_DISABLED', '该账号已停用，请联系客户总监')
    }
    const session: Session = { operator: operatorOf(account, staff), deviceId: this.deviceId }
    await this.recordEntry(session, account.id, 'login', `${staff.name} 登录`, now)
    return { session, passwordExpired: passwordMustChange(account.passwordChangedAt, now, this.policy) }
  }

  /**
   * The lock is lifted only by the same operator's password, with the same count of failures and the
   * same lock-out as logging in; a disabled or changed account cannot unlock its old session.
   */
  async unlock(session: Session, password: string): Promise<void> {
    const { db } = this
    const now = this.now()
    const { operator } = session
    const [account, staff] = await Promise.all([db.accounts.get(operator.accountId), db.staff.get(operator.staffId)])
    const matches = account ? await verifyPassword(password, account.passwordHash) : false
    const standing = sessionStanding(operator, account, staff, now, this.policy)
    if (!account || standing.kind === 'ended') {
      await recordAuditEvent(
        db,
        actorOf(session),
        {
          action: 'login.failed',
          entity: 'account',
          entityId: operator.accountId,
          changes: { reason: '账号已停用或角色已变更' },
          summary: `${operator.name} 解锁失败（账号已停用或角色已变更）`
        },
        now.toISOString()
      )
      throw new DomainError('SESSION_ENDED', `${operator.name} 的账号已被停用或角色已变更，请重新登录。`, {
        name: operator.name
      })
    }
    if (account.lockedUntil && account.lockedUntil > now.toISOString()) {
      await recordAuditEvent(
        db,
        actorOf(session),
        {
          action: 'login.failed',
          entity: 'account',
          entityId: account.id,
          changes: { reason: '账号已锁定' },
          summary: `${operator.name} 解锁失败（账号已锁定）`
        },
        now.toISOString()
      )
      throw this.lockedError(account.lockedUntil)
    }
    if (!matches) {
      const refusal = await this.countFailure(account.id, actorOf(session), '解锁密码错误', now)
      throw refusal.code === 'LOGIN_FAILED'
        ? new DomainError(
            'LOGIN_FAILED',
            `密码不正确。连续输错 ${this.policy.maxFailedAttempts} 次将锁定账号 ${this.policy.lockMinutes} 分钟。`,
            { ...this.lockoutDetails(), variant: 'unlock' }
          )
        : refusal
    }
    await this.recordEntry(session, account.id, 'unlock', `${operator.name} 解锁`, now)
  }

  /** Locks the screen: after idle time (`idle`) or by the operator's own hand (Ctrl+L, 锁屏). */
  async lock(session: Session, reason: LockReason = 'manual'): Promise<void> {
    await recordAuditEvent(this.db, actorOf(session), {
      action: 'lock',
      entity: 'account',
      entityId: session.operator.accountId,
      changes: { reason: reason === 'idle' ? '无操作自动锁定' : '手动锁定' },
      summary:
        reason === 'idle' ? `${session.operator.name} 无操作，屏幕已自动锁定` : `${session.operator.name} 锁定屏幕`
    })
  }

  /** Ends the session; `reason` says why when it was not the operator's choice (e.g. the account was disabled). */
  async logout(session: Session, reason?: string): Promise<void> {
    await recordAuditEvent(this.db, actorOf(session), {
      action: 'logout',
      entity: 'account',
      entityId: session.operator.accountId,
      changes: reason ? { reason } : {},
      summary: reason ? `${session.operator.name} 退出（${reason}）` : `${session.operator.name} 退出`
    })
  }

  async changePassword(session: Session, current: string, next: string): Promise<void> {
    const { db } = this
    const [account, staff] = await Promise.all([
      db.accounts.get(session.operator.accountId),
      db.staff.get(session.operator.staffId)
    ])
    if (sessionStanding(session.operator, account, staff, this.now(), this.policy).kind === 'ended') {
      throw new DomainError('SESSION_ENDED', `${session.operator.name} 的账号已被停用或角色已变更，请重新登录。`, {
        name: session.operator.name
      })
    }
    if (!account) throw new DomainError('PASSWORD_WRONG', '当前密码不正确', { field: 'current' })
    const matches = await verifyPassword(current, account.passwordHash)
    const now = this.now()
    if (account.lockedUntil && account.lockedUntil > now.toISOString()) throw this.lockedError(account.lockedUntil)
    // Guessing the current password here is counted like a wrong login, so an unattended session is no way around the lock-out.
    if (!matches) {
      const refusal = await this.countFailure(account.id, actorOf(session), '修改密码时当前密码错误', now)
      throw refusal.code === 'ACCOUNT_LOCKED'
        ? refusal
        : new DomainError('PASSWORD_WRONG', '当前密码不正确', { field: 'current' })
    }
    if (current === next) throw new DomainError('PASSWORD_SAME', '新密码不能与当前密码相同', { field: 'next' })
    const breaches = passwordRuleBreaches(
      next,
      { username: account.username, personName: session.operator.name },
      this.policy
    )
    if (breaches.length > 0)
      throw new DomainError('PASSWORD_WEAK', breaches.map((breach) => breach.reason).join('；'), {
        field: 'next',
        ...problemDetails(breaches)
      })
    const passwordHash = await hashPassword(next, this.options.iterations)
    const at = this.now().toISOString()
    await db.transaction('rw', [db.accounts, db.auditEvents, db.counters], async () => {
      await db.accounts.update(account.id, {
        passwordHash,
        passwordChangedAt: at,
        updatedAt: at,
        updatedBy: account.id,
        rev: account.rev + 1
      })
      await appendAuditEvent(
        db,
        actorOf(session),
        {
          action: 'password.change',
          entity: 'account',
          entityId: account.id,
          changes: {},
          summary: `${session.operator.name} 修改密码`
        },
        at
      )
    })
  }

  /** The operator's own choice of the app's language, kept on their account and audited. */
  async setLanguage(session: Session, language: string): Promise<void> {
    if (!isLanguage(language))
      throw new DomainError('LANGUAGE_INVALID', `不支持界面语言“${language}”，可选：简体中文、English`, {
        language
      })
    const { db } = this
    const at = this.now().toISOString()
    await db.transaction('rw', [db.accounts, db.staff, db.auditEvents, db.counters], async () => {
      const [account, staff] = await Promise.all([
        db.accounts.get(session.operator.accountId),
        db.staff.get(session.operator.staffId)
      ])
      if (sessionStanding(session.operator, account, staff, this.now(), this.policy).kind === 'ended' || !account) {
        throw new DomainError('SESSION_ENDED', `${session.operator.name} 的账号已被停用或角色已变更，请重新登录。`, {
          name: session.operator.name
        })
      }
      const before = account.language ?? DEFAULT_LANGUAGE
      if (before === language) return
      await db.accounts.update(account.id, { language, updatedAt: at, updatedBy: account.id, rev: account.rev + 1 })
      await appendAuditEvent(
        db,
        actorOf(session),
        {
          action: 'setting.change',
          entity: 'account',
          entityId: account.id,
          changes: { language: [before, language] },
          summary: `${session.operator.name} 将界面语言由 ${before} 改为 ${language}`
        },
        at
      )
    })
  }
}
