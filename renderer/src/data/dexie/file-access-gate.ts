import type { FilePurpose, Grants } from '@shared/operators/file-access'
import {
  decideFileAccess,
  FILE_ACCESS_PERMISSIONS,
  hiddenSecrecyLevels,
  visibleSecrecyLevels
} from '@shared/operators/file-access'
import type { Permission } from '@shared/operators/permissions'
import type { SecrecyLevel } from '@shared/operators/secrecy'
import { SECRECY_LABELS } from '@shared/operators/secrecy'
import type { WithheldRecords } from '@shared/audit/audit-event-view'
import { withheldRecords } from '@shared/audit/audit-event-view'
import { presentFile } from '@shared/vehicle/personal-info-mask'
import type { VehicleFile } from '@shared/vehicle/vehicle-file'
import { actorOf } from '../session'
import type { AccessGuard } from './access-guard'
import type { ChedangDatabase } from './database'
import { recordAuditEvent } from './audit-writer'

const ENTITY = 'vehicleFile'

/**
 * Where every repository reads a vehicle file on its way out: it looks up the operator's grants, asks the
 * shared decision, masks or withholds, logs confidential views and refuses (logging the refusal).
 */
export class FileAccessGate {
  constructor(
    private readonly db: ChedangDatabase,
    private readonly guard: AccessGuard,
    private readonly now: () => Date
  ) {}

  /** The operator's grants for the decision, read once for a whole call. */
  async grants(): Promise<Grants> {
    const held = new Set<Permission>()
    for (const permission of FILE_ACCESS_PERMISSIONS) if (await this.guard.allows(permission)) held.add(permission)
    return (permission) => held.has(permission)
  }

  async visibleLevels(): Promise<Set<SecrecyLevel>> {
    return new Set(visibleSecrecyLevels(await this.grants()))
  }

  /** The levels the operator may not see, to leave out of index lookups. */
  async hiddenLevels(): Promise<SecrecyLevel[]> {
    return hiddenSecrecyLevels(await this.grants())
  }

  /**
   * One file opened for `what` (e.g. "查看档案", "打印档案交接表"): refused and logged when the operator may
   * not see it; a confidential view is logged; personal information as the purpose allows.
   */
  async open(file: VehicleFile, what: string, purpose: FilePurpose = 'view'): Promise<VehicleFile> {
    const access = decideFileAccess(file, await this.grants(), purpose)
    if (access.shows === 'none') {
      // A refusal names no file the operator may not see: the archive number stays out of it.
      return this.guard.deny(access.missing, {
        entity: ENTITY,
        entityId: file.id,
        summary: `${SECRECY_LABELS[file.secrecy]}档案（${what}）`
      })
    }
    if (access.logView) await this.logView([file], what)
    return presentFile(file, access)
  }

  /**
   * Files shown together (the lines of a handover, its printed sheet): a file the operator may not see is
   * withheld in place, so counts stay true; each confidential file shown is logged once.
   */
  async present(files: readonly VehicleFile[], what: string): Promise<VehicleFile[]> {
    const grants = await this.grants()
    const decided = files.map((file) => ({ file, access: decideFileAccess(file, grants) }))
    const logged = decided.filter(({ access }) => access.shows !== 'none' && access.logView).map(({ file }) => file)
    if (logged.length) await this.logView([...new Map(logged.map((f) => [f.id, f])).values()], what)
    return decided.map(({ file, access }) => presentFile(file, access))
  }

  /** Files for a list, in place: null where the operator may not see one; listing is not opening, so nothing is logged. */
  async listed(files: readonly (VehicleFile | undefined)[]): Promise<(VehicleFile | null)[]> {
    const grants = await this.grants()
    return files.map((file) => {
      if (!file || file.deletedAt) return null
      const access = decideFileAccess(file, grants)
      return access.shows === 'none' ? null : presentFile(file, access)
    })
  }

  /** Files for a list: those the operator may not see are left out. */
  async filter(files: readonly (VehicleFile | undefined)[]): Promise<VehicleFile[]> {
    return (await this.listed(files)).filter((file): file is VehicleFile => file !== null)
  }

  /** The files this operator may not see (few: 机密/绝密 ones) and their archives, to keep out of texts handed out. */
  async withheld(): Promise<WithheldRecords> {
    const hidden = await this.hiddenLevels()
    if (hidden.length === 0) return withheldRecords([], [])
    const files = await this.db.vehicleFiles.where('secrecy').anyOf(hidden).toArray()
    const archives = files.length
      ? await this.db.archives
          .where('vehicleFileId')
          .anyOf(files.map((f) => f.id))
          .toArray()
      : []
    return withheldRecords(files, archives)
  }

  /** Whether the operator may see the file at all (no logging): for deciding what a refusal may say. */
  async maySee(file: VehicleFile): Promise<boolean> {
    return decideFileAccess(file, await this.grants()).shows !== 'none'
  }

  private async logView(files: readonly VehicleFile[], what: string): Promise<void> {
    const at = this.now().toISOString()
    for (const file of files) {
      await recordAuditEvent(
        this.db,
        actorOf(this.guard.session),
        {
          action: 'confidential.view',
          entity: ENTITY,
          entityId: file.id,
          changes: { secrecy: file.secrecy, purpose: what },
          summary: `${what}：${SECRECY_LABELS[file.secrecy]}档案 ${file.archiveNo}`
        },
        at
      )
    }
  }
}
