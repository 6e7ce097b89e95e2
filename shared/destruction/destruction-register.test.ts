import { describe, expect, it } from 'vitest'
import { isDomainError } from '../model/domain-error'
import type { Actor } from '../model/sync-meta'
import type { VehicleFile } from '../vehicle/vehicle-file'
import type { DestructionActor } from './destruction-approval'
import {
  approveDestructionRow,
  DESTROYED_FILE_ERASED_FIELDS,
  eraseDestroyedFile,
  newDestructionRow,
  recordDestructionRow,
  waitingApprover
} from './destruction-register'

const actor: Actor = { operatorId: 'acc-liumin', operatorName: '刘敏', deviceId: 'pc-1' }
const AT = '2026-03-09T02:00:00.000Z'
const manager: DestructionActor = { operatorId: 'acc-liumin', name: '刘敏', role: 'archive_manager' }
const director: DestructionActor = { operatorId: 'acc-zhangli', name: '张丽', role: 'cc_director' }
const gm: DestructionActor = { operatorId: 'acc-zhengwei', name: '郑伟', role: 'general_manager' }
const file = { id: 'f1', vin: 'LFV2A21K5M3123456', archiveNo: 'XS2015-000001', status: 'sealed' as const }

function refusal(work: () => unknown) {
  try {
    work()
  } catch (error) {
    if (isDomainError(error)) return error
    throw error
  }
  throw new Error('expected a refusal')
}

const proposed = () =>
  newDestructionRow(
    file,
    [],
    { reason: '保管期满，失去保存价值', legalHold: false, reviewDueOn: '2025-03-03', today: '2026-03-09' },
    manager,
    'd1',
    actor,
    AT
  ).row

describe('the destruction register', () => {
  it('waits for the director, then the general manager; refuses out of order and the proposer', () => {
    const row = proposed()
    expect(row).toMatchObject({ status: 'proposed', vin: file.vin, archiveNo: file.archiveNo, proposedByName: '刘敏' })
    expect(waitingApprover(row)).toBe('cc_director')
    expect(refusal(() => approveDestructionRow(row, gm, false, '2026-03-09', actor, AT)).code).toBe(
      'DESTRUCTION_OUT_OF_ORDER'
    )
    const first = approveDestructionRow(row, director, false, '2026-03-10', actor, AT)
    expect(first.row).toMatchObject({
      status: 'director_approved',
      directorByName: '张丽',
      directorOn: '2026-03-10',
      rev: 2
    })
    expect(waitingApprover(first.row)).toBe('general_manager')
    expect(refusal(() => approveDestructionRow(first.row, gm, false, '2026-03-09', actor, AT)).code).toBe(
      'DESTRUCTION_APPROVAL_BEFORE_PREVIOUS'
    )
    expect(refusal(() => approveDestructionRow(first.row, gm, true, '2026-03-11', actor, AT)).code).toBe(
      'DESTRUCTION_LEGAL_HOLD'
    )
    const second = approveDestructionRow(first.row, gm, false, '2026-03-11', actor, AT)
    expect(second.row).toMatchObject({ status: 'approved', generalManagerByName: '郑伟' })
    expect(waitingApprover(second.row)).toBeNull()
    expect(refusal(() => approveDestructionRow(second.row, gm, false, '2026-03-11', actor, AT)).code).toBe(
      'DESTRUCTION_ALREADY_APPROVED'
    )
  })

  it('refuses a second open proposal for the same file and a file already destroyed', () => {
    const input = { reason: '保管期满', legalHold: false, reviewDueOn: '2025-03-03', today: '2026-03-09' }
    expect(refusal(() => newDestructionRow(file, [proposed()], input, manager, 'd2', actor, AT)).code).toBe(
      'DESTRUCTION_ALREADY_PROPOSED'
    )
    expect(
      refusal(() => newDestructionRow({ ...file, status: 'destroyed' }, [], input, manager, 'd2', actor, AT)).code
    ).toBe('FILE_DESTROYED')
  })

  it('records the destruction only after both approvals, with a witness other than the destroyer', () => {
    const row = proposed()
    const by = { method: 'shredding', witnessName: '张丽', today: '2026-03-12' }
    expect(refusal(() => recordDestructionRow(row, by, manager, actor, AT)).code).toBe('DESTRUCTION_NOT_APPROVED')
    const approved = approveDestructionRow(
      approveDestructionRow(row, director, false, '2026-03-10', actor, AT).row,
      gm,
      false,
      '2026-03-11',
      actor,
      AT
    ).row
    expect(refusal(() => recordDestructionRow(approved, { ...by, witnessName: '刘敏' }, manager, actor, AT)).code).toBe(
      'DESTRUCTION_WITNESS_REQUIRED'
    )
    expect(
      refusal(() => recordDestructionRow(approved, { ...by, method: 'waste_paper' }, manager, actor, AT)).code
    ).toBe('DESTRUCTION_METHOD_INVALID')
    const done = recordDestructionRow(approved, by, manager, actor, AT)
    expect(done.row).toMatchObject({
      status: 'destroyed',
      destroyedOn: '2026-03-12',
      method: 'shredding',
      witnessName: '张丽'
    })
    expect(done.row.erasedFields).toEqual([...DESTROYED_FILE_ERASED_FIELDS])
    expect(refusal(() => recordDestructionRow(done.row, by, manager, actor, AT)).code).toBe('FILE_DESTROYED')
  })

  it('erases the owner, contact, address, categories, plate and notes; keeps VIN, archive number and vehicle', () => {
    const stored = {
      id: 'f1',
      vin: file.vin,
      archiveNo: file.archiveNo,
      plate: '吉A12345',
      series: '迈腾',
      ownerName: '王建国',
      ownerIdNumber: '220102198001011234',
      ownerPhone: '13904316688',
      contactName: '王小明',
      street: '人民大街 7088 号',
      notes: '车主要求周末联系',
      rev: 7
    } as unknown as VehicleFile
    const erasure = eraseDestroyedFile(stored, actor, AT)
    expect(erasure.file).toMatchObject({
      status: 'destroyed',
      ownerName: '（已销毁）',
      ownerIdNumber: null,
      ownerPhone: '',
      contactName: null,
      street: null,
      plate: null,
      notes: null,
      plateTail: null,
      nameSuffixes: [],
      phoneTails: [],
      rev: 8
    })
    expect(erasure.file).not.toHaveProperty('vin')
    expect(erasure.file).not.toHaveProperty('series')
    const input = erasure.archiveInput({
      kind: 'sales',
      facts: { buyerName: '王建国' },
      documents: { invoice: { present: true, form: 'copy', facts: { buyerName: '王建国' } }, pdi: { present: false } }
    })
    expect(input).toEqual({
      kind: 'sales',
      documents: { invoice: { present: true, form: 'copy' }, pdi: { present: false } }
    })
  })
})
