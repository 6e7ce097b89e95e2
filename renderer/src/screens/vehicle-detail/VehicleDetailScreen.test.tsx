import 'fake-indexeddb/auto'
import { beforeAll, describe, expect, it } from 'vitest'
import { render, screen, waitFor } from '@testing-library/react'
import { allManualChecksPassed, FAW_VW_SALES_EXAMPLE, withFacts } from '../../../../tests/fixtures/example-archives'
import { getPreset } from '@shared/policy'
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

describe('the file page', () => {
  it("shows the file's archives as a timeline: kind, delivery day, status, deadline, inspection rounds and location", async () => {
    const db = new ChedangDatabase('detail-timeline')
    await db.open()
    const session = await new DexieAuth(db, 'pc-1', { iterations: 1000 }).setup({
      dealershipName: '长春一汽大众4S店',
      name: '刘敏',
      username: 'liumin',
      password: 'Archive#2026'
    })
    const repositories = createDexieRepositories(db, session)
    const file = await repositories.vehicleFiles.create(makeVehicleFileForm(createRandom(44), 1))
    const handover = await repositories.handovers.open({ department: 'sales', handedByName: '李明' })
    const view = await repositories.handovers.addArchive(handover.id, {
      scan: file.vin,
      kind: 'sales',
      advisorName: '李明',
      anchorDate: '2026-03-05',
      documentsPresent: Object.keys(FAW_VW_SALES_EXAMPLE.documents)
    })
    const late = withFacts(FAW_VW_SALES_EXAMPLE, { 'invoice.invoiceDate': '2026-03-06 16:00' })
    await repositories.archives.completeInspection(
      view.archive.id,
      late,
      allManualChecksPassed(getPreset('faw-vw').archiveTemplates.sales)
    )

    window.location.hash = `#/files/${file.id}`
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

    const entry = await screen.findByTestId(`timeline-${view.archive.id}`)
    await waitFor(() => expect(entry.textContent).toContain('第 1 轮'))
    const text = entry.textContent ?? ''
    expect(text).toContain('2026-03-05')
    expect(text).toContain('销售档案')
    expect(text).toContain('李明')
    expect(text).toContain('已退回整改')
    expect(text).toMatch(/整改期限 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
    expect(text).toMatch(/第 1 轮 \d{4}-\d{2}-\d{2} 不合格 1 项/)
  })
})
