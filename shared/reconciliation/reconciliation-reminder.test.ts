import { describe, expect, it } from 'vitest'
import { createWorkingCalendar } from '../calendar'
import { validatePolicy } from '../rules'
import { FAW_VW_PRESET } from '../policy/presets/faw-vw'
import { SVW_SKODA_PRESET } from '../policy/presets/svw-skoda'
import { reconciliationReminder } from './reconciliation-reminder'

const calendar = createWorkingCalendar()
const fawSales = FAW_VW_PRESET.reconciliation.sales.cadence
const skodaDaily = SVW_SKODA_PRESET.reconciliation.sales.cadence

describe('FAW-VW weekly count (五(一)3(1): "销售档案每周一交至客服部……以本周扫AAK为标准进行收取")', () => {
  it('is due on Monday for the week before, citing the clause', () => {
    expect(reconciliationReminder(fawSales, '2026-11-02', '2026-11-09', calendar)).toEqual({
      due: true,
      dueOn: '2026-11-09',
      period: { from: '2026-11-02', to: '2026-11-08' },
      clause: '一汽大众 五(一)3(1)'
    })
  })

  it('stays due through the week until counted, then is not', () => {
    expect(reconciliationReminder(fawSales, '2026-11-06', '2026-11-13', calendar)).toMatchObject({
      due: true,
      dueOn: '2026-11-09'
    })
    expect(reconciliationReminder(fawSales, '2026-11-09', '2026-11-15', calendar).due).toBe(false)
    expect(reconciliationReminder(fawSales, '2026-11-10', '2026-11-11', calendar).due).toBe(false)
  })

  it('is due when never counted', () => {
    expect(reconciliationReminder(fawSales, null, '2026-11-11', calendar)).toMatchObject({
      due: true,
      dueOn: '2026-11-09'
    })
  })

  it('moves a Monday in the National Day holiday to the next working day', () => {
    // Monday 2026-10-05 is a rest day; the count falls on Thursday 2026-10-08.
    expect(reconciliationReminder(fawSales, '2026-09-28', '2026-10-06', calendar)).toMatchObject({
      due: false,
      dueOn: '2026-09-28'
    })
    expect(reconciliationReminder(fawSales, '2026-09-28', '2026-10-08', calendar)).toEqual({
      due: true,
      dueOn: '2026-10-08',
      period: { from: '2026-09-28', to: '2026-10-04' },
      clause: '一汽大众 五(一)3(1)'
    })
  })

  it('counts weekly on Monday when the policy names no cadence', () => {
    expect(reconciliationReminder(undefined, '2026-11-08', '2026-11-09', calendar)).toStrictEqual({
      due: true,
      dueOn: '2026-11-09',
      period: { from: '2026-11-02', to: '2026-11-08' }
    })
  })

  it('follows a policy that counts on another weekday', () => {
    expect(reconciliationReminder({ kind: 'weekly', weekday: 5 }, '2026-11-05', '2026-11-09', calendar)).toEqual({
      due: true,
      dueOn: '2026-11-06',
      period: { from: '2026-10-30', to: '2026-11-05' }
    })
  })
})

describe('SVW-Skoda daily register (二.5: "每日将销售部和服务部转交的书面用户档案信息进行登记")', () => {
  it('on a Monday covers Friday to Sunday', () => {
    expect(reconciliationReminder(skodaDaily, '2026-11-13', '2026-11-16', calendar)).toEqual({
      due: true,
      dueOn: '2026-11-16',
      period: { from: '2026-11-13', to: '2026-11-15' },
      clause: '上汽大众斯柯达 二.5（每日登记）'
    })
    expect(reconciliationReminder(skodaDaily, '2026-11-16', '2026-11-16', calendar).due).toBe(false)
  })

  it('on a Sunday asks for Friday’s count, not Sunday’s', () => {
    expect(reconciliationReminder(skodaDaily, '2026-11-12', '2026-11-15', calendar)).toMatchObject({
      due: true,
      dueOn: '2026-11-13',
      period: { from: '2026-11-12', to: '2026-11-12' }
    })
    expect(reconciliationReminder(skodaDaily, '2026-11-13', '2026-11-15', calendar).due).toBe(false)
  })
})

describe('the dates it is given', () => {
  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => reconciliationReminder(fawSales, null, '2026-11-31', calendar)).toThrow(
      'today must be a YYYY-MM-DD date, got "2026-11-31"'
    )
    expect(() => reconciliationReminder(fawSales, '2026/11/02', '2026-11-09', calendar)).toThrow(
      'lastReconciledOn must be a YYYY-MM-DD date, got "2026/11/02"'
    )
  })
})

describe('the cadence in the policy', () => {
  it('is valid in both presets and refused when the weekday is not 1–7', () => {
    expect(validatePolicy(FAW_VW_PRESET).ok).toBe(true)
    expect(validatePolicy(SVW_SKODA_PRESET).ok).toBe(true)
    const bad = {
      ...FAW_VW_PRESET,
      reconciliation: {
        ...FAW_VW_PRESET.reconciliation,
        sales: { ...FAW_VW_PRESET.reconciliation.sales, cadence: { kind: 'weekly', weekday: 8 } }
      }
    }
    const validation = validatePolicy(bad)
    expect(validation.ok).toBe(false)
    expect(JSON.stringify(validation)).toContain('核对日应为周一至周日')
  })

  it('is optional: a policy saved before it existed is still valid', () => {
    const { cadence: _sales, ...sales } = FAW_VW_PRESET.reconciliation.sales
    const { cadence: _service, ...service } = FAW_VW_PRESET.reconciliation.service
    expect(validatePolicy({ ...FAW_VW_PRESET, reconciliation: { sales, service } }).ok).toBe(true)
  })
})
