import 'fake-indexeddb/auto'
import { beforeAll, describe, expect, it } from 'vitest'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { App } from '../../app/App'
import { initI18n } from '../../i18n'
import { ChedangDatabase } from '../../data/dexie/database'
import { createDexieRepositories } from '../../data/dexie/open-dexie-repositories'
import { createBrowserPlatform } from '../../platform/platform.browser'
import { createBrowserBackupTarget } from '../../data/backup'
import type { Repositories } from '../../data/repositories'
import type { Session } from '../../data/session'
import { DexieAuth } from '../../data/dexie/dexie-auth'
import { createRandom, makeVehicleFileForm } from '../../../../tests/fixtures/vehicle-generator'

let dbCount = 0

beforeAll(async () => {
  await initI18n('zh-CN')
})

async function open() {
  const clock = { now: new Date('2026-03-06T02:00:00Z') } // Friday 10:00 China time
  const now = () => clock.now
  const db = new ChedangDatabase(`inspection-screen-${++dbCount}`)
  await db.open()
  const session = await new DexieAuth(db, 'pc-1', { iterations: 1000, now }).setup({
    dealershipName: '长春一汽大众4S店',
    name: '刘敏',
    username: 'liumin',
    password: 'Archive#2026'
  })
  const repositories = createDexieRepositories(db, session, { iterations: 1000, now })
  return { db, repositories, session, clock }
}

function renderApp(repositories: Repositories, session: Session, archiveId: string) {
  window.location.hash = `#/archives/${archiveId}`
  const actions = {
    lock: () => undefined,
    logout: () => undefined,
    changePassword: async () => undefined,
    setLanguage: async () => undefined
  }
  return render(
    <App
      services={{
        repositories,
        platform: createBrowserPlatform(),
        backupTarget: createBrowserBackupTarget(createBrowserPlatform(), localStorage),
        session,
        actions,
        storagePersisted: true,
        version: 'test'
      }}
    />
  )
}

const field = (container: HTMLElement, name: string) => container.querySelector<HTMLInputElement>(`[name="${name}"]`)!
const later = { timeout: 5000 }

describe('the inspection screen asks the policy which documents an archive needs', () => {
  // FAW-VW 五(二)2(6) 「除2-保养工单外一律要求有试车单」: the work-order type decides, not the visit type.
  async function serviceArchive(orderType: string) {
    const { repositories, session } = await open()
    const file = await repositories.vehicleFiles.create(makeVehicleFileForm(createRandom(7), 1))
    const handover = await repositories.handovers.open({ department: 'service', handedByName: '王建华' })
    const { archive } = await repositories.handovers.addArchive(handover.id, {
      scan: file.vin,
      kind: 'service',
      visitType: 'minor_repair',
      repairOrderNo: 'RO20260305001',
      advisorName: '王建华',
      anchorDate: '2026-03-05',
      documentsPresent: []
    })
    await repositories.archives.saveProgress(
      archive.id,
      { kind: 'service', visitType: 'minor_repair', documents: {}, facts: { orderType } },
      {}
    )
    return renderApp(repositories, session, archive.id)
  }

  it('a 2-保养工单 does not ask for the 试车单: it is shown as exempt with the policy’s reason', async () => {
    const { container } = await serviceArchive('2')
    expect((await screen.findByTestId('exempt-test_drive', {}, later)).textContent).toBe('免：2-保养工单除外')
    expect(container.querySelector('[data-testid="doc-test_drive"]')?.textContent).not.toContain('必备')
    // Nothing missing is reported for it.
    expect(screen.getByTestId('verdict').textContent).not.toContain('缺少《试车记录》')
  })

  it('another work-order type asks for the 试车单 as required', async () => {
    await serviceArchive('other')
    const card = await screen.findByTestId('doc-test_drive', {}, later)
    expect(card.textContent).toContain('必备')
    expect(screen.queryByTestId('exempt-test_drive')).toBeNull()
    expect(screen.getByTestId('verdict').textContent).toContain('缺少《试车记录》')
  })
})

