import { DomainError } from '../model/domain-error'
import type { Actor } from '../model/sync-meta'
import { normalizeInput } from '../validation'
import { checkFreeText } from '../validation/free-text'
import type { ArchiveNoContext } from './archive-number'
import {
  archiveNoCounterId,
  archiveNoSequencePrefix,
  formatArchiveNo,
  highestArchiveNoSequences
} from './archive-number'
import type { VehicleFile, VehicleFileFields } from './vehicle-file'
import { newVehicleFile, VEHICLE_ORIGINS } from './vehicle-file'
import type { VehicleFileForm } from './vehicle-file-schema'
import { parseVehicleFileForm } from './vehicle-file-schema'

// 导入车辆档案: the initial load of an existing archive from a spreadsheet, and the benchmark's seeding.
// Every row is checked with the form's own parse, every fault is reported (row, field, reason) without
// stopping at the first, and nothing is written unless every row is good. The storage adapter loads what
// the archive already holds, calls these functions and writes what they return.

/** The file the rows came from, named in the import's audit event; the caller hashes its bytes. */
export interface VehicleImportSource {
  fileName: string
  /** SHA-256 of the file's bytes, 64 hex digits. */
  sha256: string
}

/** One thing wrong with one row, in Chinese; `details` holds every variable part (for errors.<code>). */
export interface VehicleImportRowError {
  /** The row as the person knows it (its line in the file when the caller gave it, else 1, 2, 3…). */
  row: number
  field: keyof VehicleFileFields | null
  code: string
  message: string
  details: Record<string, string>
}

/**
 * Rows one import may hold: its audit event lists every id created (37 characters each), and a backup
 * refuses an event's details above 10 MB (shared/backup/backup-row-schemas.ts).
 */
export const MAX_IMPORT_ROWS = 200_000

/** An archive number left blank in a row: the next one of the dealership's pattern is given on import. */
const ASSIGNED_ON_IMPORT = 'ASSIGNED-ON-IMPORT'

interface ReadRow {
  row: number
  fields: VehicleFileFields
  /** The sequence scope a blank archive number draws from, when the row left it blank. */
  assign: ArchiveNoContext | null
}

/** Rows parsed and checked against each other; what the archive must be asked before the plan. */
export interface VehicleImportRows {
  count: number
  rows: ReadRow[]
  errors: VehicleImportRowError[]
  /** VINs and typed archive numbers to look up among the stored files. */
  vins: string[]
  archiveNos: string[]
  /** Counters (archiveNo:<scope>) the rows draw from or move on, and the prefixes of the numbers to give. */
  counterIds: string[]
  numberPrefixes: string[]
}

/** What the archive holds of the rows' keys. */
export interface VehicleImportArchive {
  vins: ReadonlySet<string>
  /** Stored archive numbers among the typed ones and with the prefixes of those to give. */
  archiveNos: ReadonlySet<string>
  /** Current value of each counter asked for (absent: never used). */
  counters: ReadonlyMap<string, number>
}

export interface VehicleImportOptions {
  archiveNoPattern: string
  /** China calendar date of the import (YYYY-MM-DD): the date archive numbers are given under. */
  date: string
  /** Each row's line in the file, for the messages; by default 1, 2, 3… */
  lines?: readonly number[]
}

export type VehicleImportPlan =
  | { ok: false; errors: VehicleImportRowError[] }
  | {
      ok: true
      files: VehicleFile[]
      /** Counters to set (id → value), each only ever moved forward. */
      counters: Map<string, number>
    }

function rowError(
  row: number,
  field: VehicleImportRowError['field'],
  code: string,
  reason: string,
  details: Record<string, string> = {}
): VehicleImportRowError {
  return { row, field, code, message: `第 ${row} 行：${reason}`, details: { row: String(row), ...details } }
}

/** The file's name and hash as the audit event keeps them; refused in Chinese when unusable. */
export function checkVehicleImportSource(source: VehicleImportSource): VehicleImportSource {
  const name = checkFreeText(String(source.fileName ?? ''), { label: '文件名', max: 255 })
  if (!name.ok) throw new DomainError('IMPORT_SOURCE_INVALID', `导入文件无效：${name.reason}`, { reason: name.reason })
  const sha256 = String(source.sha256 ?? '').toLowerCase()
  if (!/^[0-9a-f]{64}$/.test(sha256)) {
    const reason = '缺少文件的 SHA-256 校验值（64 位十六进制）'
    throw new DomainError('IMPORT_SOURCE_INVALID', `导入文件无效：${reason}`, { reason })
  }
  return { fileName: name.value, sha256 }
}

/**
 * Parses every row with the vehicle form's parse and finds the rows that repeat a VIN or an archive number
 * of an earlier row. Pure: runs before the write transaction, which then asks the archive for `vins`,
 * `archiveNos`, `counterIds` and `numberPrefixes`.
 */
