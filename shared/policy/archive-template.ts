import type { ArchiveKind } from '../archive/archive-kind'
import { conditionHolds } from './check-item-template'
import type { DocumentTemplate, VisitTypeSelection } from './document-template'
import type { FactDefinition } from './fact-definition'
import type { VisitTypeCode, VisitTypeDefinition } from './visit-type'

// The checklist of one kind of archive: its documents in filing order and, for service archives,
// the visit types that decide which documents are required.

export interface ArchiveTemplate {
  readonly kind: ArchiveKind
  readonly name: string
  /** Empty for sales archives. */
  readonly visitTypes: readonly VisitTypeDefinition[]
  /** Facts of the archive itself (scope `archive`): dates, mileage, registration date… */
  readonly facts: readonly FactDefinition[]
  readonly documents: readonly DocumentTemplate[]
}

export interface ArchiveTemplates {
  readonly sales: ArchiveTemplate
  readonly service: ArchiveTemplate
}

export type DocumentRequirement = 'required' | 'optional' | 'not_required'

export const DOCUMENT_REQUIREMENT_LABELS: Readonly<Record<DocumentRequirement, string>> = {
  required: '必备',
  optional: '可选',
  not_required: '不需要'
}

function selects(selection: VisitTypeSelection | undefined, visitType: VisitTypeCode | undefined): boolean {
  if (selection === undefined) return false
  if (selection === 'all') return true
  return visitType !== undefined && selection.includes(visitType)
}

/** Reads a fact of the archive by reference ('archive.orderType', 'work_order.plate'); undefined while not entered. */
export type ArchiveFactLookup = (ref: string) => unknown

/**
 * Whether a document is required for an archive of this visit type (undefined for sales archives). A
 * document with `requiredWhen` is decided by that fact once it is entered (pass `factOf` to read it).
 */
export function documentRequirement(
  document: DocumentTemplate,
  visitType: VisitTypeCode | undefined,
  factOf?: ArchiveFactLookup
): DocumentRequirement {
  const condition = document.requiredWhen
  const value = condition && factOf ? factOf(condition.fact) : undefined
  if (condition && value !== undefined && value !== null && value !== '') {
    if (conditionHolds(condition, value)) return 'required'
    return selects(document.optionalFor, visitType) ? 'optional' : 'not_required'
  }
  if (selects(document.requiredFor, visitType)) return 'required'
  if (selects(document.optionalFor, visitType)) return 'optional'
  return 'not_required'
}

/**
 * The policy's note when a condition on the archive's facts exempts the document (FAW-VW 五(二)2(6)
 * 「除2-保养工单外一律要求有试车单」: '2-保养工单除外'); null when no condition rules it out (or the fact is not known yet).
 */
export function documentExemption(document: DocumentTemplate, factOf: ArchiveFactLookup): string | null {
  const condition = document.requiredWhen
  if (!condition) return null
  const value = factOf(condition.fact)
  if (value === undefined || value === null || value === '') return null
  return conditionHolds(condition, value) ? null : condition.note
}

/** The documents in filing order. */
export function documentsInFilingOrder(template: ArchiveTemplate): readonly DocumentTemplate[] {
  return [...template.documents].sort((a, b) => a.order - b.order)
}
