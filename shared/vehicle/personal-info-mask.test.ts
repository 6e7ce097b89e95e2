import { describe, expect, it } from 'vitest'
import { createRandom, makeVehicleFileForm } from '../../tests/fixtures/vehicle-generator'
import { newSyncMeta } from '../model/sync-meta'
import { parseVehicleFileForm, toVehicleFileForm } from './vehicle-file-schema'
import type { VehicleFile } from './vehicle-file'
import { deriveSearchKeys } from './vehicle-file'
import { keepUntouchedMasks, maskPersonalInfoText, maskVehicleFile } from './personal-info-mask'

describe('masking personal information by its shape', () => {
  it('masks resident IDs, mobiles and landlines wherever they sit, JSON included', () => {
    const json = JSON.stringify({
      ownerIdNumber: [null, '22010219900101123X'],
      input: JSON.stringify({ printedPhone: '13804312345', confirmedPhone: '138 0431 2345' }),
      phone: '+86 139-0431-5678',
      office: '0431-85551234转12'
    })
    const masked = maskPersonalInfoText(json)
    expect(masked).toContain('2201**********123X')
    expect(masked).toContain('138****2345')
    expect(masked).toContain('139****5678')
    expect(masked).toContain('0431-****1234')
    for (const full of ['22010219900101123X', '13804312345', '138 0431 2345', '139-0431-5678', '85551234'])
      expect(masked).not.toContain(full)
    expect(maskPersonalInfoText('身份证 220102199001011234，电话 13804312345')).toBe(
      '身份证 2201**********1234，电话 138****2345'
    )
  })

  it('leaves VINs, archive numbers, dates, hashes and amounts alone', () => {
    const text = 'LFV2A21K0S1234567 XS2026-000123 JJ20260309-001 2026-03-09T02:00:00.000Z a13804312345b 10000 元'
    expect(maskPersonalInfoText(text)).toBe(text)
  })
})

describe('an edit form with masked values', () => {
  const form = makeVehicleFileForm(createRandom(9), 1)
  const parsed = parseVehicleFileForm({ ...form, ownerPhone2: '0431-85551234' })
  if (!parsed.ok) throw new Error('fixture invalid')
  const stored: VehicleFile = {
    ...newSyncMeta('f1', { operatorId: 'a', operatorName: '张丽', deviceId: 'pc' }, '2026-03-09T02:00:00Z'),
    ...parsed.value,
    ...deriveSearchKeys(parsed.value),
    status: 'active',
    secrecy: 'ordinary'
  }

  it('keeps the stored value wherever the mask came back untouched', () => {
    const sent = toVehicleFileForm(maskVehicleFile(stored))
    const kept = keepUntouchedMasks({ ...sent, colour: '冰川蓝' }, stored)
    expect(kept).toMatchObject({
      ownerIdNumber: stored.ownerIdNumber,
      ownerPhone: stored.ownerPhone,
      ownerPhone2: '0431-85551234',
      colour: '冰川蓝'
    })
  })

  it('takes what was typed over a mask, and leaves a half-edited mask to be refused', () => {
    const sent = toVehicleFileForm(maskVehicleFile(stored))
    const kept = keepUntouchedMasks({ ...sent, ownerPhone: '13904315678', ownerPhone2: `${sent.ownerPhone2}9` }, stored)
    expect(kept.ownerPhone).toBe('13904315678')
    expect(kept.ownerPhone2).toBe('0431-****12349')
    expect(parseVehicleFileForm(kept).ok).toBe(false)
  })
})
