import 'fake-indexeddb/auto'
import { beforeAll, describe, expect, it } from 'vitest'
import { isDomainError } from '@shared/model/domain-error'
import type { VehicleFile } from '@shared/vehicle/vehicle-file'
import { createRandom, makeVehicleFileForm } from '../../../../tests/fixtures/vehicle-generator'
import { firstLogin } from '../../../../tests/fixtures/first-login'
import type { Repositories } from '../repositories'
import { ChedangDatabase } from './database'
import { DexieAuth } from './dexie-auth'
import { createDexieRepositories } from './open-dexie-repositories'

// Deliveries imported from the dealer system (all or nothing, once per line), counted against the sales
// archives received: matched, missing, excepted with the policy's reason, extra; the count kept and
// audited, its missing lines on the work list until the archive arrives; refused without the permission.

let db: ChedangDatabase
let director: Repositories
let manager: Repositories
let advisor: Repositories
const files: VehicleFile[] = []
const rnd = createRandom(4711)
const newVins = [makeVehicleFileForm(rnd, 101).vin, makeVehicleFileForm(rnd, 102).vin]
const earlierVin = makeVehicleFileForm(rnd, 103).vin
let clock = new Date('2026-03-09T02:00:00Z')
const now = () => clock
const FILE = { fileName: 'AAK交车清单.csv', sha256: 'a'.repeat(64) }
const HEADERS = ['车架号', '交车日期', '销售顾问', '车牌号', '车型']

function badCheckDigit(vin: string): string {
  const digit = vin[8] === '0' ? '1' : '0'
  return `${vin.slice(0, 8)}${digit}${vin.slice(9)}`
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, message: error.message }
    throw error
  }
  throw new Error('not refused')
}

beforeAll(async () => {
  db = new ChedangDatabase('reconciliations')
  await db.open()
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
  ] as const)
    await director.operators.create({ name, role, department, phone: '', username, password: 'Archive#2026' })
  manager = createDexieRepositories(db, await firstLogin(auth, 'liumin', 'Archive#2026'), { iterations: 1000, now })
  advisor = createDexieRepositories(db, await firstLogin(auth, 'wangjianhua', 'Archive#2026'), {
    iterations: 1000,
    now
  })
  for (let i = 1; i <= 3; i++) files.push(await director.vehicleFiles.create(makeVehicleFileForm(rnd, i)))
  await director.vehicleFiles.setSecrecy(files[2]!.id, 'top_secret', '公安机关调查中')
  const handover = await director.handovers.open({ department: 'sales', handedByName: '王建华' })
  for (const file of files)
    await director.handovers.addArchive(handover.id, {
      scan: file.vin,
      kind: 'sales',
      advisorName: '王建华',
      anchorDate: '2026-03-03',
      documentsPresent: []
    })
})

const goodTable = () => ({
  headers: HEADERS,
  rows: [
    [files[0]!.vin, '2026-03-02', '王建华', '吉A12345', '迈腾'],
    [files[2]!.vin, '2026/3/4', '王建华', '', '探岳'],
    [newVins[0]!, '2026-03-05', '李娜', '吉A66666', '速腾'],
    [newVins[1]!, '2026-03-06', '王建华', '', '宝来'],
    ['', '', '', '', ''],
    [earlierVin, '2026-02-20', '李娜', '', '高尔夫']
  ]
})
const mapping = { vin: '车架号', date: '交车日期', advisor: '销售顾问', plate: '车牌号', model: '车型' }

