import { describe, expect, it } from 'vitest'
import { FAW_VW_PRESET } from '../../policy/presets/faw-vw'
import { evaluateArchive, findCheckResult } from '../evaluate-archive'
import { allManualChecksPassed, FAW_VW_SALES_EXAMPLE, withFacts } from '../../../tests/fixtures/example-archives'
import { DEFAULT_RULE_CONTEXT } from '../rule-context'

// FAW-VW PDI: P-单子/8-单子 contain 任务委托书、结算单、交/接车检查表、保养表.
const check = (code: string, contents: string[]) =>
  findCheckResult(
    evaluateArchive(
      FAW_VW_PRESET,
      withFacts(FAW_VW_SALES_EXAMPLE, {
        [code === 'pre-pdi-contents' ? 'pdi_forms.preContents' : 'pdi_forms.outboundContents']: contents
      }),
      allManualChecksPassed(FAW_VW_PRESET.archiveTemplates.sales),
      DEFAULT_RULE_CONTEXT
    ),
    code
  )

describe('PDI forms contain their four parts', () => {
  it('passes with all four, by code or name', () => {
    expect(check('pre-pdi-contents', ['任务委托书', '结算单', '交/接车检查表', '保养表'])?.status).toBe('pass')
  })

  it('names the missing parts', () => {
    expect(check('outbound-pdi-contents', ['work_order', 'handover_check'])?.message).toBe(
      '《PDI保养表》出库PDI（8-单子）内容缺少：结算单、保养表'
    )
  })

  it('fails an empty P-单 (the P-单 was not filed with the new-car archive)', () => {
    expect(check('pre-pdi-contents', [])?.status).toBe('fail')
  })
})
