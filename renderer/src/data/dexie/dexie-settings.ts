import type { Actor } from '@shared/model/sync-meta'
import { newSyncMeta } from '@shared/model/sync-meta'
import { DomainError } from '@shared/model/domain-error'
import { diffFields } from '@shared/audit/audit-event'
import type { DealershipSettings } from '@shared/settings/dealership-settings'
import { DEFAULT_DEALERSHIP_SETTINGS, dealershipSettingsSchema } from '@shared/settings/dealership-settings'
import type { Settings } from '../repositories'
import type { ChedangDatabase } from './database'
import { appendAuditEvent } from './audit-writer'

const DEALERSHIP_KEY = 'dealership'
const FIELDS: readonly (keyof DealershipSettings)[] = ['dealershipName', 'archiveNoPattern']

export class DexieSettings implements Settings {
  constructor(private readonly db: ChedangDatabase, private readonly now: () => Date = () => new Date()) {}

  async getDealership(): Promise<DealershipSettings> {
    const row = await this.db.settings.get(DEALERSHIP_KEY)
    if (!row) return { ...DEFAULT_DEALERSHIP_SETTINGS }
    return { ...DEFAULT_DEALERSHIP_SETTINGS, ...(JSON.parse(row.value) as Partial<DealershipSettings>) }
  }

  async saveDealership(input: DealershipSettings, actor: Actor): Promise<DealershipSettings> {
    const parsed = dealershipSettingsSchema.safeParse(input)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new DomainError('SETTINGS_INVALID', issue?.message ?? '设置无效', { field: String(issue?.path[0] ?? '') })
    }
    const next = parsed.data
    const at = this.now().toISOString()
    const { db } = this
    return db.transaction('rw', [db.settings, db.auditEvents, db.counters], async () => {
      const row = await db.settings.get(DEALERSHIP_KEY)
      const before = row ? { ...DEFAULT_DEALERSHIP_SETTINGS, ...(JSON.parse(row.value) as Partial<DealershipSettings>) } : DEFAULT_DEALERSHIP_SETTINGS
      const changes = diffFields<DealershipSettings>(before, next, FIELDS)
      if (Object.keys(changes).length === 0) return next
      if (row) {
        await db.settings.update(DEALERSHIP_KEY, { value: JSON.stringify(next), updatedAt: at, updatedBy: actor.operatorId, rev: row.rev + 1 })
      } else {
        await db.settings.add({ ...newSyncMeta(DEALERSHIP_KEY, actor, at), value: JSON.stringify(next) })
      }
      await appendAuditEvent(db, actor, { action: 'setting.change', entity: 'setting', entityId: DEALERSHIP_KEY, changes, summary: '修改经销商设置' }, at)
      return next
    })
  }
}
