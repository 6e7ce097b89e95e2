import 'fake-indexeddb/auto'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { render, screen, waitFor } from '@testing-library/react'
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

let repositories: Repositories
let session: Session
let dbCount = 0

beforeAll(async () => {
  await initI18n('zh-CN')
})
beforeEach(async () => {
  const db = new ChedangDatabase(`handover-screen-${++dbCount}`)
  await db.open()
  session = await new DexieAuth(db, 'pc-1', { iterations: 1000 }).setup({
    dealershipName: '长春一汽大众4S店',
    name: '刘敏',
    username: 'liumin',
    password: 'Archive#2026'
  })
  repositories = createDexieRepositories(db, session)
})

function renderApp() {
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

const field = (container: HTMLElement, name: string) => container.querySelector<HTMLInputElement>(`[name=${name}]`)!

describe('the handover screen', () => {
  it("needs the delivery date typed for each line, takes the VIN's last 7 characters, and shows the line", async () => {
    const file = await repositories.vehicleFiles.create(makeVehicleFileForm(createRandom(5), 1))
    const handover = await repositories.handovers.open({ department: 'sales', handedByName: '李明' })
    window.location.hash = `#/handovers/${handover.id}`
    const user = userEvent.setup()
    const { container } = renderApp()
    await waitFor(() => expect(field(container, 'scan')).toBeTruthy())

    // Nothing defaults to today: without a date the line is refused, in Chinese, and nothing is added.
    expect(field(container, 'anchorDate').value).toBe('')
    await user.type(field(container, 'scan'), `${file.vin.slice(-7)}{Enter}`)
    expect(await screen.findByText('请填写交车日期')).toBeTruthy()
    expect(await repositories.handovers.lines(handover.id)).toHaveLength(0)

    await user.type(field(container, 'anchorDate'), '20260305')
    expect(field(container, 'anchorDate').value).toBe('2026-03-05')
    await user.click(screen.getByRole('button', { name: '加入交接单' }))
    await waitFor(async () => expect(await repositories.handovers.lines(handover.id)).toHaveLength(1))
    const [line] = await repositories.handovers.lines(handover.id)
    expect(line!.file.id).toBe(file.id)
    expect(line!.archive.anchorAt).toBe('2026-03-05T01:00:00.000Z')
    // The date is typed again for the next line, never carried over silently.
    await waitFor(() => expect(field(container, 'anchorDate').value).toBe(''))
  })
})

describe('the documents listed at a service handover', () => {
  // FAW-VW 五(二)2(6) 「除2-保养工单外一律要求有试车单」: the work-order type, entered at the inspection, decides.
  it('lists the 试车记录 with its condition whatever the visit type, ticked only where the visit type expects it', async () => {
    const handover = await repositories.handovers.open({ department: 'service', handedByName: '王建华' })
    window.location.hash = `#/handovers/${handover.id}`
    const user = userEvent.setup()
    const { container } = renderApp()
    await waitFor(() => expect(container.querySelector('[name=visitType]')).toBeTruthy())
    const testDrive = () => container.querySelector<HTMLInputElement>('[name="doc.test_drive"]')

    await user.selectOptions(container.querySelector('[name=visitType]')!, 'routine_service')
    expect(testDrive()?.checked).toBe(false)
    expect(screen.getByTestId('condition-test_drive').textContent).toBe('（除2-保养工单外一律要求有试车单）')
    // No other document of the template is listed without its visit type asking for it.
    expect(container.querySelector('[name="doc.rescue"]')).toBeNull()

    await user.selectOptions(container.querySelector('[name=visitType]')!, 'minor_repair')
    expect(testDrive()?.checked).toBe(true)
  })
})
