import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium, newAppPage } from './support/browser'
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

const ADVISOR = { name: '王建华', username: 'wangjianhua', initial: 'Sales#2026q', own: 'Wjh#8842mq' }

const hash = (page: Page) => new URL(page.url()).hash

async function createAdvisor(page: Page): Promise<void> {
  await page.goto(`${baseUrl}#/operators`)
  await page.fill('input[name=op-name]', ADVISOR.name)
  await page.selectOption('select[name=op-role]', 'sales_advisor')
  await page.fill('input[name=op-username]', ADVISOR.username)
  await page.fill('input[name=op-password]', ADVISOR.initial)
  await page.click('button:has-text("建立账号")')
  await expect.poll(() => page.textContent('[data-testid=operators-table]')).toContain(ADVISOR.username)
}

describe('the lock', () => {
  it('unmounts the app: Tab and Ctrl+K reach nothing behind it, revealed values are forgotten, unlocking returns to the same screen', async () => {
    const { context, page } = await newAppPage(browser, baseUrl)
    const form = makeVehicleFileForm(createRandom(5150), 1)
    await page.goto(`${baseUrl}#/files/new`)
    await page.waitForSelector('input[name=vin]')
    await fillVehicleForm(page, form)
    await page.click('button[type=submit]')
    await page.waitForSelector('.detail-screen')
    const fileRoute = hash(page)

    // The full ID number is revealed with a reason.
    await page.locator('button.reveal').first().click()
    await page.fill('input[name^=reveal-]', '核对车主身份')
    await page.click('button:has-text("确认查看")')
    await expect.poll(() => page.textContent('.detail-screen')).toContain(form.ownerIdNumber)

    // Ctrl+L: the lock says it was locked by hand, and nothing of the app is left in the page.
    await page.keyboard.press('Control+l')
    await page.waitForSelector('[data-testid=lock-screen]')
    expect(await page.textContent('[data-testid=lock-screen]')).toContain('张丽 锁定了屏幕')
    expect(await page.textContent('[data-testid=lock-screen]')).not.toContain('自动锁定')
    expect(await page.locator('.shell').count()).toBe(0)
    expect(await page.locator('.detail-screen').count()).toBe(0)
    expect(await page.content()).not.toContain(form.ownerIdNumber)
    expect(await page.content()).not.toContain(form.ownerName)

    // Tab cycles only through the lock screen's own controls.
    const focused: string[] = []
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab')
      focused.push(
        await page.evaluate(() => {
          const el = document.activeElement
          if (!el || el === document.body) return 'body'
          return el.closest('[data-testid=lock-screen]') ? 'lock' : `outside:${el.outerHTML.slice(0, 80)}`
        })
      )
    }
    expect(focused.filter((f) => f.startsWith('outside'))).toEqual([])
    // Ctrl+K and Ctrl+N go nowhere.
    await page.keyboard.press('Control+k')
    await page.keyboard.press('Control+n')
    expect(hash(page)).toBe(fileRoute)
    expect(await page.locator('[data-testid=lock-screen]').count()).toBe(1)
    expect(await page.locator('input[type=search], input[name=vin]').count()).toBe(0)

    // A wrong password is refused and counted; the right one returns to the file, masked again.
    await page.fill('input[name=unlock-password]', 'Wrong#pass9')
    await page.click('button:has-text("解锁")')
    await expect
      .poll(() => page.textContent('[data-testid=lock-screen] .banner.error'))
      .toMatch(/密码不正确.*连续输错 5 次将锁定账号/)
    await page.fill('input[name=unlock-password]', DIRECTOR.password)
    await page.click('button:has-text("解锁")')
    await page.waitForSelector('.detail-screen')
    expect(hash(page)).toBe(fileRoute)
    expect(await page.textContent('.detail-screen')).toContain(form.ownerName)
    expect(await page.textContent('.detail-screen')).not.toContain(form.ownerIdNumber)
    await context.close()
  })

  it('after the idle minutes says it locked itself', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } })
    await context.clock.install()
    const page = await context.newPage()
    await page.goto(baseUrl)
    await setupDirector(page)
    await page.clock.fastForward('10:05')
    await page.waitForSelector('[data-testid=lock-screen]')
    expect(await page.textContent('[data-testid=lock-screen]')).toContain('张丽 已 10 分钟没有操作，屏幕已自动锁定')
    expect(await page.locator('.shell').count()).toBe(0)
    await context.close()
  })
})

