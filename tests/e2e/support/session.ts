import type { Page } from 'playwright-core'

export const DIRECTOR = {
  name: '张丽',
  username: 'zhangli',
  password: 'Chedang#2026',
  dealership: '长春一汽大众某某4S店'
}

/** First start of a fresh profile: the customer-care director's account; lands in the app logged in. */
export async function setupDirector(page: Page): Promise<void> {
  await page.waitForSelector('input[name=dealershipName]')
  await page.fill('input[name=dealershipName]', DIRECTOR.dealership)
  await page.fill('input[name=name]', DIRECTOR.name)
  await page.fill('input[name=username]', DIRECTOR.username)
  await page.fill('input[name=password]', DIRECTOR.password)
  await page.fill('input[name=confirm]', DIRECTOR.password)
  await page.click('button[type=submit]')
  await page.waitForSelector('.shell')
}

export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.waitForSelector('input[name=username]')
  await page.fill('input[name=username]', username)
  await page.fill('input[name=password]', password)
  await page.click('button[type=submit]')
  await page.waitForSelector('.shell')
}

/**
 * An operator's first login with the initial password the director gave: the forced change-password
 * screen comes first, and only then the app.
 */
export async function firstLogIn(
  page: Page,
  username: string,
  initialPassword: string,
  ownPassword: string
): Promise<void> {
  await page.waitForSelector('input[name=username]')
  await page.fill('input[name=username]', username)
  await page.fill('input[name=password]', initialPassword)
  await page.click('button[type=submit]')
  await page.waitForSelector('[data-testid=forced-password-change]')
  await page.fill('input[name=pw-current]', initialPassword)
  await page.fill('input[name=pw-next]', ownPassword)
  await page.fill('input[name=pw-confirm]', ownPassword)
  await page.click('button[type=submit]')
  await page.waitForSelector('.shell')
}

export async function switchOperator(page: Page, username: string, password: string): Promise<void> {
  await page.click('button:has-text("切换操作员")')
  await logIn(page, username, password)
}
