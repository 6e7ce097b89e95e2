import { DomainError } from '@shared/model/domain-error'
import { issueDetails, problemDetails, type ValidationProblem } from '@shared/validation'
import { diffFields } from '@shared/audit/audit-event'
import type { PersonalInfoField, VehicleFile, VehicleFileFields, VehicleOrigin } from '@shared/vehicle/vehicle-file'
import {
  deriveSearchKeys,
  newVehicleFile,
  PERSONAL_INFO_FIELDS,
  SEARCH_KEY_SOURCES,
  VEHICLE_FILE_FIELD_NAMES
} from '@shared/vehicle/vehicle-file'
import { keepUntouchedMasks, maskPersonalInfoValue, maskVehicleFile } from '@shared/vehicle/personal-info-mask'
import type { FilePurpose } from '@shared/operators/file-access'
import type { SecrecyLevel } from '@shared/operators/secrecy'
import { SECRECY_LABELS, SECRECY_LEVELS } from '@shared/operators/secrecy'
import type { VehicleFileForm } from '@shared/vehicle/vehicle-file-schema'
import { parseVehicleFileForm } from '@shared/vehicle/vehicle-file-schema'
import type { VehicleFieldKey } from '@shared/vehicle/vehicle-field-requirement'
import { missingRequiredFields } from '@shared/vehicle/vehicle-field-requirement'
import type { VehicleListOrder } from '@shared/vehicle/vehicle-list-order'
import { VEHICLE_LIST_SORTS } from '@shared/vehicle/vehicle-list-order'
import {
  archiveNoCounterId,
  formatArchiveNo,
  highestArchiveNoSequences,
  validateArchiveNoPattern
} from '@shared/vehicle/archive-number'
import type { VehicleImportArchive, VehicleImportRows } from '@shared/vehicle/vehicle-file-import'
import {
  checkVehicleImportSource,
  planVehicleFileImport,
  readVehicleImportRows
} from '@shared/vehicle/vehicle-file-import'
import {
  duplicateVinError,
  duplicateArchiveNoError,
  hiddenDuplicateArchiveNoError,
  hiddenDuplicateVinError
} from '@shared/vehicle/vehicle-file-errors'
import { fileMatchesNameQuery, orderNameMatches, planVehicleSearch } from '@shared/search/vehicle-search-plan'
import type { VehicleSearchLookup } from '@shared/search/vehicle-search-plan'
import { chinaDate, todayInChina } from '@shared/time'
import type {
  FilesLackingFields,
  VehicleFiles,
  VehicleImportCheck,
  VehicleImportRequest,
  VehicleImportResult,
  VehicleSearchResult
} from '../repositories'
import { actorOf } from '../session'
import type { AccessGuard } from './access-guard'
import { readDealershipSettings } from './dexie-settings'
import type { ChedangDatabase } from './database'
import { appendAuditEvent, appendAuditEvents, recordAuditEvent } from './audit-writer'
import { FileAccessGate } from './file-access-gate'
import { revealReasonSchema, secrecyReasonSchema } from '@shared/vehicle/access-reason'
import { assertFileWritable } from '@shared/retention/file-writability'

/** A reason cleaned and bounded by its schema, or REASON_REQUIRED with the schema's Chinese message. */
function reasonOrRefuse(schema: typeof revealReasonSchema, reason: string): string {
  const parsed = schema.safeParse(reason)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    throw new DomainError('REASON_REQUIRED', issue.message, { field: 'reason', ...issueDetails(issue) })
  }
  return parsed.data
}

const ENTITY = 'vehicleFile'

function invalid(problems: Partial<Record<keyof VehicleFileFields, ValidationProblem>>): DomainError {
  const [field, first] = Object.entries(problems)[0] ?? ['', undefined]
  if (!first) return new DomainError('VEHICLE_FILE_INVALID', '档案内容无效', { field })
  return new DomainError('VEHICLE_FILE_INVALID', first.reason, { field, ...problemDetails(first) })
}

