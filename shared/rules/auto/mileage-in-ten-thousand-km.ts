import { z } from 'zod'
import { normalizeInput } from '../../validation'
import { factLabel } from '../archive-facts'
import { failed, passed } from '../check-outcome'
import { readFacts } from '../read-facts'
import { defineRule } from '../rule-definition'
import { factRefParam } from '../rule-params'

// FAW-VW 接/交车检查表: 行驶里程是以万公里为单位，填写时注意使用小数点. When the odometer reading in km is
// known, the written figure must agree with it to its last written digit (3.05 万公里 covers 30 500–30 599 km,
// and a rounded 30 450 km too).

const params = z.strictObject({ written: factRefParam, mileageKm: factRefParam.optional() })

const UNIT_SUFFIX = /(万公里|万km|万)$/i
const TEN_THOUSAND_KM = /^(\d+)\.(\d+)$/

export const mileageInTenThousandKm = defineRule({
  id: 'mileage-in-ten-thousand-km',
  title: '行驶里程以万公里为单位并使用小数点',
  paramsSchema: params,
  requirements: (p) => [
    { ref: p.written, types: ['text'] },
    ...(p.mileageKm === undefined ? [] : [{ ref: p.mileageKm, types: ['number' as const] }])
  ],
  evaluate(facts, p) {
    const read = readFacts(facts, { written: { ref: p.written, as: 'text' } })
    if (!read.ok) return read.outcome
    const label = factLabel(facts, p.written)
    const written = read.values.written
    const figure = normalizeInput(written).replace(UNIT_SUFFIX, '')
    const match = TEN_THOUSAND_KM.exec(figure)
    if (!match) return failed(`${label}“${written}”未以万公里为单位并使用小数点（如 3.05）`)
    if (p.mileageKm === undefined) return passed(`${label} ${figure} 万公里`)

    const odometer = readFacts(facts, { km: { ref: p.mileageKm, as: 'number', optional: true } })
    if (!odometer.ok) return odometer.outcome
    const km = odometer.values.km
    if (km === undefined) return passed(`${label} ${figure} 万公里`)
    const decimals = (match[2] ?? '').length
    const writtenKm = Math.round(Number(figure) * 10_000)
    const lastDigitKm = decimals >= 4 ? 1 : 10 ** (4 - decimals)
    if (Math.abs(writtenKm - km) < lastDigitKm) return passed(`${label} ${figure} 万公里，与 ${km} km 相符`)
    return failed(`${label} ${figure} 万公里（${writtenKm} km）与${factLabel(facts, p.mileageKm)} ${km} km 不符`)
  }
})
