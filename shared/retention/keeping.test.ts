import { describe, expect, it } from 'vitest'
import { isDomainError } from '../model/domain-error'
import type { Actor } from '../model/sync-meta'
import { FAW_VW_PRESET } from '../policy/presets/faw-vw'
import { SVW_SKODA_PRESET } from '../policy/presets/svw-skoda'
import { assertFileWritable } from './file-writability'
import type { LegalHold } from './legal-hold'
import { placeLegalHold, releaseLegalHold } from './legal-hold'
import { retentionFactsOf } from './retention-facts'
import type { SealingCandidate } from './sealing-batch'
import { planSealingBatch, sealingBatchNumber } from './sealing-batch'
import { recordFileRepair, recordStorageInspection, storageInspectionDue } from './storage-inspection'

const actor: Actor = { operatorId: 'acc-liumin', operatorName: '刘敏', deviceId: 'pc-1' }
const AT = '2026-03-09T02:00:00.000Z'
const FAW = { id: 'dealer-policy', version: 3, retention: FAW_VW_PRESET.retention }
const SVW = { id: 'dealer-policy', version: 4, retention: SVW_SKODA_PRESET.retention }

function refusal(work: () => unknown) {
  try {
    work()
  } catch (error) {
    if (isDomainError(error)) return error
    throw error
  }
  throw new Error('expected a refusal')
}

const archive = (kind: 'sales' | 'service', anchorAt: string | null, deletedAt: string | null = null) => ({
  kind,
  anchorAt,
  deletedAt
})
const created = { id: 'f1', createdAt: '2026-03-01T02:00:00.000Z', status: 'active' as const }

describe('retentionFactsOf: what the stored records say', () => {
  it('dates the file from its sales delivery when that is earlier than its entry here (China days)', () => {
    // 2015-03-01 17:00 UTC is 2015-03-02 01:00 in China.
    const facts = retentionFactsOf(created, [archive('sales', '2015-03-01T17:00:00.000Z')], [])
    expect(facts).toMatchObject({ fileId: 'f1', createdOn: '2015-03-02', visitDates: [], legalHold: false })
  })

  it('counts service archives as visits, ignores removed archives and archives without a day', () => {
    const facts = retentionFactsOf(
      created,
      [
        archive('service', '2023-06-01T02:00:00.000Z'),
        archive('service', '2024-06-01T02:00:00.000Z', '2024-06-02T00:00:00.000Z'),
        archive('service', null),
        archive('sales', '2010-01-01T02:00:00.000Z', '2011-01-01T00:00:00.000Z')
      ],
      []
    )
    expect(facts.visitDates).toEqual(['2023-06-01'])
    expect(facts.createdOn).toBe('2026-03-01')
  })

  it('is held while a hold stands, not once every hold is released', () => {
    const hold = { releasedAt: null, deletedAt: null }
    expect(retentionFactsOf(created, [], [hold]).legalHold).toBe(true)
    expect(retentionFactsOf(created, [], [{ ...hold, releasedAt: AT }]).legalHold).toBe(false)
  })
})

const candidate = (
  createdOn: string,
  over: Partial<SealingCandidate['file']> = {},
  hold = false
): SealingCandidate => ({
  file: {
    id: `f-${createdOn}`,
    archiveNo: `XS-${createdOn}`,
    status: 'active',
    cabinet: 'A1',
    shelf: '2',
    box: '3',
    rev: 4,
    ...over
  },
  facts: { fileId: `f-${createdOn}`, createdOn, visitDates: [], legalHold: hold }
})
let n = 0
const ids = { batch: 'batch-1', line: () => `line-${++n}` }

