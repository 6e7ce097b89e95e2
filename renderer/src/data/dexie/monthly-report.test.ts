import 'fake-indexeddb/auto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ArchiveRecord, InspectionRecord } from '@shared/archive'
import { isDomainError } from '@shared/model/domain-error'
import { archiveFailuresDocument } from '@shared/rules/archive-input-document'
import { firstLogin } from '../../../../tests/fixtures/first-login'
import type { Repositories } from '../repositories'
import { ChedangDatabase } from './database'
import { DexieAuth } from './dexie-auth'
import { createDexieRepositories } from './open-dexie-repositories'

// The department's monthly report read from the stored archives and inspection rounds: each month by its
// China-time window, first rounds only, refused for an advisor.

let db: ChedangDatabase
let director: Repositories
let advisor: Repositories
let generalManager: Repositories
const now = () => new Date('2026-12-01T02:00:00Z')

const meta = (id: string) => ({
  id,
  createdAt: '2026-11-01T00:00:00.000Z',
  createdBy: 'seed',
  updatedAt: '2026-11-01T00:00:00.000Z',
  updatedBy: 'seed',
  rev: 1,
  deletedAt: null
})

function archive(id: string, changes: Partial<ArchiveRecord>): ArchiveRecord {
  return {
    ...meta(id),
    vehicleFileId: `file-${id}`,
    kind: 'service',
    visitType: null,
    repairOrderNo: null,
    status: 'filed',
    policyId: 'none',
    policyVersion: 1,
    department: 'service',
    advisorName: '李强',
    anchorAt: null,
    handInDueAt: '2026-11-10T02:00:00.000Z',
    handoverId: null,
    handoverLine: null,
    handedOverAt: '2026-11-10T01:00:00.000Z',
    missingNote: null,
    input: '{}',
    manual: '{}',
    round: 1,
    correctionDueAt: null,
    location: null,
    ...changes
  } as ArchiveRecord
}

function round(id: string, archiveId: string, changes: Partial<InspectionRecord>): InspectionRecord {
  return {
    ...meta(id),
    archiveId,
    round: 1,
    inspectedAt: '2026-11-12T03:00:00.000Z',
    inspectorName: '刘敏',
    verdict: 'accepted',
    failures: archiveFailuresDocument.write([]),
    input: '{}',
    manual: '{}',
    correctionDueAt: null,
    returnedUnchanged: false,
    ...changes
  }
}

const missingDocument = archiveFailuresDocument.write([
  {
    documentCode: 'settlement',
    documentName: '结算单',
    checkCode: null,
    title: '缺少《结算单》',
    message: '缺少《结算单》',
    clause: '五(二)2'
  }
])

beforeAll(async () => {
  db = new ChedangDatabase('monthly-report')
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
    ['王建华', 'service_advisor', 'service', 'wangjianhua'],
    ['孙建国', 'general_manager', 'management', 'sunzong']
  ] as const)
    await director.operators.create({ name, role, department, phone: '', username, password: 'Archive#2026' })
  advisor = createDexieRepositories(db, await firstLogin(auth, 'wangjianhua', 'Archive#2026'), {
    iterations: 1000,
    now
  })
  generalManager = createDexieRepositories(db, await firstLogin(auth, 'sunzong', 'Archive#2026'), {
    iterations: 1000,
    now
  })

  await db.archives.bulkAdd([
    archive('a1', {}),
    archive('a2', { handedOverAt: '2026-11-10T05:00:00.000Z' }),
    archive('a3', { department: 'sales', kind: 'sales', advisorName: '王磊' }),
    archive('a4', { handedOverAt: null }),
    // 1 December 07:30 in China: December's, not November's.
    archive('a5', { handInDueAt: '2026-11-30T23:30:00.000Z', handedOverAt: null }),
    // October: only in the trend.
    archive('a6', { handInDueAt: '2026-10-15T02:00:00.000Z', handedOverAt: '2026-10-15T01:00:00.000Z' }),
    archive('gone', { deletedAt: '2026-11-20T00:00:00.000Z', handedOverAt: null })
  ])
  await db.inspections.bulkAdd([
    round('r1', 'a1', {}),
    round('r2', 'a2', { verdict: 'nonconforming', failures: missingDocument }),
    // A second round is a correction, not a new file.
    round('r3', 'a2', { round: 2, inspectedAt: '2026-11-14T03:00:00.000Z' }),
    round('r4', 'a3', {}),
    round('r5', 'a4', { inspectedAt: '2026-11-30T15:59:00.000Z' })
  ])
})

describe('fineReports.monthlyReport', () => {
  it('reads the month by its China-time window: timeliness, completeness and nonconformity from first rounds', async () => {
    const report = await director.fineReports.monthlyReport('2026-11')
    expect(report.current.timeliness).toEqual({ count: 2, of: 4, percent: 50 })
    expect(report.current.completeness).toEqual({ count: 3, of: 4, percent: 75 })
    expect(report.current.nonconformity).toEqual({ count: 1, of: 4, percent: 25 })
    expect(report.current.byDepartment.map((d) => [d.department, d.timeliness.percent])).toEqual([
      ['sales', 100],
      ['service', 33.3]
    ])
    expect(report.trend).toHaveLength(12)
    expect(report.trend.map((m) => m.month).slice(-3)).toEqual(['2026-09', '2026-10', '2026-11'])
    expect(report.trend.at(-2)!.timeliness).toEqual({ count: 1, of: 1, percent: 100 })
    // The active policy is FAW-VW: its targets, measured on November.
    expect(report.targets.map((t) => [t.metric, t.minPercent, t.met])).toEqual([
      ['completeness', 99, false],
      ['authenticity', 95, true]
    ])
  })

  it('is there for the general manager', async () => {
    await expect(generalManager.fineReports.monthlyReport('2026-11')).resolves.toMatchObject({ month: '2026-11' })
  })

  it('refuses an advisor, in Chinese, and logs the refusal', async () => {
    const error = await advisor.fineReports.monthlyReport('2026-11').catch((e: unknown) => e)
    expect(isDomainError(error)).toBe(true)
    expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/)
    const denied = await director.auditLog.forEntity('monthlyReport', '2026-11')
    expect(denied.some((e) => e.action === 'access.denied' && e.actorName === '王建华')).toBe(true)
  })

  it('refuses a month that is not YYYY-MM', async () => {
    const error = await director.fineReports.monthlyReport('2026-13').catch((e: unknown) => e)
    expect(isDomainError(error) && error.code).toBe('FINE_MONTH_INVALID')
  })
})
