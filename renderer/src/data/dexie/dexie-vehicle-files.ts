import { newSyncMeta } from '@shared/model/sync-meta'
import { DomainError } from '@shared/model/domain-error'
import { diffFields } from '@shared/audit/audit-event'
import type { PersonalInfoField, VehicleFile, VehicleFileFields, VehicleOrigin } from '@shared/vehicle/vehicle-file'
import { deriveSearchKeys, PERSONAL_INFO_FIELDS, VEHICLE_FILE_FIELD_NAMES } from '@shared/vehicle/vehicle-file'
import { maskVehicleFile } from '@shared/vehicle/personal-info-mask'
import type { SecrecyLevel } from '@shared/operators/secrecy'
import { permissionForSecrecy, SECRECY_LABELS, SECRECY_LEVELS } from '@shared/operators/secrecy'
import type { VehicleFileForm } from '@shared/vehicle/vehicle-file-schema'
import { parseVehicleFileForm } from '@shared/vehicle/vehicle-file-schema'
import type { VehicleListOrder } from '@shared/vehicle/vehicle-list-order'
import { VEHICLE_LIST_SORTS } from '@shared/vehicle/vehicle-list-order'
import { archiveNoSequenceScope, formatArchiveNo, parseArchiveNoSequence, validateArchiveNoPattern } from '@shared/vehicle/archive-number'
import { duplicateVinError, duplicateArchiveNoError } from '@shared/vehicle/vehicle-file-errors'
import { planVehicleSearch } from '@shared/search/vehicle-search-plan'
import { todayInChina } from '@shared/dates/iso-date'
import type { VehicleFiles, VehicleSearchResult } from '../repositories'
import { actorOf } from '../session'
import type { AccessGuard } from './access-guard'
import { readDealershipSettings } from './dexie-settings'
import type { ChedangDatabase } from './database'
import { appendAuditEvent, appendAuditEvents, recordAuditEvent } from './audit-writer'

const ENTITY = 'vehicleFile'

function invalid(errors: Partial<Record<keyof VehicleFileFields, string>>): DomainError {
  const [field, message] = Object.entries(errors)[0] ?? ['', '档案内容无效']
  return new DomainError('VEHICLE_FILE_INVALID', message ?? '档案内容无效', { field })
}

/** What a duplicate message may say about a file the operator may not see. */
function redactedIfHidden(file: VehicleFile, visible: ReadonlySet<SecrecyLevel>): VehicleFile {
  return visible.has(file.secrecy) ? file : { ...file, ownerName: `${SECRECY_LABELS[file.secrecy]}档案` }
}

export class DexieVehicleFiles implements VehicleFiles {
  constructor(
    private readonly db: ChedangDatabase,
    private readonly guard: AccessGuard,
    private readonly now: () => Date = () => new Date()
  ) {}

  private get actor() {
    return actorOf(this.guard.session)
  }

  /** The secrecy levels this operator may see. */
  private async visibleLevels(): Promise<Set<SecrecyLevel>> {
    const visible = new Set<SecrecyLevel>()
    for (const level of SECRECY_LEVELS) {
      const permission = permissionForSecrecy(level)
      if (permission === null || (await this.guard.allows(permission))) visible.add(level)
    }
    return visible
  }

  private async hiddenIds(visible: ReadonlySet<SecrecyLevel>): Promise<Set<string>> {
    const hidden = SECRECY_LEVELS.filter((level) => !visible.has(level))
    const [restricted, removed] = await Promise.all([
      hidden.length ? this.db.vehicleFiles.where('secrecy').anyOf(hidden).primaryKeys() : Promise.resolve([] as string[]),
      // Live rows hold deletedAt null, which IndexedDB leaves out of the index: this finds only removed ones.
      this.db.vehicleFiles.where('deletedAt').above('').primaryKeys()
    ])
    return new Set([...restricted, ...removed])
  }

