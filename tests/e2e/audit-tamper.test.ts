import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium, newAppPage } from './support/browser'
import { DIRECTOR, logIn } from './support/session'
import { fillVehicleForm } from './support/vehicle-form'
import { createRandom, makeVehicleFileForm } from '../fixtures/vehicle-generator'

const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

describe('the audit trail in the browser', () => {
  it('names the newest event an insider deleted in developer tools, even with the counter wound back', async () => {
    const { context, page } = await newAppPage(browser, baseUrl)
    await page.goto(`${baseUrl}#/files/new`)
    await page.waitForSelector('input[name=vin]')
    await fillVehicleForm(page, makeVehicleFileForm(createRandom(2611), 1))
    await page.click('button[type=submit]')
    await page.waitForSelector('.detail-screen')

    // The next start anchors the chain's head outside the database (browser mode: localStorage).
    await page.reload()
    await logIn(page, DIRECTOR.username, DIRECTOR.password)

    // The insider opens IndexedDB directly: deletes the newest event and winds the counter back onto
    // the one before, as if it had never been written.
    const deletedSeq = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('chedang')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const db = open.result
            const tx = db.transaction(['auditEvents', 'counters'], 'readwrite')
            const all = tx.objectStore('auditEvents').getAll()
            all.onsuccess = () => {
              const events = (all.result as { id: string; deviceSeq: number; hash: string; deviceId: string }[]).sort(
                (a, b) => a.deviceSeq - b.deviceSeq
              )
              const newest = events.at(-1)!
              const previous = events.at(-2)!
              tx.objectStore('auditEvents').delete(newest.id)
              const counters = tx.objectStore('counters')
              const counter = counters.get(`auditSeq:${newest.deviceId}`)
              counter.onsuccess = () =>
                counters.put({ ...counter.result, value: previous.deviceSeq, lastHash: previous.hash })
              tx.oncomplete = () => {
                db.close()
                resolve(newest.deviceSeq)
              }
            }
            tx.onerror = () => reject(tx.error)
          }
        })
    )

    await page.reload()
    await logIn(page, DIRECTOR.username, DIRECTOR.password)
    await page.goto(`${baseUrl}#/audit`)
    await page.click('button:has-text("校验审计链")')
    const report = await page.waitForSelector('[data-testid=chain-report]')
    const text = await report.textContent()
    expect(text).toMatch(/处断裂|问题/)
    // The counter was wound back onto the event before the deleted one: the report names that place.
    expect(text).toContain(`第 ${deletedSeq - 1} 条之后原有的审计记录可能已被删除`)
    await context.close()
  })
})
