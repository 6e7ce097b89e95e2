import { newSyncMeta } from '@shared/model/sync-meta'
import type { Actor } from '@shared/model/sync-meta'
import { DomainError } from '@shared/model/domain-error'
import type { Account, StaffMember } from '@shared/operators/operator'
import { USERNAME_PATTERN } from '@shared/operators/operator'
import { passwordRuleBreaches } from '@shared/operators/password-policy'
import { PASSWORD_SET_BY_DIRECTOR_AT } from '@shared/operators/session-standing'
import { DEPARTMENTS, ROLE_LABELS, ROLES } from '@shared/operators/roles'
import { problem, problemDetails, type ValidationProblem, validatePersonName, validatePhone } from '@shared/validation'
import { hashPassword } from '../../security/password-hash'
import type { NewOperator, OperatorSummary, Operators } from '../repositories'
import { actorOf } from '../session'
import type { ChedangDatabase } from './database'
import type { AccessGuard } from './access-guard'
import { appendAuditEvent } from './audit-writer'

export interface ValidOperator {
  name: string
  username: string
  phone: string | null
}

/** Checks a new operator's details; every refusal in Chinese, keyed by field. */
export function checkNewOperator(
  input: NewOperator
): { ok: true; value: ValidOperator } | { ok: false; field: string; message: string; details: Record<string, string> } {
  const refused = (field: string, problems: ValidationProblem | ValidationProblem[]) => {
    const list = Array.isArray(problems) ? problems : [problems]
    const message = list.map((one) => one.reason).join('；')
    return { ok: false as const, field, message, details: problemDetails(list) }
  }
  const name = validatePersonName(input.name)
  if (!name.ok) return refused('name', name)
  const username = input.username.trim().toLowerCase()
  if (!USERNAME_PATTERN.test(username)) return refused('username', problem('USERNAME_FORMAT'))
  if (!ROLES.includes(input.role)) return refused('role', problem('ROLE_REQUIRED'))
  if (!DEPARTMENTS.includes(input.department)) return refused('department', problem('DEPARTMENT_REQUIRED'))
  let phone: string | null = null
  if (input.phone.trim()) {
    const checked = validatePhone(input.phone)
    if (!checked.ok) return refused('phone', checked)
    phone = checked.value
  }
  const breaches = passwordRuleBreaches(input.password, {
    username,
    personName: name.value,
    birthDate: input.birthDate ?? null
  })
  if (breaches.length > 0) return refused('password', breaches)
  return { ok: true, value: { name: name.value, username, phone } }
}

/** Writes a staff record and its account with their audit event; call inside a transaction over staff, accounts, auditEvents, counters. */
export async function insertOperator(
  db: ChedangDatabase,
  actor: Actor,
  input: NewOperator,
  valid: ValidOperator,
  passwordHash: string,
  at: string,
  accountId: string = crypto.randomUUID(),
  passwordChangedAt: string = at
): Promise<{ staff: StaffMember; account: Account }> {
  if (await db.accounts.where('username').equals(valid.username).count()) {
    throw new DomainError('USERNAME_TAKEN', `用户名 ${valid.username} 已被使用，请换一个（一人一号，不能共用）`, {
      field: 'username',
      username: valid.username
    })
  }
  const staff: StaffMember = {
    ...newSyncMeta(crypto.randomUUID(), actor, at),
    name: valid.name,
    department: input.department,
    role: input.role,
    phone: valid.phone,
    active: true
  }
  const account: Account = {
    ...newSyncMeta(accountId, actor, at),
    staffId: staff.id,
    username: valid.username,
    passwordHash,
    passwordChangedAt,
    failedAttempts: 0,
    lockedUntil: null,
    disabled: false
  }
  await db.staff.add(staff)
  await db.accounts.add(account)
  await appendAuditEvent(
    db,
    actor,
    {
      action: 'operator.create',
      entity: 'account',
      entityId: account.id,
      changes: {
        name: [null, staff.name],
        username: [null, account.username],
        role: [null, staff.role],
        department: [null, staff.department]
      },
      summary: `新建操作员 ${staff.name}（${ROLE_LABELS[staff.role]}）`
    },
    at
  )
  return { staff, account }
}

