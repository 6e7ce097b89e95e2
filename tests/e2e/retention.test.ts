import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, newAppPage } from './support/browser'
import { DIRECTOR, firstLogIn, switchOperator } from './support/session'
import { fillVehicleForm } from './support/vehicle-form'
import { pdfText } from './support/pdf-text'
import { createRandom, makeVehicleFileForm } from '../fixtures/vehicle-generator'
import type { VehicleFileForm } from '../../shared/vehicle/vehicle-file-schema'

const baseUrl = inject('baseUrl')
let browser: Browser
const folder = mkdtempSync(join(tmpdir(), 'chedang-e2e-keeping-'))
/** Set CHEDANG_SHOTS to a folder to keep screenshots of the keeping screens. */
const shots = process.env.CHEDANG_SHOTS

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

async function shot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true })
}

async function savePdf(page: Page, scope: string, name: string): Promise<string> {
  const download = page.waitForEvent('download')
  await page.click(`${scope} button:has-text("另存为 PDF")`)
  const path = join(folder, name)
  await (await download).saveAs(path)
  return path
}

/** A file typed in, and its sales archive handed over with the delivery day given (the file's age). */
async function fileDeliveredOn(page: Page, form: VehicleFileForm, delivered: string): Promise<string> {
  await page.goto(`${baseUrl}#/files/new`)
  await page.waitForSelector('input[name=vin]')
  await fillVehicleForm(page, form)
  await page.click('button[type=submit]')
  await page.waitForSelector('.detail-screen')
  const fileUrl = page.url()
  await page.goto(`${baseUrl}#/handovers`)
  await page.fill('input[name=handedByName]', '李明')
  await page.click('button:has-text("开始交接")')
  await page.waitForSelector('input[name=scan]')
  await page.fill('input[name=scan]', form.vin)
  await page.fill('input[name=anchorDate]', '')
  await page.type('input[name=anchorDate]', delivered.replaceAll('-', ''))
  await page.press('input[name=scan]', 'Enter')
  await expect.poll(() => page.locator('[data-testid=handover-lines] tbody tr').count()).toBe(1)
  return fileUrl
}

async function createOperator(page: Page, name: string, role: string, username: string): Promise<void> {
  await page.click('a.nav-link:has-text("操作员")')
  await page.fill('input[name=op-name]', name)
  await page.selectOption('select[name=op-role]', role)
  await page.fill('input[name=op-username]', username)
  await page.fill('input[name=op-password]', 'Initial#2026q')
  await page.click('button:has-text("建立账号")')
  await expect.poll(() => page.textContent('[data-testid=operators-table]')).toContain(username)
}

