import type { Actor } from '@shared/model/sync-meta'
import { issueDetails } from '@shared/validation'
import { newSyncMeta } from '@shared/model/sync-meta'
import { DomainError } from '@shared/model/domain-error'
import { diffFields } from '@shared/audit/audit-event'
import type { AuditAction } from '@shared/audit/audit-event'
import type { DealershipSettings } from '@shared/settings/dealership-settings'
import {
  dealershipSettingsDocument,
  dealershipSettingsSchema,
  readDealershipSettingsDocument
} from '@shared/settings/dealership-settings'
import type { PermissionMatrix } from '@shared/operators/permissions'
import { DEFAULT_PERMISSION_MATRIX, normalisePermissionMatrix, PERMISSION_LABELS } from '@shared/operators/permissions'
import { permissionMatrixDocument } from '@shared/operators/permission-matrix-document'
import { SETTING_KEYS } from '@shared/settings/stored-settings'
import { ROLE_LABELS } from '@shared/operators/roles'
import type { Settings } from '../repositories'
import type { ChedangDatabase } from './database'
import { appendAuditEvent } from './audit-writer'
import type { AccessGuard } from './access-guard'
import { actorOf } from '../session'

const DEALERSHIP_KEY = SETTING_KEYS.dealership
const PERMISSIONS_KEY = SETTING_KEYS.permissions
const FIELDS: readonly (keyof DealershipSettings)[] = [
  'dealershipName',
  'archiveNoPattern',
  'rescueWorkStart',
  'rescueWorkEnd',
  'rescueWorkdays'
]

/** The settings as the audit compares them: a list of weekdays as one text, e.g. '1,2,3,4,5'. */
const audited = (settings: DealershipSettings) => ({ ...settings, rescueWorkdays: settings.rescueWorkdays.join(',') })

/** Settings every part of the data layer reads; no permission is needed to read them. */
export async function readDealershipSettings(db: ChedangDatabase): Promise<DealershipSettings> {
  const row = await db.settings.get(DEALERSHIP_KEY)
  return readDealershipSettingsDocument(row?.value)
}

export async function readPermissionMatrix(db: ChedangDatabase): Promise<PermissionMatrix> {
  const row = await db.settings.get(PERMISSIONS_KEY)
  return row ? permissionMatrixDocument.read(row.value) : DEFAULT_PERMISSION_MATRIX
}

/**
 * Writes one setting row (its stored document's text, stamped with its format version) and its audit
 * event; call inside a transaction over settings, auditEvents, counters.
 */
export async function writeSetting(
  db: ChedangDatabase,
  actor: Actor,
  key: string,
  value: string,
  audit: { action: AuditAction; changes: Record<string, unknown>; summary: string },
  at: string
): Promise<void> {
  const row = await db.settings.get(key)
  if (row) {
    await db.settings.update(key, {
      value,
      updatedAt: at,
      updatedBy: actor.operatorId,
      rev: row.rev + 1
    })
  } else {
    await db.settings.add({ ...newSyncMeta(key, actor, at), value })
  }
  await appendAuditEvent(
    db,
    actor,
    { action: audit.action, entity: 'setting', entityId: key, changes: audit.changes, summary: audit.summary },
    at
  )
}

export class DexieSettings implements Settings {
  constructor(
    private readonly db: ChedangDatabase,
    private readonly guard: AccessGuard,
    private readonly now: () => Date = () => new Date()
  ) {}

  getDealership(): Promise<DealershipSettings> {
    return readDealershipSettings(this.db)
  }

  async openForEditing() {
    await this.guard.require('settings.manage', { entity: 'setting', entityId: 'settings', summary: '打开系统设置' })
    const [dealership, matrix, canEditPermissions] = await Promise.all([
      readDealershipSettings(this.db),
      readPermissionMatrix(this.db),
      this.guard.allows('permissions.manage')
    ])
    return { dealership, matrix, canEditPermissions }
  }

  async saveDealership(input: DealershipSettings): Promise<DealershipSettings> {
    await this.guard.require('settings.manage')
    const parsed = dealershipSettingsSchema.safeParse(input)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new DomainError('SETTINGS_INVALID', issue?.message ?? '设置无效', {
        field: String(issue?.path[0] ?? ''),
        ...(issue ? issueDetails(issue) : {})
      })
    }
    const next = parsed.data
    const at = this.now().toISOString()
    const { db } = this
    return db.transaction('rw', [db.settings, db.auditEvents, db.counters], async () => {
      const before = await readDealershipSettings(db)
      const changes = diffFields(audited(before), audited(next), FIELDS)
      if (Object.keys(changes).length === 0) return next
      await writeSetting(
        db,
        actorOf(this.guard.session),
        DEALERSHIP_KEY,
        dealershipSettingsDocument.write(next),
        { action: 'setting.change', changes, summary: '修改经销商设置' },
        at
      )
      return next
    })
  }

  getPermissionMatrix(): Promise<PermissionMatrix> {
    return readPermissionMatrix(this.db)
  }

  async savePermissionMatrix(input: PermissionMatrix): Promise<PermissionMatrix> {
    await this.guard.require('permissions.manage')
    const next = normalisePermissionMatrix(input)
    const at = this.now().toISOString()
    const { db } = this
    return db
      .transaction('rw', [db.settings, db.auditEvents, db.counters], async () => {
        const before = await readPermissionMatrix(db)
        const changes: Record<string, [string[], string[]]> = {}
        for (const role of Object.keys(next) as (keyof PermissionMatrix)[]) {
          const a = [...before[role]].sort()
          const b = [...next[role]].sort()
          if (a.join() !== b.join())
            changes[ROLE_LABELS[role]] = [a.map((p) => PERMISSION_LABELS[p]), b.map((p) => PERMISSION_LABELS[p])]
        }
        if (Object.keys(changes).length === 0) return next
        await writeSetting(
          db,
          actorOf(this.guard.session),
          PERMISSIONS_KEY,
          permissionMatrixDocument.write(next),
          { action: 'permissions.change', changes, summary: '修改权限矩阵' },
          at
        )
        return next
      })
      .finally(() => this.guard.invalidate())
  }
}