describe('each operator on their own screen', () => {
  it('an advisor changes the initial password first, lands on 我的, and cannot open the file form or the work list by URL; the director lands on 工作台', async () => {
    const { context, page } = await newAppPage(browser, baseUrl)
    await page.waitForSelector('[data-testid=operator]')
    await expect.poll(() => hash(page)).toBe('#/work')
    await createAdvisor(page)
    await page.goto(`${baseUrl}#/settings`)
    await page.waitForSelector('.matrix')

    // The advisor logs in on the director's settings screen: the password change comes first, then 我的.
    await page.click('button:has-text("切换操作员")')
    await page.fill('input[name=username]', ADVISOR.username)
    await page.fill('input[name=password]', ADVISOR.initial)
    await page.click('button[type=submit]')
    await page.waitForSelector('[data-testid=forced-password-change]')
    expect(await page.locator('.shell').count()).toBe(0)
    await page.click('[data-testid=forced-password-change] button:has-text("切换操作员")')
    await firstLogIn(page, ADVISOR.username, ADVISOR.initial, ADVISOR.own)
    await page.waitForSelector('[data-testid=mine-screen]')
    expect(hash(page)).toBe('#/mine')
    expect(await page.textContent('[data-testid=mine-screen]')).toContain('王建华（销售顾问）负责的档案')
    expect(await page.locator('.matrix').count()).toBe(0)
    const nav = await page.locator('nav.nav').innerText()
    expect(nav).toContain('我的')
    expect(nav).not.toContain('工作台')
    expect(nav).not.toContain('档案交接')

    // By URL: a refusal page, never the form, and never the work list's handover button.
    await page.goto(`${baseUrl}#/files/new`)
    await expect.poll(() => page.textContent('.refusal')).toContain('王建华（销售顾问）没有“新建车辆档案”的权限')
    expect(await page.locator('input[name=vin]').count()).toBe(0)
    await page.goto(`${baseUrl}#/work`)
    await expect.poll(() => page.textContent('.refusal')).toContain('没有“接收档案交接”的权限')
    expect(await page.locator('a:has-text("档案交接")').count()).toBe(0)
    await page.goto(`${baseUrl}#/handovers`)
    await expect.poll(() => page.textContent('.refusal')).toContain('没有“接收档案交接”的权限')
    expect(await page.locator('input[name=scan]').count()).toBe(0)

    // A reload asks for a login and lands on the advisor's home again, not on the refused URL.
    await page.reload()
    await logIn(page, ADVISOR.username, ADVISOR.own)
    await page.waitForSelector('[data-testid=mine-screen]')

    // The director after them lands on 工作台, not on 我的.
    await switchOperator(page, DIRECTOR.username, DIRECTOR.password)
    await page.waitForSelector('[data-testid=pending-handovers]')
    expect(hash(page)).toBe('#/work')
    await context.close()
  })

  it('a disabled advisor’s open session ends at the next action and returns to the login with the reason', async () => {
    const { context, page: director } = await newAppPage(browser, baseUrl)
    await createAdvisor(director)
    const advisor = await context.newPage()
    await advisor.goto(baseUrl)
    await firstLogIn(advisor, ADVISOR.username, ADVISOR.initial, ADVISOR.own)
    await advisor.waitForSelector('[data-testid=mine-screen]')

    await director.bringToFront()
    await director.goto(`${baseUrl}#/operators`)
    await director
      .locator(`[data-testid=operators-table] tr:has-text("${ADVISOR.username}") button:has-text("停用")`)
      .click()
    await expect.poll(() => director.textContent('[data-testid=operators-table]')).toContain('启用')

    await advisor.bringToFront()
    await advisor.click('a.nav-link:has-text("车辆档案")')
    await advisor.waitForSelector('[data-testid=session-notice]')
    expect(await advisor.textContent('[data-testid=session-notice]')).toContain('王建华 的账号已被停用，本次登录已结束')
    expect(await advisor.locator('.shell').count()).toBe(0)
    await context.close()
  })
})
