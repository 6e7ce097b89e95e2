import 'fake-indexeddb/auto'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { App } from '../../app/App'
import { initI18n } from '../../i18n'
import { ChedangDatabase } from '../../data/dexie/database'
import { createDexieRepositories } from '../../data/dexie/open-dexie-repositories'
import { createBrowserPlatform } from '../../platform/platform.browser'
import { createBrowserBackupTarget } from '../../data/backup'
import type { Repositories } from '../../data/repositories'
import type { Session } from '../../data/session'
import { DexieAuth } from '../../data/dexie/dexie-auth'
import { createRandom, makeVehicleFileForm } from '../../../../tests/fixtures/vehicle-generator'
import { firstLogin } from '../../../../tests/fixtures/first-login'

let repositories: Repositories
let session: Session
let db: ChedangDatabase
let dbCount = 0

beforeAll(async () => {
  await initI18n('zh-CN')
})
beforeEach(async () => {
  db = new ChedangDatabase(`form-${++dbCount}`)
  await db.open()
  session = await new DexieAuth(db, 'pc-1', { iterations: 1000 }).setup({
    dealershipName: '长春一汽大众4S店',
    name: '李娜',
    username: 'lina',
    password: 'Archive#2026'
  })
  repositories = createDexieRepositories(db, session)
  // The dealership's policy in force: the FAW-VW preset, whose 五(二)3 lists the fields a file must keep.
  await repositories.policies.active()
  window.location.hash = '#/files/new'
})

function renderApp() {
  const actions = {
    lock: () => undefined,
    logout: () => undefined,
    changePassword: async () => undefined,
    setLanguage: async () => undefined
  }
  return render(
    <App
      services={{
        repositories,
        platform: createBrowserPlatform(),
        backupTarget: createBrowserBackupTarget(createBrowserPlatform(), localStorage),
        session,
        actions,
        storagePersisted: true,
        version: 'test'
      }}
    />
  )
}

/** An operator the director created logs in and replaces the initial password, as the first login requires. */
async function loginAfterFirstPasswordChange(username: string): Promise<Session> {
  return firstLogin(new DexieAuth(db, 'pc-1', { iterations: 1000 }), username, 'Archive#2026')
}

const field = (container: HTMLElement, name: string) => container.querySelector<HTMLInputElement>(`[name=${name}]`)!

/** FAW-VW 五(二)3: the DSERP fields beyond the basics, typed and chosen as a person would. */
async function fillDserpFields(
  user: ReturnType<typeof userEvent.setup>,
  container: HTMLElement,
  form: ReturnType<typeof makeVehicleFileForm>
) {
  for (const name of [
    'model',
    'productCode',
    'colour',
    'customerCategory',
    'customerRatingCategory',
    'street',
    'postcode',
    'contactName',
    'contactPhone'
  ] as const) {
    await user.type(field(container, name), form[name] ?? '')
  }
  const province = container.querySelector<HTMLSelectElement>('select[name=provinceCode]')!
  await waitFor(() => expect(province.options.length).toBeGreaterThan(1))
  await user.selectOptions(province, form.provinceCode)
  const city = container.querySelector<HTMLSelectElement>('select[name=cityCode]')!
  await waitFor(() => expect(city.options.length).toBeGreaterThan(1))
  await user.selectOptions(city, form.cityCode)
}

