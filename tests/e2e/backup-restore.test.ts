import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, newAppPage } from './support/browser'
import { DIRECTOR, logIn } from './support/session'
import { fillVehicleForm } from './support/vehicle-form'
import { createRandom, makeVehicleFileForm } from '../fixtures/vehicle-generator'

const baseUrl = inject('baseUrl')
let browser: Browser
const folder = mkdtempSync(join(tmpdir(), 'chedang-e2e-backup-'))

beforeAll(async () => { browser = await launchChromium() })
afterAll(async () => { await browser?.close() })

async function createFile(page: Page, seed: number) {
  const form = makeVehicleFileForm(createRandom(seed), seed)
  await page.goto(`${baseUrl}#/files/new`)
  await page.waitForSelector('input[name=vin]')
  await fillVehicleForm(page, form)
  await page.click('button[type=submit]')
  await page.waitForSelector('.detail-screen')
  return form
}

async function pickBackup(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser')
  await page.click('button:has-text("从备份文件恢复")')
  await (await chooser).setFiles(path)
}

describe('backup and restore in the browser', () => {
  it('backs up, refuses a damaged file with the data untouched, and restores the backup after a safety download', async () => {
    const { context, page } = await newAppPage(browser, baseUrl)
    const kept = await createFile(page, 11)

    await page.goto(`${baseUrl}#/system`)
    const download = page.waitForEvent('download')
    await page.click('button:has-text("立即备份")')
    const backupPath = join(folder, (await download).suggestedFilename())
    await (await download).saveAs(backupPath)
    expect(await page.textContent('[data-testid=backup-panel] .banner.ok')).toMatch(/已备份：车档备份-.*manual/)

    const later = await createFile(page, 12)

    // One flipped byte in the data: refused before anything is touched.
    const bytes = readFileSync(backupPath)
    const damaged = Buffer.from(bytes)
    damaged[damaged.length - 10] = damaged[damaged.length - 10]! ^ 0x01
    const damagedPath = join(folder, 'damaged.chedang-backup')
    writeFileSync(damagedPath, damaged)
    await page.goto(`${baseUrl}#/system`)
    await pickBackup(page, damagedPath)
    await page.click('button:has-text("确认恢复")')
    await expect.poll(() => page.textContent('[data-testid=backup-panel] .banner.error')).toMatch(/损坏|不完整/)
    await page.goto(`${baseUrl}#/`)
    await expect.poll(() => page.textContent('[data-testid=list-summary]')).toBe('共 2 份档案')

    // The real backup: confirmed, the current data downloaded first, then replaced.
    await page.goto(`${baseUrl}#/system`)
    await pickBackup(page, backupPath)
    expect(await page.textContent('[role=alertdialog]')).toContain('替换当前全部数据')
    const safety = page.waitForEvent('download')
    await page.click('button:has-text("确认恢复")')
    expect((await safety).suggestedFilename()).toMatch(/before-restore/)
    await expect.poll(() => page.textContent('[data-testid=backup-panel] .banner.ok')).toContain('已从备份恢复')

    await logIn(page, DIRECTOR.username, DIRECTOR.password)
    await page.goto(`${baseUrl}#/`)
    await expect.poll(() => page.textContent('[data-testid=list-summary]')).toBe('共 1 份档案')
    const list = await page.textContent('[data-testid=vehicle-rows]')
    expect(list).toContain(kept.ownerName)
    expect(list).not.toContain(later.vin.slice(9))

    // The restore is in the restored archive's audit trail.
    await page.goto(`${baseUrl}#/audit`)
    await page.selectOption('select[name=group]', 'output')
    await expect.poll(() => page.textContent('[data-testid=audit-table]')).toContain('恢复备份')
    await context.close()
  })
})
