import type { Actor } from '@shared/model/sync-meta'
import { newSyncMeta } from '@shared/model/sync-meta'
import { DomainError } from '@shared/model/domain-error'
import { diffFields } from '@shared/audit/audit-event'
import type { VehicleFile, VehicleFileFields, VehicleOrigin } from '@shared/vehicle/vehicle-file'
import { deriveSearchKeys, VEHICLE_FILE_FIELD_NAMES } from '@shared/vehicle/vehicle-file'
import type { VehicleFileForm } from '@shared/vehicle/vehicle-file-schema'
import { parseVehicleFileForm } from '@shared/vehicle/vehicle-file-schema'
import { archiveNoSequenceScope, formatArchiveNo, parseArchiveNoSequence } from '@shared/vehicle/archive-number'
import { duplicateVinError, duplicateArchiveNoError } from '@shared/vehicle/vehicle-file-errors'
import { planVehicleSearch } from '@shared/search/vehicle-search-plan'
import { todayInChina } from '@shared/dates/iso-date'
import type { VehicleFiles, VehicleSearchResult, Settings } from '../repositories'
import type { ChedangDatabase } from './database'
import { appendAuditEvent, appendAuditEvents } from './audit-writer'

const ENTITY = 'vehicleFile'

function invalid(errors: Partial<Record<keyof VehicleFileFields, string>>): DomainError {
  const [field, message] = Object.entries(errors)[0] ?? ['', '档案内容无效']
  return new DomainError('VEHICLE_FILE_INVALID', message ?? '档案内容无效', { field })
}

export class DexieVehicleFiles implements VehicleFiles {
  constructor(
    private readonly db: ChedangDatabase,
    private readonly settings: Settings,
    private readonly now: () => Date = () => new Date()
  ) {}

  async create(form: VehicleFileForm, actor: Actor): Promise<VehicleFile> {
    const parsed = parseVehicleFileForm(form)
    if (!parsed.ok) throw invalid(parsed.errors)
    const [file] = await this.insert([parsed.value], actor, '新建车辆档案')
    return file!
  }

  async createMany(forms: readonly VehicleFileForm[], actor: Actor): Promise<number> {
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
    await this.insert(all, actor, '导入车辆档案')
    return all.length
  }

  /** Writes new files with their audit events in one transaction, after the uniqueness checks. */
  private async insert(all: readonly VehicleFileFields[], actor: Actor, summary: string): Promise<VehicleFile[]> {
    const { archiveNoPattern } = await this.settings.getDealership()
    const at = this.now().toISOString()
    const { db } = this
    return db.transaction('rw', [db.vehicleFiles, db.auditEvents, db.counters], async () => {
      const [sameVin] = await db.vehicleFiles.where('vin').anyOf(all.map((f) => f.vin)).limit(1).toArray()
      if (sameVin) throw duplicateVinError(sameVin)
      const [sameNo] = await db.vehicleFiles.where('archiveNo').anyOf(all.map((f) => f.archiveNo)).limit(1).toArray()
      if (sameNo) throw duplicateArchiveNoError(sameNo)
      const files: VehicleFile[] = all.map((fields) => ({
        ...newSyncMeta(crypto.randomUUID(), actor, at),
        ...fields,
        ...deriveSearchKeys(fields),
        status: 'active'
      }))
      await db.vehicleFiles.bulkAdd(files).catch((error: unknown) => {
        // The unique indexes are the backstop when another window wrote the same VIN in between.
        if (error instanceof Error && /ConstraintError|BulkError/.test(error.name)) {
          throw new DomainError('VEHICLE_DUPLICATE', '车架号或档案编号刚被另一窗口使用，请刷新后重试')
        }
        throw error
      })
      await this.advanceArchiveNoCounters(archiveNoPattern, all, at, actor)
      await appendAuditEvents(db, actor, files.map((file) => ({
        action: 'create' as const, entity: ENTITY, entityId: file.id,
        changes: diffFields<VehicleFileFields>({}, file, VEHICLE_FILE_FIELD_NAMES),
        summary: `${summary} ${file.archiveNo}`
      })), at)
      return files
    })
  }