export function readVehicleImportRows(
  forms: readonly VehicleFileForm[],
  options: VehicleImportOptions
): VehicleImportRows {
  if (forms.length === 0) throw new DomainError('IMPORT_EMPTY', '文件中没有可导入的行')
  if (forms.length > MAX_IMPORT_ROWS)
    throw new DomainError(
      'IMPORT_TOO_MANY_ROWS',
      `一次最多导入 ${MAX_IMPORT_ROWS} 行，此文件有 ${forms.length} 行，请分成几个文件导入`,
      { max: String(MAX_IMPORT_ROWS), rows: String(forms.length) }
    )
  const rows: ReadRow[] = []
  const errors: VehicleImportRowError[] = []
  const firstVin = new Map<string, number>()
  const firstNo = new Map<string, number>()
  const counterIds = new Set<string>()
  const numberPrefixes = new Set<string>()
  forms.forEach((form, i) => {
    const row = options.lines?.[i] ?? i + 1
    const blankNo = normalizeInput(String(form.archiveNo ?? '')) === ''
    const parsed = parseVehicleFileForm(blankNo ? { ...form, archiveNo: ASSIGNED_ON_IMPORT } : form)
    if (!parsed.ok) {
      for (const [field, reason] of Object.entries(parsed.errors) as [keyof VehicleFileFields, string][])
        errors.push(rowError(row, field, 'IMPORT_ROW_INVALID', reason, { field, reason }))
      return
    }
    const fields = parsed.value
    const sameVin = firstVin.get(fields.vin)
    if (sameVin !== undefined) {
      errors.push(
        rowError(row, 'vin', 'IMPORT_VIN_REPEATED', `车架号 ${fields.vin} 与第 ${sameVin} 行重复，一车只能有一个档案`, {
          vin: fields.vin,
          firstRow: String(sameVin)
        })
      )
    } else firstVin.set(fields.vin, row)
    const assign = blankNo ? { date: options.date, origin: fields.origin } : null
    if (assign) {
      counterIds.add(archiveNoCounterId(options.archiveNoPattern, assign))
      numberPrefixes.add(archiveNoSequencePrefix(options.archiveNoPattern, assign))
    } else {
      const sameNo = firstNo.get(fields.archiveNo)
      if (sameNo !== undefined)
        errors.push(
          rowError(
            row,
            'archiveNo',
            'IMPORT_ARCHIVE_NO_REPEATED',
            `档案编号 ${fields.archiveNo} 与第 ${sameNo} 行重复`,
            {
              archiveNo: fields.archiveNo,
              firstRow: String(sameNo)
            }
          )
        )
      else firstNo.set(fields.archiveNo, row)
    }
    rows.push({ row, fields, assign })
  })
  for (const origin of VEHICLE_ORIGINS)
    counterIds.add(archiveNoCounterId(options.archiveNoPattern, { date: options.date, origin }))
  return {
    count: forms.length,
    rows,
    errors,
    vins: [...firstVin.keys()],
    archiveNos: [...firstNo.keys()],
    counterIds: [...counterIds],
    numberPrefixes: [...numberPrefixes]
  }
}

/**
 * Decides the import: the rows whose VIN or archive number the archive already holds are refused; when no
 * row is wrong, the blank archive numbers are given in row order from the pattern's counters (skipping
 * numbers in use) and the files are built exactly as a single new file is (`newVehicleFile`).
 */
export function planVehicleFileImport(
  read: VehicleImportRows,
  archive: VehicleImportArchive,
  options: VehicleImportOptions & { actor: Actor; at: string; newId: () => string }
): VehicleImportPlan {
  const errors = [...read.errors]
  // The stored file may be one the operator may not see: the message names nothing of it, not even the key.
  for (const { row, fields, assign } of read.rows) {
    if (archive.vins.has(fields.vin))
      errors.push(rowError(row, 'vin', 'IMPORT_VIN_ON_FILE', '该车架号已建档，一车只能有一个档案'))
    if (!assign && archive.archiveNos.has(fields.archiveNo))
      errors.push(rowError(row, 'archiveNo', 'IMPORT_ARCHIVE_NO_IN_USE', '该档案编号已被使用，请换一个编号'))
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.row - b.row) }

  const taken = new Set([...archive.archiveNos, ...read.archiveNos])
  const next = new Map<string, number>()
  const all: VehicleFileFields[] = []
  for (const { row, fields, assign } of read.rows) {
    if (!assign) {
      all.push(fields)
      continue
    }
    const counterId = archiveNoCounterId(options.archiveNoPattern, assign)
    let seq = (next.get(counterId) ?? archive.counters.get(counterId) ?? 0) + 1
    try {
      while (taken.has(formatArchiveNo(options.archiveNoPattern, assign, seq))) seq++
      const archiveNo = formatArchiveNo(options.archiveNoPattern, assign, seq)
      taken.add(archiveNo)
      next.set(counterId, seq)
      all.push({ ...fields, archiveNo })
    } catch (error) {
      if (!(error instanceof DomainError)) throw error
      errors.push(rowError(row, 'archiveNo', error.code, error.message))
    }
  }
  if (errors.length > 0) return { ok: false, errors }

  const counters = new Map<string, number>()
  for (const [id, seq] of highestArchiveNoSequences(options.archiveNoPattern, all, options.date))
    if (seq > (archive.counters.get(id) ?? 0)) counters.set(id, seq)
  return {
    ok: true,
    files: all.map((fields) => newVehicleFile(options.newId(), fields, options.actor, options.at)),
    counters
  }
}
