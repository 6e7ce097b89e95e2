import { describe, expect, it } from 'vitest'
import { getPreset } from '../policy'
import { sampleFineMonth, SVW_FINES } from '../../tests/fixtures/fine-samples'
import { checkRulesOf, roundQuality } from './archive-quality'
import type { MonthRecords, ReportArchive } from './monthly-report'
import { monthFigures, monthlyReport } from './monthly-report'

const FAW = getPreset('faw-vw')
const ASOF = '2026-12-01T02:00:00.000Z'

let n = 0
function archive(changes: Partial<ReportArchive>): ReportArchive {
  return {
    id: `a-${++n}`,
    department: 'service',
    advisorName: '李强',
    handInDueAt: '2026-11-10T02:00:00.000Z',
    handedOverAt: '2026-11-10T01:00:00.000Z',
    ...changes
  }
}

const ok = { complete: true, authentic: true, conforming: true }

function records(changes: Partial<MonthRecords> = {}): MonthRecords {
  return { month: '2026-11', due: [], firstRounds: [], violations: [], lines: [], ...changes }
}

describe('archive quality of a round', () => {
  const rules = checkRulesOf(FAW.archiveTemplates.service)
  const codeOf = (ruleId: string) => {
    const key = [...rules.entries()].find(([, r]) => r === ruleId)![0]
    const [documentCode, checkCode] = key.split('\u0000')
    return { documentCode: documentCode!, checkCode: checkCode! }
  }

  it('reads a missing document and a blank item as incomplete, a missing signature as not authentic', () => {
    expect(roundQuality([], rules)).toEqual({ complete: true, authentic: true, conforming: true })
    expect(roundQuality([{ documentCode: 'x', checkCode: null }], rules)).toEqual({
      complete: false,
      authentic: true,
      conforming: false
    })
    expect(roundQuality([codeOf('no-blank-items')], rules)).toMatchObject({ complete: false, authentic: true })
    expect(roundQuality([codeOf('signatures-present')], rules)).toMatchObject({ complete: true, authentic: false })
    expect(roundQuality([codeOf('texts-match')], rules)).toMatchObject({ authentic: false, conforming: false })
  })
})

describe('monthFigures', () => {
  it('counts timeliness over the archives due in the month; one still ahead of its deadline is not counted yet', () => {
    const figures = monthFigures(
      records({
        due: [
          archive({}),
          archive({ handedOverAt: '2026-11-10T03:00:00.000Z' }),
          archive({ handedOverAt: null }),
          archive({ department: 'sales', advisorName: '王磊' }),
          // Due after `asOf` and not yet handed over: not late yet.
          archive({ handInDueAt: '2026-12-01T03:00:00.000Z', handedOverAt: null })
        ]
      }),
      SVW_FINES,
      ASOF
    )
    expect(figures.timeliness).toEqual({ count: 2, of: 4, percent: 50 })
    expect(figures.byDepartment.map((d) => [d.department, d.timeliness.percent])).toEqual([
      ['sales', 100],
      ['service', 33.3]
    ])
    expect(figures.byAdvisor.find((a) => a.advisor === '李强')?.timeliness).toEqual({ count: 1, of: 3, percent: 33.3 })
  })

  it('counts completeness, authenticity and nonconformity over first rounds, by department and advisor', () => {
    const rounds = [
      ...Array.from({ length: 97 }, () => ({ archive: archive({}), quality: ok })),
      { archive: archive({}), quality: { complete: false, authentic: true, conforming: false } },
      { archive: archive({}), quality: { complete: true, authentic: false, conforming: false } },
      {
        archive: archive({ department: 'sales', advisorName: '王磊' }),
        quality: { complete: false, authentic: false, conforming: false }
      }
    ]
    const figures = monthFigures(records({ firstRounds: rounds }), SVW_FINES, ASOF)
    expect(figures.completeness).toEqual({ count: 98, of: 100, percent: 98 })
    expect(figures.authenticity).toEqual({ count: 98, of: 100, percent: 98 })
    expect(figures.nonconformity).toEqual({ count: 3, of: 100, percent: 3 })
    const sales = figures.byDepartment.find((d) => d.department === 'sales')!
    expect([sales.completeness.percent, sales.nonconformity.percent]).toEqual([0, 100])
    expect(figures.timeliness.percent).toBeNull()
  })

  it('adds the decided fines per person to their department and advisor, waived excluded', () => {
    const { violations, lines } = sampleFineMonth()
    const figures = monthFigures(records({ violations, lines }), SVW_FINES, ASOF)
    expect([figures.yuan, figures.kpiPoints, figures.violations]).toEqual([320, 0, 5])
    expect(figures.byAdvisor.map((a) => [a.advisor, a.yuan])).toEqual([
      ['王磊', 230],
      ['李强', 90]
    ])
    expect(figures.byDepartment.map((d) => [d.department, d.yuan])).toEqual([
      ['sales', 230],
      ['service', 90]
    ])
  })
})

describe('monthlyReport', () => {
  it('measures the FAW-VW targets on the month and gives the 12-month trend oldest first', () => {
    const months: MonthRecords[] = Array.from({ length: 12 }, (_, i) => {
      const month = `${i < 1 ? 2025 : 2026}-${String(((i + 11) % 12) + 1).padStart(2, '0')}`
      return records({
        month,
        firstRounds: Array.from({ length: 100 }, (_, j) => ({
          archive: archive({}),
          quality: { complete: j >= i, authentic: j >= 2 * i, conforming: j >= 2 * i }
        }))
      })
    }).reverse()
    const report = monthlyReport(months, FAW.fines, ASOF)
    expect(report.month).toBe('2026-11')
    expect(report.monthText).toBe('2026年11月')
    expect(report.trend.map((m) => m.month)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11'
    ])
    // November is the 12th month: 11 incomplete, 22 not authentic of 100.
    expect(report.current.completeness.percent).toBe(89)
    expect(report.targets).toEqual([
      { metric: 'completeness', minPercent: 99, clause: expect.stringContaining('5'), percent: 89, met: false },
      { metric: 'authenticity', minPercent: 95, clause: expect.stringContaining('5'), percent: 78, met: false }
    ])
    expect(report.trend[0]!.completeness.percent).toBe(100)
    expect(report.reviewMetrics).toEqual(['timeliness', 'completeness'])
  })

  it('has no SVW-Skoda targets but the 五.8 review rates', () => {
    const report = monthlyReport([records()], SVW_FINES, ASOF)
    expect(report.targets).toEqual([])
    expect(report.reviewMetrics).toEqual(['timeliness', 'completeness'])
    expect(report.current.completeness.percent).toBeNull()
  })
})
