import { chinaDate } from '@shared/time'
import type { InspectionLine, RegisterKind } from '@shared/export/registers'
import {
  correctionNoticeRegister,
  handoverRegister,
  inspectionRegister,
  REGISTER_TITLES,
  vehicleFileRegister
} from '@shared/export/registers'
import type { ExportTable } from '@shared/export/xlsx-export'
import type { Permission } from '@shared/operators/permissions'
import type { XlsxWriter } from '../../export/write-xlsx'
import { writeXlsxOffThread } from '../../export/write-xlsx'
import type { ExportFile, Exports } from '../repositories'
import { actorOf } from '../session'
import type { AccessGuard } from './access-guard'
import { recordAuditEvent } from './audit-writer'
import type { ChedangDatabase } from './database'
import { FileAccessGate } from './file-access-gate'

const EXPORT_PERMISSION: Permission = 'backup.export'

/**
 * Loads a register, lets the access decision present its files, lays it out with the shared register and
 * writes the XLSX; the export is logged afterwards in its own transaction (no file work inside one).
 */
export class DexieExports implements Exports {
  private readonly gate: FileAccessGate

  constructor(
    private readonly db: ChedangDatabase,
    private readonly guard: AccessGuard,
    private readonly now: () => Date = () => new Date(),
    private readonly writeXlsx: XlsxWriter = writeXlsxOffThread
  ) {
    this.gate = new FileAccessGate(db, guard, now)
  }

  async vehicleFiles(): Promise<ExportFile> {
    await this.guard.require(EXPORT_PERMISSION)
    const files = await this.gate.filter(await this.db.vehicleFiles.orderBy('archiveNo').toArray())
    return this.write('vehicleFiles', vehicleFileRegister(files))
  }

  async handovers(): Promise<ExportFile> {
    await this.guard.require(EXPORT_PERMISSION)
    const [handovers, archives] = await Promise.all([
      this.db.handovers.orderBy('handedAt').reverse().toArray(),
      this.db.archives.where('handoverId').notEqual('').toArray()
    ])
    const counts = new Map<string, number>()
    for (const archive of archives)
      if (archive.handoverId && !archive.deletedAt)
        counts.set(archive.handoverId, (counts.get(archive.handoverId) ?? 0) + 1)
    return this.write('handovers', handoverRegister(handovers, counts))
  }

  async inspections(): Promise<ExportFile> {
    await this.guard.require(EXPORT_PERMISSION)
    return this.write('inspections', inspectionRegister(await this.inspectionLines()))
  }

  async correctionNotices(): Promise<ExportFile> {
    await this.guard.require(EXPORT_PERMISSION)
    return this.write('correctionNotices', correctionNoticeRegister(await this.inspectionLines()))
  }

  /** Every inspection round, newest first, of archives whose file the operator may see. */
  private async inspectionLines(): Promise<InspectionLine[]> {
    const rounds = (await this.db.inspections.orderBy('inspectedAt').reverse().toArray()).filter((r) => !r.deletedAt)
    const archives = await this.db.archives.bulkGet(rounds.map((r) => r.archiveId))
    const files = await this.gate.listed(
      await this.db.vehicleFiles.bulkGet(archives.map((a) => a?.vehicleFileId ?? ''))
    )
    return rounds.flatMap((round, i) => {
      const archive = archives[i]
      const file = files[i]
      return archive && file && !archive.deletedAt ? [{ round, archive, file }] : []
    })
  }

  private async write(kind: RegisterKind, table: ExportTable): Promise<ExportFile> {
    const session = this.guard.session
    const at = this.now()
    const title = REGISTER_TITLES[kind]
    const bytes = await this.writeXlsx(table, { title, operatorName: session.operator.name, at })
    await recordAuditEvent(
      this.db,
      actorOf(session),
      {
        action: 'export',
        entity: 'register',
        entityId: kind,
        changes: { rows: table.rows.length },
        summary: `导出${title} ${table.rows.length} 条`
      },
      at.toISOString()
    )
    return { fileName: `${title}-${chinaDate(at)}.xlsx`, bytes, rows: table.rows.length }
  }
}
