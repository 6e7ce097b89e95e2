import type { ArchiveTemplate } from '../policy/archive-template'
import type { FactDefinition } from '../policy/fact-definition'
import { ARCHIVE_SCOPE, factRef } from '../policy/fact-ref'
import type { FactRef } from '../policy/fact-ref'
import type { ArchiveInput } from './archive-input'
import type { FactValue } from './fact-value'

// The facts of one archive as the rules see them: values and definitions keyed by "scope.key".
// Definitions travel with the values so every message can name the fact in Chinese ('《购车发票》开票日期').

export interface LocatedFactDefinition {
  readonly definition: FactDefinition
  /** '《购车发票》开票日期', or just the label for archive facts. */
  readonly label: string
}

export interface ArchiveFacts {
  readonly values: Readonly<Record<FactRef, FactValue | undefined>>
  readonly definitions: Readonly<Record<FactRef, LocatedFactDefinition>>
}

/** Flattens an archive's recorded facts; facts of documents not present are left out. */
export function buildArchiveFacts(template: ArchiveTemplate, input: ArchiveInput): ArchiveFacts {
  const values: Record<FactRef, FactValue | undefined> = {}
  const definitions: Record<FactRef, LocatedFactDefinition> = {}
  for (const definition of template.facts) {
    const ref = factRef(ARCHIVE_SCOPE, definition.key)
    definitions[ref] = { definition, label: definition.label }
    values[ref] = input.facts?.[definition.key]
  }
  for (const document of template.documents) {
    const recorded = input.documents[document.code]
    for (const definition of document.facts) {
      const ref = factRef(document.code, definition.key)
      definitions[ref] = { definition, label: `《${document.name}》${definition.label}` }
      values[ref] = recorded?.present === true ? recorded.facts?.[definition.key] : undefined
    }
  }
  return { values, definitions }
}

/** The Chinese name of a fact for messages; the ref itself if the template does not define it. */
export function factLabel(facts: ArchiveFacts, ref: FactRef): string {
  return facts.definitions[ref]?.label ?? ref
}

/** The label of a signer role on a signatures fact ('库管员'), or the role code. */
export function signerLabel(facts: ArchiveFacts, ref: FactRef, role: string): string {
  const definition = facts.definitions[ref]?.definition
  if (definition?.type === 'signatures') return definition.signers.find((slot) => slot.role === role)?.label ?? role
  return role
}

/** The label of a list or choice option ('火花塞'), or the code itself. */
export function optionLabel(facts: ArchiveFacts, ref: FactRef, code: string): string {
  const definition = facts.definitions[ref]?.definition
  if (definition?.type === 'list' || definition?.type === 'choice') {
    return definition.options?.find((option) => option.code === code)?.label ?? code
  }
  if (definition?.type === 'measurements') return definition.positions.find((p) => p.code === code)?.label ?? code
  return code
}