/** A duplicate message names the existing file only when the operator may see it. */
function duplicateError(
  kind: 'vin' | 'archiveNo',
  existing: VehicleFile,
  visible: ReadonlySet<SecrecyLevel>
): DomainError {
  if (!visible.has(existing.secrecy))
    return kind === 'vin' ? hiddenDuplicateVinError() : hiddenDuplicateArchiveNoError()
  return kind === 'vin' ? duplicateVinError(existing) : duplicateArchiveNoError(existing)
}

export class DexieVehicleFiles implements VehicleFiles {
  private readonly gate: FileAccessGate

  constructor(
    private readonly db: ChedangDatabase,
    private readonly guard: AccessGuard,
    private readonly now: () => Date = () => new Date()
  ) {
    this.gate = new FileAccessGate(db, guard, now)
  }

  private get actor() {
    return actorOf(this.guard.session)
  }

  private visibleLevels(): Promise<Set<SecrecyLevel>> {
    return this.gate.visibleLevels()
  }

  private async hiddenIds(): Promise<Set<string>> {
    const hidden = await this.gate.hiddenLevels()
    const [restricted, removed] = await Promise.all([
      hidden.length
        ? this.db.vehicleFiles.where('secrecy').anyOf(hidden).primaryKeys()
        : Promise.resolve([] as string[]),
      // Live rows hold deletedAt null, which IndexedDB leaves out of the index: this finds only removed ones.
      this.db.vehicleFiles.where('deletedAt').above('').primaryKeys()
    ])
    return new Set([...restricted, ...removed])
  }

  async create(form: VehicleFileForm): Promise<VehicleFile> {
    await this.guard.require('vehicleFile.create')
    const parsed = parseVehicleFileForm(form)
    if (!parsed.ok) throw invalid(parsed.problems)
    const [file] = await this.insert([parsed.value], '新建车辆档案')
    return maskVehicleFile(file!)
  }

  async validateImport({ rows, lines }: Omit<VehicleImportRequest, 'source'>): Promise<VehicleImportCheck> {
    await this.guard.require('vehicleFile.create')
    const { archiveNoPattern } = await readDealershipSettings(this.db)
    const options = { archiveNoPattern, date: todayInChina(this.now), lines }
    const read = readVehicleImportRows(rows, options)
    const { db } = this
    const plan = await db.transaction('r', [db.vehicleFiles, db.counters], async () =>
      planVehicleFileImport(read, await this.readImportArchive(read), {
        ...options,
        actor: this.actor,
        at: this.now().toISOString(),
        newId: () => ''
      })
    )
    return { rows: read.count, errors: plan.ok ? [] : plan.errors }
  }

  /**
   * All rows in one transaction or none: what the archive holds of their keys is read in the same
   * transaction that writes them, so no other window can slip a VIN in between; one audit event names the
   * file, its hash, the counts and every id created.
   */
  async importBulk({ source, rows, lines }: VehicleImportRequest): Promise<VehicleImportResult> {
    await this.guard.require('vehicleFile.create')
    const { fileName, sha256 } = checkVehicleImportSource(source)
    const { archiveNoPattern } = await readDealershipSettings(this.db)
    const actor = this.actor
    const at = this.now().toISOString()
    const options = { archiveNoPattern, date: chinaDate(at), lines }
    const read = readVehicleImportRows(rows, options)
    const importId = crypto.randomUUID()
    const { db } = this
    return db.transaction('rw', [db.vehicleFiles, db.auditEvents, db.counters], async () => {
      const plan = planVehicleFileImport(read, await this.readImportArchive(read), {
        ...options,
        actor,
        at,
        newId: () => crypto.randomUUID()
      })
      if (!plan.ok) return { ok: false as const, rows: read.count, errors: plan.errors }
      await db.vehicleFiles.bulkAdd(plan.files)
      await this.advanceArchiveNoCounters(plan.counters, at)
      const ids = plan.files.map((file) => file.id)
      await appendAuditEvent(
        db,
        actor,
        {
          action: 'import',
          entity: 'vehicleFileImport',
          entityId: importId,
          changes: { fileName, sha256, rows: read.count, created: ids.length, ids },
          summary: `导入车辆档案 ${fileName}：${ids.length} 份`
        },
        at
      )
      return { ok: true as const, importId, created: ids.length, ids }
    })
  }

