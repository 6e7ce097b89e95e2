import type { ArchiveKind } from '../archive/archive-kind'
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

/** Whether a document is required for an archive of this visit type (undefined for sales archives). */
export function documentRequirement(
  document: DocumentTemplate,
  visitType: VisitTypeCode | undefined
): DocumentRequirement {
  if (selects(document.requiredFor, visitType)) return 'required'
  if (selects(document.optionalFor, visitType)) return 'optional'
  return 'not_required'
}

/** The documents in filing order. */
export function documentsInFilingOrder(template: ArchiveTemplate): readonly DocumentTemplate[] {
  return [...template.documents].sort((a, b) => a.order - b.order)
}