describe('the vehicle-file form', () => {
  it('shows Chinese errors beside the fields as soon as a field is left, and saves nothing', async () => {
    const user = userEvent.setup()
    const { container } = renderApp()
    await waitFor(() => expect(field(container, 'archiveNo').value).toMatch(/^XS\d{4}-00001$/))
    await user.type(field(container, 'vin'), 'LFV2A21K0S1234567')
    await user.click(field(container, 'ownerName'))
    expect(await screen.findByText(/校验位应为/)).toBeTruthy()
    await user.type(field(container, 'ownerName'), '王先生')
    await user.tab()
    expect(await screen.findByText(/不能只写“王先生”这类称呼/)).toBeTruthy()
    await user.click(screen.getByRole('button', { name: '保存档案' }))
    expect(await screen.findByText(/处需要修改/)).toBeTruthy()
    expect(await repositories.vehicleFiles.count()).toBe(0)
  })

  it('moves to the next field on Enter, as a barcode scanner does, and saves a valid file', async () => {
    const user = userEvent.setup()
    const form = makeVehicleFileForm(createRandom(3), 1)
    const { container } = renderApp()
    await waitFor(() => expect(field(container, 'archiveNo').value).not.toBe(''))
    await user.type(field(container, 'vin'), `${form.vin}{Enter}`)
    expect(document.activeElement).toBe(field(container, 'archiveNo'))
    for (const name of ['plate', 'series', 'ownerName', 'ownerPhone'] as const) {
      await user.type(field(container, name), form[name])
    }
    await fillDserpFields(user, container, form)
    await user.keyboard('{Control>}s{/Control}')
    expect(await screen.findByText(/已保存/, {}, { timeout: 5000 })).toBeTruthy()
    const found = await repositories.vehicleFiles.findByVin(form.vin)
    const saved = await repositories.vehicleFiles.getForEdit(found!.id)
    expect(saved).toMatchObject({
      plate: form.plate,
      ownerName: form.ownerName,
      ownerPhone: form.ownerPhone,
      createdBy: session.operator.accountId
    })
  })

  it('shows a refusal of the save beside the 保存 button, and saves nothing', async () => {
    const user = userEvent.setup()
    const form = makeVehicleFileForm(createRandom(4), 1)
    const { container } = renderApp()
    await waitFor(() => expect(field(container, 'archiveNo').value).not.toBe(''), { timeout: 5000 })
    for (const name of ['vin', 'plate', 'series', 'ownerName', 'ownerPhone'] as const)
      await user.type(field(container, name), form[name])
    await fillDserpFields(user, container, form)
    // While the form is open, the right to create files is taken from the role.
    const matrix = await repositories.settings.getPermissionMatrix()
    await repositories.settings.savePermissionMatrix({
      ...matrix,
      cc_director: matrix.cc_director.filter((p) => p !== 'vehicleFile.create')
    })
    await new Promise((resolve) => setTimeout(resolve, 1100))
    await user.click(screen.getByRole('button', { name: '保存档案' }))
    const refusal = await screen.findByTestId('save-refusal')
    expect(refusal.textContent).toContain('没有“新建车辆档案”的权限')
    expect(refusal.nextElementSibling?.classList.contains('form-actions')).toBe(true)
    expect(await repositories.vehicleFiles.count()).toBe(0)
  })

  it('lets a clerk without 查看完整个人信息 edit a file with masked ID and phones, keeping the stored values', async () => {
    const user = userEvent.setup()
    const form = makeVehicleFileForm(createRandom(5), 1)
    const file = await repositories.vehicleFiles.create(form)
    const created = await repositories.operators.create({
      name: '赵静',
      role: 'sales_info_clerk',
      department: 'sales',
      phone: '',
      username: 'zhaojing',
      password: 'Archive#2026'
    })
    const directorRepositories = repositories
    session = await loginAfterFirstPasswordChange(created.username!)
    repositories = createDexieRepositories(db, session)
    window.location.hash = `#/files/${file.id}/edit`
    const { container } = renderApp()
    await waitFor(() =>
      expect(field(container, 'ownerPhone').value).toBe(`${form.ownerPhone.slice(0, 3)}****${form.ownerPhone.slice(7)}`)
    )
    expect(field(container, 'ownerIdNumber').value).toMatch(/^\d{4}\*{10}[\dX]{4}$/)
    expect(screen.getAllByText('已遮盖：不改动则保留原值；如需更改，请清空后输入完整号码').length).toBeGreaterThan(0)
    await user.clear(field(container, 'colour'))
    await user.type(field(container, 'colour'), '冰川蓝')
    await user.click(screen.getByRole('button', { name: '保存档案' }))
    expect(await screen.findByText(/已保存/, {}, { timeout: 5000 })).toBeTruthy()
    const stored = await directorRepositories.vehicleFiles.getForEdit(file.id)
    expect(stored).toMatchObject({ colour: '冰川蓝', ownerPhone: form.ownerPhone, ownerIdNumber: form.ownerIdNumber })
  })

  it('tells a clerk a VIN is already filed under a 机密 file without naming the file', async () => {
    const user = userEvent.setup()
    const form = makeVehicleFileForm(createRandom(6), 1)
    const hidden = await repositories.vehicleFiles.create(form)
    await repositories.vehicleFiles.setSecrecy(hidden.id, 'confidential', '涉及质量纠纷，法务要求保密')
    const created = await repositories.operators.create({
      name: '赵静',
      role: 'sales_info_clerk',
      department: 'sales',
      phone: '',
      username: 'zhaojing',
      password: 'Archive#2026'
    })
    session = await loginAfterFirstPasswordChange(created.username!)
    repositories = createDexieRepositories(db, session)
    const { container } = renderApp()
    await waitFor(() => expect(field(container, 'archiveNo').value).not.toBe(''))
    await user.type(field(container, 'vin'), form.vin)
    await user.tab()
    expect(await screen.findByText('该车架号已建档（您无权查看该档案）')).toBeTruthy()
    expect(container.textContent).not.toContain(form.archiveNo)
  })

  it('FAW-VW 五(二)3 「dserp中以下字段必须维护…客户类别、客户评价类别…」: marks them and refuses a file without them', async () => {
    const user = userEvent.setup()
    const form = makeVehicleFileForm(createRandom(7), 1)
    const { container } = renderApp()
    await waitFor(() => expect(field(container, 'archiveNo').value).not.toBe(''))
    const label = (name: string) => field(container, name).closest('label')!.querySelector('.field-label')!
    await waitFor(() => expect(label('customerCategory').querySelector('.required')).toBeTruthy())
    expect(label('colour').querySelector('.required')).toBeTruthy()
    expect(label('cabinet').querySelector('.required')).toBeNull()
    for (const name of ['vin', 'plate', 'series', 'ownerName', 'ownerPhone'] as const)
      await user.type(field(container, name), form[name])
    await user.click(screen.getByRole('button', { name: '保存档案' }))
    expect(await screen.findByText('请填写客户类别（一汽大众 五(二)3 要求必须维护）')).toBeTruthy()
    expect(screen.getByText('请填写客户评价类别（一汽大众 五(二)3 要求必须维护）')).toBeTruthy()
    expect(await repositories.vehicleFiles.count()).toBe(0)
  })

  it('shows the field errors in English for an en-US operator: the VIN check digit, a form of address', async () => {
    const i18n = await initI18n('en-US')
    try {
      const user = userEvent.setup()
      const { container } = renderApp()
      await waitFor(() => expect(field(container, 'archiveNo').value).not.toBe(''))
      await user.type(field(container, 'vin'), 'LFV2A21K0S1234567')
      await user.click(field(container, 'ownerName'))
      const vinError = await screen.findByText(
        'The check character (position 9) of this VIN should be 4 (it is 0). Check the VIN character by character for a typing error.'
      )
      expect(vinError.closest('label')).toBe(field(container, 'vin').closest('label'))
      await user.type(field(container, 'ownerName'), '王先生')
      await user.tab()
      expect(
        await screen.findByText('Enter the real name (surname and given name), not a form of address such as “王先生”.')
      ).toBeTruthy()
      for (const shown of container.querySelectorAll('.field-error'))
        expect(shown.textContent!.replace('王先生', '')).not.toMatch(/[\u4e00-\u9fff]/)
      expect(await repositories.vehicleFiles.count()).toBe(0)
    } finally {
      await i18n.changeLanguage('zh-CN')
    }
  })
})