  async create(form: VehicleFileForm): Promise<VehicleFile> {
    await this.guard.require('vehicleFile.create')
    const parsed = parseVehicleFileForm(form)
    if (!parsed.ok) throw invalid(parsed.errors)
    const [file] = await this.insert([parsed.value], '新建车辆档案')
    return maskVehicleFile(file!)
  }

  async createMany(forms: readonly VehicleFileForm[]): Promise<number> {
    await this.guard.require('vehicleFile.create')
    const all: VehicleFileFields[] = []
    const vins = new Map<string, number>()
    const numbers = new Map<string, number>()
    forms.forEach((form, i) => {
      const parsed = parseVehicleFileForm(form)
      if (!parsed.ok) {
        const error = invalid(parsed.errors)
        throw new DomainError(error.code, `第 ${i + 1} 行：${error.message}`, { ...error.details, row: String(i + 1) })
      }
      const { vin, archiveNo } = parsed.value
      if (vins.has(vin)) throw new DomainError('VEHICLE_DUPLICATE_VIN', `第 ${i + 1} 行的车架号 ${vin} 与第 ${vins.get(vin)! + 1} 行重复`, { row: String(i + 1), field: 'vin' })
      if (numbers.has(archiveNo)) throw new DomainError('VEHICLE_DUPLICATE_ARCHIVE_NO', `第 ${i + 1} 行的档案编号 ${archiveNo} 与第 ${numbers.get(archiveNo)! + 1} 行重复`, { row: String(i + 1), field: 'archiveNo' })
      vins.set(vin, i)
      numbers.set(archiveNo, i)
      all.push(parsed.value)
    })
    await this.insert(all, '导入车辆档案')
    return all.length
  }

  /**
   * Writes new files with their audit events in one transaction. The unique indexes refuse a VIN or
   * archive number already on file; only then is the existing file looked up, to name it.
   */
  private async insert(all: readonly VehicleFileFields[], summary: string): Promise<VehicleFile[]> {
    const { archiveNoPattern } = await readDealershipSettings(this.db)
    const actor = this.actor
    const at = this.now().toISOString()
    const { db } = this
    try {
      return await db.transaction('rw', [db.vehicleFiles, db.auditEvents, db.counters], async () => {
        const files: VehicleFile[] = all.map((fields) => ({
          ...newSyncMeta(crypto.randomUUID(), actor, at),
          ...fields,
          ...deriveSearchKeys(fields),
          status: 'active',
          secrecy: 'ordinary'
        }))
        await db.vehicleFiles.bulkAdd(files)
        await this.advanceArchiveNoCounters(archiveNoPattern, all, at)
        await appendAuditEvents(db, actor, files.map((file) => ({
          action: 'create' as const, entity: ENTITY, entityId: file.id,
          changes: diffFields<VehicleFileFields>({}, file, VEHICLE_FILE_FIELD_NAMES),
          summary: `${summary} ${file.archiveNo}`
        })), at)
        return files
      })
    } catch (error) {
      if (error instanceof Error && /ConstraintError|BulkError/.test(error.name)) throw await this.nameDuplicate(all)
      throw error
    }
  }

  /** After the unique indexes refused a write (nothing was written): which file already has the VIN or number. */
  private async nameDuplicate(all: readonly VehicleFileFields[]): Promise<DomainError> {
    const visible = await this.visibleLevels()
    const [sameVin] = await this.db.vehicleFiles.where('vin').anyOf(all.map((f) => f.vin)).limit(1).toArray()
    if (sameVin) return duplicateVinError(redactedIfHidden(sameVin, visible))
    const [sameNo] = await this.db.vehicleFiles.where('archiveNo').anyOf(all.map((f) => f.archiveNo)).limit(1).toArray()
    if (sameNo) return duplicateArchiveNoError(redactedIfHidden(sameNo, visible))
    return new DomainError('VEHICLE_DUPLICATE', '车架号或档案编号刚被另一窗口使用，请刷新后重试')
  }

