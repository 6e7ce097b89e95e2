import type { Page } from 'playwright-core'
import type { ArchiveInput, FactValue, SignatureEntry } from '../../../shared/rules'

/** Enters one fact the way a checker would, by the inputs the inspection screen renders for it. */
async function enterFact(page: Page, name: string, value: FactValue): Promise<void> {
  if (typeof value === 'string' || typeof value === 'number') {
    await page.fill(`[name="${name}"]`, String(value))
  } else if (typeof value === 'boolean') {
    await page.selectOption(`select[name="${name}"]`, value ? 'yes' : 'no')
  } else if (Array.isArray(value) && value.length > 0 && typeof value[0] === 'object') {
    for (const entry of value as SignatureEntry[]) {
      await page.check(`[name="${name}.${entry.role}"]`)
      if (entry.signedAt) await page.fill(`[name="${name}.${entry.role}.at"]`, entry.signedAt)
    }
  } else if (Array.isArray(value)) {
    if (value.length === 0)
      await page.click(
        `.fact:has([name="${name}.other"]) button:has-text("无（已核对）"), .fact:has([name^="${name}."]) button:has-text("无（已核对）")`
      )
    for (const code of value as string[]) await page.check(`[name="${name}.${code}"]`)
  }
}

/** Types a whole archive into the inspection screen and passes every manual check. */
export async function enterArchive(page: Page, archive: ArchiveInput): Promise<void> {
  for (const [key, value] of Object.entries(archive.facts ?? {})) {
    if (value === undefined || value === null) continue
    // Delivery date and advisor come from the handover line; the screen shows them instead of asking.
    if ((await page.locator(`[data-testid="from-handover-${key}"]`).count()) > 0) continue
    await enterFact(page, `archive.${key}`, value)
  }
  for (const [code, doc] of Object.entries(archive.documents)) {
    if (!doc?.present) continue
    if (doc.form) await page.selectOption(`select[name="form.${code}"]`, doc.form)
    for (const [key, value] of Object.entries(doc.facts ?? {}))
      if (value !== undefined && value !== null) await enterFact(page, `${code}.${key}`, value)
  }
  // Each manual item has 合格 first and 不合格 second: tick every 合格 not yet on.
  const unticked = page.locator('.tick button:first-child:not(.on)')
  for (let guard = 0; guard < 100 && (await unticked.count()) > 0; guard++) await unticked.first().click()
}
