// The structured facts a checker reads off a paper document, so the rule engine can check them.
// A definition says what to ask for; a form renders one input per definition.

export type FactType =
  'date' | 'datetime' | 'text' | 'number' | 'boolean' | 'choice' | 'list' | 'signatures' | 'measurements'

export const FACT_TYPES: readonly FactType[] = [
  'date',
  'datetime',
  'text',
  'number',
  'boolean',
  'choice',
  'list',
  'signatures',
  'measurements'
]

/** A code the program compares and the Chinese label a person reads. */
export interface FactOption {
  readonly code: string
  readonly label: string
}

/** One signature line on a paper form: who is expected to sign it. */
export interface SignerSlot {
  readonly role: string
  readonly label: string
}

/** What the handover already records for an archive, so the inspection does not ask for it again. */
export type HandoverFactSource = 'anchorDate' | 'advisorName'
export const HANDOVER_FACT_SOURCES: readonly HandoverFactSource[] = ['anchorDate', 'advisorName']

interface FactBase {
  readonly key: string
  /** Chinese label; boolean facts are phrased as the statement that should be true. */
  readonly label: string
  /** Help text under the input. */
  readonly hint?: string
  /** Filled from the handover line (delivery / hand-back date, responsible advisor), not typed again. */
  readonly fromHandover?: HandoverFactSource
}

/**
 * date: YYYY-MM-DD as written; datetime: YYYY-MM-DD HH:mm (the time may be left out); text and number as written;
 * boolean: a yes/no the checker confirms; choice: one option code; list: option codes or free text;
 * signatures: the signatures found, each with its role and the time written beside it;
 * measurements: one number per position (e.g. tread depth per tyre).
 */
export type FactDefinition =
  | (FactBase & { readonly type: 'date' | 'datetime' | 'text' | 'boolean' })
  | (FactBase & { readonly type: 'number'; readonly unit?: string })
  | (FactBase & { readonly type: 'choice'; readonly options: readonly FactOption[] })
  | (FactBase & { readonly type: 'list'; readonly options?: readonly FactOption[]; readonly allowOther?: boolean })
  | (FactBase & { readonly type: 'signatures'; readonly signers: readonly SignerSlot[] })
  | (FactBase & { readonly type: 'measurements'; readonly unit: string; readonly positions: readonly FactOption[] })
