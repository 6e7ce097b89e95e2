import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { SVW_SKODA_SALES_EXAMPLE, SVW_SKODA_SERVICE_EXAMPLE, withFacts } from '../fixtures/example-archives'
import { launchChromium, newAppPage } from './support/browser'
import { fillVehicleForm } from './support/vehicle-form'
import { enterArchive } from './support/inspection'
import { pdfText } from './support/pdf-text'
import { firstLogIn } from './support/session'
import { createRandom, makeVehicleFileForm } from '../fixtures/vehicle-generator'
import { chinaDate, chinaMonthOf } from '../../shared/time'

const baseUrl = inject('baseUrl')
let browser: Browser
const folder = mkdtempSync(join(tmpdir(), 'chedang-e2e-fines-'))
const SHOTS = process.env.CHEDANG_SCREENSHOTS

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

const SALES = { name: '王芳', username: 'wangfang', initial: 'Sales#2026q', own: 'Wf#8842mqz' }
const SERVICE = { name: '李强', username: 'liqiang', initial: 'Service#2026q', own: 'Lq#8842mqz' }

async function createOperator(page: Page, who: typeof SALES, role: string): Promise<void> {
  await page.goto(`${baseUrl}#/operators`)
  await page.fill('input[name=op-name]', who.name)
  await page.selectOption('select[name=op-role]', role)
  await page.fill('input[name=op-username]', who.username)
  await page.fill('input[name=op-password]', who.initial)
  await page.click('button:has-text("建立账号")')
  await expect.poll(() => page.textContent('[data-testid=operators-table]')).toContain(who.username)
}

async function handOver(
  page: Page,
  line: { department: 'sales' | 'service'; by: string; vin: string; anchorDate: string; repairOrderNo?: string }
): Promise<void> {
  await page.goto(`${baseUrl}#/handovers`)
  await page.selectOption('select[name=department]', line.department)
  await page.fill('input[name=handedByName]', line.by)
  await page.click('button:has-text("开始交接")')
  await page.waitForSelector('input[name=scan]')
  if (line.department === 'service') {
    await page.selectOption('select[name=visitType]', 'minor_repair')
    await page.fill('input[name=repairOrderNo]', line.repairOrderNo!)
  }
  await page.fill('input[name=scan]', line.vin)
  await page.fill('input[name=anchorDate]', '')
  await page.type('input[name=anchorDate]', line.anchorDate.replaceAll('-', ''))
  await page.press('input[name=scan]', 'Enter')
  await expect.poll(() => page.locator('[data-testid=handover-lines] tbody tr').count()).toBe(1)
  await page.click('[data-testid=handover-lines] tbody tr:first-child a')
  await page.waitForSelector('.inspection-screen')
}

