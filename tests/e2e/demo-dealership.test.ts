import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium, newBlankPage } from './support/browser'
import { pdfText } from './support/pdf-text'

const baseUrl = inject('baseUrl')
let browser: Browser
const folder = mkdtempSync(join(tmpdir(), 'chedang-e2e-demo-'))
const SHOTS = process.env.CHEDANG_SCREENSHOTS

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

describe('the sample dealership', () => {
  it('opens from the first-start screen in its own database, marked 演示, and leaves the real archive empty', async () => {
    const { context, page } = await newBlankPage(browser, baseUrl)
    await page.waitForSelector('[data-testid=load-demo]')
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'demo-1-first-start.png') })
    await page.click('[data-testid=load-demo]')

    // The demo is made once, then its login screen lists the demo operators.
    await page.waitForSelector('[data-testid=demo-accounts]', { timeout: 60_000 })
    expect(await page.title()).toContain('演示')
    expect(await page.textContent('[data-testid=demo-banner]')).toContain('演示')
    expect(await page.textContent('[data-testid=demo-accounts]')).toContain('档案管理员')
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'demo-2-login.png') })

    await page.click('[data-testid=demo-accounts] tr:has-text("liumin") button')
    await page.click('button[type=submit]')
    await page.waitForSelector('.shell')
    // No forced password change: the archive manager lands on 工作台 with work waiting.
    await page.waitForSelector('[data-testid=returned-archives] tbody tr')
    expect(await page.textContent('[data-testid=demo-banner]')).toContain('演示')
    expect(await page.locator('[data-testid=awaiting-inspection] tbody tr').count()).toBeGreaterThan(3)
    expect(await page.locator('[data-testid=pending-handovers] li').count()).toBeGreaterThan(0)
    expect(await page.locator('[data-testid=returned-archives] tr.overdue').count()).toBeGreaterThan(0)
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'demo-3-work.png'), fullPage: true })

    // The correction notice of an archive that was returned prints.
    await page.click('[data-testid=returned-archives] tbody tr:first-child a')
    await page.waitForSelector('.inspection-screen')
    const download = page.waitForEvent('download')
    await page.click('button:has-text("另存为 PDF")')
    const path = join(folder, 'notice.pdf')
    await (await download).saveAs(path)
    const notice = await pdfText(path)
    expect(notice).toContain('不合格档案记录')
    expect(notice).toContain('演示')
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'demo-4-archive.png'), fullPage: true })

    // Leaving the demo comes back to the real archive, which is still empty: the first-start screen.
    await page.click('[data-testid=demo-banner] button')
    await page.waitForSelector('input[name=dealershipName]')
    expect(await page.locator('[data-testid=demo-banner]').count()).toBe(0)
    expect(await page.title()).not.toContain('演示')
    const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))
    expect(names).toContain('chedang-demo')
    const realFiles = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('chedang')
          open.onerror = () => reject(open.error)
          open.onsuccess = () => {
            const db = open.result
            const count = db.transaction('vehicleFiles').objectStore('vehicleFiles').count()
            count.onsuccess = () => {
              resolve(count.result)
              db.close()
            }
          }
        })
    )
    expect(realFiles).toBe(0)
    await context.close()
  }, 180_000)
})
