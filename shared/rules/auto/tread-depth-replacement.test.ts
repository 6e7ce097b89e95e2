import { describe, expect, it } from 'vitest'
import { FAW_VW_PRESET } from '../../policy/presets/faw-vw'
import { RULES } from '../rule-registry'
import { evaluateArchive, findCheckResult } from '../evaluate-archive'
import { allManualChecksPassed, FAW_VW_SERVICE_EXAMPLE, withFacts } from '../../../tests/fixtures/example-archives'
import type { FactValue } from '../fact-value'
import { DEFAULT_RULE_CONTEXT } from '../rule-context'

// FAW-VW 保养表: 3.0–6.5 mm normal, new tyre 7.0 mm, below 3.0 mm → suggest replacement.
const depths = (frontLeft: number | null | undefined) =>
  ({ front_left: frontLeft, front_right: 5.0, rear_left: 4.8, rear_right: 4.9 }) as FactValue
const check = (treadDepths: FactValue, suggested: string[] = ['brake_fluid']) =>
  findCheckResult(
    evaluateArchive(
      FAW_VW_PRESET,
      withFacts(FAW_VW_SERVICE_EXAMPLE, {
        'maintenance_form.treadDepths': treadDepths,
        'settlement.suggestedItems': suggested,
        'handover_check.repairSuggestions': suggested
      }),
      allManualChecksPassed(FAW_VW_PRESET.archiveTemplates.service),
      DEFAULT_RULE_CONTEXT
    ),
    'maintenance-tread-depth'
  )

describe('tread depth below 3.0 mm → replacement suggested', () => {
  it('treats exactly 3.0 mm as normal and 2.9 mm as worn', () => {
    expect(check(depths(3.0))?.status).toBe('pass')
    const worn = check(depths(2.9))
    expect(worn?.status).toBe('fail')
    expect(worn?.message).toBe('左前轮 2.9 mm低于 3.0 mm，《结算单》建议修理项目中未建议更换轮胎')
  })

  it('passes a worn tyre when the replacement is suggested, by code or by name', () => {
    expect(check(depths(2.9), ['tyres'])?.status).toBe('pass')
    expect(check(depths(2.9), ['更换轮胎'])?.status).toBe('pass')
  })

  it('accepts a new tyre at 7.0 mm and refuses a reading deeper than a new tyre', () => {
    expect(check(depths(7.0))?.status).toBe('pass')
    const tooDeep = check(depths(7.1))
    expect(tooDeep?.status).toBe('fail')
    expect(tooDeep?.message).toContain('超过全新轮胎花纹深度 7.0 mm')
  })

  it('fails a tyre left blank and waits for one not yet entered', () => {
    expect(check(depths(null))?.message).toBe('《保养表》轮胎花纹深度未填写：左前轮')
    expect(check(depths(undefined))?.status).toBe('incomplete')
  })
})

describe('tread-depth rule parameters in a policy', () => {
  const schema = RULES['tread-depth-replacement']!.paramsSchema
  const base = { depths: 'maintenance_form.treadDepths', suggested: 'settlement.suggestedItems', item: 'tyres' }

  it('refuses a minimum that is not below the depth of a new tyre', () => {
    for (const [minMm, newTyreMm] of [
      [7, 7],
      [8, 7]
    ]) {
      const result = schema.safeParse({ ...base, minMm, newTyreMm })
      expect(result.success, `${minMm}/${newTyreMm}`).toBe(false)
      expect(result.error?.issues.map((i) => i.message)).toEqual(['最低花纹深度应小于全新轮胎花纹深度'])
    }
    expect(schema.safeParse({ ...base, minMm: 3, newTyreMm: 7 }).success).toBe(true)
  })
})

describe('tread depth: what the messages say', () => {
  it('lists every tyre when none is worn', () => {
    expect(check(depths(3.0))).toMatchObject({
      status: 'pass',
      message: '花纹深度均不低于 3.0 mm（左前轮 3.0 mm、右前轮 5.0 mm、左后轮 4.8 mm、右后轮 4.9 mm）'
    })
  })

  it('names the worn tyres and the replacement that was suggested', () => {
    const twoWorn = { front_left: 2.9, front_right: 2.5, rear_left: 4.8, rear_right: 4.9 } as FactValue
    expect(check(twoWorn, ['tyres'])).toMatchObject({
      status: 'pass',
      message: '左前轮 2.9 mm、右前轮 2.5 mm低于 3.0 mm，已建议更换轮胎'
    })
    expect(check(twoWorn)?.message).toBe(
      '左前轮 2.9 mm、右前轮 2.5 mm低于 3.0 mm，《结算单》建议修理项目中未建议更换轮胎'
    )
  })

  it('names every tyre deeper than a new one, and every tyre left blank or not entered', () => {
    expect(check({ front_left: 7.5, front_right: 8.0, rear_left: 4.8, rear_right: 4.9 } as FactValue)?.message).toBe(
      '左前轮 7.5 mm、右前轮 8.0 mm超过全新轮胎花纹深度 7.0 mm，疑似填写错误'
    )
    expect(check({ front_left: null, front_right: null, rear_left: 4.8, rear_right: 4.9 } as FactValue)?.message).toBe(
      '《保养表》轮胎花纹深度未填写：左前轮、右前轮'
    )
    expect(check({ rear_left: 4.8, rear_right: 4.9 } as FactValue)).toMatchObject({
      status: 'incomplete',
      message: '尚未录入《保养表》轮胎花纹深度：左前轮、右前轮'
    })
  })

  it('needs the suggested items before judging a worn tyre, and waits for the readings first', () => {
    expect(check(depths(2.9), null as unknown as string[])).toMatchObject({
      status: 'fail',
      message: '《结算单》建议修理项目未填写'
    })
    expect(check(undefined as unknown as FactValue)).toMatchObject({
      status: 'incomplete',
      message: '尚未录入：《保养表》轮胎花纹深度'
    })
  })
})
