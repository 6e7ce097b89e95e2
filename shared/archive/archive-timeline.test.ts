import { describe, expect, it } from 'vitest'
import type { ArchiveRecord, InspectionRecord } from './archive-record'
import { archiveTimeline } from './archive-timeline'

const failure = (documentCode: string) => ({
  documentCode,
  documentName: documentCode,
  checkCode: null,
  title: '缺少文件',
  message: '未收到',
  clause: '一汽大众 五(一)2'
})

const base: Omit<ArchiveRecord, 'id' | 'kind' | 'visitType' | 'repairOrderNo' | 'anchorAt' | 'status' | 'createdAt'> = {
  updatedAt: '2026-03-09T02:00:00.000Z',
  createdBy: 'a',
  updatedBy: 'a',
  rev: 1,
  deletedAt: null,
  vehicleFileId: 'f1',
  policyId: 'faw-vw',
  policyVersion: 1,
  department: 'service',
  advisorName: '李强',
  handInDueAt: null,
  handoverId: 'h',
  handoverLine: 1,
  handedOverAt: '2026-03-09T02:00:00.000Z',
  missingNote: null,
  input: '{}',
  manual: '{}',
  round: 0,
  correctionDueAt: null,
  location: null
}

function archive(id: string, patch: Partial<ArchiveRecord>): ArchiveRecord {
  return {
    ...base,
    id,
    kind: 'service',
    visitType: 'maintenance',
    repairOrderNo: `RO${id}`,
    anchorAt: null,
    status: 'handed_over',
    createdAt: '2026-03-09T02:00:00.000Z',
    ...patch
  }
}

describe("a vehicle file's archive timeline", () => {
  it('starts with the sales archive, then each visit by its hand-back day, with status, deadline, rounds and place', () => {
    const archives = [
      archive('s2', {
        visitType: 'first_service',
        anchorAt: '2026-09-01T01:00:00.000Z',
        status: 'returned',
        round: 1,
        correctionDueAt: '2026-09-03T02:00:00.000Z'
      }),
      archive('s1', { anchorAt: '2026-06-01T01:00:00.000Z', status: 'filed', location: 'A3-2-15', round: 2 }),
      archive('sales', {
        kind: 'sales',
        visitType: null,
        repairOrderNo: null,
        department: 'sales',
        advisorName: '王丽',
        anchorAt: '2026-03-05T01:00:00.000Z',
        handInDueAt: '2026-03-09T02:00:00.000Z',
        handedOverAt: '2026-03-10T02:00:00.000Z'
      })
    ]
    const rounds = new Map<string, InspectionRecord[]>([
      [
        's1',
        [
          {
            ...base,
            id: 'r2',
            archiveId: 's1',
            round: 2,
            inspectedAt: '2026-06-03T02:00:00.000Z',
            inspectorName: '刘敏',
            verdict: 'accepted',
            failures: '[]',
            correctionDueAt: null,
            returnedUnchanged: false,
            createdAt: ''
          },
          {
            ...base,
            id: 'r1',
            archiveId: 's1',
            round: 1,
            inspectedAt: '2026-06-02T02:00:00.000Z',
            inspectorName: '刘敏',
            verdict: 'nonconforming',
            failures: JSON.stringify([failure('invoice'), failure('pdi')]),
            correctionDueAt: null,
            returnedUnchanged: false,
            createdAt: ''
          }
        ]
      ]
    ])
    const names: Record<string, string> = { maintenance: '保养', first_service: '首保' }
    const timeline = archiveTimeline(
      archives,
      rounds,
      (a) => names[a.visitType ?? ''] ?? null,
      '2026-09-04T00:00:00.000Z'
    )

    expect(timeline.map((e) => [e.archiveId, e.date, e.visitName])).toEqual([
      ['sales', '2026-03-05', null],
      ['s1', '2026-06-01', '保养'],
      ['s2', '2026-09-01', '首保']
    ])
    // Handed in a day after the Monday deadline: shown as missed.
    expect(timeline[0]!.deadline).toEqual({ kind: 'handIn', at: '2026-03-09T02:00:00.000Z', missed: true })
    expect(timeline[1]!.rounds).toEqual([
      { round: 1, date: '2026-06-02', inspectorName: '刘敏', accepted: false, failures: 2 },
      { round: 2, date: '2026-06-03', inspectorName: '刘敏', accepted: true, failures: 0 }
    ])
    expect(timeline[1]!.location).toBe('A3-2-15')
    expect(timeline[2]!.deadline).toEqual({ kind: 'correction', at: '2026-09-03T02:00:00.000Z', missed: true })
  })
})
