import 'fake-indexeddb/auto'
import { beforeAll, describe, expect, it } from 'vitest'
import { render, screen, within } from '@testing-library/react'
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

beforeAll(async () => {
  await initI18n('zh-CN')
})

function renderApp(repositories: Repositories, session: Session, hash: string) {
  window.location.hash = hash
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

const later = { timeout: 5000 }
let n = 0
async function returnedArchive() {
  const db = new ChedangDatabase(`work-screen-${++n}`)
  await db.open()
  const session = await new DexieAuth(db, 'pc-1', { iterations: 1000 }).setup({
    dealershipName: '长春一汽大众4S店',
    name: '刘敏',
    username: 'liumin',
    password: 'Archive#2026'
  })
  const repositories = createDexieRepositories(db, session, { iterations: 1000 })
  const file = await repositories.vehicleFiles.create(makeVehicleFileForm(createRandom(12), 1))
  const handover = await repositories.handovers.open({ department: 'sales', handedByName: '李明' })
  const view = await repositories.handovers.addArchive(handover.id, {
    scan: file.vin,
    kind: 'sales',
    advisorName: '李明',
    anchorDate: '2026-03-05',
    documentsPresent: []
  })
  await repositories.archives.completeInspection(view.archive.id, { kind: 'sales', documents: {} }, {})
  return { repositories, session, id: view.archive.id, archiveNo: file.archiveNo }
}

describe('the archives out for correction on the Work list', () => {
  // FAW-VW 五(二)4(5): the 24 hours count from the advisor's 签收, so the list says when it is still missing.
  it('say that the notice is not signed for, until the receipt is recorded', async () => {
    const { repositories, session, id, archiveNo } = await returnedArchive()
    const first = renderApp(repositories, session, '#/work')
    const link = async () =>
      within(await screen.findByTestId('returned-archives', {}, later)).findByText(archiveNo, {}, later)
    const row = async () => (await link()).closest('tr')!
    expect((await row()).textContent).toContain('（整改通知未签收）')
    first.unmount()

    await repositories.archives.recordNoticeReceipt(id, { receivedAt: new Date().toISOString(), receivedBy: '李明' })
    renderApp(repositories, session, '#/work')
    expect((await row()).textContent).not.toContain('未签收')
    // The row still leads to the inspection, where the correction loop is worked.
    expect((await link()).getAttribute('href')).toBe(`#/archives/${id}`)
  })
})
