import { describe, expect, it } from 'vitest'
import { FAW_VW_PRESET } from '../../policy/presets/faw-vw'
import { evaluateArchive, findCheckResult } from '../evaluate-archive'
import { allManualChecksPassed, FAW_VW_SERVICE_EXAMPLE, withFacts } from '../../../tests/fixtures/example-archives'
import { DEFAULT_RULE_CONTEXT } from '../rule-context'

// FAW-VW 接/交车检查表: 行驶里程以万公里为单位，使用小数点. The car shows 30 500 km.
const check = (written: string, km: number | undefined = 30500) =>
  findCheckResult(
    evaluateArchive(
      FAW_VW_PRESET,
      withFacts(FAW_VW_SERVICE_EXAMPLE, { 'handover_check.mileageWritten': written, 'archive.mileageKm': km }),
      allManualChecksPassed(FAW_VW_PRESET.archiveTemplates.service),
      DEFAULT_RULE_CONTEXT
    ),
    'handover-mileage-format'
  )

describe('mileage written in 万km with a decimal point', () => {
  it('passes 3.05, 3.05万公里, 3.050 and 3.0 for 30 500 km', () => {
    for (const written of ['3.05', '3.05万公里', '3.05万km', '3.050', '3.0', '３．０５'])
      expect(check(written)?.status, written).toBe('pass')
  })

  it('fails a figure without a decimal point, or written in km', () => {
    expect(check('3')?.message).toBe(
      '《一汽大众接/交车检查表》行驶里程（万公里）“3”未以万公里为单位并使用小数点（如 3.05）'
    )
    expect(check('30500')?.status).toBe('fail')
    expect(check('30500km')?.status).toBe('fail')
  })

  it('fails a figure that does not agree with the odometer to its last written digit', () => {
    const result = check('3.5')
    expect(result?.status).toBe('fail')
    expect(result?.message).toBe(
      '《一汽大众接/交车检查表》行驶里程（万公里） 3.5 万公里（35000 km）与行驶里程 30500 km 不符'
    )
    expect(check('3.06')?.status).toBe('fail')
  })
})

describe('mileage in 万km: what the message says', () => {
  const L = '《一汽大众接/交车检查表》行驶里程（万公里）'

  it('names the agreeing odometer reading', () => {
    expect(check('3.05万公里')).toMatchObject({ status: 'pass', message: `${L} 3.05 万公里，与 30500 km 相符` })
  })

  it('checks only the format while the odometer reading is left blank', () => {
    expect(check('3.5', null as unknown as number)).toMatchObject({ status: 'pass', message: `${L} 3.5 万公里` })
  })

  it('holds four decimals to the kilometre', () => {
    expect(check('3.0500')?.status).toBe('pass')
    expect(check('3.0501')).toMatchObject({
      status: 'fail',
      message: `${L} 3.0501 万公里（30501 km）与行驶里程 30500 km 不符`
    })
  })

  it('waits for the written mileage', () => {
    expect(check(undefined as unknown as string)).toMatchObject({ status: 'incomplete', message: `尚未录入：${L}` })
  })
})
