import 'fake-indexeddb/auto'
import { strFromU8, unzipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseTable } from '@shared/import'
import { isDomainError } from '@shared/model/domain-error'
import { getPreset } from '@shared/policy'
import { allManualChecksPassed, FAW_VW_SALES_EXAMPLE, withFacts } from '../../../../tests/fixtures/example-archives'
import type { VehicleFile } from '@shared/vehicle/vehicle-file'
import { createRandom, makeVehicleFileForm } from '../../../../tests/fixtures/vehicle-generator'
import { firstLogin } from '../../../../tests/fixtures/first-login'
import type { ExportFile, Repositories } from '../repositories'
import { ChedangDatabase } from './database'
import { DexieAuth } from './dexie-auth'
import { createDexieRepositories } from './open-dexie-repositories'

// The registers as XLSX: read back with parseTable, masked, only what the operator may see, the operator
// and time in the file's properties, each export in the audit trail, and refused without 备份与导出.

let db: ChedangDatabase
let director: Repositories
let manager: Repositories
let advisor: Repositories
const files: VehicleFile[] = []
let fullPhone = ''
let noticeNumber = ''
const at = new Date('2026-03-09T02:00:00Z')

const read = (file: ExportFile) => parseTable(file.bytes, file.fileName)
const column = (table: { headers: string[]; rows: string[][] }, header: string) =>
  table.rows.map((row) => row[table.headers.indexOf(header)])

beforeAll(async () => {
  db = new ChedangDatabase('exports')
  await db.open()
  const now = () => at
  const auth = new DexieAuth(db, 'pc-archive-room', { iterations: 1000, now })
  director = createDexieRepositories(
    db,
    await auth.setup({
      dealershipName: '长春一汽大众4S店',
      name: '张丽',
      username: 'zhangli',
      password: 'Chedang#2026'
    }),
    { iterations: 1000, now }
  )
  for (const [name, role, department, username] of [
    ['刘敏', 'archive_manager', 'customer_care', 'liumin'],
    ['王建华', 'sales_advisor', 'sales', 'wangjianhua']
  ] as const) {
    await director.operators.create({ name, role, department, phone: '', username, password: 'Archive#2026' })
  }
  manager = createDexieRepositories(db, await firstLogin(auth, 'liumin', 'Archive#2026'), { iterations: 1000, now })
  advisor = createDexieRepositories(db, await firstLogin(auth, 'wangjianhua', 'Archive#2026'), {
    iterations: 1000,
    now
  })

  const rnd = createRandom(2611)
  for (let i = 1; i <= 3; i++) files.push(await director.vehicleFiles.create(makeVehicleFileForm(rnd, i)))
  fullPhone = (await director.vehicleFiles.getForEdit(files[0]!.id))!.ownerPhone
  await director.vehicleFiles.setSecrecy(files[2]!.id, 'top_secret', '公安机关调查中')

  const handover = await director.handovers.open({ department: 'sales', handedByName: '王建华' })
  const docs = Object.keys(FAW_VW_SALES_EXAMPLE.documents)
  const lines = []
  for (const file of files)
    lines.push(
      await director.handovers.addArchive(handover.id, {
        scan: file.vin,
        kind: 'sales',
        advisorName: '王建华',
        anchorDate: '2026-03-02',
        documentsPresent: docs
      })
    )
  const passed = allManualChecksPassed(getPreset('faw-vw').archiveTemplates.sales)
  await director.archives.completeInspection(lines[0]!.archive.id, FAW_VW_SALES_EXAMPLE, passed)
  const late = withFacts(FAW_VW_SALES_EXAMPLE, { 'invoice.invoiceDate': '2026-03-06 16:00' })
  await director.archives.completeInspection(lines[1]!.archive.id, late, passed)
  await director.archives.completeInspection(lines[2]!.archive.id, late, passed)
  noticeNumber = (await director.archives.correctionNotice(lines[1]!.archive.id)).number
})

