import type { ArchiveTemplate, HandoverFactSource } from '../policy'
import type { FactValue } from '../rules'

// The archive facts the handover line already records (the policy marks them `fromHandover`), so the
// inspection starts with them filled in instead of asking for the date and advisor again.

export type HandoverFactValues = Record<HandoverFactSource, string>

export function factsFromHandover(
  template: Pick<ArchiveTemplate, 'facts'>,
  values: HandoverFactValues
): Record<string, FactValue> {
  const facts: Record<string, FactValue> = {}
  for (const definition of template.facts) {
    if (definition.fromHandover) facts[definition.key] = values[definition.fromHandover]
  }
  return facts
}