function summary(staff: StaffMember, account: Account | undefined): OperatorSummary {
  return {
    staff,
    username: account?.username ?? null,
    accountId: account?.id ?? null,
    disabled: account?.disabled ?? false,
    lockedUntil: account?.lockedUntil ?? null,
    passwordChangedAt: account?.passwordChangedAt ?? null
  }
}

export class DexieOperators implements Operators {
  constructor(
    private readonly db: ChedangDatabase,
    private readonly guard: AccessGuard,
    private readonly now: () => Date = () => new Date(),
    private readonly iterations?: number
  ) {}

  async list(): Promise<OperatorSummary[]> {
    await this.guard.require('operators.manage')
    const [staff, accounts] = await Promise.all([this.db.staff.toArray(), this.db.accounts.toArray()])
    const byStaff = new Map(accounts.map((a) => [a.staffId, a]))
    return staff
      .filter((s) => !s.deletedAt)
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
      .map((s) => summary(s, byStaff.get(s.id)))
  }

  async create(input: NewOperator): Promise<OperatorSummary> {
    await this.guard.require('operators.manage')
    const checked = checkNewOperator(input)
    if (!checked.ok)
      throw new DomainError('OPERATOR_INVALID', checked.message, { field: checked.field, ...checked.details })
    const passwordHash = await hashPassword(input.password, this.iterations)
    const at = this.now().toISOString()
    const { db } = this
    const { staff, account } = await db.transaction('rw', [db.staff, db.accounts, db.auditEvents, db.counters], () =>
      // The initial password is the director's: the operator must replace it at first login.
      insertOperator(
        db,
        actorOf(this.guard.session),
        input,
        checked.value,
        passwordHash,
        at,
        crypto.randomUUID(),
        PASSWORD_SET_BY_DIRECTOR_AT
      )
    )
    return summary(staff, account)
  }

  async setDisabled(accountId: string, disabled: boolean): Promise<void> {
    await this.guard.require('operators.manage')
    if (accountId === this.guard.session.operator.accountId && disabled)
      throw new DomainError('OPERATOR_SELF_DISABLE', '不能停用自己正在使用的账号')
    await this.changeAccount(
      accountId,
      { disabled, failedAttempts: 0, lockedUntil: null },
      disabled ? '停用账号' : '启用账号'
    )
  }

  async resetPassword(accountId: string, newPassword: string): Promise<void> {
    await this.guard.require('operators.manage')
    const account = await this.db.accounts.get(accountId)
    const staff = account && (await this.db.staff.get(account.staffId))
    if (!account || !staff) throw new DomainError('OPERATOR_NOT_FOUND', '找不到该账号')
    const breaches = passwordRuleBreaches(newPassword, { username: account.username, personName: staff.name })
    if (breaches.length > 0)
      throw new DomainError('PASSWORD_WEAK', breaches.map((breach) => breach.reason).join('；'), {
        field: 'password',
        ...problemDetails(breaches)
      })
    // Reset to a password the operator must change at their next login.
    const passwordHash = await hashPassword(newPassword, this.iterations)
    await this.changeAccount(
      accountId,
      { passwordHash, passwordChangedAt: PASSWORD_SET_BY_DIRECTOR_AT, failedAttempts: 0, lockedUntil: null },
      '重置密码'
    )
  }

  private async changeAccount(accountId: string, patch: Partial<Account>, what: string): Promise<void> {
    const actor = actorOf(this.guard.session)
    const at = this.now().toISOString()
    const { db } = this
    await db.transaction('rw', [db.accounts, db.staff, db.auditEvents, db.counters], async () => {
      const account = await db.accounts.get(accountId)
      if (!account) throw new DomainError('OPERATOR_NOT_FOUND', '找不到该账号')
      const staff = await db.staff.get(account.staffId)
      await db.accounts.update(accountId, {
        ...patch,
        updatedAt: at,
        updatedBy: actor.operatorId,
        rev: account.rev + 1
      })
      const visible = Object.fromEntries(
        Object.entries(patch)
          .filter(([k]) => k !== 'passwordHash')
          .map(([k, v]) => [k, [account[k as keyof Account] ?? null, v]])
      )
      await appendAuditEvent(
        db,
        actor,
        {
          action: 'operator.update',
          entity: 'account',
          entityId: accountId,
          changes: visible,
          summary: `${what}：${staff?.name ?? account.username}`
        },
        at
      )
    })
  }
}
