import { describe, expect, it } from 'vitest'
import { createRandom, makeVehicleFileForm } from '../../tests/fixtures/vehicle-generator'
import { newSyncMeta } from '../model/sync-meta'
import type { SecrecyLevel } from '../operators/secrecy'
import { type VehicleFile, deriveSearchKeys } from '../vehicle/vehicle-file'
import { parseVehicleFileForm } from '../vehicle/vehicle-file-schema'
import { auditEventForReader, auditSearchText, textForReader, withheldRecords } from './audit-event-view'
import type { AuditEvent } from './audit-event'

function file(id: string, secrecy: SecrecyLevel, fields: Partial<VehicleFile>): VehicleFile {
  const parsed = parseVehicleFileForm(makeVehicleFileForm(createRandom(id.length + 3), 1))
  if (!parsed.ok) throw new Error('fixture invalid')
  const base = { ...parsed.value, contactName: null, contactPhone: null, ownerPhone2: null, street: null }
  return {
    ...newSyncMeta(id, { operatorId: 'a', operatorName: '张丽', deviceId: 'pc' }, '2026-03-09T02:00:00Z'),
    ...base,
    ...deriveSearchKeys(base),
    status: 'active',
    secrecy,
    ...fields
  }
}

const SECRET = file('vf-secret', 'confidential', {
  vin: 'LFV2A21K0S1234567',
  archiveNo: 'XS2026-000123',
  plate: '吉A12345',
  plateTail: 'A12345',
  ownerName: '欧阳娜娜',
  ownerPhone: '13804312345',
  ownerIdNumber: null,
  contactName: '李四'
})
const TOP = file('vf-top', 'top_secret', {
  vin: 'LSVAA2180N2000002',
  archiveNo: 'XS2026-0001',
  plate: null,
  plateTail: null,
  ownerName: '王',
  ownerPhone: '13904315678'
})

function event(fields: Partial<AuditEvent>): AuditEvent {
  return {
    id: 'e1',
    at: '2026-03-09T02:00:00.000Z',
    actorId: 'acc-1',
    actorName: '张丽',
    deviceId: 'pc',
    deviceSeq: 1,
    action: 'update',
    entity: 'vehicleFile',
    entityId: 'vf-other',
    changes: '{}',
    summary: '',
    prevHash: '',
    chain: 2,
    hash: 'h',
    ...fields
  }
}

describe('what a reader of the audit trail may see', () => {
  // Made in each test, so that what withheldRecords does is part of the test; the file with the shorter
  // archive number (a prefix of the other's) comes first, so only the longest-first order reads right.
  const withheldOf = () =>
    withheldRecords(
      [TOP, SECRET],
      [
        { id: 'ar-secret', vehicleFileId: 'vf-secret' },
        { id: 'ar-open', vehicleFileId: 'vf-open' }
      ]
    )

  it('shows an event of a hidden file, or of one of its archives, only by its secrecy level', () => {
    const withheld = withheldOf()
    for (const entityId of ['vf-secret', 'ar-secret']) {
      const shown = auditEventForReader(
        event({ entityId, summary: '修改车辆档案 XS2026-000123', changes: '{"ownerName":["欧阳娜娜","欧阳娜"]}' }),
        withheld
      )
      expect(shown).toMatchObject({ entityId, changes: '{}', summary: '〔机密档案〕（无权查看详情）' })
    }
    expect(auditEventForReader(event({ entityId: 'vf-top' }), withheld).summary).toBe('〔绝密档案〕（无权查看详情）')
  })

  it('leaves an event of a file the reader may see as it is, personal information masked', () => {
    const withheld = withheldOf()
    const original = event({
      entityId: 'ar-open',
      summary: '修改车辆档案 XS2026-000777',
      changes: '{"ownerPhone":["13512345678","13612345678"]}'
    })
    const shown = auditEventForReader(original, withheld)
    expect(shown).toEqual({
      ...original,
      summary: '修改车辆档案 XS2026-000777',
      changes: '{"ownerPhone":["135****5678","136****5678"]}'
    })
  })

  it('blanks out every naming text of a hidden file in other events, the longest first', () => {
    const withheld = withheldOf()
    const shown = auditEventForReader(
      event({
        summary: '导出清单：XS2026-000123、XS2026-0001、吉A12345、LFV2A21K0S1234567',
        changes: '{"note":"车主欧阳娜娜，另见 XS2026-0001"}'
      }),
      withheld
    )
    expect(shown.summary).toBe('导出清单：〔机密档案〕、〔绝密档案〕、〔机密档案〕、〔机密档案〕')
    expect(shown.changes).toBe('{"note":"车主〔机密档案〕，另见 〔绝密档案〕"}')
  })

  it('leaves one-character texts alone (a surname would blank out unrelated words), not two-character names', () => {
    const withheld = withheldOf()
    expect(textForReader('王经理签收，联系人李四', withheld)).toBe('王经理签收，联系人〔机密档案〕')
    expect(withheld.values.map((v) => v.text)).not.toContain('王')
  })

  it('withholds nothing when no file is hidden', () => {
    const none = withheldRecords([], [{ id: 'ar-1', vehicleFileId: 'vf-1' }])
    expect(none.entities.size).toBe(0)
    expect(textForReader('XS2026-000123 13804312345', none)).toBe('XS2026-000123 138****2345')
  })
})

describe('the audit filter', () => {
  it('searches the summary, the actor and the details the reader sees', () => {
    expect(auditSearchText(event({ summary: '打印交接单', actorName: '李强', changes: '{"reason":"复核"}' }))).toBe(
      '打印交接单 李强 {"reason":"复核"}'
    )
  })
})
