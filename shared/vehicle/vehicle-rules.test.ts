import { describe, expect, it } from 'vitest'
import { DomainError } from '../model/domain-error'
import {
  ARCHIVE_NO_CHARS,
  archiveNoSequenceScope,
  formatArchiveNo,
  parseArchiveNoSequence,
  validateArchiveNoPattern
} from './archive-number'
import { revealReasonSchema, secrecyReasonSchema } from './access-reason'
import { validateOrganisationName } from './organisation-name'
import { createRandom, makeVehicleFileForm } from '../../tests/fixtures/vehicle-generator'
import { parseVehicleFileForm, type VehicleFileForm, vehicleFileFormSchemaFor } from './vehicle-file-schema'
import {
  duplicateArchiveNoError,
  duplicateVinError,
  hiddenDuplicateArchiveNoError,
  hiddenDuplicateVinError
} from './vehicle-file-errors'

const sold = { date: '2026-11-22', origin: 'sold_here' as const }

function refusal(run: () => unknown): DomainError {
  try {
    run()
  } catch (error) {
    if (error instanceof DomainError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

describe('archive-number patterns at their limits', () => {
  it('accepts sequences of 3 to 8 digits and refuses 2 or 9, with the reason', () => {
    for (const width of [3, 8]) expect(validateArchiveNoPattern(`A{SEQ:${width}}`)).toEqual({ ok: true })
    for (const width of [2, 9])
      expect(validateArchiveNoPattern(`A{SEQ:${width}}`)).toMatchObject({
        ok: false,
        reason: '流水号位数应为 3–8 位，如 {SEQ:5}'
      })
  })

  it('names each problem of a pattern in its own words', () => {
    expect(validateArchiveNoPattern('XS{YYYY}')).toMatchObject({
      ok: false,
      reason: '编号规则必须包含且只包含一个流水号 {SEQ:n}（n 为 3–8 位）'
    })
    expect(validateArchiveNoPattern('{SEQ:3}{SEQ:4}')).toMatchObject({
      ok: false,
      reason: '编号规则必须包含且只包含一个流水号 {SEQ:n}（n 为 3–8 位）'
    })
    expect(validateArchiveNoPattern('{SEQ:5}}')).toMatchObject({
      ok: false,
      reason: '编号规则含有无法识别的占位符，可用：{YYYY} {YY} {MM} {DD} {ORIGIN} {SEQ:n}'
    })
    expect(validateArchiveNoPattern('xs{SEQ:5}')).toMatchObject({
      ok: false,
      reason: '编号规则中的固定字符只能是大写字母、数字、- _ /'
    })
  })

  it('refuses a pattern whose longest number would exceed 40 characters, and accepts one of exactly 40', () => {
    expect(validateArchiveNoPattern(`${'A'.repeat(32)}{SEQ:8}`)).toEqual({ ok: true })
    expect(validateArchiveNoPattern(`${'A'.repeat(33)}{SEQ:8}`)).toMatchObject({
      ok: false,
      reason: '按此规则生成的编号超过 40 个字符'
    })
    expect(ARCHIVE_NO_CHARS.test('A'.repeat(40))).toBe(true)
    expect(ARCHIVE_NO_CHARS.test('A'.repeat(41))).toBe(false)
  })

  it('counts the sequence from 1 and fills its width exactly', () => {
    expect(formatArchiveNo('{SEQ:3}', sold, 999)).toBe('999')
    for (const seq of [0, -1, 1.5])
      expect(refusal(() => formatArchiveNo('{SEQ:3}', sold, seq))).toMatchObject({
        code: 'ARCHIVE_NO_BAD_SEQUENCE',
        message: '档案流水号必须是正整数'
      })
    expect(refusal(() => formatArchiveNo('{SEQ:3}', sold, 1000))).toMatchObject({
      code: 'ARCHIVE_NO_SEQUENCE_FULL',
      message: '流水号已超过 3 位，请在设置中加长编号规则的流水号'
    })
  })

  it('prints every date part of the creation date', () => {
    expect(formatArchiveNo('{YYYY}{YY}{MM}{DD}-{SEQ:3}', { date: '2027-03-09', origin: 'serviced_only' }, 4)).toBe(
      '2027270309-004'
    )
    expect(archiveNoSequenceScope('{ORIGIN}{MM}{SEQ:4}Z', sold)).toBe('XS11#Z')
  })

  it('reads a sequence back only between the pattern’s own prefix and suffix', () => {
    const pattern = 'XS{YYYY}-{SEQ:5}-Z'
    expect(parseArchiveNoSequence(pattern, sold, 'XS2026-00042-Z')).toBe(42)
    expect(parseArchiveNoSequence(pattern, sold, 'XS2026-00042-Y')).toBeNull()
    expect(parseArchiveNoSequence(pattern, sold, 'XS2026--Z')).toBeNull()
    expect(parseArchiveNoSequence(pattern, sold, 'XS2026-12a45-Z')).toBeNull()
  })
})

describe('an organisation owner’s name', () => {
  it('takes the full registered name, cleaned', () => {
    expect(validateOrganisationName('  长春市恒通物流有限公司 ')).toEqual({ ok: true, value: '长春市恒通物流有限公司' })
    expect(validateOrganisationName('一汽集团')).toEqual({ ok: true, value: '一汽集团' })
  })

  it('refuses an empty name, a placeholder, a short name and a long one, each with its reason', () => {
    expect(validateOrganisationName('  ')).toMatchObject({ ok: false, reason: '请填写单位名称' })
    for (const placeholder of ['某物流公司', 'XX物流公司', 'ｘｘ物流公司', '未知单位名', '待定单位名', '无', '公司'])
      expect(validateOrganisationName(placeholder), placeholder).toMatchObject({
        ok: false,
        reason: '请填写营业执照上的单位全称，不能用“某公司”等代称'
      })
    expect(validateOrganisationName('无锡物流有限公司')).toMatchObject({ ok: true })
    expect(validateOrganisationName('恒通物流')).toMatchObject({ ok: true })
    expect(validateOrganisationName('恒通物')).toMatchObject({
      ok: false,
      reason: '单位名称过短，请填写营业执照上的全称'
    })
    expect(validateOrganisationName('长'.repeat(60))).toMatchObject({ ok: true })
    expect(validateOrganisationName('长'.repeat(61))).toMatchObject({ ok: false, reason: '单位名称不能超过 60 个字' })
  })
})

describe('reasons for seeing a full ID number or changing a secrecy level', () => {
  it('need at least two characters and at most 200', () => {
    for (const schema of [revealReasonSchema, secrecyReasonSchema]) {
      expect(schema.safeParse('回访').success).toBe(true)
      expect(schema.safeParse('回').success).toBe(false)
      expect(schema.safeParse('查'.repeat(200)).success).toBe(true)
      expect(schema.safeParse('查'.repeat(201)).success).toBe(false)
    }
    const missing = revealReasonSchema.safeParse('')
    expect(missing.success ? null : missing.error.issues[0]!.message).toBe('请写明查看完整信息的原因，如“回访核对电话”')
    const secrecy = secrecyReasonSchema.safeParse('')
    expect(secrecy.success ? null : secrecy.error.issues[0]!.message).toBe('请写明调整密级的原因')
  })
})

describe('one file per vehicle: the duplicate refusals', () => {
  const existing = { id: 'vf-1', vin: 'LFV2A21K0S1234567', archiveNo: 'XS2026-00001', ownerName: '李娜' }

  it('name the file that already holds the VIN or the archive number', () => {
    expect(duplicateVinError(existing)).toMatchObject({
      code: 'VEHICLE_DUPLICATE_VIN',
      message: '车架号 LFV2A21K0S1234567 已建档：档案编号 XS2026-00001（车主 李娜），一车只能有一个档案',
      details: { existingId: 'vf-1', existingArchiveNo: 'XS2026-00001', field: 'vin' }
    })
    expect(duplicateArchiveNoError(existing)).toMatchObject({
      code: 'VEHICLE_DUPLICATE_ARCHIVE_NO',
      message: '档案编号 XS2026-00001 已被车架号 LFV2A21K0S1234567 的档案使用，请换一个编号',
      details: { existingId: 'vf-1', existingArchiveNo: 'XS2026-00001', field: 'archiveNo' }
    })
  })

  it('name nothing of a file the operator may not see', () => {
    expect(hiddenDuplicateVinError()).toMatchObject({
      code: 'VEHICLE_DUPLICATE_VIN',
      message: '该车架号已建档（您无权查看该档案）',
      details: { field: 'vin' }
    })
    expect(hiddenDuplicateArchiveNoError()).toMatchObject({
      code: 'VEHICLE_DUPLICATE_ARCHIVE_NO',
      message: '该档案编号已被使用（您无权查看该档案），请换一个编号',
      details: { field: 'archiveNo' }
    })
  })
})

describe('the vehicle file form, field by field', () => {
  const valid = () => ({ ...makeVehicleFileForm(createRandom(42), 1), contactName: '', contactPhone: '' })
  const errorsOf = (form: VehicleFileForm, loaded = {}) => {
    const result = parseVehicleFileForm(form, loaded)
    return result.ok ? {} : result.errors
  }

  it('takes an archive number in upper case, and refuses an empty or foreign one', () => {
    const parsed = parseVehicleFileForm({ ...valid(), archiveNo: ' xs2026-00001 ' })
    expect(parsed.ok && parsed.value.archiveNo).toBe('XS2026-00001')
    expect(errorsOf({ ...valid(), archiveNo: ' ' })).toEqual({ archiveNo: '请填写档案编号' })
    expect(errorsOf({ ...valid(), archiveNo: 'XS2026#1' })).toEqual({
      archiveNo: '档案编号只能包含大写字母、数字和 - _ /，最长 40 位'
    })
  })

  it('checks the postcode, the product code and where the paper file sits', () => {
    const parsed = parseVehicleFileForm({
      ...valid(),
      postcode: '１３００００',
      productCode: 'bj7152-a',
      cabinet: 'a12',
      shelf: '',
      box: '3'
    })
    expect(
      parsed.ok && [
        parsed.value.postcode,
        parsed.value.productCode,
        parsed.value.cabinet,
        parsed.value.shelf,
        parsed.value.box
      ]
    ).toEqual(['130000', 'BJ7152-A', 'A12', null, '3'])
    for (const postcode of ['030000', '930000', '13000', '1300001'])
      expect(errorsOf({ ...valid(), postcode })).toEqual({ postcode: '邮政编码应为 6 位数字，如 130000' })
    expect(errorsOf({ ...valid(), productCode: 'BJ.7152' })).toEqual({
      productCode: '产品代码只能包含字母、数字和 -，最长 20 位'
    })
    expect(errorsOf({ ...valid(), productCode: 'A'.repeat(21) })).toMatchObject({ productCode: expect.any(String) })
    expect(parseVehicleFileForm({ ...valid(), productCode: 'A'.repeat(20) }).ok).toBe(true)
    expect(parseVehicleFileForm({ ...valid(), box: 'B'.repeat(12) }).ok).toBe(true)
    expect(errorsOf({ ...valid(), cabinet: 'C'.repeat(13), shelf: 'S'.repeat(13), box: 'B'.repeat(13) })).toEqual({
      cabinet: '柜编号不能超过 12 个字符',
      shelf: '层编号不能超过 12 个字符',
      box: '盒编号不能超过 12 个字符'
    })
  })

  it('needs a choice of origin and owner kind', () => {
    expect(errorsOf({ ...valid(), origin: 'imported' as VehicleFileForm['origin'] })).toEqual({
      origin: '请选择车辆来源'
    })
    expect(errorsOf({ ...valid(), ownerKind: 'robot' as VehicleFileForm['ownerKind'] })).toMatchObject({
      ownerKind: '请选择车主类型'
    })
  })

  it('needs a contact name with a contact phone, and a province and city before a city and county', () => {
    expect(errorsOf({ ...valid(), contactPhone: '13912345678' })).toEqual({
      contactName: '填写了联系人电话，请同时填写联系人姓名'
    })
    expect(errorsOf({ ...valid(), contactName: '赵敏', contactPhone: '139' })).toEqual({
      contactPhone: expect.not.stringContaining('请同时填写')
    })
    const place = { provinceCode: '', provinceName: '', cityCode: '', cityName: '', countyCode: '', countyName: '' }
    expect(errorsOf({ ...valid(), ...place, cityCode: '2201' })).toEqual({ provinceCode: '请先选择省份' })
    expect(errorsOf({ ...valid(), ...place, provinceCode: '22', countyCode: '220102' })).toEqual({
      cityCode: '请先选择城市'
    })
    expect(
      parseVehicleFileForm({ ...valid(), ...place, provinceCode: '22', cityCode: '2201', countyCode: '220102' }).ok
    ).toBe(true)
  })

  it('leaves personal information loaded masked as it is, and checks it once it is typed over', () => {
    const form = { ...valid(), ownerPhone: '138****5678', ownerIdNumber: '2201**********123X' }
    const loaded = { ownerPhone: '138****5678', ownerIdNumber: '2201**********123X' }
    const kept = parseVehicleFileForm(form, loaded)
    expect(kept.ok && [kept.value.ownerPhone, kept.value.ownerIdNumber]).toEqual(['138****5678', '2201**********123X'])
    expect(Object.keys(errorsOf(form)).sort()).toEqual(['ownerIdNumber', 'ownerPhone'])
    expect(Object.keys(errorsOf({ ...form, ownerPhone: '138****5679' }, loaded))).toEqual(['ownerPhone'])
    expect(Object.keys(errorsOf({ ...form, ownerPhone: '' }, { ...loaded, ownerPhone: '' }))).toEqual(['ownerPhone'])
  })

  it('gives the form resolver every wrong field as an issue at its path', () => {
    const result = vehicleFileFormSchemaFor({}).safeParse({ ...valid(), archiveNo: '', postcode: '1' })
    expect(result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['archiveNo', '请填写档案编号'],
      ['postcode', '邮政编码应为 6 位数字，如 130000']
    ])
    const notAForm = vehicleFileFormSchemaFor({}).safeParse('vin')
    expect(notAForm.success ? null : notAForm.error.issues[0]!.message).toBe('档案内容无效')
    expect(vehicleFileFormSchemaFor({}).safeParse(valid()).success).toBe(true)
  })
})