describe('importing a delivery list', () => {
  it('reports every bad row in Chinese (check digit, date, duplicate) and writes nothing', async () => {
    const table = {
      headers: HEADERS,
      rows: [
        ...goodTable().rows,
        [badCheckDigit(newVins[0]!), '2026-03-05', '李娜', '', ''],
        [files[1]!.vin, '3月5日', '王建华', '', ''],
        [files[0]!.vin, '2026-03-02', '王建华', '', '']
      ]
    }
    const check = await manager.reconciliations.checkSystemList({ source: 'deliveries', table, mapping })
    expect(check.issues.map((issue) => [issue.row, issue.code])).toEqual([
      [8, 'SYSTEM_ROW_VIN_INVALID'],
      [9, 'SYSTEM_ROW_DATE_INVALID'],
      [10, 'SYSTEM_ROW_DUPLICATE']
    ])
    expect(check.issues[0]!.message).toContain('第8行车架号')
    expect(check.issues[1]!.message).toContain('“3月5日”无法识别')
    expect(check.issues[2]!.message).toContain('与第2行重复')
    const result = await manager.reconciliations.importSystemList({ source: 'deliveries', table, mapping, file: FILE })
    expect(result.ok).toBe(false)
    expect(await db.systemRecords.count()).toBe(0)
    expect(await db.importBatches.count()).toBe(0)
  })

  it('keeps every line once, with one audit event naming the file, its hash, the counts and the ids', async () => {
    const first = await manager.reconciliations.importSystemList({
      source: 'deliveries',
      table: goodTable(),
      mapping,
      file: FILE
    })
    expect(first).toMatchObject({ ok: true, created: 5, alreadyKept: 0 })
    const again = await manager.reconciliations.importSystemList({
      source: 'deliveries',
      table: goodTable(),
      mapping,
      file: FILE
    })
    expect(again).toMatchObject({ ok: true, created: 0, alreadyKept: 5 })
    expect(await db.systemRecords.count()).toBe(5)
    const events = (await director.auditLog.recent(50)).filter((e) => e.entity === 'systemListImport')
    expect(events).toHaveLength(2)
    const changes = JSON.parse(events.find((e) => e.entityId === (first.ok ? first.importId : ''))!.changes)
    expect(changes).toMatchObject({ fileName: FILE.fileName, sha256: FILE.sha256, rows: 5, created: 5 })
    expect(changes.ids).toHaveLength(5)
    expect((await db.importBatches.get(first.ok ? first.importId : ''))!.sha256).toBe(FILE.sha256)
  })

  it('remembers the mapping per source and offers it next time', async () => {
    await manager.reconciliations.saveMapping('deliveries', { ...mapping, customer: '' })
    expect(await manager.reconciliations.mapping('deliveries')).toEqual(mapping)
    expect(await manager.reconciliations.mapping('repairOrders')).toBeNull()
  })
})

