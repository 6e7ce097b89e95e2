import 'fake-indexeddb/auto'
import { beforeAll, describe, expect, it } from 'vitest'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Root } from './Root'
import { ROUTE_ACCESS } from './route-access'
import { initI18n } from '../i18n'
import { ChedangDatabase } from '../data/dexie/database'
import { DexieAuth } from '../data/dexie/dexie-auth'
import { createBrowserPlatform } from '../platform/platform.browser'
import { createBrowserBackupTarget } from '../data/backup'
import { buildDemoDealership, DEMO_ACCOUNTS } from '../demo/demo-dealership'

// Every screen, as each demo operator who may open it, in English: no Chinese outside what is marked
// as policy content or people's data (lang="zh-CN").

const HAN = /[\u3001-\u303f\u4e00-\u9fff\uff01-\uff5e]+/g

/** The Chinese left on the page once policy content and data (marked lang="zh-CN") are set aside. */
function chineseOnScreen(): string[] {
  const copy = document.body.cloneNode(true) as HTMLElement
  for (const marked of copy.querySelectorAll('[lang="zh-CN"]')) marked.remove()
  for (const hidden of copy.querySelectorAll('script, style, [hidden]')) hidden.remove()
  const texts = [copy.textContent ?? '']
  for (const el of copy.querySelectorAll('[placeholder], [aria-label], [title]'))
    for (const name of ['placeholder', 'aria-label', 'title']) texts.push(el.getAttribute(name) ?? '')
  return texts.flatMap((text) => [...text.matchAll(HAN)].map((m) => m[0]))
}

let db: ChedangDatabase
let auth: DexieAuth
const ids: Record<string, string> = {}

beforeAll(async () => {
  await initI18n('zh-CN')
  db = new ChedangDatabase('english-screens')
  await db.open()
  await buildDemoDealership(db, { deviceId: 'pc-demo', now: new Date(), iterations: 1000 })
  auth = new DexieAuth(db, 'pc-demo', { iterations: 1000 })
  for (const account of DEMO_ACCOUNTS) {
    const { session } = await auth.login(account.username, account.password)
    await auth.setLanguage(session, 'en-US')
  }
  const returned = await db.archives.where('status').equals('returned').first()
  ids['/files/:id'] = returned!.vehicleFileId
  ids['/files/:id/edit'] = returned!.vehicleFileId
  ids['/archives/:id'] = returned!.id
  ids['/handovers/:id'] = (await db.handovers.toCollection().first())!.id
}, 120_000)

function pathOf(route: string): string {
  const id = ids[route]
  return id ? route.replace(':id', id) : route
}

describe('every screen in English', () => {
  for (const account of DEMO_ACCOUNTS) {
    it(`shows ${account.role} no Chinese outside policy content and data`, async () => {
      const platform = createBrowserPlatform()
      window.location.hash = '#/'
      const { container, unmount } = render(
        <Root
          db={db}
          auth={auth}
          platform={platform}
          backupTarget={createBrowserBackupTarget(platform, localStorage)}
          storagePersisted
          version="test"
        />
      )
      const user = userEvent.setup()
      const field = (name: string) => container.querySelector<HTMLInputElement>(`input[name="${name}"]`)!
      await waitFor(() => expect(field('username')).toBeTruthy())
      await user.type(field('username'), account.username)
      await user.type(field('password'), account.password)
      await user.click(screen.getByRole('button', { name: '登录' }))
      await waitFor(() => expect(container.querySelector('.shell')).toBeTruthy())
      await waitFor(() => expect(container.querySelector('.operator-role')!.getAttribute('lang')).toBeNull())

      const found: Record<string, string[]> = {}
      for (const route of ROUTE_ACCESS) {
        window.location.hash = `#${pathOf(route.path)}`
        // Let the screen load its data.
        await new Promise((resolve) => setTimeout(resolve, 400))
        await waitFor(() => expect(container.querySelector('.loading, [aria-busy="true"]')).toBeNull())
        const chinese = chineseOnScreen()
        if (chinese.length > 0) found[route.path] = [...new Set(chinese)]
      }
      unmount()
      expect(found).toEqual({})
    }, 120_000)
  }
})
