import type { ArchiveKind } from '../archive/archive-kind'
import type { VisitTypeCode } from '../policy/visit-type'
import type { FactValue } from './fact-value'

// What the checker recorded about one archive: which documents are there and what they say.

export interface DocumentInput {
  readonly present: boolean
  /** Original or copy as received; absent while not yet recorded. */
  readonly form?: 'original' | 'copy'
  readonly facts?: Readonly<Record<string, FactValue | undefined>>
}

export interface ArchiveInput {
  readonly kind: ArchiveKind
  /** Service archives only. */
  readonly visitType?: VisitTypeCode
  /** Facts of the archive itself (scope `archive`). */
  readonly facts?: Readonly<Record<string, FactValue | undefined>>
  /** By document code; a document not listed has not been received. */
  readonly documents: Readonly<Record<string, DocumentInput | undefined>>
}

/** A manual check ticked by the checker, or an automatic result overruled (a note is then required). */
export interface ManualCheckResult {
  readonly passed: boolean
  readonly note?: string
}
