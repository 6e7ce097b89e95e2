import { type AuditEvent, auditChangesOf } from '@shared/audit/audit-event'
import type { ChainReport } from '@shared/audit/audit-chain'
import { verifyAuditChain } from '@shared/audit/audit-chain'
import { chinaDate } from '@shared/time'
import { personalInfoAccessRegister, REGISTER_TITLES } from '@shared/export/registers'
import type { XlsxWriter } from '../../export/write-xlsx'
import { writeXlsxOffThread } from '../../export/write-xlsx'
import type { AuditFilter, AuditLog, ExportFile } from '../repositories'
import { actorOf } from '../session'
import type { ChedangDatabase } from './database'
import type { AccessGuard } from './access-guard'
import { recordAuditEvent } from './audit-writer'
import { auditEventForReader, auditSearchText } from '@shared/audit/audit-event-view'
import { FileAccessGate } from './file-access-gate'
import { readAuditChainEvidence } from './audit-anchors'

const newestFirst = (a: AuditEvent, b: AuditEvent) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.deviceSeq - a.deviceSeq)

const PERSONAL_INFO_ACTIONS = ['personalInfo.reveal', 'confidential.view'] as const

export class DexieAuditLog implements AuditLog {
  private readonly gate: FileAccessGate

  constructor(
    private readonly db: ChedangDatabase,
    private readonly guard: AccessGuard,
    private readonly now: () => Date = () => new Date(),
    private readonly writeXlsx: XlsxWriter = writeXlsxOffThread
  ) {
    this.gate = new FileAccessGate(db, guard, now)
  }

  private withheld() {
    return this.gate.withheld()
  }

  async forEntity(entity: string, entityId: string): Promise<AuditEvent[]> {
    // A file's own history is part of the file: whoever may open the file may read it, through the same decision.
    await this.guard.require('vehicleFile.read')
    if (entity === 'vehicleFile' || entity === 'archive') {
      const vehicleFileId = entity === 'archive' ? (await this.db.archives.get(entityId))?.vehicleFileId : entityId
      const file = vehicleFileId ? await this.db.vehicleFiles.get(vehicleFileId) : undefined
      if (file) await this.gate.open(file, '查看档案历史')
    } else {
      await this.guard.require('audit.read')
    }
    const [events, withheld] = await Promise.all([
      this.db.auditEvents.where('[entity+entityId]').equals([entity, entityId]).toArray(),
      this.withheld()
    ])
    return events.sort(newestFirst).map((event) => auditEventForReader(event, withheld))
  }

  async recent(limit: number): Promise<AuditEvent[]> {
    await this.guard.require('audit.read')
    const withheld = await this.withheld()
    return (await this.db.auditEvents.orderBy('at').reverse().limit(limit).toArray()).map((event) =>
      auditEventForReader(event, withheld)
    )
  }

  async query(filter: AuditFilter): Promise<AuditEvent[]> {
    await this.guard.require('audit.read')
    return this.select(filter)
  }

  private async select(filter: AuditFilter): Promise<AuditEvent[]> {
    const from = filter.from ?? ''
    const to = filter.to ? `${filter.to}\uffff` : '\uffff'
    const text = filter.text?.trim()
    const limit = filter.limit ?? 500
    const withheld = await this.withheld()
    const out: AuditEvent[] = []
    await this.db.auditEvents
      .where('at')
      .between(from, to, true, true)
      .reverse()
      .until(() => out.length >= limit)
      .each((stored) => {
        if (filter.actions?.length && !filter.actions.includes(stored.action)) return
        if (filter.actorId && stored.actorId !== filter.actorId) return
        // The filter searches what the reader sees: a guessed full ID number or phone does not match a masked one.
        const event = auditEventForReader(stored, withheld)
        if (text && !auditSearchText(event).includes(text)) return
        out.push(event)
      })
    return out
  }

  async verify(): Promise<ChainReport> {
    await this.guard.require('audit.read')
    const { db } = this
    const report = verifyAuditChain(await readAuditChainEvidence(db))
    await recordAuditEvent(
      db,
      actorOf(this.guard.session),
      {
        action: 'audit.verify',
        entity: 'auditLog',
        entityId: 'chain',
        changes: { ok: report.ok, eventsChecked: report.eventsChecked, breaks: report.breaks.length },
        summary: report.ok
          ? `校验审计链：${report.eventsChecked} 条完好`
          : `校验审计链：发现 ${report.breaks.length} 处断裂`
      },
      this.now().toISOString()
    )
    return report
  }

  async exportPersonalInfoAccess(filter: AuditFilter): Promise<ExportFile> {
    await this.guard.require('audit.exportPersonalInfoAccess')
    const events = await this.select({ ...filter, actions: PERSONAL_INFO_ACTIONS, limit: filter.limit ?? 100_000 })
    const table = personalInfoAccessRegister(
      events.map((e) => {
        const details = auditChangesOf(e)
        return {
          at: e.at,
          actorName: e.actorName,
          action: e.action === 'confidential.view' ? 'confidential.view' : 'personalInfo.reveal',
          summary: e.summary,
          fields: Array.isArray(details.fields) ? details.fields.map(String) : [],
          reason: typeof details.reason === 'string' ? details.reason : null
        }
      })
    )
    const session = this.guard.session
    const at = this.now()
    const title = REGISTER_TITLES.personalInfoAccess
    const bytes = await this.writeXlsx(table, { title, operatorName: session.operator.name, at })
    await recordAuditEvent(
      this.db,
      actorOf(session),
      {
        action: 'export',
        entity: 'auditLog',
        entityId: 'personalInfoAccess',
        changes: { rows: table.rows.length, from: filter.from ?? null, to: filter.to ?? null },
        summary: `导出个人信息访问记录 ${table.rows.length} 条`
      },
      at.toISOString()
    )
    return { fileName: `${title}-${chinaDate(at)}.xlsx`, bytes, rows: table.rows.length }
  }
}
