import { z } from 'zod'
import { factLabel, optionLabel } from '../archive-facts'
import { failed, incomplete, passed } from '../check-outcome'
import { containsItem, toItemCodes } from '../list-items'
import { readFacts } from '../read-facts'
import { defineRule } from '../rule-definition'
import { factRefParam, positiveNumberParam } from '../rule-params'

// FAW-VW 保养表: 轮胎纹深度在3.0-6.5为正常值，全新轮胎花纹深度为7.0，低于3.0mm报建议更换.
// Exactly the minimum is still normal; a reading deeper than a new tyre cannot be right and is sent back.

const params = z
  .strictObject({
    depths: factRefParam,
    suggested: factRefParam,
    minMm: positiveNumberParam('最低花纹深度'),
    newTyreMm: positiveNumberParam('全新轮胎花纹深度'),
    item: z.string().min(1, '须指定“更换轮胎”的建议项目代码')
  })
  .refine((p) => p.minMm < p.newTyreMm, { message: '最低花纹深度应小于全新轮胎花纹深度', path: ['minMm'] })

const mm = (value: number) => `${value.toFixed(1)} mm`

export const treadDepthReplacement = defineRule({
  id: 'tread-depth-replacement',
  title: '花纹深度低于下限须建议更换轮胎',
  paramsSchema: params,
  requirements: (p) => [
    { ref: p.depths, types: ['measurements'] },
    { ref: p.suggested, types: ['list'], optionCodes: [p.item] }
  ],
  evaluate(facts, p) {
    const read = readFacts(facts, { depths: { ref: p.depths, as: 'measurements' } })
    if (!read.ok) return read.outcome
    const definition = facts.definitions[p.depths]?.definition
    const positions =
      definition?.type === 'measurements'
        ? definition.positions.map((position) => position.code)
        : Object.keys(read.values.depths)
    const label = (position: string) => optionLabel(facts, p.depths, position)
    const depthLabel = factLabel(facts, p.depths)

    const notEntered = positions.filter((position) => read.values.depths[position] === undefined)
    const blank = positions.filter((position) => read.values.depths[position] === null)
    if (blank.length > 0) return failed(`${depthLabel}未填写：${blank.map(label).join('、')}`)
    if (notEntered.length > 0) return incomplete(`尚未录入${depthLabel}：${notEntered.map(label).join('、')}`)

    const readings = positions.map((position) => ({ position, depth: read.values.depths[position] ?? 0 }))
    const tooDeep = readings.filter((r) => r.depth > p.newTyreMm)
    if (tooDeep.length > 0) {
      return failed(
        `${tooDeep.map((r) => `${label(r.position)} ${mm(r.depth)}`).join('、')}超过全新轮胎花纹深度 ${mm(p.newTyreMm)}，疑似填写错误`
      )
    }
    const worn = readings.filter((r) => r.depth < p.minMm)
    const list = (rs: typeof readings) => rs.map((r) => `${label(r.position)} ${mm(r.depth)}`).join('、')
    if (worn.length === 0) return passed(`花纹深度均不低于 ${mm(p.minMm)}（${list(readings)}）`)

    const suggestedRead = readFacts(facts, { suggested: { ref: p.suggested, as: 'list' } })
    if (!suggestedRead.ok) return suggestedRead.outcome
    const suggested = toItemCodes(facts, p.suggested, suggestedRead.values.suggested)
    const itemName = optionLabel(facts, p.suggested, p.item)
    if (containsItem(suggested, p.item)) return passed(`${list(worn)}低于 ${mm(p.minMm)}，已建议${itemName}`)
    return failed(`${list(worn)}低于 ${mm(p.minMm)}，${factLabel(facts, p.suggested)}中未建议${itemName}`)
  }
})
