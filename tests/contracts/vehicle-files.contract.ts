// The contract every VehicleFiles implementation keeps; run against Dexie by renderer/src/data/dexie/dexie-repositories.test.ts.
import { describe, expect, it } from 'vitest'
import { isDomainError } from '@shared/model/domain-error'
import type { VehicleFileForm } from '@shared/vehicle/vehicle-file-schema'
import { createRandom, makeVehicleFileForm } from '../fixtures/vehicle-generator'
import type { Repositories } from '../../renderer/src/data/repositories'
import { DEFAULT_DEALERSHIP_SETTINGS } from '@shared/settings/dealership-settings'

// One behaviour, every implementation: run this suite against each adapter of the repositories.

async function refusal(
  promise: Promise<unknown>
): Promise<{ code: string; message: string; details: Readonly<Record<string, string>> }> {
  try {
    await promise
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, message: error.message, details: error.details }
    throw error
  }
  throw new Error('expected the command to be refused')
}

const SOURCE = { fileName: '车辆档案（旧系统导出）.xlsx', sha256: 'AB'.repeat(32) }

/** Imports rows that must all be good; a refusal fails the test with its row messages. */
async function imported(repos: Repositories, rows: readonly VehicleFileForm[]) {
  const result = await repos.vehicleFiles.importBulk({ source: SOURCE, rows })
  if (!result.ok) throw new Error(result.errors.map((error) => error.message).join('\n'))
  return result
}

