import { describe, expect, it } from 'vitest'
import { getPreset } from '../policy'
import type { SystemRecord } from './system-record'
import { reconcile } from './reconcile'
import type { ReconciliationRunRow } from './reconciliation-run'
import { expectedArchives, receivedKey, reconciliationRows, resultOfRun } from './reconciliation-run'
import { planSystemListImport } from './system-list'
import { parseSystemRows } from './parse-system-rows'

// A count kept as rows and read back unchanged; the archives it found missing stay expected until a later
// count finds them, excepts them, or the archive arrives.

const actor = { operatorId: 'acc-1', operatorName: '刘敏', deviceId: 'pc-1' }
const rule = getPreset('faw-vw').reconciliation.sales
const VINS = ['LFV2A21K6M3012345', 'LFV2A21K4M3012344', 'LFV2A21K2M3012343']
const record = (row: number, vin: string, date: string, advisor = '王建华'): SystemRecord => ({
  row,
  vin,
  date,
  advisor,
  repairOrderNo: '',
  customer: '',
  plate: '',
  model: '迈腾',
  status: ''
})

function count(at: string, system: SystemRecord[], exceptions: { vin: string; code: string }[] = []) {
  const result = reconcile({
    department: 'sales',
    period: { from: '2026-03-01', to: '2026-03-07' },
    rule,
    system,
    received: [
      {
        archiveId: 'ar-1',
        department: 'sales',
        vin: VINS[0]!,
        repairOrderNo: null,
        date: '2026-03-02',
        advisor: '王建华'
      }
    ],
    exceptions
  })
  let n = 0
  const id = `run-${at}`
  return {
    result,
    ...reconciliationRows(result, {
      id,
      actor,
      at,
      reconciledBy: '刘敏',
      policyId: 'dealer-policy',
      policyVersion: 1,
      reportDueAt: '2026-03-11T15:59:59.999Z',
      newId: () => `${id}-line-${++n}`
    })
  }
}

describe('a count kept as rows', () => {
  it('reads back as the same result, whatever order the lines come back in', () => {
    const { result, run, lines } = count(
      '2026-03-09T02:00:00.000Z',
      [record(2, VINS[0]!, '2026-03-02'), record(3, VINS[2]!, '2026-03-05'), record(4, VINS[1]!, '2026-03-04', '李娜')],
      [{ vin: VINS[2]!, code: 'not_invoiced' }]
    )
    expect(run).toMatchObject({ matched: 1, missing: 1, excepted: 1, extra: 0, department: 'sales', system: 'AAK' })
    expect(resultOfRun(run, [...lines].reverse())).toEqual(result)
  })
})

describe('the archives still expected', () => {
  const first = count('2026-03-09T02:00:00.000Z', [
    record(2, VINS[1]!, '2026-03-04', '李娜'),
    record(3, VINS[2]!, '2026-03-05')
  ])

  it('are the missing lines, with the advisor responsible and the report deadline', () => {
    const open = expectedArchives([first.run], first.lines, new Set())
    expect(open.map((e) => [e.vin, e.advisor, e.reportDueAt])).toEqual([
      [VINS[1], '李娜', '2026-03-11T15:59:59.999Z'],
      [VINS[2], '王建华', '2026-03-11T15:59:59.999Z']
    ])
  })

  it('leave the list when the archive arrives', () => {
    const open = expectedArchives([first.run], first.lines, new Set([receivedKey('sales', VINS[1]!, null)]))
    expect(open.map((e) => e.vin)).toEqual([VINS[2]])
  })

  it('leave the list when a later count excepts them; an earlier count does not reopen them', () => {
    const later = count(
      '2026-03-10T02:00:00.000Z',
      [record(3, VINS[2]!, '2026-03-05')],
      [{ vin: VINS[2]!, code: 'not_invoiced' }]
    )
    const runs: ReconciliationRunRow[] = [later.run, first.run]
    expect(expectedArchives(runs, [...later.lines, ...first.lines], new Set()).map((e) => e.vin)).toEqual([VINS[1]])
  })
})

describe('keeping a system list', () => {
  it('keeps each line once: a line an earlier import kept is counted, not kept again', () => {
    const parsed = parseSystemRows(
      {
        headers: ['车架号', '交车日期', '销售顾问'],
        rows: [
          [VINS[0]!, '2026-03-02', '王建华'],
          [VINS[1]!, '2026/3/4', '李娜']
        ]
      },
      { vin: '车架号', date: '交车日期', advisor: '销售顾问' },
      'sales'
    )
    let n = 0
    const plan = planSystemListImport('sales', parsed, new Set([`sales:${VINS[0]}`]), {
      importId: 'imp-1',
      actor,
      at: '2026-03-09T02:00:00.000Z',
      newId: () => `row-${++n}`
    })
    expect(plan.alreadyKept).toBe(1)
    expect(plan.rows).toEqual([
      expect.objectContaining({
        id: 'row-1',
        vin: VINS[1],
        date: '2026-03-04',
        advisor: '李娜',
        recordKey: `sales:${VINS[1]}`,
        importId: 'imp-1',
        sourceRow: 3,
        department: 'sales'
      })
    ])
  })
})
