import 'fake-indexeddb/auto'
import { beforeAll, describe, expect, it } from 'vitest'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { FAW_VW_SERVICE_EXAMPLE } from '../../../../tests/fixtures/example-archives'
import { App } from '../../app/App'
import { initI18n } from '../../i18n'
import { ChedangDatabase } from '../../data/dexie/database'
import { createDexieRepositories } from '../../data/dexie/open-dexie-repositories'
import { createBrowserPlatform } from '../../platform/platform.browser'
import { createBrowserBackupTarget } from '../../data/backup'
import { DexieAuth } from '../../data/dexie/dexie-auth'
import { createRandom, makeVehicleFileForm } from '../../../../tests/fixtures/vehicle-generator'

beforeAll(async () => {
  await initI18n('zh-CN')
})

describe('the audit screen', () => {
  it('shows ID numbers and phones masked wherever they sit, and its text filter does not confirm a full one', async () => {
    const db = new ChedangDatabase('audit-screen')
    await db.open()
    const session = await new DexieAuth(db, 'pc-1', { iterations: 1000 }).setup({
      dealershipName: '长春一汽大众4S店',
      name: '张丽',
      username: 'zhangli',
      password: 'Chedang#2026'
    })
    const repositories = createDexieRepositories(db, session)
    // Phones typed into free text (the notes) land in the audit event's details as they were typed.
    const form = {
      ...makeVehicleFileForm(createRandom(8), 1),
      notes: '车主家属电话 13804312345，单位电话 138 0431 2345'
    }
    const file = await repositories.vehicleFiles.create(form)
    const handover = await repositories.handovers.open({ department: 'service', handedByName: '李明' })
    const line = await repositories.handovers.addArchive(handover.id, {
      scan: file.vin,
      kind: 'service',
      visitType: 'first_service',
      repairOrderNo: 'RO2603050012',
      advisorName: '张伟',
      anchorDate: '2026-03-02',
      documentsPresent: []
    })
    // The checker types the work order's phones: they land in the audit event's JSON details (shown as 已更新).
    await repositories.archives.saveProgress(line.archive.id, FAW_VW_SERVICE_EXAMPLE, {})

    window.location.hash = '#/audit'
    const actions = {
      lock: () => undefined,
      logout: () => undefined,
      changePassword: async () => undefined,
      setLanguage: async () => undefined
    }
    render(
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
    const table = await screen.findByTestId('audit-table')
    await waitFor(() => expect(table.textContent).toContain('138****2345'))
    for (const full of ['13804312345', '138 0431 2345', form.ownerIdNumber, form.ownerPhone])
      expect(table.textContent).not.toContain(full)
    expect(table.textContent).toContain(`${form.ownerIdNumber.slice(0, 4)}**********${form.ownerIdNumber.slice(14)}`)

    await userEvent.setup().type(screen.getByPlaceholderText('档案编号、姓名、内容'), form.ownerIdNumber)
    expect(await screen.findByText('没有符合条件的记录')).toBeTruthy()
  })
})
