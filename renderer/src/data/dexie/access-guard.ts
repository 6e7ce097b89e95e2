import { DomainError } from '@shared/model/domain-error'
import type { Permission, PermissionMatrix } from '@shared/operators/permissions'
import { isAllowed, PERMISSION_LABELS } from '@shared/operators/permissions'
import { ROLE_LABELS } from '@shared/operators/roles'
import type { Session } from '../session'
import { actorOf } from '../session'
import type { ChedangDatabase } from './database'
import { recordAuditEvent } from './audit-writer'

export interface DeniedTarget {
  entity: string
  entityId: string
  summary: string
}

/** The data layer's door: every repository call asks it first; a refusal is recorded in the audit trail. */
export class AccessGuard {
  private cached: { at: number; matrix: Promise<PermissionMatrix> } | null = null

  constructor(
    private readonly db: ChedangDatabase,
    readonly session: Session,
    private readonly readMatrix: () => Promise<PermissionMatrix>
  ) {}

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
    throw new DomainError('PERMISSION_DENIED', `${operator.name}（${ROLE_LABELS[operator.role]}）没有“${what}”的权限。如需办理，请联系客户总监。`, { permission })
  }
}
