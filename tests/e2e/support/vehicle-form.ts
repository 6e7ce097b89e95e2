import type { Page } from 'playwright-core'
import type { VehicleFileForm } from '../../../shared/vehicle/vehicle-file-schema'

const SELECTS = new Set(['origin', 'ownerKind'])
const TEXT_FIELDS: (keyof VehicleFileForm)[] = [
  'vin',
  'plate',
  'series',
  'model',
  'productCode',
  'colour',
  'registrationDate',
  'ownerName',
  'ownerIdNumber',
  'ownerPhone',
  'ownerPhone2',
  'street',
  'postcode',
  'contactName',
  'contactPhone',
  'customerCategory',
  'customerRatingCategory',
  'cabinet',
  'shelf',
  'box'
]

/** Types a form as a person would: selects first, then every text field, region by visible names. */
export async function fillVehicleForm(page: Page, form: Partial<VehicleFileForm>): Promise<void> {
  for (const key of SELECTS) {
    const value = form[key as keyof VehicleFileForm]
    if (value) await page.selectOption(`select[name=${key}]`, value)
  }
  for (const key of TEXT_FIELDS) {
    const value = form[key]
    if (value !== undefined) await page.fill(`input[name=${key}]`, value)
  }
  if (form.provinceName) {
    await page.selectOption('select[name=provinceCode]', { label: form.provinceName })
    if (form.cityName && form.cityName !== '市辖区')
      await page.selectOption('select[name=cityCode]', { label: form.cityName })
    if (form.countyName) await page.selectOption('select[name=countyCode]', { label: form.countyName })
  }
}

export async function searchFor(page: Page, text: string): Promise<void> {
  await page.fill('input[type=search]', text)
  await page.waitForFunction(
    (q) =>
      document.querySelector('[data-testid=list-summary]')?.textContent !== '' &&
      document.querySelector<HTMLInputElement>('input[type=search]')?.value === q,
    text
  )
}