describe('keeping a file in the browser', () => {
  it('seals a file 5 years old with no service since, prints the transfer list, and finds the file read-only', async () => {
    const { context, page } = await newAppPage(browser, baseUrl)
    const form = makeVehicleFileForm(createRandom(2020), 1)
    const fileUrl = await fileDeliveredOn(page, form, '2020-03-02')

    // FAW-VW 四.2: no service here within 3 years → kept 5 years from creation (the delivery), then sealed.
    await page.click('a.nav-link:has-text("档案保管")')
    await page.waitForSelector('[data-testid=due-for-sealing]')
    await expect.poll(() => page.textContent('[data-testid=due-for-sealing]')).toContain(form.vin.slice(-8))
    expect(await page.textContent('[data-testid=due-for-sealing]')).toContain('2025-03-03')
    await shot(page, 'keeping-due')
    await page.click('button:has-text("封存所选")')
    await expect.poll(() => page.textContent('.banner.error')).toContain('请至少选择一份到期的档案再封存')
    await page.check(`input[name="seal-${form.vin}"]`)
    await page.fill('input[name=seal-location]', '档案库 3 号柜 2 层')
    await page.click('button:has-text("封存所选")')
    await expect.poll(() => page.textContent('[data-testid=sealing-batches]')).toContain('档案库 3 号柜 2 层')
    expect(await page.textContent('[data-testid=due-for-sealing]')).not.toContain(form.vin.slice(-8))
    await shot(page, 'keeping-sealed')

    const list = await pdfText(await savePdf(page, '[data-testid=sealing-batches]', 'transfer.pdf'))
    expect(list).toContain('档案封存移交清单')
    expect(list).toContain(form.vin)
    expect(list).toContain('档案库3号柜2层')
    expect(list).toContain('移交人（签字）')
    expect(list).toContain('接收人（签字）')
    expect(list).toContain('审计链')

    // The file's page says sealed and where; no edit button; the edit form's save is refused by the data layer.
    await page.goto(fileUrl)
    await page.waitForSelector('[data-testid=sealed-banner]')
    expect(await page.textContent('[data-testid=file-status]')).toBe('已封存')
    expect(await page.textContent('[data-testid=sealed-location]')).toBe('档案库 3 号柜 2 层')
    expect(await page.locator('a:has-text("修改")').count()).toBe(0)
    await shot(page, 'file-sealed')
    await page.goto(`${fileUrl}/edit`)
    await page.waitForSelector('input[name=colour]')
    await page.fill('input[name=colour]', '珍珠白')
    await page.click('button[type=submit]')
    await expect
      .poll(() => page.textContent('.banner.error'))
      .toContain('已封存（档案库 3 号柜 2 层），只能查看，不能修改')
    await page.goto(fileUrl)
    await page.waitForSelector('[data-testid=sealed-banner]')
    expect(await page.textContent('.detail-screen')).not.toContain('珍珠白')
    await context.close()
  })

  it('reminds of the half-yearly storage inspection on the work list until one is recorded, and prints it', async () => {
    const { context, page } = await newAppPage(browser, baseUrl)
    await page.click('a.nav-link:has-text("工作台")')
    await expect
      .poll(() => page.textContent('[data-testid=storage-inspection-reminder]'))
      .toContain('库房保管检查已到期')
    await page.click('[data-testid=storage-inspection-reminder] a')
    await page.click('[data-testid=keeping-tab-storage]')
    await page.waitForSelector('[data-testid=inspection-form]')
    await page.uncheck('input[name=check-fading]')
    await page.click('button:has-text("保存检查记录")')
    await expect.poll(() => page.textContent('.banner.error')).toContain('“字迹变色”有问题，请写明情况')
    await page.fill('input[name=check-fading-note]', '2 份发票字迹褪色')
    await page.fill('textarea[name=findings]', '2 份档案发票字迹褪色')
    await page.fill('textarea[name=actions]', '复印并加盖“与原件核对无误”章，原件另袋保存')
    await page.click('button:has-text("保存检查记录")')
    await expect.poll(() => page.textContent('[data-testid=inspections]')).toContain('字迹变色')
    expect(await page.textContent('[data-testid=inspection-due]')).toContain('下次库房保管检查')
    await shot(page, 'keeping-storage')
    const sheet = await pdfText(await savePdf(page, '[data-testid=inspections]', 'inspection.pdf'))
    expect(sheet).toContain('档案保管检查记录')
    expect(sheet).toContain('字迹变色有问题2份发票字迹褪色')
    expect(sheet).toContain('检查人（签字）')
    await page.click('a.nav-link:has-text("工作台")')
    await page.waitForSelector('.screen-head')
    expect(await page.locator('[data-testid=storage-inspection-reminder]').count()).toBe(0)
    await context.close()
  })

  it('destroys a file 11 years old only after the director and then the general manager approve', async () => {
    const { context, page } = await newAppPage(browser, baseUrl)
    const form = makeVehicleFileForm(createRandom(2015), 1)
    const fileUrl = await fileDeliveredOn(page, form, '2015-03-02')
    await createOperator(page, '刘敏', 'archive_manager', 'liumin')
    await createOperator(page, '郑伟', 'general_manager', 'zhengwei')

    // The archive manager proposes.
    await page.click('button:has-text("切换操作员")')
    await firstLogIn(page, 'liumin', 'Initial#2026q', 'Lm#8842mqz')
    await page.click('a.nav-link:has-text("档案保管")')
    await page.click('[data-testid=keeping-tab-destruction]')
    await expect.poll(() => page.textContent('[data-testid=due-for-destruction]')).toContain(form.vin.slice(-8))
    await page.fill(`input[name="destroy-reason-${form.vin}"]`, '保管期满，失去保存价值')
    await page.click('[data-testid=due-for-destruction] button:has-text("提出销毁")')
    const row = `[data-testid="destruction-${form.vin}"]`
    await expect.poll(() => page.textContent(row)).toContain('待客户总监审批')
    expect(await page.locator(`${row} button:has-text("批准销毁")`).count()).toBe(0)

    // The general manager comes second: nothing to approve while the director has not.
    await page.click('button:has-text("切换操作员")')
    await firstLogIn(page, 'zhengwei', 'Initial#2026q', 'Zw#8842mqz')
    await page.click('a.nav-link:has-text("档案保管")')
    await page.waitForSelector(row)
    expect(await page.textContent(row)).toContain('待客户总监审批')
    expect(await page.locator(`${row} button:has-text("批准销毁")`).count()).toBe(0)

    await switchOperator(page, DIRECTOR.username, DIRECTOR.password)
    await page.click('a.nav-link:has-text("档案保管")')
    await page.click('[data-testid=keeping-tab-destruction]')
    await page.click(`${row} button:has-text("批准销毁")`)
    await expect.poll(() => page.textContent(row)).toContain('待总经理审批')

    await switchOperator(page, 'zhengwei', 'Zw#8842mqz')
    await page.click('a.nav-link:has-text("档案保管")')
    await page.click(`${row} button:has-text("批准销毁")`)
    await expect.poll(() => page.textContent(row)).toContain('已批准，待销毁')
    await shot(page, 'keeping-destruction-approved')

    // The archive manager records it: never as waste paper, before a witness.
    await switchOperator(page, 'liumin', 'Lm#8842mqz')
    await page.click('a.nav-link:has-text("档案保管")')
    await page.click('[data-testid=keeping-tab-destruction]')
    await page.selectOption(`select[name="method-${form.vin}"]`, 'shredding')
    await page.fill(`input[name="witness-${form.vin}"]`, '张丽')
    await page.click(`${row} button:has-text("登记已销毁")`)
    await expect.poll(() => page.textContent(row)).toContain('已销毁')
    const list = await pdfText(await savePdf(page, '[data-testid=destruction-register]', 'destruction.pdf'))
    expect(list).toContain('档案销毁清单')
    expect(list).toContain(form.vin)
    expect(list).toContain('刘敏')
    expect(list).toContain('张丽')
    expect(list).toContain('郑伟')
    expect(list).toContain('碎纸机粉碎')
    expect(list).toContain('不得当作废纸出售')
    expect(list).toContain('总经理（签字）')
    expect(list).not.toContain(form.ownerName)

    // The record stays, the owner is gone.
    await page.goto(fileUrl)
    await page.waitForSelector('[data-testid=destroyed-banner]')
    const detail = await page.textContent('.detail-screen')
    expect(detail).toContain(form.vin)
    expect(detail).not.toContain(form.ownerName)
    await shot(page, 'file-destroyed')
    await context.close()
  })
})