  /** What the archive already holds of an import's VINs, archive numbers and counters. */
  private async readImportArchive(read: VehicleImportRows): Promise<VehicleImportArchive> {
    const table = this.db.vehicleFiles
    const none = Promise.resolve([] as string[])
    const [vins, typedNos, scopeNos, counters] = await Promise.all([
      read.vins.length ? (table.where('vin').anyOf(read.vins).keys() as Promise<string[]>) : none,
      read.archiveNos.length ? (table.where('archiveNo').anyOf(read.archiveNos).keys() as Promise<string[]>) : none,
      read.numberPrefixes.length
        ? (table.where('archiveNo').startsWithAnyOf(read.numberPrefixes).keys() as Promise<string[]>)
        : none,
      this.db.counters.bulkGet(read.counterIds)
    ])
    return {
      vins: new Set(vins),
      archiveNos: new Set([...typedNos, ...scopeNos]),
      counters: new Map(counters.flatMap((counter) => (counter ? [[counter.id, counter.value] as const] : [])))
    }
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
        const files = all.map((fields) => newVehicleFile(crypto.randomUUID(), fields, actor, at))
        await db.vehicleFiles.bulkAdd(files)
        await this.advanceArchiveNoCounters(highestArchiveNoSequences(archiveNoPattern, all, chinaDate(at)), at)
        await appendAuditEvents(
          db,
          actor,
          files.map((file) => ({
            action: 'create' as const,
            entity: ENTITY,
            entityId: file.id,
            changes: diffFields<VehicleFileFields>({}, file, VEHICLE_FILE_FIELD_NAMES),
            summary: `${summary} ${file.archiveNo}`
          })),
          at
        )
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
    const [sameVin] = await this.db.vehicleFiles
      .where('vin')
      .anyOf(all.map((f) => f.vin))
      .limit(1)
      .toArray()
    if (sameVin) return duplicateError('vin', sameVin, visible)
    const [sameNo] = await this.db.vehicleFiles
      .where('archiveNo')
      .anyOf(all.map((f) => f.archiveNo))
      .limit(1)
      .toArray()
    if (sameNo) return duplicateError('archiveNo', sameNo, visible)
    return new DomainError('VEHICLE_DUPLICATE', '车架号或档案编号刚被另一窗口使用，请刷新后重试')
  }

  async update(id: string, form: VehicleFileForm, expectedRev: number): Promise<VehicleFile> {
    await this.guard.require('vehicleFile.update')
    const visible = await this.visibleLevels()
    const actor = this.actor
    const at = this.now().toISOString()
    const { db } = this
    const saved = await db.transaction('rw', [db.vehicleFiles, db.auditEvents, db.counters], async () => {
      const current = await db.vehicleFiles.get(id)
      if (!current || current.deletedAt || !visible.has(current.secrecy))
        throw new DomainError('VEHICLE_FILE_NOT_FOUND', '找不到该车辆档案，可能已被移除或您无权查看')
      assertFileWritable(current)
      if (current.rev !== expectedRev) {
        throw new DomainError('STALE_WRITE', '该档案在您编辑期间已被他人修改，请重新打开后再改')
      }
      // An editor who was shown masked values and left them alone keeps the stored ones.
      const parsed = parseVehicleFileForm(keepUntouchedMasks(form, current))
      if (!parsed.ok) throw invalid(parsed.problems)
      const fields = parsed.value
      const changes = diffFields<VehicleFileFields>(current, fields, VEHICLE_FILE_FIELD_NAMES)
      if (Object.keys(changes).length === 0) return current
      if ('vin' in changes) {
        const sameVin = await db.vehicleFiles.where('vin').equals(fields.vin).first()
        if (sameVin && sameVin.id !== id) throw duplicateError('vin', sameVin, visible)
      }
      if ('archiveNo' in changes) {
        const sameNo = await db.vehicleFiles.where('archiveNo').equals(fields.archiveNo).first()
        if (sameNo && sameNo.id !== id) throw duplicateError('archiveNo', sameNo, visible)
      }
      // Field-level update: only what changed, so concurrent edits of other fields survive a later sync.
      const patch: Partial<VehicleFile> = { updatedAt: at, updatedBy: actor.operatorId, rev: current.rev + 1 }
      for (const key of Object.keys(changes) as (keyof VehicleFileFields)[]) {
        Object.assign(patch, { [key]: fields[key] })
      }
      if (SEARCH_KEY_SOURCES.some((key) => key in changes)) Object.assign(patch, deriveSearchKeys(fields))
      await db.vehicleFiles.update(id, patch)
      await appendAuditEvent(
        db,
        actor,
        {
          action: 'update',
          entity: ENTITY,
          entityId: id,
          changes,
          summary: `修改车辆档案 ${fields.archiveNo}`
        },
        at
      )
      return { ...current, ...patch }
    })
    return maskVehicleFile(saved)
  }

