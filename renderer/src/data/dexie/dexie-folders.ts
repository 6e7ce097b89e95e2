import { DomainError } from '@shared/model/domain-error'
import type { PrintStamp } from '@shared/audit/print-record'
import type { EnvelopeCoverContent, ShelfLabelsContent, ShelfPlace } from '@shared/folders/envelope-cover'
import {
  buildEnvelopeCover,
  buildShelfLabels,
  coverPrintEntry,
  inPlace,
  placeText,
  readScannedCode,
  shelfLabelsPrintEntry
} from '@shared/folders/envelope-cover'
import { archiveInputDocument } from '@shared/rules/archive-input-document'
import type { FolderPrintRequest, Folders } from '../repositories'
import { actorOf } from '../session'
import type { AccessGuard } from './access-guard'
import { recordAuditEvent } from './audit-writer'
import type { ChedangDatabase } from './database'
import type { DexiePolicies } from './dexie-policies'
import { readDealershipSettings } from './dexie-settings'
import { FileAccessGate } from './file-access-gate'

/** Envelope covers, shelf labels and scanned codes: every file through the one access decision. */
export class DexieFolders implements Folders {
  private readonly gate: FileAccessGate

  constructor(
    private readonly db: ChedangDatabase,
    private readonly guard: AccessGuard,
    private readonly policies: DexiePolicies,
    private readonly now: () => Date
  ) {
    this.gate = new FileAccessGate(db, guard, now)
  }

  async cover(fileId: string): Promise<EnvelopeCoverContent> {
    await this.guard.require('vehicleFile.read')
    const stored = await this.db.vehicleFiles.get(fileId)
    if (!stored || stored.deletedAt) throw new DomainError('COVER_FILE_NOT_FOUND', '找不到该车辆档案')
    const file = await this.gate.open(stored, '打印档案袋封面')
    const archives = (await this.db.archives.where('vehicleFileId').equals(fileId).sortBy('createdAt')).map(
      (record) => {
        let input = null
        try {
          input = archiveInputDocument.read(record.input)
        } catch {
          input = null
        }
        return { record, input }
      }
    )
    const policy = await this.policies.active()
    const { dealershipName } = await readDealershipSettings(this.db)
    return buildEnvelopeCover(file, archives, policy.archiveTemplates, dealershipName)
  }

  async labels(place: ShelfPlace): Promise<ShelfLabelsContent> {
    await this.guard.require('vehicleFile.read')
    const cabinet = place.cabinet.trim()
    if (cabinet === '') throw new DomainError('SHELF_CABINET_REQUIRED', '请填写档案柜号')
    const wanted: ShelfPlace = { cabinet, shelf: place.shelf?.trim() || null, box: place.box?.trim() || null }
    const inCabinet = await this.db.vehicleFiles
      .where('[cabinet+shelf+box+archiveNo]')
      .between([cabinet, '', '', ''], [cabinet, '\uffff', '\uffff', '\uffff'])
      .toArray()
    const files = await this.gate.filter(inCabinet.filter((f) => inPlace(f, wanted)))
    const { dealershipName } = await readDealershipSettings(this.db)
    return buildShelfLabels(files, placeText(wanted), dealershipName)
  }

  async findByCode(code: string): Promise<{ fileId: string } | null> {
    await this.guard.require('vehicleFile.read')
    const archiveNo = readScannedCode(code)
    if (archiveNo === '') return null
    const file = await this.db.vehicleFiles.where('archiveNo').equals(archiveNo).first()
    if (!file || file.deletedAt || !(await this.gate.maySee(file))) return null
    return { fileId: file.id }
  }

  async recordPrint(request: FolderPrintRequest): Promise<PrintStamp> {
    const entry =
      request.document === 'envelopeCover'
        ? coverPrintEntry(request.fileId, await this.cover(request.fileId))
        : shelfLabelsPrintEntry(await this.labels(request.place))
    const at = this.now().toISOString()
    const printed = await recordAuditEvent(this.db, actorOf(this.guard.session), entry, at)
    return {
      printedBy: this.guard.session.operator.name,
      printedAt: at,
      auditHead: { deviceSeq: printed.deviceSeq, hash: printed.hash }
    }
  }
}
