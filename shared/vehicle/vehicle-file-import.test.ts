import { describe, expect, it } from 'vitest'
import { isDomainError } from '../model/domain-error'
import { createRandom, makeVehicleFileForm } from './vehicle-generator'
import { deriveSearchKeys } from './vehicle-file'
import type { VehicleImportArchive } from './vehicle-file-import'
import {
  checkVehicleImportSource,
  MAX_IMPORT_ROWS,
  planVehicleFileImport,
  readVehicleImportRows
} from './vehicle-file-import'

const actor = { operatorId: 'acc-1', operatorName: '刘敏', deviceId: 'pc-1' }
const at = '2026-11-29T02:00:00.000Z'
const options = { archiveNoPattern: '{ORIGIN}{YYYY}-{SEQ:3}', date: '2026-11-29' }
const empty: VehicleImportArchive = { vins: new Set(), archiveNos: new Set(), counters: new Map() }

function plan(forms: ReturnType<typeof makeVehicleFileForm>[], archive = empty) {
  let n = 0
  const read = readVehicleImportRows(forms, options)
  return { read, plan: planVehicleFileImport(read, archive, { ...options, actor, at, newId: () => `id-${++n}` }) }
}

describe('planning a vehicle-file import', () => {
  const rnd = createRandom(11)
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ ...makeVehicleFileForm(rnd, i + 1), origin: 'sold_here' as const }))

  it('gives blank archive numbers in row order from the counter, skipping numbers in use, and moves counters on', () => {
    const forms = rows(4).map((form, i) => ({ ...form, archiveNo: i === 2 ? 'XS2026-005' : '' }))
    const archive = { ...empty, archiveNos: new Set(['XS2026-003']), counters: new Map([['archiveNo:XS2026-#', 1]]) }
    const { read, plan: result } = plan(forms, archive)
    // The archive is asked only about what the rows need: their VINs, typed numbers and the scope's numbers.
    expect(read.archiveNos).toEqual(['XS2026-005'])
    expect(read.numberPrefixes).toEqual(['XS2026-'])
    expect(read.counterIds).toEqual(expect.arrayContaining(['archiveNo:XS2026-#', 'archiveNo:WX2026-#']))
    if (!result.ok) throw new Error(result.errors[0]!.message)
    expect(result.files.map((f) => f.archiveNo)).toEqual(['XS2026-002', 'XS2026-004', 'XS2026-005', 'XS2026-006'])
    expect(result.counters).toEqual(new Map([['archiveNo:XS2026-#', 6]]))
  })

  it('builds each file as a single new file is built: metadata, search keys, ordinary and active', () => {
    const { plan: result } = plan(
      rows(1).map((form) => ({ ...form, ownerName: '王建华', contactName: '', contactPhone: '' }))
    )
    if (!result.ok) throw new Error('refused')
    const [file] = result.files
    expect(file).toMatchObject({
      id: 'id-1',
      createdAt: at,
      createdBy: 'acc-1',
      rev: 1,
      deletedAt: null,
      status: 'active',
      secrecy: 'ordinary',
      ...deriveSearchKeys(file!)
    })
    expect(file!.nameSuffixes).toEqual(['建华'])
  })

  it('reports a full sequence on each row that needed a number, and writes nothing', () => {
    const archive = { ...empty, counters: new Map([['archiveNo:XS2026-#', 998]]) }
    const { plan: result } = plan(
      rows(3).map((form) => ({ ...form, archiveNo: '' })),
      archive
    )
    expect(result.ok).toBe(false)
    expect(!result.ok && result.errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'ARCHIVE_NO_SEQUENCE_FULL'],
      [3, 'ARCHIVE_NO_SEQUENCE_FULL']
    ])
    expect(!result.ok && result.errors[0]!.message).toMatch(/^第 2 行：流水号已超过 3 位/)
  })

  it('refuses an import larger than one audit event can list, before parsing a row', () => {
    const form = rows(1)[0]!
    let refusal: unknown
    try {
      readVehicleImportRows(new Array(MAX_IMPORT_ROWS + 1).fill(form), options)
    } catch (error) {
      refusal = error
    }
    expect(refusal).toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS', details: { rows: String(MAX_IMPORT_ROWS + 1) } })
    expect(readVehicleImportRows([form], options).errors).toEqual([])
  })

  it('names rows by their lines in the file when given', () => {
    const forms = rows(2)
    forms[1] = { ...forms[1]!, vin: forms[0]!.vin }
    const read = readVehicleImportRows(forms, { ...options, lines: [7, 9] })
    expect(read.errors.map((e) => e.message)).toEqual([
      `第 9 行：车架号 ${forms[0]!.vin} 与第 7 行重复，一车只能有一个档案`
    ])
    expect(read.errors[0]!.details).toEqual({ row: '9', vin: forms[0]!.vin, firstRow: '7' })
  })

  it('keeps the file name cleaned and the hash in lower case; refuses a file without either', () => {
    expect(checkVehicleImportSource({ fileName: ' 档案.xlsx ', sha256: 'AB'.repeat(32) })).toEqual({
      fileName: '档案.xlsx',
      sha256: 'ab'.repeat(32)
    })
    for (const source of [
      { fileName: '', sha256: 'ab'.repeat(32) },
      { fileName: '档案.xlsx', sha256: 'ab'.repeat(31) }
    ]) {
      let code = ''
      try {
        checkVehicleImportSource(source)
      } catch (error) {
        if (isDomainError(error)) code = error.code
      }
      expect(code).toBe('IMPORT_SOURCE_INVALID')
    }
  })
})