describe('planSealingBatch (FAW-VW 四.2)', () => {
  it('seals files due by exactly 5 years: the day after the fifth anniversary, not on it', () => {
    const notYet = refusal(() =>
      planSealingBatch(
        FAW,
        [candidate('2021-03-10')],
        { location: '档案库' },
        '2026-03-10',
        'FC2026-0001',
        ids,
        actor,
        AT
      )
    )
    expect(notYet.code).toBe('SEAL_NOT_DUE')
    expect(notYet.details).toEqual({ archiveNo: 'XS-2021-03-10', dueOn: '2026-03-11' })
    const plan = planSealingBatch(
      FAW,
      [candidate('2021-03-10')],
      { location: ' 档案库 3 号柜 ' },
      '2026-03-11',
      'FC2026-0001',
      ids,
      actor,
      AT
    )
    expect(plan.batch).toMatchObject({
      number: 'FC2026-0001',
      location: '档案库 3 号柜',
      fileCount: 1,
      policyVersion: 3
    })
    expect(plan.lines[0]).toMatchObject({
      line: 1,
      previousLocation: 'A1-2-3',
      sealDueOn: '2026-03-11',
      sealBasis: 'dormant_from_creation'
    })
    expect(plan.patches[0]).toEqual({
      fileId: 'f-2021-03-10',
      patch: {
        status: 'sealed',
        sealedAt: AT,
        sealBatchId: 'batch-1',
        sealLocation: '档案库 3 号柜',
        rev: 5,
        updatedAt: AT,
        updatedBy: 'acc-liumin'
      }
    })
    expect(plan.audit[0]).toMatchObject({ action: 'retention.seal', entityId: 'f-2021-03-10' })
  })

  it('refuses the whole batch for one held, sealed or undated file, and for no file or no location', () => {
    const due = candidate('2019-01-01')
    const plan = (c: SealingCandidate[], location = '档案库', policy = FAW) =>
      refusal(() => planSealingBatch(policy, c, { location }, '2026-03-11', 'FC2026-0002', ids, actor, AT)).code
    expect(plan([due, candidate('2018-01-01', {}, true)])).toBe('SEAL_LEGAL_HOLD')
    expect(plan([due, candidate('2018-01-01', { status: 'sealed' })])).toBe('SEAL_NOT_ACTIVE')
    expect(plan([due], '  ')).toBe('KEEPING_TEXT_INVALID')
    expect(plan([])).toBe('SEAL_NO_FILES')
    expect(plan([due, due])).toBe('SEAL_DUPLICATE_FILE')
    // SVW-Skoda sets no period: nothing is sealed by age, however old.
    expect(plan([candidate('2001-01-01')], '档案库', SVW)).toBe('SEAL_NO_PERIOD')
  })

  it('numbers batches per year', () => {
    expect(sealingBatchNumber('2026', 12)).toBe('FC2026-0012')
  })
})

describe('a sealed or destroyed file is read-only', () => {
  it('refuses with where the sealed file is', () => {
    const error = refusal(() =>
      assertFileWritable({ archiveNo: 'XS2020-000001', status: 'sealed', sealLocation: '档案库 3 号柜' })
    )
    expect(error).toMatchObject({
      code: 'FILE_SEALED',
      details: { archiveNo: 'XS2020-000001', location: '档案库 3 号柜' }
    })
    expect(refusal(() => assertFileWritable({ archiveNo: 'XS2015-000001', status: 'destroyed' })).code).toBe(
      'FILE_DESTROYED'
    )
    expect(() => assertFileWritable({ archiveNo: 'XS2026-000001', status: 'active' })).not.toThrow()
  })
})

describe('legal hold', () => {
  const file = { id: 'f1', archiveNo: 'XS2020-000001', status: 'active' as const }
  it('places one hold at a time with its ground and reason, and releases it once', () => {
    const { hold, audit } = placeLegalHold(
      file,
      [],
      { kind: 'complaint', reason: '12315 投诉 2026-0311' },
      'h1',
      actor,
      AT
    )
    expect(hold).toMatchObject({
      kind: 'complaint',
      reason: '12315 投诉 2026-0311',
      placedByName: '刘敏',
      releasedAt: null
    })
    expect(audit).toMatchObject({ action: 'legalHold.place', entityId: 'f1' })
    expect(
      refusal(() => placeLegalHold(file, [hold], { kind: 'dispute', reason: '再次保全' }, 'h2', actor, AT)).code
    ).toBe('LEGAL_HOLD_ALREADY')
    expect(refusal(() => placeLegalHold(file, [], { kind: 'gossip', reason: '原因原因' }, 'h2', actor, AT)).code).toBe(
      'LEGAL_HOLD_KIND_INVALID'
    )
    expect(
      refusal(() =>
        placeLegalHold({ ...file, status: 'destroyed' }, [], { kind: 'dispute', reason: '原因原因' }, 'h2', actor, AT)
      ).code
    ).toBe('LEGAL_HOLD_FILE_DESTROYED')
    const released = releaseLegalHold(hold, file.archiveNo, '投诉已结案', actor, '2026-04-01T02:00:00.000Z')
    expect(released.hold).toMatchObject({ releasedAt: '2026-04-01T02:00:00.000Z', releaseReason: '投诉已结案', rev: 2 })
    expect(released.audit.action).toBe('legalHold.release')
    expect(refusal(() => releaseLegalHold(released.hold as LegalHold, file.archiveNo, '再解除', actor, AT)).code).toBe(
      'LEGAL_HOLD_ALREADY_RELEASED'
    )
  })
})

