import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium, newBlankPage } from './support/browser'
import { DIRECTOR, firstLogIn, logIn, setupDirector, switchOperator } from './support/session'
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

const ADVISOR = { name: '王建华', username: 'wangjianhua', password: 'Sales#2026q', own: 'Wjh#8842mq' }

describe('operators, permissions and the audit trail in the browser', () => {
  it('first start, login, a sales advisor refused the settings and a 机密 file, the director allowed, both attempts audited', async () => {
    const { context, page } = await newBlankPage(browser, baseUrl)
    expect(await page.textContent('h1')).toContain('建立客户总监账号')

    // A weak password is refused on the first-start screen with the rule it breaks.
    await page.fill('input[name=dealershipName]', DIRECTOR.dealership)
    await page.fill('input[name=name]', DIRECTOR.name)
    await page.fill('input[name=username]', DIRECTOR.username)
    await page.fill('input[name=password]', '12345678')
    await page.fill('input[name=confirm]', '12345678')
    await page.click('button[type=submit]')
    expect(await page.textContent('label:has(input[name=password]) .field-error')).toMatch(/字母和数字/)
    await page.reload()
    await setupDirector(page)
    expect(await page.textContent('[data-testid=operator]')).toContain('客户总监')

    // The director files a vehicle and marks it 机密.
    const form = makeVehicleFileForm(createRandom(1122), 1)
    await page.goto(`${baseUrl}#/files/new`)
    await page.waitForSelector('input[name=vin]')
    await fillVehicleForm(page, form)
    await page.click('button[type=submit]')
    await page.waitForSelector('.detail-screen')
    const fileUrl = page.url()
    await page.selectOption('select[name=secrecy]', 'confidential')
    await page.fill('input[name=secrecy-reason]', '车主投诉质量纠纷，法务要求保密')
    await page.click('button:has-text("保存密级")')
    await page.waitForSelector('h1 .secrecy.confidential')

    // ...and creates the sales advisor's account.
    await page.click('a.nav-link:has-text("操作员")')
    await page.fill('input[name=op-name]', ADVISOR.name)
    await page.selectOption('select[name=op-role]', 'sales_advisor')
    await page.fill('input[name=op-username]', ADVISOR.username)
    await page.fill('input[name=op-password]', ADVISOR.password)
    await page.click('button:has-text("建立账号")')
    await expect.poll(() => page.textContent('[data-testid=operators-table]')).toContain(ADVISOR.username)

    // The advisor logs in, replaces the director's initial password first: no settings link, and both
    // doors are refused by the data layer.
    await page.click('button:has-text("切换操作员")')
    await firstLogIn(page, ADVISOR.username, ADVISOR.password, ADVISOR.own)
    expect(await page.textContent('[data-testid=operator]')).toContain('销售顾问')
    expect(await page.locator('a.nav-link:has-text("设置")').count()).toBe(0)
    await page.goto(`${baseUrl}#/settings`)
    expect(await page.textContent('.refusal')).toContain('王建华（销售顾问）没有“修改系统设置”的权限')
    await page.goto(fileUrl)
    expect(await page.textContent('.refusal')).toContain('没有“查看机密档案”的权限')
    await page.goto(`${baseUrl}#/`)
    await expect.poll(() => page.textContent('[data-testid=list-summary]')).toBe('共 0 份档案')

    // The director may do both.
    await switchOperator(page, DIRECTOR.username, DIRECTOR.password)
    await page.goto(`${baseUrl}#/settings`)
    await page.waitForSelector('.matrix')
    expect(await page.locator('.refusal').count()).toBe(0)
    await page.goto(fileUrl)
    await page.waitForSelector('.detail-screen')
    expect(await page.textContent('.detail-screen')).toContain(form.ownerName)

    // The audit screen shows the advisor's two refused attempts and the director's confidential view.
    await page.click('a.nav-link:has-text("审计日志")')
    await page.selectOption('select[name=group]', 'denied')
    await expect
      .poll(() => page.locator('[data-testid=audit-table] tbody tr').allInnerTexts())
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/王建华[\s\S]*拒绝访问[\s\S]*被拒绝：修改系统设置/),
          expect.stringMatching(/王建华[\s\S]*拒绝访问[\s\S]*被拒绝：查看机密档案/)
        ])
      )
    await page.selectOption('select[name=group]', 'personalInfo')
    await expect.poll(() => page.textContent('[data-testid=audit-table]')).toMatch(/张丽[\s\S]*查看机密档案/)

    // The chain verifies.
    await page.click('button:has-text("校验审计链")')
    expect(await page.textContent('[data-testid=chain-report]')).toContain('审计链完好')

    // A reload asks for a login again: no session survives a restart.
    await page.reload()
    await logIn(page, DIRECTOR.username, DIRECTOR.password)
    await context.close()
  })
})