  async update(id: string, form: VehicleFileForm, expectedRev: number, actor: Actor): Promise<VehicleFile> {
    const parsed = parseVehicleFileForm(form)
    if (!parsed.ok) throw invalid(parsed.errors)
    const fields = parsed.value
    const at = this.now().toISOString()
    const { db } = this
    return db.transaction('rw', [db.vehicleFiles, db.auditEvents, db.counters], async () => {
      const current = await db.vehicleFiles.get(id)
      if (!current || current.deletedAt) throw new DomainError('VEHICLE_FILE_NOT_FOUND', '找不到该车辆档案，可能已被移除')
      if (current.rev !== expectedRev) {
        throw new DomainError('STALE_WRITE', `该档案在您编辑期间已被 ${current.updatedBy} 修改，请重新打开后再改`)
      }
      const changes = diffFields<VehicleFileFields>(current, fields, VEHICLE_FILE_FIELD_NAMES)
      if (Object.keys(changes).length === 0) return current
      if ('vin' in changes) {
        const sameVin = await db.vehicleFiles.where('vin').equals(fields.vin).first()
        if (sameVin && sameVin.id !== id) throw duplicateVinError(sameVin)
      }
      if ('archiveNo' in changes) {
        const sameNo = await db.vehicleFiles.where('archiveNo').equals(fields.archiveNo).first()
        if (sameNo && sameNo.id !== id) throw duplicateArchiveNoError(sameNo)
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
  }

  async get(id: string): Promise<VehicleFile | undefined> {
    const file = await this.db.vehicleFiles.get(id)
    return file && !file.deletedAt ? file : undefined
  }

  async getMany(ids: readonly string[]): Promise<VehicleFile[]> {
    const files = await this.db.vehicleFiles.bulkGet([...ids])
    return files.filter((f): f is VehicleFile => !!f && !f.deletedAt)
  }

  async findByVin(vin: string): Promise<VehicleFile | undefined> {
    const file = await this.db.vehicleFiles.where('vin').equals(vin).first()
    return file && !file.deletedAt ? file : undefined
  }

  async listIds(): Promise<string[]> {
    // Removed rows carry a deletedAt; live rows hold null, which IndexedDB leaves out of the index.
    const [ids, removed] = await Promise.all([
      this.db.vehicleFiles.orderBy('createdAt').reverse().primaryKeys(),
      this.db.vehicleFiles.where('deletedAt').above('').primaryKeys()
    ])
    if (removed.length === 0) return ids
    const gone = new Set(removed)
    return ids.filter((id) => !gone.has(id))
  }

  async count(): Promise<number> {
    const [all, removed] = await Promise.all([
      this.db.vehicleFiles.count(),
      this.db.vehicleFiles.where('deletedAt').above('').count()
    ])
    return all - removed
  }

  async search(query: string, limit = 200): Promise<VehicleSearchResult> {
    const lookups = planVehicleSearch(query)
    if (lookups.length === 0) return { files: [], truncated: false }
    const table = this.db.vehicleFiles
    const keyLists = await Promise.all(lookups.map(({ index, mode, value }) => {
      const clause = table.where(index)
      const collection = mode === 'equals' ? clause.equals(value) : clause.startsWith(value)
      return collection.limit(limit + 1).primaryKeys()
    }))
    const ids: string[] = []
    const seen = new Set<string>()
    for (const list of keyLists) {
      for (const id of list) {
        if (!seen.has(id)) { seen.add(id); ids.push(id) }
      }
    }
    const files = await this.getMany(ids.slice(0, limit))
    return { files, truncated: ids.length > limit }
  }

  async previewArchiveNo(origin: VehicleOrigin, date: string = todayInChina(this.now())): Promise<string> {
    const { archiveNoPattern } = await this.settings.getDealership()
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
  private async advanceArchiveNoCounters(pattern: string, all: readonly VehicleFileFields[], at: string, actor: Actor): Promise<void> {
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
