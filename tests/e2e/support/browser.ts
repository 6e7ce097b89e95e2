import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { setupDirector } from './session'

// Debian's Chromium, driven headless; nothing is downloaded. Flags keep it off the closed network.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic'
]

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}; install Debian's chromium package`)
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS })
}

/** A fresh profile with its own, empty IndexedDB, at the first-start screen. */
export async function newBlankPage(
  browser: Browser,
  baseUrl: string
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  await page.goto(baseUrl)
  return { context, page }
}

/** A fresh profile where the director has done the first start and is logged in. */
export async function newAppPage(browser: Browser, baseUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await newBlankPage(browser, baseUrl)
  await setupDirector(opened.page)
  return opened
}
