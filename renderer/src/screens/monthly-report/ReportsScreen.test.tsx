import 'fake-indexeddb/auto'
import { beforeAll, describe, expect, it } from 'vitest'
import { render, screen, waitFor, within } from '@testing-library/react'
import type { ArchiveRecord, InspectionRecord } from '@shared/archive'
import { archiveFailuresDocument } from '@shared/rules/archive-input-document'
import { chinaMonthOf } from '@shared/time'
import { App } from '../../app/App'
import { initI18n } from '../../i18n'
import { ChedangDatabase } from '../../data/dexie/database'
import { createDexieRepositories } from '../../data/dexie/open-dexie-repositories'
import { createBrowserPlatform } from '../../platform/platform.browser'
import { createBrowserBackupTarget } from '../../data/backup'
import { DexieAuth } from '../../data/dexie/dexie-auth'
import type { Session } from '../../data/session'
import { firstLogin } from '../../../../tests/fixtures/first-login'

// The monthly report screen: this month's rates from the stored archives and first inspection rounds,
// by department and advisor, with both trend charts drawn; an advisor is refused the screen.

const month = chinaMonthOf(new Date())
const day = (d: number, hour = 2) =>
  `${month}-${String(d).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`

const meta = (id: string) => ({
  id,
  createdAt: day(1),
  createdBy: 'seed',
  updatedAt: day(1),
  updatedBy: 'seed',
  rev: 1,
  deletedAt: null
})

const archive = (id: string, changes: Partial<ArchiveRecord>) =>
  ({
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
    handInDueAt: day(2),
    handoverId: null,
    handoverLine: null,
    handedOverAt: day(2, 1),
    missingNote: null,
    input: '{}',
    manual: '{}',
    round: 1,
    correctionDueAt: null,
    location: null,
    ...changes
  }) as ArchiveRecord

const round = (id: string, archiveId: string, failures = archiveFailuresDocument.write([])): InspectionRecord => ({
  ...meta(id),
  archiveId,
  round: 1,
  inspectedAt: day(2, 3),
  inspectorName: '刘敏',
  verdict: failures.includes('documentCode') ? 'nonconforming' : 'accepted',
  failures,
  input: '{}',
  manual: '{}',
  correctionDueAt: null,
  returnedUnchanged: false
})

let db: ChedangDatabase
let director: Session
let advisor: Session

beforeAll(async () => {
  await initI18n('zh-CN')
  db = new ChedangDatabase('reports-screen')
  await db.open()
  const auth = new DexieAuth(db, 'pc-1', { iterations: 1000 })
  director = await auth.setup({
    dealershipName: '长春一汽大众4S店',
    name: '张丽',
    username: 'zhangli',
    password: 'Chedang#2026'
  })
  await createDexieRepositories(db, director, { iterations: 1000 }).operators.create({
    name: '王建华',
    role: 'service_advisor',
    department: 'service',
    phone: '',
    username: 'wangjianhua',
    password: 'Archive#2026'
  })
  advisor = await firstLogin(auth, 'wangjianhua', 'Archive#2026')
  await db.archives.bulkAdd([
    archive('a1', {}),
    archive('a2', { handedOverAt: day(2, 5) }),
    archive('a3', { department: 'sales', kind: 'sales', advisorName: '王磊' }),
    archive('a4', {})
  ])
  const missing = archiveFailuresDocument.write([
    {
      documentCode: 'settlement',
      documentName: '结算单',
      checkCode: null,
      title: '缺少',
      message: '缺少',
      clause: '五(二)2'
    }
  ])
  await db.inspections.bulkAdd([round('r1', 'a1'), round('r2', 'a2', missing), round('r3', 'a3'), round('r4', 'a4')])
})

function renderAs(session: Session) {
  window.location.hash = '#/reports'
  render(
    <App
      services={{
        repositories: createDexieRepositories(db, session),
        platform: createBrowserPlatform(),
        backupTarget: createBrowserBackupTarget(createBrowserPlatform(), localStorage),
        session,
        actions: {
          lock: () => undefined,
          logout: () => undefined,
          changePassword: async () => undefined,
          setLanguage: async () => undefined
        },
        storagePersisted: true,
        version: 'test'
      }}
    />
  )
}

describe('the monthly report screen', () => {
  it('shows the month’s rates against the FAW-VW targets, by department and advisor, with both trend charts', async () => {
    renderAs(director)
    const tiles = await screen.findByTestId('report-tiles')
    await waitFor(() => expect(tiles.textContent).toContain('档案上交及时率75%'))
    expect(tiles.textContent).toContain('档案完整性75%')
    expect(tiles.textContent).toContain('不合格率25%')
    expect(tiles.textContent).toContain('档案完整性：目标 ≥ 99%，本月 75% 未达标')
    const page = screen.getByTestId('reports-screen')
    expect(within(page).getByText('售后服务部')).toBeTruthy()
    expect(within(page).getByText('王磊')).toBeTruthy()
    const charts = screen.getByTestId('report-charts')
    const drawings = charts.querySelectorAll('svg')
    expect(drawings).toHaveLength(2)
    expect(drawings[0]!.textContent).toContain('档案质量（%）')
    expect(drawings[0]!.textContent).toContain('档案完整性目标 99%')
    expect(drawings[1]!.textContent).toContain('罚款与考核扣分')
    expect(screen.getByRole('button', { name: '打印月度报告' })).toBeTruthy()
  })

  it('refuses an advisor the screen', async () => {
    renderAs(advisor)
    await waitFor(() =>
      expect(document.body.textContent).toContain('没有“查看月度报表、打印奖罚通知单与导出工资表”的权限')
    )
    expect(screen.queryByTestId('report-tiles')).toBeNull()
  })
})
