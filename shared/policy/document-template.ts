import type { ApplicabilityCondition, CheckItemTemplate } from './check-item-template'
import type { FactDefinition } from './fact-definition'
import type { VisitTypeCode } from './visit-type'

// One paper document of an archive, in the policy's filing order, with what is read off it and checked on it.

/** original: the original must be filed; copy: a copy is filed; either: the text does not say. */
export type DocumentForm = 'original' | 'copy' | 'either'

export const DOCUMENT_FORM_LABELS: Readonly<Record<DocumentForm, string>> = {
  original: '原件',
  copy: '复印件',
  either: '原件或复印件'
}

/** `all`, or the visit types (service archives) it applies to; sales archives use `all` or []. */
export type VisitTypeSelection = 'all' | readonly VisitTypeCode[]

export interface DocumentTemplate {
  /** Stable within the archive template; facts are referred to as `<code>.<factKey>`. */
  readonly code: string
  /** The policy text's own Chinese name, without 《》. */
  readonly name: string
  /** Filing order, 1…n without gaps. */
  readonly order: number
  readonly form: DocumentForm
  /** Without it the archive is nonconforming ('缺少《…》'). */
  readonly requiredFor: VisitTypeSelection
  /** May be filed where it applies (shown as 可选); a present document is always checked. */
  readonly optionalFor?: VisitTypeSelection
  /**
   * Required exactly when a fact of the archive says so (FAW-VW 五(二)2(6) 「除2-保养工单外」 keys on the
   * work-order type). Once the fact is entered it decides alone; until then requiredFor/optionalFor do.
   */
  readonly requiredWhen?: ApplicabilityCondition
  /** Why the document is only sometimes needed, e.g. '仅特定客户需要'. */
  readonly conditionNote?: string
  /** Where the policy text lists the document. */
  readonly clause: string
  /** The fine rule a missing document is charged under, if any. */
  readonly missingFineRuleCode?: string
  readonly facts: readonly FactDefinition[]
  readonly checks: readonly CheckItemTemplate[]
}