export function runVehicleFilesContract(name: string, open: () => Promise<Repositories>) {
  describe(`${name}: vehicle files`, () => {
    const forms = (seed: number, n: number): VehicleFileForm[] => {
      const rnd = createRandom(seed)
      return Array.from({ length: n }, (_, i) => makeVehicleFileForm(rnd, i + 1))
    }

    it('stores a new file normalised, with its metadata and an audit event', async () => {
      const repos = await open()
      const form = forms(1, 1)[0]!
      const typed = {
        ...form,
        vin: ` ${form.vin.toLowerCase()} `,
        ownerPhone: `+86 ${form.ownerPhone.slice(0, 3)} ${form.ownerPhone.slice(3)}`,
        plate: `${form.plate.slice(0, 2)}·${form.plate.slice(2)}`
      }
      const file = await repos.vehicleFiles.create(typed)
      expect(file.vin).toBe(form.vin)
      expect(file.plate).toBe(form.plate)
      expect(file.id).toMatch(/^[0-9a-f-]{36}$/)
      const operator = repos.operator
      expect(file).toMatchObject({
        rev: 1,
        createdBy: operator.accountId,
        updatedBy: operator.accountId,
        deletedAt: null,
        status: 'active',
        secrecy: 'ordinary'
      })
      // Lists and pages get personal information masked; the edit form gets it whole.
      expect(file.ownerPhone).toBe(`${form.ownerPhone.slice(0, 3)}****${form.ownerPhone.slice(7)}`)
      expect(file.ownerIdNumber).toBe(`${form.ownerIdNumber.slice(0, 4)}**********${form.ownerIdNumber.slice(14)}`)
      expect(await repos.vehicleFiles.get(file.id)).toEqual(file)
      expect((await repos.vehicleFiles.getForEdit(file.id))!.ownerPhone).toBe(form.ownerPhone)
      const events = (await repos.auditLog.forEntity('vehicleFile', file.id)).filter((e) => e.action === 'create')
      expect(events).toHaveLength(1)
      expect(events[0]).toMatchObject({ action: 'create', actorName: operator.name })
      expect(JSON.parse(events[0]!.changes).vin).toEqual([null, form.vin])
    })

    it('refuses an invalid file with the field and a Chinese reason, and stores nothing', async () => {
      const repos = await open()
      const form = forms(2, 1)[0]!
      const error = await refusal(repos.vehicleFiles.create({ ...form, ownerName: '王先生' }))
      expect(error.code).toBe('VEHICLE_FILE_INVALID')
      expect(error.details.field).toBe('ownerName')
      expect(error.message).toMatch(/姓名/)
      const badVin = form.vin.slice(0, 8) + (form.vin[8] === '0' ? '1' : '0') + form.vin.slice(9)
      expect((await refusal(repos.vehicleFiles.create({ ...form, vin: badVin }))).details.field).toBe('vin')
      expect(await repos.vehicleFiles.count()).toBe(0)
      expect((await repos.auditLog.recent(50)).filter((e) => e.action === 'create')).toHaveLength(0)
    })

    it('refuses a second file for a VIN or an archive number, naming the existing file', async () => {
      const repos = await open()
      const [a, b] = forms(3, 2) as [VehicleFileForm, VehicleFileForm]
      const first = await repos.vehicleFiles.create(a)
      const sameVin = await refusal(repos.vehicleFiles.create({ ...b, vin: a.vin.toLowerCase() }))
      expect(sameVin.code).toBe('VEHICLE_DUPLICATE_VIN')
      expect(sameVin.details.existingId).toBe(first.id)
      expect(sameVin.message).toContain(first.archiveNo)
      const sameNo = await refusal(repos.vehicleFiles.create({ ...b, archiveNo: a.archiveNo }))
      expect(sameNo.code).toBe('VEHICLE_DUPLICATE_ARCHIVE_NO')
      expect(await repos.vehicleFiles.count()).toBe(1)
    })

    it('writes only the changed fields, bumps the revision, audits before/after and refuses stale writes', async () => {
      const repos = await open()
      const [a, b] = forms(4, 2) as [VehicleFileForm, VehicleFileForm]
      const file = await repos.vehicleFiles.create(a)
      const other = await repos.vehicleFiles.create(b)
      const updated = await repos.vehicleFiles.update(file.id, { ...a, colour: '冰川蓝', plate: '吉A·88888' }, 1)
      expect(updated).toMatchObject({ colour: '冰川蓝', plate: '吉A88888', plateTail: 'A88888', rev: 2 })
      const events = (await repos.auditLog.forEntity('vehicleFile', file.id)).filter((e) => e.action === 'update')
      expect(JSON.parse(events[0]!.changes)).toEqual({ colour: [a.colour, '冰川蓝'], plate: [a.plate, '吉A88888'] })
      expect((await refusal(repos.vehicleFiles.update(file.id, { ...a, colour: '黑' }, 1))).code).toBe('STALE_WRITE')
      expect((await refusal(repos.vehicleFiles.update(file.id, { ...a, vin: other.vin }, 2))).code).toBe(
        'VEHICLE_DUPLICATE_VIN'
      )
      expect((await repos.vehicleFiles.get(file.id))!.colour).toBe('冰川蓝')
      expect((await repos.vehicleFiles.search('a88888')).files.map((f) => f.id)).toEqual([file.id])
    })

    it('finds files the ways staff look for them', async () => {
      const repos = await open()
      const all = forms(5, 60)
      await imported(repos, all)
      const target = all[17]!
      const ids = async (q: string) => (await repos.vehicleFiles.search(q)).files.map((f) => f.vin)
      expect(await ids(target.vin)).toEqual([target.vin])
      expect(await ids(target.vin.slice(-8))).toContain(target.vin)
      expect(await ids(target.vin.slice(-7).toLowerCase())).toContain(target.vin)
      expect(await ids(target.vin.slice(-6))).toContain(target.vin)
      expect(await ids(target.plate)).toEqual([target.vin])
      expect(await ids(target.plate.slice(1))).toContain(target.vin)
      expect(await ids(`${target.plate.slice(0, 2)}·${target.plate.slice(2)}`)).toEqual([target.vin])
      expect(await ids(target.ownerName)).toContain(target.vin)
      expect(await ids(target.ownerPhone)).toEqual([target.vin])
      // A phone is found whole or by its last four digits (尾号), never by a prefix: that would recover a masked number.
      const mobile = target.ownerPhone
      expect(await ids(`+86 ${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`)).toEqual([target.vin])
      expect(await ids(`${mobile.slice(0, 3)}-${mobile.slice(3, 7)}-${mobile.slice(7)}`)).toEqual([target.vin])
      expect(await ids(mobile.slice(-4))).toContain(target.vin)
      for (const length of [3, 5, 7, 8, 10]) expect(await ids(mobile.slice(0, length))).not.toContain(target.vin)
      // An ID number is found whole only.
      expect(await ids(target.ownerIdNumber.toLowerCase())).toEqual([target.vin])
      for (const length of [6, 14, 17])
        expect(await ids(target.ownerIdNumber.slice(0, length))).not.toContain(target.vin)
      expect(await ids(target.archiveNo.toLowerCase())).toEqual([target.vin])
      expect(await ids('ZZZZZZZZ')).toEqual([])
      const byName = await repos.vehicleFiles.search(target.ownerName.slice(0, 1), 3)
      expect(byName.files.length).toBeLessThanOrEqual(3)
    })

    it('finds a landline in every form the form accepts, and any part of a name', async () => {
      const repos = await open()
      const [a, b] = forms(15, 2) as [VehicleFileForm, VehicleFileForm]
      const company = await repos.vehicleFiles.create({
        ...a,
        ownerKind: 'organisation',
        ownerName: '长春市恒通物流有限公司',
        ownerIdNumber: '',
        ownerPhone: '0431-85551234',
        contactName: '欧阳晓峰',
        contactPhone: '13904315678'
      })
      await repos.vehicleFiles.create({ ...b, ownerPhone: '0431-85559876' })
      const ids = async (q: string) => (await repos.vehicleFiles.search(q)).files.map((f) => f.id)
      for (const typed of [
        '043185551234',
        '0431-85551234',
        '0431 8555 1234',
        '(0431)85551234',
        '０４３１－８５５５１２３４',
        '1234',
        '5678'
      ]) {
        expect(await ids(typed), typed).toEqual([company.id])
      }
      for (const partial of ['0431', '0431-8555', '04318555', '85551234'])
        expect(await ids(partial), partial).not.toContain(company.id)
      for (const part of ['恒通', '恒通物流', '物流有限', '长春市恒通', '晓峰', '欧阳晓峰'])
        expect(await ids(part), part).toEqual([company.id])
      expect(await ids('恒达物流')).toEqual([])
      // Both character pairs of 恒通物 appear, but not together: no match.
      const [c] = forms(16, 1) as [VehicleFileForm]
      await repos.vehicleFiles.create({
        ...c,
        ownerKind: 'organisation',
        ownerName: '吉林通物恒通汽车服务有限公司',
        ownerIdNumber: ''
      })
      expect(await ids('恒通物')).toEqual([company.id])
    })

    it('lists a name search with the name itself first, then names starting with it, then the rest; pages without repeats', async () => {
      const repos = await open()
      const base = forms(17, 6)
      const make = async (i: number, ownerName: string, contactName = '') =>
        (
          await repos.vehicleFiles.create({
            ...base[i]!,
            archiveNo: `XS2026-0000${i + 1}`,
            ownerName,
            contactName,
            contactPhone: contactName ? '13904315678' : ''
          })
        ).archiveNo
      await make(0, '李王伟')
      await make(1, '王伟强')
      await make(2, '赵敏', '王伟')
      await make(3, '王伟')
      await make(4, '王伟')
      // Both names hold 王伟: the file is listed once.
      await make(5, '王伟强', '李王伟')
      const numbers = async (limit: number) => {
        const result = await repos.vehicleFiles.search('王伟', limit)
        return { numbers: result.files.map((f) => f.archiveNo), truncated: result.truncated }
      }
      expect(await numbers(200)).toEqual({
        numbers: ['XS2026-00004', 'XS2026-00005', 'XS2026-00003', 'XS2026-00002', 'XS2026-00006', 'XS2026-00001'],
        truncated: false
      })
      expect(await numbers(6)).toEqual({ numbers: expect.any(Array), truncated: false })
      expect(await numbers(5)).toEqual({
        numbers: ['XS2026-00004', 'XS2026-00005', 'XS2026-00003', 'XS2026-00002', 'XS2026-00006'],
        truncated: true
      })
      expect(await numbers(2)).toEqual({ numbers: ['XS2026-00004', 'XS2026-00005'], truncated: true })
    })

    it('imports all or nothing: every bad row is reported with its row, field and reason, and nothing is written', async () => {
      const repos = await open()
      const batch = forms(6, 6)
      const badVin = batch[1]!.vin.slice(0, 8) + (batch[1]!.vin[8] === '0' ? '1' : '0') + batch[1]!.vin.slice(9)
      batch[1] = { ...batch[1]!, vin: badVin }
      batch[3] = { ...batch[3]!, ownerPhone: '8555123', registrationDate: '2019-02-30' }
      batch[4] = { ...batch[4]!, vin: batch[0]!.vin.toLowerCase() }
      batch[5] = { ...batch[5]!, archiveNo: batch[2]!.archiveNo }
      for (const result of [
        await repos.vehicleFiles.validateImport({ rows: batch }),
        await repos.vehicleFiles.importBulk({ source: SOURCE, rows: batch })
      ]) {
        expect(result).toMatchObject({ rows: 6 })
        const errors = 'errors' in result ? result.errors : []
        expect(errors.map((e) => [e.row, e.field, e.code])).toEqual([
          [2, 'vin', 'IMPORT_ROW_INVALID'],
          [4, 'registrationDate', 'IMPORT_ROW_INVALID'],
          [4, 'ownerPhone', 'IMPORT_ROW_INVALID'],
          [5, 'vin', 'IMPORT_VIN_REPEATED'],
          [6, 'archiveNo', 'IMPORT_ARCHIVE_NO_REPEATED']
        ])
        for (const error of errors) expect(error.message).toMatch(new RegExp(`^第 ${error.row} 行：\\S`))
        expect(errors[3]!.message).toContain('与第 1 行重复')
        expect(errors[3]!.details).toMatchObject({ row: '5', firstRow: '1', vin: batch[0]!.vin })
      }
      expect(await repos.vehicleFiles.count()).toBe(0)
      expect((await repos.auditLog.recent(50)).filter((e) => e.action === 'import')).toHaveLength(0)

      // Against the archive: a VIN or an archive number already on file; the rows' own lines name them.
      const good = forms(7, 3)
      await repos.vehicleFiles.create(good[1]!)
      const onFile = await repos.vehicleFiles.importBulk({
        source: SOURCE,
        rows: [good[0]!, { ...good[2]!, archiveNo: good[1]!.archiveNo }, good[1]!],
        lines: [2, 3, 5]
      })
      expect(onFile.ok).toBe(false)
      expect(!onFile.ok && onFile.errors.map((e) => [e.row, e.field, e.code])).toEqual([
        [3, 'archiveNo', 'IMPORT_ARCHIVE_NO_IN_USE'],
        [5, 'archiveNo', 'IMPORT_ARCHIVE_NO_REPEATED'],
        [5, 'vin', 'IMPORT_VIN_ON_FILE'],
        [5, 'archiveNo', 'IMPORT_ARCHIVE_NO_IN_USE']
      ])
      expect(await repos.vehicleFiles.count()).toBe(1)
    })

    it('imports good rows in one go: archive numbers given in sequence, one audit event naming the file and the ids', async () => {
      const repos = await open()
      const first = await repos.vehicleFiles.create({
        ...forms(8, 1)[0]!,
        archiveNo: await repos.vehicleFiles.previewArchiveNo('sold_here')
      })
      const year = first.archiveNo.slice(2, 6)
      const [a, b, c, d, e] = forms(9, 5) as [
        VehicleFileForm,
        VehicleFileForm,
        VehicleFileForm,
        VehicleFileForm,
        VehicleFileForm
      ]
      const sold = 'sold_here' as const
      const rows = [
        { ...a, archiveNo: '', origin: sold },
        { ...b, archiveNo: ' ', origin: 'serviced_only' as const },
        { ...c, archiveNo: `XS${year}-00003`, origin: sold },
        {
          ...d,
          archiveNo: '',
          origin: sold,
          ownerName: '长春市恒通物流有限公司',
          ownerKind: 'organisation' as const,
          ownerIdNumber: ''
        },
        { ...e, archiveNo: '', origin: sold }
      ]
      expect(await repos.vehicleFiles.validateImport({ rows })).toEqual({ rows: 5, errors: [] })
      const result = await imported(repos, rows)
      expect(result.created).toBe(5)
      const files = await repos.vehicleFiles.getMany(result.ids)
      expect(files.map((f) => f.archiveNo)).toEqual([
        `XS${year}-00002`,
        `WX${year}-00001`,
        `XS${year}-00003`,
        `XS${year}-00004`,
        `XS${year}-00005`
      ])
      expect(await repos.vehicleFiles.previewArchiveNo('sold_here')).toBe(`XS${year}-00006`)
      expect(await repos.vehicleFiles.previewArchiveNo('serviced_only')).toBe(`WX${year}-00002`)
      // Stored as a single new file is, search keys included.
      expect(
        files.every((f) => f.rev === 1 && f.secrecy === 'ordinary' && f.createdBy === repos.operator.accountId)
      ).toBe(true)
      expect((await repos.vehicleFiles.search('恒通物流')).files.map((f) => f.id)).toEqual([result.ids[3]])
      expect((await repos.vehicleFiles.search(b.vin.slice(-6))).files.map((f) => f.id)).toContain(result.ids[1])

      const events = (await repos.auditLog.recent(50)).filter((e) => e.action === 'import' || e.action === 'create')
      expect(events.map((e) => e.action).sort()).toEqual(['create', 'import'])
      const event = events.find((e) => e.action === 'import')!
      expect(event).toMatchObject({ entity: 'vehicleFileImport', entityId: result.importId })
      expect(event.summary).toContain(SOURCE.fileName)
      expect(JSON.parse(event.changes)).toEqual({
        fileName: SOURCE.fileName,
        sha256: SOURCE.sha256.toLowerCase(),
        rows: 5,
        created: 5,
        ids: result.ids
      })
      expect((await repos.auditLog.verify()).ok).toBe(true)
    })

    it('refuses an import without a usable file name or hash, or without rows, before reading anything', async () => {
      const repos = await open()
      const rows = forms(10, 1)
      for (const source of [
        { fileName: '  ', sha256: SOURCE.sha256 },
        { fileName: SOURCE.fileName, sha256: 'abc' },
        { fileName: SOURCE.fileName, sha256: 'g'.repeat(64) }
      ])
        expect((await refusal(repos.vehicleFiles.importBulk({ source, rows }))).code).toBe('IMPORT_SOURCE_INVALID')
      expect((await refusal(repos.vehicleFiles.importBulk({ source: SOURCE, rows: [] }))).code).toBe('IMPORT_EMPTY')
      expect(await repos.vehicleFiles.count()).toBe(0)
    })

    it('lists all files newest first', async () => {
      const repos = await open()
      const [a, b] = forms(9, 2) as [VehicleFileForm, VehicleFileForm]
      const first = await repos.vehicleFiles.create(a)
      await new Promise((resolve) => setTimeout(resolve, 5))
      const second = await repos.vehicleFiles.create(b)
      expect(await repos.vehicleFiles.listIds()).toEqual([second.id, first.id])
      expect(await repos.vehicleFiles.listIds(1)).toEqual([second.id])
      expect(await repos.vehicleFiles.count()).toBe(2)
    })

    it('orders the list by archive number, creation date, owner and shelf, files created together always the same way', async () => {
      const repos = await open()
      const base = forms(21, 5)
      const typed = base.map((form, i) => ({
        ...form,
        archiveNo: `XS2026-0000${[3, 1, 5, 2, 4][i]}`,
        ownerName: ['王建国', '李娜', '王建国', '张伟', '李娜'][i]!,
        cabinet: ['B1', 'A3', '', 'A3', ''][i]!,
        shelf: ['1', '2', '', '1', ''][i]!,
        box: ['7', '15', '', '15', ''][i]!
      }))
      // One import: all five share one creation instant, so only the tiebreak decides their order.
      expect((await imported(repos, typed)).created).toBe(5)
      const ids = await repos.vehicleFiles.listIds(undefined, 'archiveNo')
      const numberOf = new Map<string, string>()
      for (const file of await repos.vehicleFiles.getMany(ids)) numberOf.set(file.id, file.archiveNo)
      const numbers = async (order: Parameters<typeof repos.vehicleFiles.listIds>[1], limit?: number) =>
        (await repos.vehicleFiles.listIds(limit, order)).map((id) => numberOf.get(id)!.slice(-1))
      expect(await numbers('archiveNo')).toEqual(['1', '2', '3', '4', '5'])
      expect(await numbers('newest')).toEqual(['5', '4', '3', '2', '1'])
      expect(await numbers('newest', 2)).toEqual(['5', '4'])
      expect(await numbers('oldest')).toEqual(['1', '2', '3', '4', '5'])
      // 张伟, 李娜 (2 files), 王建国 (2 files), by character code; the same owner's files by archive number.
      expect(await numbers('ownerName')).toEqual(['2', '1', '4', '3', '5'])
      // Cabinet–shelf–box, then the files not yet shelved, by archive number.
      expect(await numbers('location')).toEqual(['2', '1', '3', '4', '5'])
      expect(await numbers('location', 2)).toEqual(['2', '1'])
    })

    it('numbers new files from the dealership pattern, gap-free, skipping numbers typed by hand', async () => {
      const repos = await open()
      const date = new Date().toISOString().slice(0, 4)
      const firstNo = await repos.vehicleFiles.previewArchiveNo('sold_here')
      expect(firstNo).toBe(`XS${date}-00001`)
      expect(await repos.vehicleFiles.previewArchiveNo('serviced_only')).toBe(`WX${date}-00001`)
      const [a, b, c] = forms(10, 3) as [VehicleFileForm, VehicleFileForm, VehicleFileForm]
      await repos.vehicleFiles.create({ ...a, origin: 'sold_here', archiveNo: firstNo })
      expect(await repos.vehicleFiles.previewArchiveNo('sold_here')).toBe(`XS${date}-00002`)
      await repos.vehicleFiles.create({ ...b, origin: 'serviced_only', archiveNo: `XS${date}-00002` })
      expect(await repos.vehicleFiles.previewArchiveNo('sold_here')).toBe(`XS${date}-00003`)
      await repos.settings.saveDealership({
        ...DEFAULT_DEALERSHIP_SETTINGS,
        dealershipName: '长春一汽大众4S店',
        archiveNoPattern: 'CC{YY}{SEQ:4}'
      })
      const custom = await repos.vehicleFiles.previewArchiveNo('sold_here')
      expect(custom).toBe(`CC${date.slice(2)}0001`)
      await repos.vehicleFiles.create({ ...c, archiveNo: custom })
      expect(await repos.vehicleFiles.previewArchiveNo('serviced_only')).toBe(`CC${date.slice(2)}0002`)
      // Settings previews the real next number of a pattern before it is saved.
      expect(await repos.vehicleFiles.previewArchiveNo('sold_here', undefined, '{ORIGIN}{YYYY}-{SEQ:5}')).toBe(
        `XS${date}-00003`
      )
    })

    it('refuses an archive-number pattern without a sequence and keeps the old one', async () => {
      const repos = await open()
      const error = await refusal(
        repos.settings.saveDealership({ ...DEFAULT_DEALERSHIP_SETTINGS, archiveNoPattern: 'XS{YYYY}' })
      )
      expect(error.code).toBe('SETTINGS_INVALID')
      expect(error.message).toContain('流水号')
      expect((await repos.settings.getDealership()).archiveNoPattern).toBe('{ORIGIN}{YYYY}-{SEQ:5}')
    })
  })
}
