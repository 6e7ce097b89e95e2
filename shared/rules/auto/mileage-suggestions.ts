import { z } from 'zod'
import { factLabel, optionLabel } from '../archive-facts'
import { failed, incomplete, notApplicable, passed } from '../check-outcome'
import { containsItem, toItemCodes } from '../list-items'
import { readFacts } from '../read-facts'
import { defineRule } from '../rule-definition'
import { factRefParam } from '../rule-params'

// FAW-VW 结算单: 29000km-31000km如未更换火花塞或机油四滤，必须在建议项目中体现；59000km-61000km未按保养手册
// 更换火花塞、机油四滤、变速箱油（手动变速箱除外）、刹车油、转向助力油的也必须在建议项目中体现.
// The mileage band is inclusive at both ends; outside it the item does not apply.

const params = z
  .strictObject({
    mileage: factRefParam,
    replaced: factRefParam,
    suggested: factRefParam,
    fromKm: z.number({ error: '里程下限应为数字' }).int('里程下限应为整数公里').nonnegative('里程下限不能为负数'),
    toKm: z.number({ error: '里程上限应为数字' }).int('里程上限应为整数公里').positive('里程上限必须大于 0'),
    items: z.array(z.string().min(1)).min(1, '至少列出一个保养项目'),
    gearbox: factRefParam.optional(),
    manualGearboxCode: z.string().min(1).default('manual'),
    exemptForManualGearbox: z.array(z.string().min(1)).default([])
  })
  .refine((p) => p.fromKm <= p.toKm, { message: '里程下限不能大于上限', path: ['toKm'] })
  .refine((p) => p.exemptForManualGearbox.every((item) => p.items.includes(item)), {
    message: '手动变速箱免除的项目必须在保养项目之中',
    path: ['exemptForManualGearbox']
  })
  .refine((p) => p.exemptForManualGearbox.length === 0 || p.gearbox !== undefined, {
    message: '有手动变速箱免除项目时须引用变速箱类型',
    path: ['gearbox']
  })

export const mileageSuggestions = defineRule({
  id: 'mileage-suggestions',
  title: '规定里程段内未更换的保养项目须写入建议项目',
  paramsSchema: params,
  requirements: (p) => [
    { ref: p.mileage, types: ['number'] },
    { ref: p.replaced, types: ['list'], optionCodes: p.items },
    { ref: p.suggested, types: ['list'], optionCodes: p.items },
    ...(p.gearbox === undefined
      ? []
      : [{ ref: p.gearbox, types: ['choice' as const], optionCodes: [p.manualGearboxCode] }])
  ],
  evaluate(facts, p) {
    const band = `${p.fromKm}–${p.toKm} km`
    const readMileage = readFacts(facts, { km: { ref: p.mileage, as: 'number' } })
    if (!readMileage.ok) return readMileage.outcome
    const km = readMileage.values.km
    if (km < p.fromKm || km > p.toKm) return notApplicable(`行驶里程 ${km} km，不在 ${band} 范围内`)

    const read = readFacts(facts, {
      replaced: { ref: p.replaced, as: 'list' },
      suggested: { ref: p.suggested, as: 'list' }
    })
    if (!read.ok) return read.outcome
    const replaced = toItemCodes(facts, p.replaced, read.values.replaced)
    const suggested = toItemCodes(facts, p.suggested, read.values.suggested)
    let missing = p.items.filter((item) => !containsItem(replaced, item) && !containsItem(suggested, item))

    const exemptMissing = missing.filter((item) => p.exemptForManualGearbox.includes(item))
    if (exemptMissing.length > 0 && p.gearbox !== undefined) {
      const gearbox = readFacts(facts, { type: { ref: p.gearbox, as: 'text' } })
      if (!gearbox.ok) {
        return gearbox.outcome.status === 'incomplete'
          ? incomplete(
              `${gearbox.outcome.message}（手动变速箱无需更换${exemptMissing.map((i) => optionLabel(facts, p.suggested, i)).join('、')}）`
            )
          : gearbox.outcome
      }
      if (gearbox.values.type === p.manualGearboxCode) missing = missing.filter((item) => !exemptMissing.includes(item))
    }

    const names = (items: readonly string[]) => items.map((item) => optionLabel(facts, p.suggested, item)).join('、')
    if (missing.length === 0) return passed(`行驶里程 ${km} km（${band}）：规定项目均已更换或已写入建议项目`)
    return failed(`行驶里程 ${km} km（${band}）：${names(missing)}未更换，也未写入${factLabel(facts, p.suggested)}`)
  }
})