  async setSecrecy(id: string, level: SecrecyLevel, reason: string): Promise<VehicleFile> {
    await this.guard.require('vehicleFile.setSecrecy')
    if (!SECRECY_LEVELS.includes(level)) throw new DomainError('SECRECY_INVALID', '请选择密级：普通、机密或绝密')
    const why = reasonOrRefuse(secrecyReasonSchema, reason)
    const actor = this.actor
    const at = this.now().toISOString()
    const { db } = this
    const saved = await db.transaction('rw', [db.vehicleFiles, db.auditEvents, db.counters], async () => {
      const current = await db.vehicleFiles.get(id)
      if (!current || current.deletedAt)
        throw new DomainError('VEHICLE_FILE_NOT_FOUND', '找不到该车辆档案，可能已被移除')
      assertFileWritable(current)
      if (current.secrecy === level) return current
      const patch = { secrecy: level, updatedAt: at, updatedBy: actor.operatorId, rev: current.rev + 1 }
      await db.vehicleFiles.update(id, patch)
      await appendAuditEvent(
        db,
        actor,
        {
          action: 'status.change',
          entity: ENTITY,
          entityId: id,
          changes: { secrecy: [current.secrecy, level], reason: [null, why] },
          summary: `档案 ${current.archiveNo} 密级：${SECRECY_LABELS[current.secrecy]} → ${SECRECY_LABELS[level]}`
        },
        at
      )
      return { ...current, ...patch }
    })
    return maskVehicleFile(saved)
  }

  /**
   * The stored row and what the operator may see of it, through the one access decision: a refusal and
   * the opening of a confidential file are logged.
   */
  private async openFile(
    id: string,
    what: string,
    purpose: FilePurpose = 'view'
  ): Promise<{ row: VehicleFile; shown: VehicleFile } | undefined> {
    await this.guard.require('vehicleFile.read')
    const row = await this.db.vehicleFiles.get(id)
    if (!row || row.deletedAt) return undefined
    return { row, shown: await this.gate.open(row, what, purpose) }
  }

  async get(id: string): Promise<VehicleFile | undefined> {
    return (await this.openFile(id, '查看档案'))?.shown
  }

  async getForEdit(id: string): Promise<VehicleFile | undefined> {
    await this.guard.require('vehicleFile.update')
    const opened = await this.openFile(id, '编辑档案', 'edit')
    if (!opened) return undefined
    const { row, shown: file } = opened
    // Values the form shows in full that a page would mask: a view of personal information, logged.
    const shown = PERSONAL_INFO_FIELDS.filter(
      (field) =>
        row[field] && file[field] === row[field] && maskPersonalInfoValue(row, field, row[field]) !== row[field]
    )
    if (shown.length > 0) {
      await recordAuditEvent(
        this.db,
        this.actor,
        {
          action: 'personalInfo.reveal',
          entity: ENTITY,
          entityId: id,
          changes: { fields: shown, reason: '编辑档案' },
          summary: `编辑档案 ${file.archiveNo} 时查看个人信息`
        },
        this.now().toISOString()
      )
    }
    return file
  }

