import { z } from 'zod'
import { DomainError } from '../model/domain-error'
import { optionalFreeText } from '../validation/free-text'
import type { ManualCheckResult } from './archive-input'

// The checker's ticks and notes, as the inspection saves them: notes are printed on the
// 《不合格档案记录》, so they are cleaned of control and bidi characters and bounded.

export const INSPECTION_NOTE_MAX = 500

const manualCheckResultSchema = z
  .object({
    passed: z.boolean({ error: '检查结果应为合格或不合格' }),
    note: optionalFreeText({ label: '检查备注', max: INSPECTION_NOTE_MAX, multiline: true })
  })
  .strict()

/** The checker's results with every note cleaned; refuses INSPECTION_NOTE_INVALID naming the check item. */
export function parseManualResults(
  manual: Readonly<Record<string, ManualCheckResult>>
): Record<string, ManualCheckResult> {
  const out: Record<string, ManualCheckResult> = {}
  for (const [code, result] of Object.entries(manual)) {
    const parsed = manualCheckResultSchema.safeParse(result)
    if (!parsed.success)
      throw new DomainError('INSPECTION_NOTE_INVALID', `检查项 ${code}：${parsed.error.issues[0]!.message}`, {
        field: code,
        reason: parsed.error.issues[0]!.message
      })
    out[code] =
      parsed.data.note === null
        ? { passed: parsed.data.passed }
        : { passed: parsed.data.passed, note: parsed.data.note }
  }
  return out
}