describe('counting the archives received against the system', () => {
  const period = { from: '2026-03-01', to: '2026-03-07' }

  it('finds matched, missing, excepted (用户未开发票) and extra; keeps and audits the count', async () => {
    const { run, result } = await manager.reconciliations.record({
      department: 'sales',
      period,
      exceptions: [{ vin: newVins[1]!, code: 'not_invoiced', note: '客户要求月底开票' }]
    })
    expect(result.matched.map((l) => l.vin)).toEqual([files[0]!.vin, files[2]!.vin])
    expect(result.missing.map((l) => [l.vin, l.advisor, l.date])).toEqual([[newVins[0], '李娜', '2026-03-05']])
    expect(result.excepted.map((l) => [l.vin, l.exception.label, l.exception.note])).toEqual([
      [newVins[1], '用户未开发票', '客户要求月底开票']
    ])
    expect(result.extra.map((l) => l.vin)).toEqual([files[1]!.vin])
    expect(result.outsidePeriod).toBe(1)
    // The 绝密 file's archive counts as received, but its id does not come out to the archive manager.
    expect(result.matched[1]!.archiveIds).toEqual([])
    expect(run).toMatchObject({ matched: 2, missing: 1, excepted: 1, extra: 1, system: 'AAK' })
    const event = (await director.auditLog.forEntity('reconciliation', run.id))[0]!
    expect(event.summary).toContain('缺失 1 份')
    expect((await manager.reconciliations.get(run.id))!.result).toEqual(result)
  })

  it('refuses an exception the policy in force does not allow, and keeps nothing', async () => {
    const before = await db.reconciliations.count()
    const refused = await refusal(
      manager.reconciliations.record({ department: 'sales', period, exceptions: [{ vin: newVins[0]!, code: 'lost' }] })
    )
    expect(refused.code).toBe('RECONCILIATION_EXCEPTION_UNKNOWN')
    expect(await db.reconciliations.count()).toBe(before)
  })

  it('puts the missing archive on the list of expected archives with its advisor, until it arrives', async () => {
    const expected = await manager.reconciliations.expectedArchives()
    expect(expected.map((e) => [e.vin, e.advisor, e.department])).toEqual([[newVins[0], '李娜', 'sales']])
    const file = await director.vehicleFiles.create({ ...makeVehicleFileForm(rnd, 104), vin: newVins[0]! })
    const handover = await director.handovers.open({ department: 'sales', handedByName: '李娜' })
    await director.handovers.addArchive(handover.id, {
      scan: file.vin,
      kind: 'sales',
      advisorName: '李娜',
      anchorDate: '2026-03-05',
      documentsPresent: []
    })
    expect(await manager.reconciliations.expectedArchives()).toEqual([])
  })

  it('prints 《档案缺失报告》 with the 2-day deadline and 《未上报记录》 with the reason; each print is logged', async () => {
    const [run] = await manager.reconciliations.list()
    const missing = await manager.reconciliations.report(run!.id, 'missingArchiveReport')
    expect(missing.title).toBe('档案缺失报告')
    expect(missing.facts.find((f) => f.label === '补交期限')!.value).toContain('2026-03-11 23:59 前（核对后2个自然日内')
    expect(missing.sections[0]!.rows.map((r) => r[1])).toEqual([newVins[0]])
    expect(missing.signOff.length).toBeGreaterThan(0)
    const unreported = await manager.reconciliations.report(run!.id, 'unreportedRecord')
    expect(unreported.sections[0]!.rows[0]).toContain('用户未开发票（客户要求月底开票）')
    const stamp = await manager.reconciliations.recordPrint(run!.id, 'missingArchiveReport')
    const printed = (await director.auditLog.forEntity('reconciliation', run!.id)).filter((e) => e.action === 'print')
    expect(printed.map((e) => e.deviceSeq)).toEqual([stamp.auditHead.deviceSeq])
  })

  it('reminds of the weekly count (FAW-VW counts on Monday) until a count is kept', async () => {
    clock = new Date('2026-03-16T02:00:00Z')
    const [sales, service] = await manager.reconciliations.reminders()
    expect(sales).toMatchObject({ department: 'sales', system: 'AAK', reminder: { due: true, dueOn: '2026-03-16' } })
    expect(service!.reminder.due).toBe(true)
    await manager.reconciliations.record({ department: 'sales', period: { from: '2026-03-09', to: '2026-03-15' } })
    expect((await manager.reconciliations.reminders())[0]!.reminder.due).toBe(false)
    clock = new Date('2026-03-09T02:00:00Z')
  })

  it('refuses an operator without 导入系统清单与核对档案, and logs the refusal', async () => {
    const [run] = await director.reconciliations.list()
    const calls: (() => Promise<unknown>)[] = [
      () => advisor.reconciliations.checkSystemList({ source: 'deliveries', table: goodTable(), mapping }),
      () => advisor.reconciliations.importSystemList({ source: 'deliveries', table: goodTable(), mapping, file: FILE }),
      () => advisor.reconciliations.preview({ department: 'sales', period }),
      () => advisor.reconciliations.record({ department: 'sales', period }),
      () => advisor.reconciliations.list(),
      () => advisor.reconciliations.get(run!.id),
      () => advisor.reconciliations.expectedArchives(),
      () => advisor.reconciliations.report(run!.id, 'missingArchiveReport'),
      () => advisor.reconciliations.recordPrint(run!.id, 'unreportedRecord'),
      () => advisor.reconciliations.exportResult(run!.id),
      () => advisor.reconciliations.reminders(),
      () => advisor.reconciliations.mapping('deliveries')
    ]
    for (const call of calls) expect((await refusal(call())).code).toBe('PERMISSION_DENIED')
  })
})