  async revealPersonalInfo(id: string, field: PersonalInfoField, reason: string): Promise<string | null> {
    const target = { entity: ENTITY, entityId: id, summary: '查看完整个人信息' }
    await this.guard.require('personalInfo.reveal', target)
    if (!PERSONAL_INFO_FIELDS.includes(field)) throw new DomainError('FIELD_INVALID', '该项不是可查看的个人信息')
    const why = reasonOrRefuse(revealReasonSchema, reason)
    const file = (await this.openFile(id, '查看完整个人信息'))?.row
    if (!file) throw new DomainError('VEHICLE_FILE_NOT_FOUND', '找不到该车辆档案，可能已被移除')
    await recordAuditEvent(
      this.db,
      this.actor,
      {
        action: 'personalInfo.reveal',
        entity: ENTITY,
        entityId: id,
        changes: { fields: [field], reason: why },
        summary: `查看档案 ${file.archiveNo} 的完整个人信息`
      },
      this.now().toISOString()
    )
    return file[field]
  }

  async getMany(ids: readonly string[]): Promise<VehicleFile[]> {
    await this.guard.require('vehicleFile.read')
    return this.gate.filter(await this.db.vehicleFiles.bulkGet([...ids]))
  }

  async findByVin(vin: string): Promise<VehicleFile | undefined> {
    await this.guard.require('vehicleFile.read')
    const file = await this.db.vehicleFiles.where('vin').equals(vin).first()
    if (!file || file.deletedAt) return undefined
    // The form asks while a VIN is typed: a file the operator may not see is named by nothing but its existence.
    if (!(await this.gate.maySee(file))) throw hiddenDuplicateVinError()
    return this.gate.open(file, '按车架号查找')
  }

