import { normalizeInput } from '../validation'
import type { FactRef } from '../policy/fact-ref'
import type { ArchiveFacts } from './archive-facts'

// List facts hold option codes, or free text where the paper says something the options do not cover;
// a label typed instead of its code ('火花塞' for spark_plugs) counts as the code.

function comparable(text: string): string {
  return normalizeInput(text).toLowerCase()
}

/** The list's items as option codes where they match an option (by code or label), else as typed. */
export function toItemCodes(facts: ArchiveFacts, ref: FactRef, items: readonly string[]): string[] {
  const definition = facts.definitions[ref]?.definition
  const options = definition?.type === 'list' || definition?.type === 'choice' ? (definition.options ?? []) : []
  return items.map((item) => {
    const key = comparable(item)
    const option = options.find((o) => comparable(o.code) === key || comparable(o.label) === key)
    return option ? option.code : item.trim()
  })
}

/** Whether two items name the same thing (codes equal, or the same text once normalised). */
export function sameItem(a: string, b: string): boolean {
  return comparable(a) === comparable(b)
}

export function containsItem(items: readonly string[], item: string): boolean {
  return items.some((candidate) => sameItem(candidate, item))
}
