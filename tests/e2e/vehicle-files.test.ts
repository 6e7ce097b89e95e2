import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, newAppPage } from './support/browser'
import { fillVehicleForm } from './support/vehicle-form'
import { DIRECTOR, logIn } from './support/session'
import { createRandom, makeVehicleFileForm } from '../fixtures/vehicle-generator'

const baseUrl = inject('baseUrl')
let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

async function rows(page: Page): Promise<string[]> {
  return page.locator('[data-testid=vehicle-row]').allInnerTexts()
}

async function search(page: Page, text: string, expectedSummary: RegExp): Promise<string[]> {
  await page.fill('input[type=search]', text)
  await page.waitForSelector(`[data-testid=list-summary][data-query="${text}"]`)
  expect(await page.textContent('[data-testid=list-summary]')).toMatch(expectedSummary)
  return rows(page)
}

async function saveNewFile(page: Page, form: ReturnType<typeof makeVehicleFileForm>) {
  await page.goto(`${baseUrl}#/files/new`)
  await page.waitForSelector('input[name=vin]')
  await fillVehicleForm(page, form)
  await page.click('button[type=submit]')
}

describe('vehicle files in the browser', () => {
  it('creates a file, finds it by plate and VIN suffix, edits it, and keeps it across a reload', async () => {
    const { context, page } = await newAppPage(browser, baseUrl)
    const form = makeVehicleFileForm(createRandom(20261122), 1)
    await saveNewFile(page, form)

    await page.waitForSelector('.detail-screen')
    expect(await page.textContent('.banner.ok')).toContain('已保存')
    const archiveNo = (await page.textContent('h1 .mono'))!.trim()
    expect(archiveNo).toMatch(/^XS\d{4}-\d{5}$|^WX\d{4}-\d{5}$/)
    expect(await page.textContent('.detail-screen')).toContain(form.vin)

    await page.click('a.nav-link:has-text("车辆档案")')
    const byPlate = await search(page, form.plate, /找到 1 份/)
    expect(byPlate).toHaveLength(1)
    expect(byPlate[0]).toContain(form.ownerName)

    // Staff read the last 6 characters off the windscreen, typed in lower case.
    const bySuffix = await search(page, form.vin.slice(-6).toLowerCase(), /找到 1 份/)
    expect(bySuffix[0]).toContain(archiveNo)

    // A barcode scanner types the whole VIN and presses Enter at once: the one match opens.
    await page.fill('input[type=search]', '')
    await page.type('input[type=search]', form.vin, { delay: 0 })
    await page.press('input[type=search]', 'Enter')
    await page.waitForSelector('.detail-screen')
    expect(await page.textContent('.detail-screen')).toContain(form.vin)

    await page.click('a:has-text("编辑")')
    await page.waitForSelector('input[name=colour]')
    await expect.poll(() => page.inputValue('input[name=vin]')).toBe(form.vin)
    await page.fill('input[name=colour]', '冰川蓝')
    await page.keyboard.press('Control+s')
    await page.waitForSelector('.banner.ok')
    expect(await page.textContent('.detail-screen')).toContain('冰川蓝')
    expect(await page.textContent('.history')).toContain('颜色')

    await page.reload()
    await logIn(page, DIRECTOR.username, DIRECTOR.password)
    await page.goto(`${baseUrl}#/`)
    const afterReload = await search(page, form.vin.slice(-8), /找到 1 份/)
    expect(afterReload[0]).toContain(archiveNo)
    await page.click('[data-testid=vehicle-row]')
    await page.waitForSelector('.detail-screen')
    const detail = await page.textContent('.detail-screen')
    expect(detail).toContain('冰川蓝')
    expect(detail).toContain(form.ownerName)
    expect(detail).toContain(form.series)
    await context.close()
  })

  it('shows the Chinese error for an invalid VIN and a "王先生" owner, and stores nothing', async () => {
    const { context, page } = await newAppPage(browser, baseUrl)
    const form = makeVehicleFileForm(createRandom(7), 2)
    const badVin = form.vin.slice(0, 8) + (form.vin[8] === '0' ? '1' : '0') + form.vin.slice(9)
    await saveNewFile(page, { ...form, vin: badVin, ownerName: '王先生' })

    const vinError = page.locator('label:has(input[name=vin]) .field-error')
    await expect.poll(() => vinError.textContent()).toMatch(/校验位/)
    const nameError = page.locator('label:has(input[name=ownerName]) .field-error')
    await expect.poll(() => nameError.textContent()).toMatch(/真实姓名|先生/)
    expect(await page.textContent('.banner.error')).toContain('需要修改')

    await page.goto(`${baseUrl}#/`)
    await expect.poll(() => page.textContent('[data-testid=list-summary]')).toBe('共 0 份档案')
    await context.close()
  })

  it('refuses a second file for the same VIN and links to the existing one', async () => {
    const { context, page } = await newAppPage(browser, baseUrl)
    const rnd = createRandom(99)
    const first = makeVehicleFileForm(rnd, 3)
    await saveNewFile(page, first)
    await page.waitForSelector('.detail-screen')
    const archiveNo = (await page.textContent('h1 .mono'))!.trim()

    const second = { ...makeVehicleFileForm(rnd, 4), vin: first.vin.toLowerCase() }
    await saveNewFile(page, second)
    const vinError = page.locator('label:has(input[name=vin]) .field-error')
    await expect.poll(() => vinError.textContent()).toContain(`已建档：档案编号 ${archiveNo}`)
    await page.click(`a:has-text("打开已有档案 ${archiveNo}")`)
    await page.waitForSelector('.detail-screen')
    expect(await page.textContent('.detail-screen')).toContain(first.ownerName)

    await page.goto(`${baseUrl}#/`)
    await expect.poll(() => page.textContent('[data-testid=list-summary]')).toBe('共 1 份档案')
    await context.close()
  })
})
