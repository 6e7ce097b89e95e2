import { z } from 'zod'
import { DomainError } from '../model/domain-error'
import { freeText, optionalFreeText } from '../validation/free-text'
import { issueDetails } from '../validation/issue-details'

// The free text of a handover: who hands over, who is responsible for each archive, what is missing.
// It is printed on the signed 《档案交接表》, so it is cleaned of control and bidi characters and bounded.

export const HANDOVER_NAME_MAX = 20
export const MISSING_NOTE_MAX = 200

export const handedByNameSchema = freeText({
  label: '交档人姓名',
  min: 2,
  max: HANDOVER_NAME_MAX,
  requiredMessage: '请填写交档人姓名'
})

export const handoverLineTextSchema = z.object({
  advisorName: freeText({
    label: '责任顾问姓名',
    min: 2,
    max: HANDOVER_NAME_MAX,
    requiredMessage: '请填写责任顾问姓名'
  }),
  // "如资料不齐时需注明": may run over several lines on the sheet.
  missingNote: optionalFreeText({ label: '缺件说明', max: MISSING_NOTE_MAX, multiline: true })
})

/** Parses with `schema` or refuses with HANDOVER_INVALID, naming the field, in Chinese. */
export function parseHandoverText<S extends z.ZodType>(schema: S, input: unknown, field?: string): z.output<S> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]!
  throw new DomainError('HANDOVER_INVALID', issue.message, {
    field: field ?? String(issue.path[0] ?? ''),
    ...issueDetails(issue)
  })
}
