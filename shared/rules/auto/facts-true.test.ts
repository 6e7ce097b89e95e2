import { describe, expect, it } from 'vitest'
import { FAW_VW_PRESET } from '../../policy/presets/faw-vw'
import { evaluateArchive, findCheckResult } from '../evaluate-archive'
import { allManualChecksPassed, FAW_VW_SERVICE_EXAMPLE, withFacts } from '../../../tests/fixtures/example-archives'
import type { FactValue } from '../fact-value'
import { DEFAULT_RULE_CONTEXT } from '../rule-context'

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

describe('confirmed yes/no facts', () => {
  it('maintenance form: units written', () => {
    expect(check('maintenance-units-written', { 'maintenance_form.unitsWritten': true })?.status).toBe('pass')
    expect(check('maintenance-units-written', { 'maintenance_form.unitsWritten': false })?.message).toBe(
      '未做到：《保养表》所有项目单位填写完整（如 2.5Bar、6.5MM）'
    )
  })

  it('settlement: finance stamp, unless nothing was charged', () => {
    expect(check('settlement-finance-stamp', { 'settlement.financeStamp': false })?.status).toBe('fail')
    const free = check('settlement-finance-stamp', {
      'settlement.financeStamp': false,
      'settlement.actualAmount': 0,
      'work_order.estimatedTotal': 0
    })
    expect(free?.status).toBe('not_applicable')
    expect(free?.message).toBe('不适用：无消费发生')
  })

  it('work order: changed items re-signed by the customer, only when items changed', () => {
    expect(check('work-order-changes-confirmed', { 'work_order.changesConfirmed': false })?.status).toBe('fail')
    expect(
      check('work-order-changes-confirmed', { 'work_order.itemsChanged': false, 'work_order.changesConfirmed': false })
        ?.status
    ).toBe('not_applicable')
    expect(check('work-order-changes-confirmed', { 'work_order.itemsChanged': undefined })?.message).toBe(
      '需先录入《任务委托书》维修项目有更改，才能判断本项是否适用'
    )
  })

  it('work order: added work has a signed quote, only when there is added work', () => {
    expect(check('work-order-added-items-quote', { 'work_order.addedItemsQuoteSigned': false })?.status).toBe('fail')
    expect(
      check('work-order-added-items-quote', {
        'work_order.hasAddedItems': false,
        'work_order.addedItemsQuoteSigned': false
      })?.status
    ).toBe('not_applicable')
  })
})
