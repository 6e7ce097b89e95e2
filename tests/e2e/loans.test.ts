import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { addChinaDays, todayInChina } from '@shared/time'
import { launchChromium, newAppPage } from './support/browser'
import { fillVehicleForm } from './support/vehicle-form'
import { pdfText } from './support/pdf-text'
import { createRandom, makeVehicleFileForm } from '../fixtures/vehicle-generator'

const baseUrl = inject('baseUrl')
const shots = '/tmp/h8'
let browser: Browser

beforeAll(async () => {
  mkdirSync(shots, { recursive: true })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

/**
 * The PDF the app handed to the browser's print path, read back: the new tab is refused (as a popup
 * blocker would), so the browser path falls back to downloading the same bytes.
 */
async function printedPdf(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  await page.evaluate(() => {
    window.open = () => null
  })
  const download = page.waitForEvent('download')
  await click()
  const path = join(shots, name)
  await (await download).saveAs(path)
  return path
}

describe('loans and folders in the browser', () => {
  it('lends a file, flags it overdue, returns it late, prints the register; prints a cover and opens the file by its scanned code', async () => {
    const { context, page } = await newAppPage(browser, baseUrl)
    const form = { ...makeVehicleFileForm(createRandom(20261130), 1), cabinet: 'A3', shelf: '2', box: '5' }
    await page.goto(`${baseUrl}#/files/new`)
    await page.waitForSelector('input[name=vin]')
    await fillVehicleForm(page, form)
    await page.click('button[type=submit]')
    await page.waitForSelector('.detail-screen')
    const fileUrl = page.url()
    const archiveNo = (await page.textContent('.detail-screen h1 .mono'))!.trim()

    // Lent ten days ago, for three days: seven days overdue today.
    const today = todayInChina()
    const outOn = addChinaDays(today, -10)
    await page.click('a.nav-link:has-text("档案借阅")')
    await page.waitForSelector('[data-testid=new-loan]')
    await page.fill('input[name=borrower-name]', '王建华')
    await page.selectOption('select[name=borrower-department]', { index: 2 })
    await page.fill('input[name=loan-scan]', archiveNo)
    await page.press('input[name=loan-scan]', 'Enter')
    await expect.poll(() => page.textContent('[data-testid=loan-files]')).toContain(archiveNo)
    await page.fill('input[name=loan-purpose]', '客户投诉核对合同')
    await page.selectOption('select[name=loan-mode]', 'take_out')
    await page.fill('input[name=take-out-reason]', '到展厅与客户当面核对')
    await page.fill('input[name=out-on]', outOn)
    // Lending without the approver the policy names is refused with the reason.
    await page.click('button:has-text("借出")')
    await expect.poll(() => page.textContent('.banner.error')).toContain('借阅须经部门负责人批准')
    await page.fill('input[name="approver-部门负责人"]', '李华')
    await page.click('button:has-text("借出")')
    await expect.poll(() => page.textContent('.banner.ok')).toContain('已登记借阅')
    const row = page.locator('[data-testid=loan-register] tbody tr').first()
    await expect.poll(() => row.textContent()).toContain('逾期 7 天')
    await page.screenshot({ path: join(shots, 'loans-register.png'), fullPage: true })

    // Lending it again while it is out is refused, naming who has it.
    await page.fill('input[name=borrower-name]', '赵强')
    await page.fill('input[name=loan-scan]', archiveNo)
    await page.press('input[name=loan-scan]', 'Enter')
    await page.fill('input[name=loan-purpose]', '索赔复核')
    await page.selectOption('select[name=loan-mode]', 'in_room')
    await page.click('button:has-text("借出")')
    await expect.poll(() => page.textContent('.banner.error')).toContain(`已于 ${outOn} 借给王建华，尚未归还`)

    // The file's page says who has it; the work list shows the overdue loan.
    await page.goto(fileUrl)
    await expect.poll(() => page.textContent('[data-testid=file-on-loan]')).toContain('王建华')
    await page.screenshot({ path: join(shots, 'file-on-loan.png') })
    await page.click('a.nav-link:has-text("工作台")')
    await expect.poll(() => page.textContent('[data-testid=overdue-loans]')).toContain(archiveNo)

    // Returned today, counted whole: seven days late, a violation.
    await page.click('a.nav-link:has-text("档案借阅")')
    await page.click('[data-testid=loan-register] button:has-text("归还")')
    await page.click('[data-testid=return-form] button:has-text("确认归还")')
    await expect.poll(() => page.textContent('.banner.ok')).toContain('已归还')
    await expect.poll(() => page.textContent('[data-testid=loan-register]')).toContain('违纪')

    const download = page.waitForEvent('download')
    await page.click('button:has-text("借阅登记簿另存为 PDF")')
    const registerPath = join(shots, 'loan-register.pdf')
    await (await download).saveAs(registerPath)
    const register = await pdfText(registerPath)
    for (const text of [
      '档案借阅登记簿',
      archiveNo,
      '王建华',
      '客户投诉核对合同',
      outOn,
      today,
      '逾期7天',
      '完好',
      '借阅人签字',
      '档案管理员（签字）'
    ])
      expect(register).toContain(text)

    // The envelope cover: archive number, barcode text, masked owner, location.
    await page.goto(fileUrl)
    await page.waitForSelector('[data-testid=print-cover]')
    const coverPath = await printedPdf(page, () => page.click('[data-testid=print-cover]'), 'cover.pdf')
    const cover = await pdfText(coverPath)
    for (const text of ['用户档案袋封面', archiveNo, form.vin, 'A3-2-5', '销售档案资料清单'])
      expect(cover).toContain(text)
    expect(cover).not.toContain(form.ownerName)

    // A scan (typed into the scanner field, then Enter) opens the file; a code that names nothing says so.
    await page.click('a.nav-link:has-text("车辆档案")')
    await page.fill('[data-testid=scanner]', 'NO-SUCH-CODE')
    await page.press('[data-testid=scanner]', 'Enter')
    await expect.poll(() => page.textContent('.scanner [role=alert]')).toContain('未找到档案“NO-SUCH-CODE”')
    await page.fill('[data-testid=scanner]', archiveNo)
    await page.press('[data-testid=scanner]', 'Enter')
    await page.waitForURL(fileUrl)
    await page.waitForSelector('.detail-screen')
    // And a scanner's fast burst with no input focused does the same.
    await page.click('a.nav-link:has-text("车辆档案")')
    await page.click('h1')
    await page.keyboard.type(archiveNo, { delay: 5 })
    await page.keyboard.press('Enter')
    await page.waitForURL(fileUrl)
    await page.screenshot({ path: join(shots, 'scanned-file.png') })
    await context.close()
  })
})
