import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, newAppPage } from './support/browser'
import { DIRECTOR, firstLogIn, logIn } from './support/session'
import { fillVehicleForm } from './support/vehicle-form'
import { createRandom, makeVehicleFileForm } from '../fixtures/vehicle-generator'

const baseUrl = inject('baseUrl')
let browser: Browser
const folder = mkdtempSync(join(tmpdir(), 'chedang-e2e-backup-'))

beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

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

const PASSPHRASE = '长白山下一汽大众2026备份'
const AUDITOR = { name: '冯霞', username: 'fengxia', password: 'Audit#2026q' }

async function confirmRestore(page: Page, passphrase: string) {
  await page.fill('[role=alertdialog] input[name=backupPassphrase]', passphrase)
  await page.click('button:has-text("确认恢复")')
}

describe('backup and restore in the browser', () => {
  it('the director sets the passphrase, backs up and restores; forged and mistyped attempts change nothing; an auditor cannot back up', async () => {
    const { context, page } = await newAppPage(browser, baseUrl)
    const kept = await createFile(page, 11)

    // An auditor may open 系统检查 (integrity check) but holds no 备份与导出.
    await page.click('a.nav-link:has-text("操作员")')
    await page.fill('input[name=op-name]', AUDITOR.name)
    await page.selectOption('select[name=op-role]', 'auditor')
    await page.fill('input[name=op-username]', AUDITOR.username)
    await page.fill('input[name=op-password]', AUDITOR.password)
    await page.click('button:has-text("建立账号")')
    await expect.poll(() => page.textContent('[data-testid=operators-table]')).toContain(AUDITOR.username)

    // No backup before the passphrase: the refusal says who must set it.
    await page.goto(`${baseUrl}#/system`)
    await page.click('button:has-text("立即备份")')
    await expect.poll(() => page.textContent('[data-testid=backup-panel] .banner.error')).toContain('尚未设置备份密码')

    await page.click('[data-testid=backup-key] button:has-text("设置备份密码")')
    await page.fill('input[name=newPassphrase]', PASSPHRASE)
    await page.fill('input[name=repeatPassphrase]', PASSPHRASE)
    await page.click('[data-testid=backup-key-form] button[type=submit]')
    await expect
      .poll(() => page.textContent('[data-testid=backup-panel] .banner.ok'), { timeout: 20_000 })
      .toContain('备份密码已设置')
    expect(await page.textContent('[data-testid=backup-key]')).toMatch(/密钥指纹 [0-9A-F]{4}-/)

    const download = page.waitForEvent('download')
    await page.click('button:has-text("立即备份")')
    const backupPath = join(folder, (await download).suggestedFilename())
    await (await download).saveAs(backupPath)
    // The browser can only say the download started.
    await expect
      .poll(() => page.textContent('[data-testid=backup-panel] .banner.ok'))
      .toMatch(/已开始下载备份文件：车档备份-.*manual/)
    const bytes = readFileSync(backupPath)
    expect(bytes.includes(Buffer.from(kept.ownerName))).toBe(false) // encrypted

    const later = await createFile(page, 12)

    // A forged copy: the header says someone else made it. Refused as not authentic, nothing changed.
    const end = bytes.indexOf(0x0a)
    const header = bytes.subarray(0, end).toString().replace(`"createdBy":"${DIRECTOR.name}"`, '"createdBy":"王芬"')
    const forgedPath = join(folder, 'forged.chedang-backup')
    writeFileSync(forgedPath, Buffer.concat([Buffer.from(header), bytes.subarray(end)]))
    await page.goto(`${baseUrl}#/system`)
    await pickBackup(page, forgedPath)
    await confirmRestore(page, PASSPHRASE)
    await expect
      .poll(() => page.textContent('[data-testid=backup-panel] .banner.error'), { timeout: 20_000 })
      .toContain('备份文件未通过真实性校验，可能被篡改')

    // The genuine file with a mistyped passphrase.
    await pickBackup(page, backupPath)
    await confirmRestore(page, `${PASSPHRASE}x`)
    await expect
      .poll(() => page.textContent('[data-testid=backup-panel] .banner.error'), { timeout: 20_000 })
      .toContain('备份密码不正确')
    await page.goto(`${baseUrl}#/`)
    await expect.poll(() => page.textContent('[data-testid=list-summary]')).toBe('共 2 份档案')

    // The genuine file and passphrase: confirmed, the current data downloaded first, then replaced.
    await page.goto(`${baseUrl}#/system`)
    await pickBackup(page, backupPath)
    expect(await page.textContent('[role=alertdialog]')).toContain('替换当前全部数据')
    const safety = page.waitForEvent('download')
    await confirmRestore(page, PASSPHRASE)
    expect((await safety).suggestedFilename()).toMatch(/before-restore/)
    await expect
      .poll(() => page.textContent('[data-testid=backup-panel] .banner.ok'), { timeout: 20_000 })
      .toContain('已从备份恢复')

    await logIn(page, DIRECTOR.username, DIRECTOR.password)
    await page.goto(`${baseUrl}#/`)
    await expect.poll(() => page.textContent('[data-testid=list-summary]')).toBe('共 1 份档案')
    // The rows fill in after the count: wait for the restored file's row, then check the later one is gone.
    await expect.poll(() => page.textContent('[data-testid=vehicle-rows]')).toContain(kept.ownerName)
    expect(await page.textContent('[data-testid=vehicle-rows]')).not.toContain(later.vin.slice(9))

    // The restore is in the restored archive's audit trail.
    await page.goto(`${baseUrl}#/audit`)
    await page.selectOption('select[name=group]', 'output')
    await expect.poll(() => page.textContent('[data-testid=audit-table]')).toContain('恢复备份')

    // The auditor: 系统检查 opens, but there is no way to make, place or restore a backup.
    // The auditor's first login: the director's initial password is replaced before anything else.
    await page.click('button:has-text("切换操作员")')
    await firstLogIn(page, AUDITOR.username, AUDITOR.password, 'Personal#8842')
    let downloads = 0
    page.on('download', () => {
      downloads += 1
    })
    await page.goto(`${baseUrl}#/system`)
    await page.waitForSelector('[data-testid=backup-panel]')
    expect(await page.locator('[data-testid=backup-panel] button').count()).toBe(0)
    expect(await page.locator('[data-testid=backup-key]').count()).toBe(0)
    await page.waitForTimeout(500)
    expect(downloads).toBe(0)
    await context.close()
  })
})
