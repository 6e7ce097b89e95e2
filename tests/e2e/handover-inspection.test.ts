import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { FAW_VW_SALES_EXAMPLE, withFacts } from '../fixtures/example-archives'
import { launchChromium, newAppPage } from './support/browser'
import { fillVehicleForm } from './support/vehicle-form'
import { enterArchive } from './support/inspection'
import { pdfText } from './support/pdf-text'
import { createRandom, makeVehicleFileForm } from '../fixtures/vehicle-generator'

const baseUrl = inject('baseUrl')
let browser: Browser
const folder = mkdtempSync(join(tmpdir(), 'chedang-e2e-print-'))

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

async function savePdf(page: Page, name: string): Promise<string> {
  const download = page.waitForEvent('download')
  await page.click('button:has-text("另存为 PDF")')
  const path = join(folder, name)
  await (await download).saveAs(path)
  return path
}

describe('handover intake, 100 % inspection and the correction loop in the browser', () => {
  it('hands over three sales archives, flags the invoice dated 2 days after the PDI stamp, and files it after round 2', async () => {
    const { context, page } = await newAppPage(browser, baseUrl)
    const rnd = createRandom(4242)
    const forms = []
    for (let i = 1; i <= 3; i++) {
      const form = makeVehicleFileForm(rnd, i)
      forms.push(form)
      await page.goto(`${baseUrl}#/files/new`)
      await page.waitForSelector('input[name=vin]')
      await fillVehicleForm(page, form)
      await page.click('button[type=submit]')
      await page.waitForSelector('.detail-screen')
    }

    // The sales advisor hands the three paper archives over; the third comes without the certificate copy.
    await page.goto(`${baseUrl}#/handovers`)
    await page.fill('input[name=handedByName]', '李明')
    await page.click('button:has-text("开始交接")')
    await page.waitForSelector('input[name=scan]')
    for (const [i, form] of forms.entries()) {
      if (i === 2) {
        await page.uncheck('input[name="doc.conformity_certificate"]')
        await page.fill('input[name=missingNote]', '合格证原件在银行，复印件后补')
      }
      await page.fill('input[name=scan]', form.vin)
      if (i === 0) {
        // The delivery date is never assumed: without it the line is refused in Chinese and nothing is added.
        await page.press('input[name=scan]', 'Enter')
        await expect.poll(() => page.textContent('.banner.error')).toContain('请填写交车日期')
        expect(await page.locator('[data-testid=handover-lines] tbody tr').count()).toBe(0)
      }
      // Typed as digits, shown as 年-月-日 whatever the browser's locale.
      await page.fill('input[name=anchorDate]', '')
      await page.type('input[name=anchorDate]', '20260305')
      expect(await page.inputValue('input[name=anchorDate]')).toBe('2026-03-05')
      await page.press('input[name=scan]', 'Enter')
      await expect.poll(() => page.locator('[data-testid=handover-lines] tbody tr').count()).toBe(i + 1)
    }
    await page.click('button:has-text("登记完毕，待签字")')
    await page.waitForSelector('button:has-text("双方已签字")')
    const sheet = await pdfText(await savePdf(page, 'handover.pdf'))
    expect(sheet).toContain('档案交接表')
    for (const form of forms) expect(sheet).toContain(form.vin)
    expect(sheet).toContain('交档人（签字）')
    expect(sheet).toContain('接收人（签字）')
    expect(sheet).toContain('合格证复印件')
    // A sales sheet: the delivery dates typed above, no repair-order column; one date form throughout.
    expect(sheet).toContain('交车日期')
    expect(sheet).toContain('2026-03-05')
    expect(sheet).not.toContain('任务委托书号')
    expect(sheet).not.toMatch(/\d{4}年\d{1,2}月\d{1,2}日/)
    await page.click('button:has-text("双方已签字")')
    await page.waitForSelector('.tag:has-text("已签字")')

    // Inspection of the second archive: its invoice is dated 2 days after the PDI stamp.
    await page.click('[data-testid=handover-lines] tbody tr:nth-child(2) a')
    await page.waitForSelector('.inspection-screen')
    // The inspection takes the delivery date and the advisor from the handover instead of asking again.
    expect(await page.textContent('[data-testid=from-handover-deliveryDate]')).toContain('2026-03-05')
    expect(await page.textContent('[data-testid=from-handover-salesAdvisor]')).toContain('李明')
    await enterArchive(page, withFacts(FAW_VW_SALES_EXAMPLE, { 'invoice.invoiceDate': '2026-03-06 16:00' }))
    await expect.poll(() => page.textContent('[data-testid=verdict] h2')).toContain('不合格')
    await page.click('button:has-text("判定并提交")')
    await page.waitForSelector('.tag:has-text("已退回整改")')
    const notice = await pdfText(await savePdf(page, 'notice.pdf'))
    expect(notice).toContain('不合格档案记录')
    expect(notice).toContain(forms[1]!.vin)
    expect(notice).toMatch(/发票.*24小时/)
    expect(notice).toContain('李明')
    // Numbered in sequence per year, citing the sales section, with the re-check block to fill in.
    expect(notice).toMatch(/BHG\d{4}-0001/)
    expect(notice).toContain('五(一)3(3)')
    expect(notice).not.toContain('五(二)')
    expect(notice).toContain('复查记录')
    expect(notice).toContain('复查人签字')
    expect(notice).toContain('复查日期')

    // The corrected archive comes back: round 2 passes, and it is filed.
    await page.click('button:has-text("整改后交回")')
    await page.waitForSelector('.tag:has-text("整改后已交回")')
    await page.fill('[name="invoice.invoiceDate"]', '2026-03-05 10:00')
    await expect.poll(() => page.textContent('[data-testid=verdict] h2')).toContain('合格')
    await page.click('button:has-text("判定并提交")')
    await page.waitForSelector('.tag:has-text("合格")')
    await page.fill('input[name=location]', 'A3-2-15')
    await page.click('button:has-text("归档")')
    await page.waitForSelector('.tag:has-text("已归档")')
    expect(await page.textContent('.inspection-screen')).toMatch(/2\s*.*合格/)

    // The work list shows the two archives still awaiting inspection.
    await page.goto(`${baseUrl}#/work`)
    await expect.poll(() => page.textContent('[data-testid=awaiting-inspection] h2')).toContain('（2）')
    await context.close()
  })
})
