import type { AuditEvent } from '@shared/audit/audit-event'
import type { AuditLog } from '../repositories'
import type { ChedangDatabase } from './database'

export class DexieAuditLog implements AuditLog {
  constructor(private readonly db: ChedangDatabase) {}

  async forEntity(entity: string, entityId: string): Promise<AuditEvent[]> {
    const events = await this.db.auditEvents.where('[entity+entityId]').equals([entity, entityId]).toArray()
    return events.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.deviceSeq - a.deviceSeq))
  }

  async recent(limit: number): Promise<AuditEvent[]> {
    return this.db.auditEvents.orderBy('at').reverse().limit(limit).toArray()
  }
}