  async update(id: string, form: VehicleFileForm, expectedRev: number): Promise<VehicleFile> {
    await this.guard.require('vehicleFile.update')
    const parsed = parseVehicleFileForm(form)
    if (!parsed.ok) throw invalid(parsed.errors)
    const fields = parsed.value
    const visible = await this.visibleLevels()
    const actor = this.actor
    const at = this.now().toISOString()
    const { db } = this
    const saved = await db.transaction('rw', [db.vehicleFiles, db.auditEvents, db.counters], async () => {
      const current = await db.vehicleFiles.get(id)
      if (!current || current.deletedAt || !visible.has(current.secrecy)) throw new DomainError('VEHICLE_FILE_NOT_FOUND', '找不到该车辆档案，可能已被移除或您无权查看')
      if (current.rev !== expectedRev) {
        throw new DomainError('STALE_WRITE', '该档案在您编辑期间已被他人修改，请重新打开后再改')
      }
      const changes = diffFields<VehicleFileFields>(current, fields, VEHICLE_FILE_FIELD_NAMES)
      if (Object.keys(changes).length === 0) return current
      if ('vin' in changes) {
        const sameVin = await db.vehicleFiles.where('vin').equals(fields.vin).first()
        if (sameVin && sameVin.id !== id) throw duplicateVinError(redactedIfHidden(sameVin, visible))
      }
      if ('archiveNo' in changes) {
        const sameNo = await db.vehicleFiles.where('archiveNo').equals(fields.archiveNo).first()
        if (sameNo && sameNo.id !== id) throw duplicateArchiveNoError(redactedIfHidden(sameNo, visible))
      }
      // Field-level update: only what changed, so concurrent edits of other fields survive a later sync.
      const patch: Partial<VehicleFile> = { updatedAt: at, updatedBy: actor.operatorId, rev: current.rev + 1 }
      for (const key of Object.keys(changes) as (keyof VehicleFileFields)[]) {
        Object.assign(patch, { [key]: fields[key] })
      }
      if ('vin' in changes || 'plate' in changes) Object.assign(patch, deriveSearchKeys(fields))
      await db.vehicleFiles.update(id, patch)
      await appendAuditEvent(db, actor, {
        action: 'update', entity: ENTITY, entityId: id, changes, summary: `修改车辆档案 ${fields.archiveNo}`
      }, at)
      return { ...current, ...patch }
    })
    return maskVehicleFile(saved)
  }

  async setSecrecy(id: string, level: SecrecyLevel, reason: string): Promise<VehicleFile> {
    await this.guard.require('vehicleFile.setSecrecy')
    if (!SECRECY_LEVELS.includes(level)) throw new DomainError('SECRECY_INVALID', '请选择密级：普通、机密或绝密')
    if (reason.trim().length < 2) throw new DomainError('REASON_REQUIRED', '请写明调整密级的原因', { field: 'reason' })
    const actor = this.actor
    const at = this.now().toISOString()
    const { db } = this
    const saved = await db.transaction('rw', [db.vehicleFiles, db.auditEvents, db.counters], async () => {
      const current = await db.vehicleFiles.get(id)
      if (!current || current.deletedAt) throw new DomainError('VEHICLE_FILE_NOT_FOUND', '找不到该车辆档案，可能已被移除')
      if (current.secrecy === level) return current
      const patch = { secrecy: level, updatedAt: at, updatedBy: actor.operatorId, rev: current.rev + 1 }
      await db.vehicleFiles.update(id, patch)
      await appendAuditEvent(db, actor, {
        action: 'status.change', entity: ENTITY, entityId: id,
        changes: { secrecy: [current.secrecy, level], reason: [null, reason.trim()] },
        summary: `档案 ${current.archiveNo} 密级：${SECRECY_LABELS[current.secrecy]} → ${SECRECY_LABELS[level]}`
      }, at)
      return { ...current, ...patch }
    })
    return maskVehicleFile(saved)
  }