describe('storage inspections every half year (客户信息管理制度 第14条)', () => {
  it('is due today when none was ever recorded', () => {
    expect(storageInspectionDue([], '2026-03-09')).toEqual({
      dueOn: '2026-03-09',
      lastInspectedOn: null,
      due: true,
      daysOverdue: 0
    })
  })

  it('falls due 6 months after the latest inspection, the 31st on the month’s last day, and counts days overdue', () => {
    expect(storageInspectionDue(['2025-09-01', '2026-03-09'], '2026-09-08')).toMatchObject({
      dueOn: '2026-09-09',
      due: false
    })
    expect(storageInspectionDue(['2026-03-09'], '2026-09-09')).toMatchObject({ due: true, daysOverdue: 0 })
    expect(storageInspectionDue(['2025-08-31'], '2026-03-02')).toEqual({
      dueOn: '2026-02-28',
      lastInspectedOn: '2025-08-31',
      due: true,
      daysOverdue: 2
    })
  })

  const ok = { ok: true, note: null }
  const checks = { damp: ok, mould: ok, fading: ok, damage: ok, boxOrder: ok }
  const input = { inspectedOn: '2026-03-09', inspectorName: '刘敏', scope: '', checks, findings: '', actions: '' }

  it('records every check item, the whole store when no scope is given', () => {
    const { inspection, audit } = recordStorageInspection(input, '2026-03-09', 'i1', actor, AT)
    expect(inspection).toMatchObject({ scope: '全部库房', dampOk: true, boxOrderOk: true, recordedByName: '刘敏' })
    expect(audit.summary).toBe('库房保管检查 2026-03-09（未见问题）')
  })

  it('refuses a future day, a missing item, a problem undescribed or without action', () => {
    const code = (over: object) =>
      refusal(() => recordStorageInspection({ ...input, ...over }, '2026-03-09', 'i1', actor, AT)).code
    expect(code({ inspectedOn: '2026-03-10' })).toBe('STORAGE_INSPECTION_DATE_INVALID')
    expect(code({ checks: { ...checks, boxOrder: undefined } })).toBe('STORAGE_CHECK_MISSING')
    expect(code({ checks: { ...checks, mould: { ok: false, note: null } } })).toBe('STORAGE_PROBLEM_UNDESCRIBED')
    expect(code({ checks: { ...checks, mould: { ok: false, note: '3 号柜底层霉斑' } } })).toBe(
      'STORAGE_ACTIONS_REQUIRED'
    )
  })

  it('records a repair against its file; a destroyed file has nothing left to repair', () => {
    const file = { id: 'f1', archiveNo: 'XS2020-000001', status: 'sealed' as const }
    const repair = {
      problem: 'damage',
      description: '交车表撕裂',
      repair: '托裱修复',
      repairedOn: '2026-03-09',
      repairedByName: '刘敏'
    }
    expect(recordFileRepair(file, repair, '2026-03-09', 'r1', actor, AT).repair).toMatchObject({
      vehicleFileId: 'f1',
      problem: 'damage'
    })
    expect(
      refusal(() => recordFileRepair({ ...file, status: 'destroyed' }, repair, '2026-03-09', 'r1', actor, AT)).code
    ).toBe('FILE_DESTROYED')
    expect(refusal(() => recordFileRepair(file, { ...repair, repair: '' }, '2026-03-09', 'r1', actor, AT)).code).toBe(
      'FILE_REPAIR_TEXT_REQUIRED'
    )
  })
})
