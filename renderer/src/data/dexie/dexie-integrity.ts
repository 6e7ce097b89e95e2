import { verifyAuditChain } from '@shared/audit/audit-chain'
import type { Integrity, IntegrityProblem, IntegrityReport } from '../repositories'
import { actorOf } from '../session'
import type { ChedangDatabase } from './database'
import type { AccessGuard } from './access-guard'
import { recordAuditEvent } from './audit-writer'
import { textForReader } from '@shared/audit/audit-event-view'
import { FileAccessGate } from './file-access-gate'
import { readAuditChainEvidence } from './audit-anchors'

/**
 * The sanity check at start and on demand: row counts, references that point nowhere, the audit chain.
 * It reports; it never repairs anything by itself.
 */
export class DexieIntegrity implements Integrity {
  constructor(
    private readonly db: ChedangDatabase,
    private readonly guard: AccessGuard,
    private readonly now: () => Date = () => new Date()
  ) {}

  async run(): Promise<IntegrityReport> {
    await this.guard.require('integrity.check')
    const { db } = this
    const snapshot = await db.transaction('r', db.tables, async () => ({
      counts: await Promise.all(db.tables.map(async (table) => ({ name: table.name, count: await table.count() }))),
      staffIds: new Set(await db.staff.toCollection().primaryKeys()),
      accounts: await db.accounts.toArray(),
      fileIds: new Set(await db.vehicleFiles.toCollection().primaryKeys()),
      fileAuthors: await db.vehicleFiles
        .toArray()
        .then((files) =>
          files.map((f) => ({ id: f.id, archiveNo: f.archiveNo, createdBy: f.createdBy, updatedBy: f.updatedBy }))
        ),
      events: await db.auditEvents.toArray(),
      auditCounters: await db.counters.where('id').startsWith('auditSeq:').toArray()
    }))
    const problems: IntegrityProblem[] = []
    const accountIds = new Set(snapshot.accounts.map((a) => a.id))
    for (const account of snapshot.accounts) {
      if (!snapshot.staffIds.has(account.staffId))
        problems.push({
          kind: 'orphan',
          table: 'accounts',
          id: account.id,
          message: `账号 ${account.username} 指向不存在的员工记录`
        })
    }
    for (const file of snapshot.fileAuthors) {
      for (const who of [file.createdBy, file.updatedBy]) {
        if (!accountIds.has(who))
          problems.push({
            kind: 'orphan',
            table: 'vehicleFiles',
            id: file.id,
            message: `档案 ${file.archiveNo} 的经手人账号（${who.slice(0, 8)}）不存在`
          })
      }
    }
    for (const event of snapshot.events) {
      if (event.entity === 'vehicleFile' && !snapshot.fileIds.has(event.entityId)) {
        problems.push({
          kind: 'orphan',
          table: 'auditEvents',
          id: event.id,
          message: `审计记录（${event.summary}）指向不存在的车辆档案`
        })
      }
    }
    const chain = verifyAuditChain(
      await readAuditChainEvidence(db, { events: snapshot.events, counters: snapshot.auditCounters })
    )
    for (const b of chain.breaks)
      problems.push({
        kind: 'chain',
        table: 'auditEvents',
        id: b.eventId ?? `${b.deviceId}#${b.deviceSeq}`,
        message: b.message
      })
    // The report names files and quotes audit summaries: hidden files stay unnamed, personal information masked.
    const withheld = await new FileAccessGate(db, this.guard, this.now).withheld()
    const shown = problems.map((problem) => ({ ...problem, message: textForReader(problem.message, withheld) }))
    const report: IntegrityReport = { at: this.now().toISOString(), tables: snapshot.counts, problems: shown, chain }
    await recordAuditEvent(
      db,
      actorOf(this.guard.session),
      {
        action: 'integrity.check',
        entity: 'database',
        entityId: db.name,
        changes: { problems: problems.length, rows: snapshot.counts.reduce((n, t) => n + t.count, 0) },
        summary: problems.length ? `完整性检查：发现 ${problems.length} 个问题` : '完整性检查：未发现问题'
      },
      report.at
    )
    return report
  }
}