  async listIds(limit?: number, order: VehicleListOrder = 'newest'): Promise<string[]> {
    await this.guard.require('vehicleFile.read')
    const hidden = await this.hiddenIds()
    const sort = VEHICLE_LIST_SORTS[order]
    const index = sort.fields.length === 1 ? sort.fields[0]! : `[${sort.fields.join('+')}]`
    const ordered = sort.descending
      ? this.db.vehicleFiles.orderBy(index).reverse()
      : this.db.vehicleFiles.orderBy(index)
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

  /** Files that lack fields the policy requires (FAW-VW 五(二)3), for the archive manager to complete; hidden files stay out. */
  async lackingFields(fields: readonly VehicleFieldKey[], limit = 200): Promise<FilesLackingFields> {
    await this.guard.require('vehicleFile.read')
    const visible = await this.visibleLevels()
    const requirement = { fields, clause: '' }
    const lacking: { file: VehicleFile; missing: VehicleFieldKey[] }[] = []
    await this.db.vehicleFiles.orderBy('archiveNo').each((file) => {
      if (file.deletedAt || !visible.has(file.secrecy)) return
      const missing = missingRequiredFields(file, requirement)
      if (missing.length > 0) lacking.push({ file, missing })
    })
    const shown = await this.gate.filter(lacking.slice(0, limit).map((l) => l.file))
    const missingOf = new Map(lacking.map((l) => [l.file.id, l.missing]))
    return {
      total: lacking.length,
      files: shown.map((file) => ({ id: file.id, archiveNo: file.archiveNo, missing: missingOf.get(file.id) ?? [] }))
    }
  }

  async count(): Promise<number> {
    await this.guard.require('vehicleFile.read')
    const [all, hidden] = await Promise.all([this.db.vehicleFiles.count(), this.hiddenIds()])
    return all - hidden.size
  }

  async search(query: string, limit = 200): Promise<VehicleSearchResult> {
    await this.guard.require('vehicleFile.read')
    const lookups = planVehicleSearch(query)
    if (lookups.length === 0) return { files: [], truncated: false }
    const visible = await this.visibleLevels()
    const table = this.db.vehicleFiles
    // Rows straight from the indexes, all lookups in one read transaction: no second fetch by id. Exact
    // and prefix lookups first; a name part then fills what is left of the page, whole names first.
    const files: VehicleFile[] = []
    const seen = new Set<string>()
    const keep = (list: readonly VehicleFile[]) => {
      for (const file of list) {
        if (seen.has(file.id)) continue
        seen.add(file.id)
        if (!file.deletedAt && visible.has(file.secrecy)) files.push(file)
      }
    }
    await this.db.transaction('r', table, async () => {
      const direct = lookups.filter((lookup) => lookup.mode !== 'contains')
      for (const list of await Promise.all(direct.map((lookup) => this.lookUp(lookup, limit + 1)))) keep(list)
      for (const lookup of lookups) {
        if (lookup.mode === 'contains' && files.length <= limit)
          keep(await this.lookUpNamePart(lookup, limit + 1 - files.length, seen))
      }
    })
    const named = lookups.find((lookup) => lookup.mode === 'contains')
    const ordered = named ? orderNameMatches(files, named.value) : files
    return { files: await this.gate.filter(ordered.slice(0, limit)), truncated: files.length > limit }
  }

  /** One exact or prefix lookup on one index. */
  private async lookUp(
    lookup: Exclude<VehicleSearchLookup, { mode: 'contains' }>,
    max: number
  ): Promise<VehicleFile[]> {
    const clause = this.db.vehicleFiles.where(lookup.index)
    return (lookup.mode === 'equals' ? clause.equals(lookup.value) : clause.startsWith(lookup.value))
      .limit(max)
      .toArray()
  }

  /**
   * A name part, less the files already found: one prefix range on the name suffixes, read with a bound and
   * stopped once `max` files hold the whole text (an entry longer than the index key is checked whole), read
   * further only when that bound fell short (a file whose names hold the text twice is in the range twice).
   */
  private async lookUpNamePart(
    lookup: Extract<VehicleSearchLookup, { mode: 'contains' }>,
    max: number,
    found: ReadonlySet<string>
  ): Promise<VehicleFile[]> {
    for (let bound = max + found.size; ; bound *= 2) {
      const rows = await this.db.vehicleFiles.where('nameSuffixes').startsWith(lookup.key).limit(bound).toArray()
      const matched = new Map<string, VehicleFile>()
      for (const row of rows) {
        if (matched.size === max) break
        if (!found.has(row.id) && !matched.has(row.id) && fileMatchesNameQuery(row, lookup.value))
          matched.set(row.id, row)
      }
      if (matched.size === max || rows.length < bound) return [...matched.values()]
    }
  }

  async previewArchiveNo(
    origin: VehicleOrigin,
    date: string = todayInChina(this.now),
    pattern?: string
  ): Promise<string> {
    const archiveNoPattern = pattern ?? (await readDealershipSettings(this.db)).archiveNoPattern
    if (pattern !== undefined) {
      const check = validateArchiveNoPattern(pattern)
      if (!check.ok) throw new DomainError('SETTINGS_INVALID', check.reason, { field: 'archiveNoPattern' })
    }
    const ctx = { date, origin }
    const counter = await this.db.counters.get(archiveNoCounterId(archiveNoPattern, ctx))
    let seq = (counter?.value ?? 0) + 1
    // Skip numbers someone typed by hand; bounded, so a pathological archive cannot hang the form.
    for (let i = 0; i < 1000; i++) {
      const candidate = formatArchiveNo(archiveNoPattern, ctx, seq)
      if ((await this.db.vehicleFiles.where('archiveNo').equals(candidate).count()) === 0) return candidate
      seq++
    }
    return formatArchiveNo(archiveNoPattern, ctx, seq)
  }

  /** Moves each archive-number counter on to the sequence given (never back). */
  private async advanceArchiveNoCounters(highest: ReadonlyMap<string, number>, at: string): Promise<void> {
    const actor = this.actor
    for (const [id, seq] of highest) {
      const counter = await this.db.counters.get(id)
      if (!counter) {
        await this.db.counters.add({
          id,
          value: seq,
          createdAt: at,
          createdBy: actor.operatorId,
          updatedAt: at,
          updatedBy: actor.operatorId,
          rev: 1,
          deletedAt: null
        })
      } else if (counter.value < seq) {
        await this.db.counters.update(id, {
          value: seq,
          updatedAt: at,
          updatedBy: actor.operatorId,
          rev: counter.rev + 1
        })
      }
    }
  }
}
