import { describe, expect, it } from 'vitest'
import { FAW_VW_PRESET } from '../../policy/presets/faw-vw'
import { evaluateArchive, findCheckResult } from '../evaluate-archive'
import { allManualChecksPassed, FAW_VW_SERVICE_EXAMPLE, withFacts } from '../../../tests/fixtures/example-archives'
import { DEFAULT_RULE_CONTEXT } from '../rule-context'

// FAW-VW 任务委托书: 车牌号码填写完整，不允许出现“吉A”.
const check = (plate: string) =>
  findCheckResult(
    evaluateArchive(
      FAW_VW_PRESET,
      withFacts(FAW_VW_SERVICE_EXAMPLE, { 'work_order.plate': plate }),
      allManualChecksPassed(FAW_VW_PRESET.archiveTemplates.service),
      DEFAULT_RULE_CONTEXT
    ),
    'work-order-plate-complete'
  )

describe('plate written in full', () => {
  it('passes a complete plate, ordinary or new-energy', () => {
    expect(check('吉A·5K2M8')?.status).toBe('pass')
    expect(check('吉AD12345')?.status).toBe('pass')
  })

  it('fails a bare "吉A"', () => {
    const result = check('吉A')
    expect(result?.status).toBe('fail')
    expect(result?.message).toContain('《任务委托书》车牌号码“吉A”：车牌号不完整')
  })
})