describe('exporting registers to XLSX', () => {
  it('exports the vehicle files with Chinese headers, personal information masked, and 绝密 files left out for a manager', async () => {
    const exported = await manager.exports.vehicleFiles()
    expect(exported.fileName).toBe('车辆档案登记簿-2026-03-09.xlsx')
    const table = await read(exported)
    expect(table.headers.slice(0, 4)).toEqual(['档案编号', '车架号', '车牌号', '车系'])
    expect(exported.rows).toBe(2)
    expect(column(table, '车架号').sort()).toEqual([files[0]!.vin, files[1]!.vin].sort())
    const phones = column(table, '车主电话')
    expect(phones).not.toContain(fullPhone)
    expect(phones.every((p) => p?.includes('****'))).toBe(true)
    expect(JSON.stringify(table)).not.toContain(files[2]!.vin)
    // The director may see the 绝密 file: it is listed, still masked.
    const all = await read(await director.exports.vehicleFiles())
    expect(column(all, '车架号')).toContain(files[2]!.vin)
    expect(column(all, '密级')).toContain('绝密')
    expect(JSON.stringify(all)).not.toContain(fullPhone)
  })

  it('names the operator and the time in the file properties, and logs the export with its row count', async () => {
    const exported = await manager.exports.vehicleFiles()
    const core = strFromU8(unzipSync(exported.bytes)['docProps/core.xml']!)
    expect(core).toContain('<dc:creator>刘敏</dc:creator>')
    expect(core).toContain('<dc:title>车辆档案登记簿</dc:title>')
    expect(core).toContain('2026-03-09T02:00:00Z')
    expect(core).toContain('导出人：刘敏\u3000导出时间：2026-03-09 10:00')
    const events = await director.auditLog.query({ actions: ['export'], text: '车辆档案登记簿' })
    expect(events.find((e) => e.actorName === '刘敏')?.summary).toBe('导出车辆档案登记簿 2 条')
  })

  it('exports the handover register, the inspection records and the nonconformity register', async () => {
    const handovers = await read(await director.exports.handovers())
    expect(handovers.headers).toEqual([
      '交接单号',
      '移交部门',
      '移交人',
      '接收人',
      '移交时间',
      '档案份数',
      '状态',
      '签字时间'
    ])
    expect(handovers.rows).toEqual([
      [expect.stringMatching(/^JJ20260309-\d{3}$/), '销售部', '王建华', '张丽', '2026-03-09 10:00', '3', '登记中', '']
    ])

    const inspections = await read(await manager.exports.inspections())
    expect(inspections.rows).toHaveLength(2)
    expect(column(inspections, '结论').sort()).toEqual(['不合格', '合格'])
    expect(column(inspections, '检查人')).toEqual(['张丽', '张丽'])

    const notices = await read(await manager.exports.correctionNotices())
    expect(notices.headers[0]).toBe('不合格档案记录编号')
    expect(notices.rows).toHaveLength(1)
    expect(column(notices, '不合格档案记录编号')).toEqual([noticeNumber])
    expect(column(notices, '车架号')).toEqual([files[1]!.vin])
    expect(column(notices, '整改期限')).toEqual(['2026-03-10'])
    expect(column(notices, '档案现状')).toEqual(['已退回整改'])
  })

  it('refuses an advisor without 备份与导出, logs the refusal, and exports nothing', async () => {
    const before = (await director.auditLog.query({ actions: ['export'] })).length
    for (const run of [
      () => advisor.exports.vehicleFiles(),
      () => advisor.exports.handovers(),
      () => advisor.exports.inspections(),
      () => advisor.exports.correctionNotices(),
      () => advisor.auditLog.exportPersonalInfoAccess({})
    ]) {
      const error = await run().catch((e: unknown) => e)
      expect(isDomainError(error) && error.code).toBe('PERMISSION_DENIED')
    }
    expect((await director.auditLog.query({ actions: ['export'] })).length).toBe(before)
    const denied = await director.auditLog.query({ actions: ['access.denied'], text: '王建华' })
    expect(denied.length).toBeGreaterThanOrEqual(5)
  })
})
