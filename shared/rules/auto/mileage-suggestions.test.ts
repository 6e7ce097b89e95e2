import { describe, expect, it } from 'vitest'
import { FAW_VW_PRESET } from '../../policy/presets/faw-vw'
import { evaluateArchive, findCheckResult } from '../evaluate-archive'
import { allManualChecksPassed, FAW_VW_SERVICE_EXAMPLE, withFacts } from '../../../tests/fixtures/example-archives'
import type { FactValue } from '../fact-value'
import { DEFAULT_RULE_CONTEXT } from '../rule-context'

// FAW-VW 结算单: items not replaced in the 29 000–31 000 / 59 000–61 000 km bands must be suggested.
const check = (code: string, changes: Record<string, FactValue | undefined>) =>
  findCheckResult(
    evaluateArchive(
      FAW_VW_PRESET,
      withFacts(FAW_VW_SERVICE_EXAMPLE, changes),
      allManualChecksPassed(FAW_VW_PRESET.archiveTemplates.service),
      DEFAULT_RULE_CONTEXT
    ),
    code
  )

describe('29 000–31 000 km: spark plugs, oil + filters', () => {
  const at = (km: number, replaced: string[], suggested: string[]) =>
    check('settlement-30000km-suggestions', {
      'archive.mileageKm': km,
      'settlement.replacedItems': replaced,
      'settlement.suggestedItems': suggested
    })

  it('applies from 29 000 to 31 000 km inclusive, and not at 28 999 or 31 001 km', () => {
    expect(at(29000, [], [])?.status).toBe('fail')
    expect(at(31000, [], [])?.status).toBe('fail')
    const below = at(28999, [], [])
    expect(below?.status).toBe('not_applicable')
    expect(below?.message).toBe('行驶里程 28999 km，不在 29000–31000 km 范围内')
    expect(at(31001, [], [])?.status).toBe('not_applicable')
  })

  it('passes when each item is either replaced or suggested', () => {
    expect(at(30000, ['spark_plugs', 'oil_and_filters'], [])?.status).toBe('pass')
    expect(at(30000, ['spark_plugs'], ['oil_and_filters'])?.status).toBe('pass')
    expect(at(30000, [], ['spark_plugs', 'oil_and_filters'])?.status).toBe('pass')
  })

  it('recognises an item written by its Chinese name', () => {
    expect(at(30000, ['火花塞'], ['机油四滤'])?.status).toBe('pass')
  })

  it('names the item neither replaced nor suggested', () => {
    const result = at(30500, ['oil_and_filters'], ['brake_fluid'])
    expect(result?.status).toBe('fail')
    expect(result?.message).toBe('行驶里程 30500 km（29000–31000 km）：火花塞未更换，也未写入《结算单》建议修理项目')
  })

  it('is incomplete without the mileage', () => {
    expect(check('settlement-30000km-suggestions', { 'archive.mileageKm': undefined })?.message).toBe(
      '尚未录入：行驶里程'
    )
  })
})

describe('59 000–61 000 km: five items, gearbox oil not for manual gearboxes', () => {
  const FIVE = ['spark_plugs', 'oil_and_filters', 'gearbox_oil', 'brake_fluid', 'power_steering_fluid']
  const at = (km: number, replaced: string[], gearbox: FactValue | undefined) =>
    check('settlement-60000km-suggestions', {
      'archive.mileageKm': km,
      'archive.gearbox': gearbox,
      'settlement.replacedItems': replaced,
      'settlement.suggestedItems': []
    })

  it('applies from 59 000 to 61 000 km inclusive', () => {
    expect(at(59000, FIVE, 'automatic')?.status).toBe('pass')
    expect(at(61000, FIVE, 'automatic')?.status).toBe('pass')
    expect(at(58999, [], 'automatic')?.status).toBe('not_applicable')
    expect(at(61001, [], 'automatic')?.status).toBe('not_applicable')
  })

  it('requires gearbox oil for an automatic gearbox', () => {
    const result = at(
      60000,
      FIVE.filter((item) => item !== 'gearbox_oil'),
      'automatic'
    )
    expect(result?.status).toBe('fail')
    expect(result?.message).toContain('变速箱油未更换')
  })

  it('does not require gearbox oil for a manual gearbox', () => {
    expect(
      at(
        60000,
        FIVE.filter((item) => item !== 'gearbox_oil'),
        'manual'
      )?.status
    ).toBe('pass')
    const others = at(60000, ['spark_plugs'], 'manual')
    expect(others?.message).toBe(
      '行驶里程 60000 km（59000–61000 km）：机油四滤、刹车油、转向助力油未更换，也未写入《结算单》建议修理项目'
    )
  })

  it('asks for the gearbox type only when gearbox oil is the open question', () => {
    const unknown = at(
      60000,
      FIVE.filter((item) => item !== 'gearbox_oil'),
      undefined
    )
    expect(unknown?.status).toBe('incomplete')
    expect(unknown?.message).toBe('尚未录入：变速箱类型（手动变速箱无需更换变速箱油）')
    expect(at(60000, FIVE, undefined)?.status).toBe('pass')
  })
})