describe('the correction loop on the inspection screen (FAW-VW 五(二)4(5))', () => {
  async function returnedArchive() {
    const opened = await open()
    const { repositories } = opened
    const file = await repositories.vehicleFiles.create(makeVehicleFileForm(createRandom(46), 1))
    const handover = await repositories.handovers.open({ department: 'sales', handedByName: '李明' })
    const view = await repositories.handovers.addArchive(handover.id, {
      scan: file.vin,
      kind: 'sales',
      advisorName: '李明',
      anchorDate: '2026-03-05',
      documentsPresent: []
    })
    // Nothing handed in: every document is missing, so the archive goes back.
    await repositories.archives.completeInspection(view.archive.id, { kind: 'sales', documents: {} }, {})
    opened.clock.now = new Date('2026-03-06T09:00:00Z') // Friday 17:00
    return { ...opened, id: view.archive.id }
  }

  it('records who signed for the notice and when, and shows the deadline counted from the receipt', async () => {
    const { db, repositories, session, id } = await returnedArchive()
    const user = userEvent.setup()
    const { container } = renderApp(repositories, session, id)
    await screen.findByTestId('correction-loop', {}, later)
    expect(field(container, 'receivedBy').value).toBe('李明')

    // A time that is not one: refused in Chinese, nothing written.
    await user.type(field(container, 'receivedAt'), '明天下午')
    await user.click(screen.getByRole('button', { name: '登记签收' }))
    expect(
      await screen.findByText('签收时间“明天下午”无效，应为日期和时间，如 2026-03-10 10:00', {}, later)
    ).toBeTruthy()
    expect((await db.archives.get(id))?.noticeReceivedAt ?? null).toBeNull()

    await user.clear(field(container, 'receivedAt'))
    await user.type(field(container, 'receivedAt'), '2026-03-06 16:30')
    await user.click(screen.getByRole('button', { name: '登记签收' }))
    // Saturday 16:30 is a rest day: the same time on Monday.
    expect((await screen.findByTestId('notice-receipt', {}, later)).textContent).toBe(
      '2026-03-06 16:30 签收： 李明 · 整改期限：2026-03-09 16:30（自签收起算）'
    )
    expect(await db.archives.get(id)).toMatchObject({
      noticeReceivedBy: '李明',
      noticeReceivedAt: '2026-03-06T08:30:00.000Z',
      correctionDueAt: '2026-03-09T08:30:00.000Z'
    })
  })

  it('records a late correction only with the reason, a later promised time and the 服务经理’s signature', async () => {
    const { db, repositories, session, id } = await returnedArchive()
    await repositories.archives.recordNoticeReceipt(id, { receivedAt: '2026-03-06T16:30:00+08:00', receivedBy: '李明' })
    const user = userEvent.setup()
    const { container } = renderApp(repositories, session, id)
    await screen.findByTestId('notice-receipt', {}, later)

    await user.type(field(container, 'lateReason'), '客户出差，行驶证复印件未取回')
    await user.type(field(container, 'promisedAt'), '2026-03-11 10:00')
    await user.click(screen.getByRole('button', { name: '登记逾期说明' }))
    expect(await screen.findByText('逾期说明须由服务经理签字有效，请填写签字人', {}, later)).toBeTruthy()
    expect((await db.archives.get(id))?.lateCorrectionReason ?? null).toBeNull()

    await user.type(field(container, 'lateSignedBy'), '赵刚')
    await user.click(screen.getByRole('button', { name: '登记逾期说明' }))
    expect((await screen.findByTestId('late-correction', {}, later)).textContent).toBe(
      '承诺 2026-03-11 10:00 前交回： 客户出差，行驶证复印件未取回（赵刚）'
    )
    expect(await db.archives.get(id)).toMatchObject({
      lateCorrectionReason: '客户出差，行驶证复印件未取回',
      lateCorrectionPromisedAt: '2026-03-11T02:00:00.000Z',
      lateCorrectionSignedBy: '赵刚'
    })
  })
})