  /** The stored row when the operator may open it; opening a confidential one is logged, a refusal too. */
  private async open(id: string): Promise<VehicleFile | undefined> {
    await this.guard.require('vehicleFile.read')
    const file = await this.db.vehicleFiles.get(id)
    if (!file || file.deletedAt) return undefined
    const permission = permissionForSecrecy(file.secrecy)
    if (permission === null) return file
    const target = { entity: ENTITY, entityId: id, summary: `${SECRECY_LABELS[file.secrecy]}档案 ${file.archiveNo}` }
    if (!(await this.guard.allows(permission))) await this.guard.deny(permission, target)
    await recordAuditEvent(this.db, this.actor, { action: 'confidential.view', ...target, changes: { secrecy: file.secrecy } }, this.now().toISOString())
    return file
  }

  async get(id: string): Promise<VehicleFile | undefined> {
    const file = await this.open(id)
    return file && maskVehicleFile(file)
  }

  async getForEdit(id: string): Promise<VehicleFile | undefined> {
    await this.guard.require('vehicleFile.update')
    const file = await this.open(id)
    if (!file) return undefined
    const shown = PERSONAL_INFO_FIELDS.filter((field) => file[field] !== null && file[field] !== '')
    if (shown.length > 0) {
      await recordAuditEvent(this.db, this.actor, {
        action: 'personalInfo.reveal', entity: ENTITY, entityId: id,
        changes: { fields: shown, reason: '编辑档案' }, summary: `编辑档案 ${file.archiveNo} 时查看个人信息`
      }, this.now().toISOString())
    }
    return file
  }

  async revealPersonalInfo(id: string, field: PersonalInfoField, reason: string): Promise<string | null> {
    const target = { entity: ENTITY, entityId: id, summary: '查看完整个人信息' }
    await this.guard.require('personalInfo.reveal', target)
    if (!PERSONAL_INFO_FIELDS.includes(field)) throw new DomainError('FIELD_INVALID', '该项不是可查看的个人信息')
    if (reason.trim().length < 2) throw new DomainError('REASON_REQUIRED', '请写明查看完整信息的原因，如“回访核对电话”', { field: 'reason' })
    const file = await this.open(id)
    if (!file) throw new DomainError('VEHICLE_FILE_NOT_FOUND', '找不到该车辆档案，可能已被移除')
    await recordAuditEvent(this.db, this.actor, {
      action: 'personalInfo.reveal', entity: ENTITY, entityId: id,
      changes: { fields: [field], reason: reason.trim() }, summary: `查看档案 ${file.archiveNo} 的完整个人信息`
    }, this.now().toISOString())
    return file[field]
  }

  async getMany(ids: readonly string[]): Promise<VehicleFile[]> {
    await this.guard.require('vehicleFile.read')
    const visible = await this.visibleLevels()
    const files = await this.db.vehicleFiles.bulkGet([...ids])
    return files.filter((f): f is VehicleFile => !!f && !f.deletedAt && visible.has(f.secrecy)).map(maskVehicleFile)
  }

  async findByVin(vin: string): Promise<VehicleFile | undefined> {
    await this.guard.require('vehicleFile.read')
    const file = await this.db.vehicleFiles.where('vin').equals(vin).first()
    if (!file || file.deletedAt) return undefined
    return maskVehicleFile(redactedIfHidden(file, await this.visibleLevels()))
  }

  async listIds(limit?: number, order: VehicleListOrder = 'newest'): Promise<string[]> {
    await this.guard.require('vehicleFile.read')
    const hidden = await this.hiddenIds(await this.visibleLevels())
    const sort = VEHICLE_LIST_SORTS[order]
    const index = sort.fields.length === 1 ? sort.fields[0]! : `[${sort.fields.join('+')}]`
    const ordered = sort.descending ? this.db.vehicleFiles.orderBy(index).reverse() : this.db.vehicleFiles.orderBy(index)
    let ids = await (limit === undefined ? ordered : ordered.limit(limit + hidden.size)).primaryKeys()
    if (sort.unsetLast && (limit === undefined || ids.length < limit + hidden.size)) {
      // Files not yet shelved are not in the location index: they follow, by archive number.
      const placed = new Set(ids)
      const rest = (await this.db.vehicleFiles.orderBy('archiveNo').primaryKeys()).filter((id) => !placed.has(id))
      ids = [...ids, ...rest]
    }
    const live = hidden.size === 0 ? ids : ids.filter((id) => !hidden.has(id))
    return limit === undefined ? live : live.slice(0, limit)
  }

