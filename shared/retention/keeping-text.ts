import type { z } from 'zod'
import { DomainError } from '../model/domain-error'
import { freeText, optionalFreeText } from '../validation/free-text'

// The free texts of keeping a file (reasons, locations, findings): cleaned of control and bidi characters
// and bounded like every free text; a refusal names the field.

export const KEEPING_TEXT_MAX = 300

export const holdReasonSchema = freeText({
  label: '保全原因',
  min: 2,
  max: KEEPING_TEXT_MAX,
  requiredMessage: '请写明保全原因，如投诉编号、争议或调查的事由'
})

export const releaseReasonSchema = freeText({
  label: '解除原因',
  min: 2,
  max: KEEPING_TEXT_MAX,
  requiredMessage: '请写明解除保全的原因，如“投诉已结案”'
})

export const sealLocationSchema = freeText({
  label: '封存位置',
  min: 2,
  max: 100,
  requiredMessage: '请填写封存后的存放位置，如“档案库 3 号柜 2 层”'
})

export const keepingNoteSchema = optionalFreeText({ label: '备注', max: KEEPING_TEXT_MAX })

export const personNameSchema = freeText({
  label: '姓名',
  min: 2,
  max: 50,
  requiredMessage: '请填写姓名'
})

/** The cleaned text, or KEEPING_TEXT_INVALID naming the field, with the schema's Chinese message. */
export function keepingText<T>(schema: z.ZodType<T>, value: unknown, field: string): T {
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? '内容无效'
    throw new DomainError('KEEPING_TEXT_INVALID', message, { field, message })
  }
  return parsed.data
}
