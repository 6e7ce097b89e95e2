import { describe, expect, it } from 'vitest'
import { FAW_VW_PRESET } from '../policy/presets/faw-vw'
import type { VehicleFile } from '../vehicle/vehicle-file'
import {
  buildEnvelopeCover,
  buildShelfLabels,
  inPlace,
  locationText,
  maskOwnerName,
  readScannedCode
} from './envelope-cover'

const file = (archiveNo: string, cabinet: string | null, shelf: string | null, box: string | null) =>
  ({
    id: archiveNo,
    archiveNo,
    vin: 'LFV2A21K8P3045678',
    plate: '吉A12345',
    ownerName: '张建国',
    series: '迈腾',
    model: null,
    cabinet,
    shelf,
    box,
    deletedAt: null
  }) as unknown as VehicleFile

describe('envelope cover and shelf labels (SVW-Skoda 二.3)', () => {
  it('masks the owner, keeps the place, and ticks the received sales documents in filing order', () => {
    expect(maskOwnerName('张建国')).toBe('张*国')
    expect(maskOwnerName('李娜')).toBe('李*')
    expect(locationText(file('A', 'A1', '2', '3'))).toBe('A1-2-3')
    expect(locationText(file('A', null, null, null))).toBe('未入柜')
    const [first, second] = FAW_VW_PRESET.archiveTemplates.sales.documents
    const cover = buildEnvelopeCover(
      file('XS2026-0001', 'A1', '2', '3'),
      [
        {
          record: { kind: 'sales', deletedAt: null } as never,
          input: { kind: 'sales', documents: { [first!.code]: { present: true }, [second!.code]: { present: false } } }
        }
      ],
      FAW_VW_PRESET.archiveTemplates,
      '长春一汽大众某某4S店'
    )
    expect(cover).toMatchObject({ code: 'XS2026-0001', ownerName: '张*国', location: 'A1-2-3' })
    expect(cover.checklist.filter((c) => c.present)).toHaveLength(1)
    expect(cover.checklist.length).toBe(FAW_VW_PRESET.archiveTemplates.sales.documents.length)
  })

  it('prints one label per box listing its files, and reads a scanned code without the Enter or tab', () => {
    const labels = buildShelfLabels(
      [file('B2', 'A1', '1', '2'), file('B1', 'A1', '1', '2'), file('C1', 'A1', '1', '10')],
      'A1',
      '店'
    )
    expect(labels.labels.map((l) => [l.place, l.files.map((f) => f.archiveNo)])).toEqual([
      ['A1-1-2', ['B1', 'B2']],
      ['A1-1-10', ['C1']]
    ])
    expect(inPlace(file('x', 'A1', '1', '2'), { cabinet: 'A1', shelf: '1' })).toBe(true)
    expect(inPlace(file('x', 'A1', '1', '2'), { cabinet: 'A1', shelf: '2' })).toBe(false)
    expect(readScannedCode('\tXS2026-0001\r\n')).toBe('XS2026-0001')
  })
})