  async count(): Promise<number> {
    await this.guard.require('vehicleFile.read')
    const [all, hidden] = await Promise.all([this.db.vehicleFiles.count(), this.visibleLevels().then((v) => this.hiddenIds(v))])
    return all - hidden.size
  }

  async search(query: string, limit = 200): Promise<VehicleSearchResult> {
    await this.guard.require('vehicleFile.read')
    const lookups = planVehicleSearch(query)
    if (lookups.length === 0) return { files: [], truncated: false }
    const visible = await this.visibleLevels()
    const table = this.db.vehicleFiles
    // Rows straight from the indexes, all lookups in one read transaction: no second fetch by id.
    const lists = await this.db.transaction('r', table, () => Promise.all(lookups.map(({ index, mode, value }) => {
      const clause = table.where(index)
      return (mode === 'equals' ? clause.equals(value) : clause.startsWith(value)).limit(limit + 1).toArray()
    })))
    const files: VehicleFile[] = []
    const seen = new Set<string>()
    for (const list of lists) {
      for (const file of list) {
        if (seen.has(file.id)) continue
        seen.add(file.id)
        if (!file.deletedAt && visible.has(file.secrecy)) files.push(file)
      }
    }
    return { files: files.slice(0, limit).map(maskVehicleFile), truncated: files.length > limit }
  }

  async previewArchiveNo(origin: VehicleOrigin, date: string = todayInChina(this.now()), pattern?: string): Promise<string> {
    const archiveNoPattern = pattern ?? (await readDealershipSettings(this.db)).archiveNoPattern
    if (pattern !== undefined) {
      const check = validateArchiveNoPattern(pattern)
      if (!check.ok) throw new DomainError('SETTINGS_INVALID', check.reason, { field: 'archiveNoPattern' })
    }
    const ctx = { date, origin }
    const counter = await this.db.counters.get(`archiveNo:${archiveNoSequenceScope(archiveNoPattern, ctx)}`)
    let seq = (counter?.value ?? 0) + 1
    // Skip numbers someone typed by hand; bounded, so a pathological archive cannot hang the form.
    for (let i = 0; i < 1000; i++) {
      const candidate = formatArchiveNo(archiveNoPattern, ctx, seq)
      if ((await this.db.vehicleFiles.where('archiveNo').equals(candidate).count()) === 0) return candidate
      seq++
    }
    return formatArchiveNo(archiveNoPattern, ctx, seq)
  }

  /** Keeps each pattern counter ahead of every number that follows it, typed or generated. */
  private async advanceArchiveNoCounters(pattern: string, all: readonly VehicleFileFields[], at: string): Promise<void> {
    const actor = this.actor
    const date = todayInChina(new Date(at))
    const highest = new Map<string, number>()
    for (const fields of all) {
      const ctx = { date, origin: fields.origin }
      const seq = parseArchiveNoSequence(pattern, ctx, fields.archiveNo)
      if (seq === null) continue
      const id = `archiveNo:${archiveNoSequenceScope(pattern, ctx)}`
      highest.set(id, Math.max(seq, highest.get(id) ?? 0))
    }
    for (const [id, seq] of highest) {
      const counter = await this.db.counters.get(id)
      if (!counter) {
        await this.db.counters.add({ id, value: seq, createdAt: at, createdBy: actor.operatorId, updatedAt: at, updatedBy: actor.operatorId, rev: 1, deletedAt: null })
      } else if (counter.value < seq) {
        await this.db.counters.update(id, { value: seq, updatedAt: at, updatedBy: actor.operatorId, rev: counter.rev + 1 })
      }
    }
  }
}
