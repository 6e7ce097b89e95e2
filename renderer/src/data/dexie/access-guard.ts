import Dexie from 'dexie'
import { DomainError } from '@shared/model/domain-error'
import type { Permission, PermissionMatrix } from '@shared/operators/permissions'
import { isAllowed, PERMISSION_LABELS } from '@shared/operators/permissions'
import { ROLE_LABELS } from '@shared/operators/roles'
import type { PasswordPolicy } from '@shared/operators/password-policy'
import { sessionStanding } from '@shared/operators/session-standing'
import type { Session } from '../session'
import { actorOf } from '../session'
import type { ChedangDatabase } from './database'
import { recordAuditEvent } from './audit-writer'

export interface DeniedTarget {
  entity: string
  entityId: string
  summary: string
}

/**
 * How often each database's accounts and staff were written, by database name: a write anywhere (this
 * window, or another one through Dexie's cross-window event) makes every guard read the session afresh.
 */
const accountWrites = new Map<string, number>()
let watchingAccountWrites = false

function watchAccountWrites(): void {
  if (watchingAccountWrites) return
  watchingAccountWrites = true
  Dexie.on('storagemutated', (parts) => {
    for (const part of Object.keys(parts)) {
      const written = /^idb:\/\/(.+)\/(?:accounts|staff)\//.exec(part)
      if (written) accountWrites.set(written[1]!, (accountWrites.get(written[1]!) ?? 0) + 1)
    }
  })
}

/** The data layer's door: every repository call asks it first; a refusal is recorded in the audit trail. */
export class AccessGuard {
  private cached: { at: number; matrix: Promise<PermissionMatrix> } | null = null
  /** The last standing that held: reused for a second at most, and never after accounts or staff were written. */
  private stood: { at: number; writes: number } | null = null

  constructor(
    private readonly db: ChedangDatabase,
    readonly session: Session,
    private readonly readMatrix: () => Promise<PermissionMatrix>,
    private readonly now: () => Date = () => new Date(),
    private readonly policy?: PasswordPolicy
  ) {
    watchAccountWrites()
  }

  /**
   * The session still stands: the account is enabled, its role unchanged and its password not due for a
   * change. Read afresh whenever accounts or staff were written since the last check (so a disabled
   * operator is stopped at their next action) and at least once a second; a search that asks several
   * questions of the door in a row reads it once.
   */
  private async checkStanding(): Promise<void> {
    const { db } = this
    const open = Dexie.currentTransaction
    // Inside a command's own transaction the check was made when the command began.
    if (open && !(open.storeNames.includes('accounts') && open.storeNames.includes('staff'))) return
    const writes = accountWrites.get(db.name) ?? 0
    // The operator's clock decides, so a password that expires is noticed when that clock passes it.
    const at = this.now().getTime()
    if (this.stood && this.stood.writes === writes && Math.abs(at - this.stood.at) <= 1000) return
    const { operator } = this.session
    const [account, staff] = await Promise.all([db.accounts.get(operator.accountId), db.staff.get(operator.staffId)])
    const standing = sessionStanding(operator, account, staff, this.now(), this.policy)
    if (standing.kind === 'active') {
      this.stood = { at, writes }
      return
    }
    this.stood = null
    if (standing.kind === 'mustChangePassword')
      throw new DomainError(
        'PASSWORD_CHANGE_REQUIRED',
        '请先修改密码：初始密码、重置的密码或超过期限的密码须由本人改掉后才能办理其他事务。'
      )
    throw new DomainError(
      'SESSION_ENDED',
      standing.reason === 'roleChanged'
        ? `${operator.name} 的角色已被客户总监变更，本次登录已结束，请重新登录。`
        : `${operator.name} 的账号已被停用，本次登录已结束。如有疑问，请联系客户总监。`,
      { reason: standing.reason, name: operator.name, variant: standing.reason }
    )
  }

  /** The matrix, read at most once a second: a search asks several questions of it in a row. */
  private matrix(): Promise<PermissionMatrix> {
    const now = Date.now()
    if (!this.cached || now - this.cached.at > 1000) this.cached = { at: now, matrix: this.readMatrix() }
    return this.cached.matrix
  }

  /** Forget the cached matrix, after it was changed through this guard. */
  invalidate(): void {
    this.cached = null
  }

  async allows(permission: Permission): Promise<boolean> {
    await this.checkStanding()
    return isAllowed(await this.matrix(), this.session.operator.role, permission)
  }

  async require(permission: Permission, target?: DeniedTarget): Promise<void> {
    if (await this.allows(permission)) return
    await this.deny(permission, target)
  }

  async deny(permission: Permission, target?: DeniedTarget): Promise<never> {
    const { operator } = this.session
    const what = PERMISSION_LABELS[permission]
    await recordAuditEvent(this.db, actorOf(this.session), {
      action: 'access.denied',
      entity: target?.entity ?? 'permission',
      entityId: target?.entityId ?? permission,
      changes: { permission },
      summary: `被拒绝：${what}${target ? `（${target.summary}）` : ''}`
    })
    throw new DomainError(
      'PERMISSION_DENIED',
      `${operator.name}（${ROLE_LABELS[operator.role]}）没有“${what}”的权限。如需办理，请联系客户总监。`,
      { permission, name: operator.name, role: operator.role }
    )
  }
}