describe('fines in the browser', () => {
  it('a late, unsigned sales hand-in and a nonconforming service archive are proposed, confirmed and printed; each advisor sees only their own', async () => {
    const { context, page } = await newAppPage(browser, baseUrl)
    const today = chinaDate(new Date())
    const month = chinaMonthOf(new Date())

    // The dealership works under the SVW-Skoda policy.
    await page.goto(`${baseUrl}#/settings`)
    await page.selectOption('select[name=preset]', 'svw-skoda')
    await page.click('button:has-text("改用此模板")')
    await page.waitForSelector('.banner.ok')
    await createOperator(page, SALES, 'sales_advisor')
    await createOperator(page, SERVICE, 'service_advisor')

    const rnd = createRandom(3011)
    const vins: string[] = []
    for (let i = 1; i <= 2; i++) {
      const form = makeVehicleFileForm(rnd, i)
      vins.push(form.vin)
      await page.goto(`${baseUrl}#/files/new`)
      await page.waitForSelector('input[name=vin]')
      await fillVehicleForm(page, form)
      await page.click('button[type=submit]')
      await page.waitForSelector('.detail-screen')
    }

    // Delivered four weeks ago (五.1: within 3 working days): handed in late; the customer's signature on the
    // delivery check is judged wrong (五.2).
    const delivered = chinaDate(new Date(Date.now() - 28 * 86_400_000))
    await handOver(page, { department: 'sales', by: SALES.name, vin: vins[0]!, anchorDate: delivered })
    await enterArchive(page, SVW_SKODA_SALES_EXAMPLE)
    await page.click('[data-testid=check-delivery-check-customer-signature-correct] .tick button:nth-child(2)')
    await expect.poll(() => page.textContent('[data-testid=verdict] h2')).toContain('不合格')
    await page.click('button:has-text("判定并提交")')
    await page.waitForSelector('.tag:has-text("已退回整改")')

    // The car handed back today, the file on time; the settlement lacks the customer's signature (五.5).
    await handOver(page, {
      department: 'service',
      by: SERVICE.name,
      vin: vins[1]!,
      anchorDate: today,
      repairOrderNo: 'WX2611300031'
    })
    const service = withFacts(SVW_SKODA_SERVICE_EXAMPLE, {
      repairOrderNo: 'WX2611300031',
      receivedAt: `${today} 09:10`,
      handedBackAt: `${today} 15:40`,
      'settlement.signatures': [{ role: 'service_advisor' }]
    })
    // Only the documents the handover line brought for a minor repair are on the screen.
    const shown: Record<string, (typeof service.documents)[string]> = {}
    for (const [code, doc] of Object.entries(service.documents))
      if ((await page.locator(`select[name="form.${code}"]`).count()) > 0) shown[code] = doc
    await enterArchive(page, { ...service, documents: shown })
    await expect.poll(() => page.textContent('[data-testid=verdict] h2')).toContain('不合格')
    await page.click('button:has-text("判定并提交")')
    await page.waitForSelector('.tag:has-text("已退回整改")')

    // The director proposes the month's violations from the records.
    await page.goto(`${baseUrl}#/fines`)
    await page.waitForSelector('[data-testid=fines-screen]')
    await page.click('button:has-text("检测本月违规")')
    await page.waitForSelector('.banner.ok')
    const rows = page.locator('[data-testid=fines-violations] tbody tr')
    await expect.poll(() => rows.count()).toBe(3)
    const table = (await page.textContent('[data-testid=fines-violations]'))!
    expect(table).toContain('上汽大众斯柯达 五.1')
    expect(table).toContain('上汽大众斯柯达 五.2')
    expect(table).toContain('上汽大众斯柯达 五.5')
    expect(table).toContain('待确认')
    expect(await page.textContent('[data-testid=fines-month-state]')).toContain('每条违规计受处罚一次')
    // Running it again proposes nothing twice.
    await page.click('button:has-text("检测本月违规")')
    await page.waitForSelector('.banner.ok')
    await expect.poll(() => rows.count()).toBe(3)
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'fines-1-proposed.png'), fullPage: true })

    // The director confirms each.
    const confirm = page.locator('[data-testid=fines-violations] button:has-text("确认")')
    for (let guard = 0; guard < 10 && (await confirm.count()) > 0; guard++) {
      const before = await confirm.count()
      await confirm.first().click()
      await expect.poll(() => confirm.count()).toBe(before - 1)
    }
    expect(await page.locator('[data-testid=fines-violations] tbody tr:has-text("已确认")').count()).toBe(3)
    // 五.6: the sales advisor's 2nd penalty of the month is doubled; totals 120 and 50 yuan.
    const totals = (await page.textContent('[data-testid=fines-totals]'))!
    expect(totals).toContain('120.00')
    expect(totals).toContain('50.00')
    expect(await page.textContent('[data-testid=fines-lines]')).toContain('×2')
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'fines-2-confirmed.png'), fullPage: true })

    // The sales advisor's 奖罚通知单, read back: both lines, the doubled one, the total in figures and 大写.
    const download = page.waitForEvent('download')
    await page.click(`[data-testid=fines-totals] tr[data-person="${SALES.name}"] button:has-text("另存为 PDF")`)
    const path = join(folder, 'notice.pdf')
    await (await download).saveAs(path)
    const notice = await pdfText(path)
    expect(notice).toContain('奖罚通知单')
    expect(notice).toContain(SALES.name)
    expect(notice).toContain('五.1')
    expect(notice).toContain('五.2')
    expect(notice).not.toContain('五.5')
    expect(notice).toMatch(/×\s*2/)
    expect(notice).toContain('120')
    expect(notice).toContain('壹佰贰拾元整')

    // Each advisor sees their own violations on 我的, with what to fix, and nobody else's.
    await page.click('button:has-text("切换操作员")')
    await firstLogIn(page, SALES.username, SALES.initial, SALES.own)
    await page.goto(`${baseUrl}#/mine`)
    const mine = page.locator('[data-testid=mine-violations] tbody tr')
    await expect.poll(() => mine.count()).toBe(2)
    const own = (await page.textContent('[data-testid=mine-violations]'))!
    expect(own).toContain('五.1')
    expect(own).toContain('五.2')
    expect(own).not.toContain('五.5')
    expect(own).toContain('已确认')
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'fines-3-mine.png'), fullPage: true })
    // The month's screen is not theirs.
    await page.goto(`${baseUrl}#/fines`)
    await expect.poll(() => page.textContent('.content')).toContain('没有')
    expect(await page.locator('[data-testid=fines-violations]').count()).toBe(0)

    await page.click('button:has-text("切换操作员")')
    await firstLogIn(page, SERVICE.username, SERVICE.initial, SERVICE.own)
    await page.goto(`${baseUrl}#/mine`)
    await expect.poll(() => mine.count()).toBe(1)
    const theirs = (await page.textContent('[data-testid=mine-violations]'))!
    expect(theirs).toContain('五.5')
    expect(theirs).not.toContain('五.1')
    expect(month).toMatch(/^\d{4}-\d{2}$/)
    await context.close()
  })
})
