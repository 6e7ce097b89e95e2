import { describe, expect, it } from 'vitest'
import { FAW_VW_PRESET } from '../../policy/presets/faw-vw'
import { evaluateArchive, findCheckResult } from '../evaluate-archive'
import {
  allManualChecksPassed,
  FAW_VW_SERVICE_EXAMPLE,
  withFacts,
  withoutDocument
} from '../../../tests/fixtures/example-archives'
import { DEFAULT_RULE_CONTEXT } from '../rule-context'

// FAW-VW 结算单: 建议修理项目与交车检查表中维修建议内容一致.
const check = (settlement: string[], handover: string[]) =>
  findCheckResult(
    evaluateArchive(
      FAW_VW_PRESET,
      withFacts(FAW_VW_SERVICE_EXAMPLE, {
        'settlement.suggestedItems': settlement,
        'handover_check.repairSuggestions': handover
      }),
      allManualChecksPassed(FAW_VW_PRESET.archiveTemplates.service),
      DEFAULT_RULE_CONTEXT
    ),
    'settlement-suggestions-match-handover'
  )

describe('settlement suggestions = handover-sheet suggestions', () => {
  it('compares as sets, codes and names alike, free text normalised', () => {
    expect(check(['brake_fluid', 'spark_plugs'], ['火花塞', '刹车油'])?.status).toBe('pass')
    expect(check(['更换雨刮片'], [' 更换雨刮片 '])?.status).toBe('pass')
  })

  it('names what appears on one side only', () => {
    const result = check(['spark_plugs', 'brake_fluid'], ['brake_fluid', '更换雨刮片'])
    expect(result?.status).toBe('fail')
    expect(result?.message).toBe(
      '《结算单》建议修理项目与《一汽大众接/交车检查表》维修建议不一致：仅见于《结算单》建议修理项目：火花塞；仅见于《一汽大众接/交车检查表》维修建议：更换雨刮片'
    )
  })
})

describe('settlement suggestions = handover-sheet suggestions: messages and missing sides', () => {
  const S = '《结算单》建议修理项目'
  const H = '《一汽大众接/交车检查表》维修建议'

  it('lists the agreed items, or says both are empty', () => {
    expect(check(['brake_fluid', 'spark_plugs'], ['火花塞', '刹车油'])?.message).toBe(`${S}与${H}一致：刹车油、火花塞`)
    expect(check([], [])).toMatchObject({ status: 'pass', message: `${S}与${H}一致` })
  })

  it('fails an item found on one side only, either side', () => {
    expect(check(['spark_plugs', 'brake_fluid'], ['brake_fluid'])).toMatchObject({
      status: 'fail',
      message: `${S}与${H}不一致：仅见于${S}：火花塞`
    })
    expect(check(['brake_fluid'], ['brake_fluid', '更换雨刮片'])).toMatchObject({
      status: 'fail',
      message: `${S}与${H}不一致：仅见于${H}：更换雨刮片`
    })
  })

  it('waits for both lists, and does not compare with a sheet that was not handed in', () => {
    const archive = withFacts(FAW_VW_SERVICE_EXAMPLE, { 'settlement.suggestedItems': undefined })
    expect(
      findCheckResult(
        evaluateArchive(
          FAW_VW_PRESET,
          archive,
          allManualChecksPassed(FAW_VW_PRESET.archiveTemplates.service),
          DEFAULT_RULE_CONTEXT
        ),
        'settlement-suggestions-match-handover'
      )
    ).toMatchObject({ status: 'incomplete', message: `尚未录入：${S}` })
    const noSheet = withoutDocument(FAW_VW_SERVICE_EXAMPLE, 'handover_check')
    expect(
      findCheckResult(
        evaluateArchive(
          FAW_VW_PRESET,
          noSheet,
          allManualChecksPassed(FAW_VW_PRESET.archiveTemplates.service),
          DEFAULT_RULE_CONTEXT
        ),
        'settlement-suggestions-match-handover'
      )
    ).toMatchObject({ status: 'not_applicable', message: '缺少《一汽大众接/交车检查表》，无法核对本项' })
  })
})
