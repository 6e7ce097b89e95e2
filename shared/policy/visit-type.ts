// Service visit types (维修类别). A policy lists the ones it uses; the codes below are the ones the two
// preset texts name, but a dealership may define its own, since visit types are data.

export type KnownVisitType =
  'minor_repair' | 'first_service' | 'routine_service' | 'major_repair' | 'warranty_claim' | 'rescue'

/** A visit-type code: one of the known ones or a dealership's own. */
export type VisitTypeCode = KnownVisitType | (string & {})

export interface VisitTypeDefinition {
  readonly code: VisitTypeCode
  readonly name: string
}

export const KNOWN_VISIT_TYPES: Readonly<Record<KnownVisitType, string>> = {
  minor_repair: '小修',
  first_service: '首保',
  routine_service: '保养',
  major_repair: '大修',
  warranty_claim: '索赔',
  rescue: '救援'
}
