import { describe, expect, it } from 'vitest'
import { EMPTY_VEHICLE_FILE_FORM, parseVehicleFileForm, toVehicleFileForm } from './vehicle-file-schema'
import { createRandom, makeVehicleFileForm } from '../../tests/fixtures/vehicle-generator'

const valid = () => makeVehicleFileForm(createRandom(42), 1)

describe('one definition of a valid vehicle file', () => {
  it('accepts a realistic file and normalises what a Chinese input method typed', () => {
    const form = valid()
    const result = parseVehicleFileForm({
      ...form,
      vin: form.vin.toLowerCase(),
      ownerPhone: `＋８６ ${form.ownerPhone}`,
      registrationDate: '2021/3/5',
      contactName: '',
      contactPhone: ''
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.vin).toBe(form.vin)
    expect(result.value.ownerPhone).toBe(form.ownerPhone)
    expect(result.value.registrationDate).toBe('2021-03-05')
    expect(result.value.contactName).toBeNull()
  })

  it('reports every wrong field at once, each with a Chinese reason', () => {
    const result = parseVehicleFileForm({
      ...EMPTY_VEHICLE_FILE_FORM,
      vin: 'LFV2A21K0S123456',
      ownerName: '李小姐',
      ownerPhone: '85551234'
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.keys(result.errors).sort()).toEqual(['archiveNo', 'ownerName', 'ownerPhone', 'series', 'vin'])
    expect(result.errors.vin).toMatch(/17/)
    expect(result.errors.ownerPhone).toMatch(/区号/)
    expect(result.errors.series).toBe('请填写车系')
  })

  it('checks the owner by kind: a person needs a real name and resident ID, an organisation its full name and credit code', () => {
    const form = valid()
    const org = parseVehicleFileForm({
      ...form,
      ownerKind: 'organisation',
      ownerName: '长春市恒通物流有限公司',
      ownerIdNumber: form.ownerIdNumber
    })
    expect(org.ok).toBe(false)
    if (!org.ok) expect(Object.keys(org.errors)).toEqual(['ownerIdNumber'])
    const orgOk = parseVehicleFileForm({
      ...form,
      ownerKind: 'organisation',
      ownerName: '长春市恒通物流有限公司',
      ownerIdNumber: '91350100M000100Y43'
    })
    expect(orgOk.ok).toBe(true)
    const someCompany = parseVehicleFileForm({
      ...form,
      ownerKind: 'organisation',
      ownerName: '某公司',
      ownerIdNumber: ''
    })
    expect(someCompany.ok).toBe(false)
  })

  it('needs a contact person and a contact phone together', () => {
    const form = valid()
    const result = parseVehicleFileForm({ ...form, contactName: '赵敏', contactPhone: '' })
    expect(result.ok ? {} : result.errors).toEqual({ contactPhone: '填写了联系人，请同时填写联系人电话' })
  })

  it('refuses the DMS placeholder date and dates in the future', () => {
    const form = valid()
    const placeholder = parseVehicleFileForm({ ...form, registrationDate: '1900-01-01' })
    expect(placeholder.ok ? '' : placeholder.errors.registrationDate).toMatch(/1900/)
    const future = parseVehicleFileForm({ ...form, registrationDate: '2999-01-01' })
    expect(future.ok ? '' : future.errors.registrationDate).toMatch(/不能晚于今天/)
  })

  it('round-trips stored fields back into the form for editing', () => {
    const result = parseVehicleFileForm(valid())
    if (!result.ok) throw new Error('fixture invalid')
    const again = parseVehicleFileForm(toVehicleFileForm(result.value))
    expect(again).toEqual(result)
  })
})
