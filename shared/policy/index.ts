// The public face of shared/policy: other code imports from here.
export type { ArchiveKind } from '../archive/archive-kind'
export { ARCHIVE_KINDS, ARCHIVE_KIND_LABELS } from '../archive/archive-kind'
export type { ArchiveTemplate, ArchiveTemplates, DocumentRequirement } from './archive-template'
export {
  documentExemption,
  documentRequirement,
  documentsInFilingOrder,
  DOCUMENT_REQUIREMENT_LABELS
} from './archive-template'
export type {
  ApplicabilityCondition,
  AutoCheckItemTemplate,
  CheckItemTemplate,
  CheckMode,
  ConditionValue,
  ManualCheckItemTemplate
} from './check-item-template'
export type {
  DeadlineAnchor,
  DeadlineCalendar,
  DeadlineRule,
  DeadlineRuleKind,
  CorrectionDeadline,
  DeadlinesPolicy,
  HandInRecipient,
  HandInStage,
  IsoWeekday,
  TimedDeadline
} from './deadline-rule'
export {
  correctionClause,
  DEADLINE_ANCHOR_LABELS,
  DEADLINE_CALENDAR_LABELS,
  HAND_IN_RECIPIENT_LABELS
} from './deadline-rule'
export type { DocumentForm, DocumentTemplate, VisitTypeSelection } from './document-template'
export { DOCUMENT_FORM_LABELS } from './document-template'
export type { FactDefinition, FactOption, FactType, HandoverFactSource, SignerSlot } from './fact-definition'
export { FACT_TYPES, HANDOVER_FACT_SOURCES } from './fact-definition'
export type { FactRef } from './fact-ref'
export { ARCHIVE_SCOPE, factRef, splitFactRef } from './fact-ref'
export type {
  FineEscalation,
  FineRule,
  FinesPolicy,
  FineTrigger,
  PenalisedRole,
  Penalty,
  PenaltyCounting,
  PenaltyUnit,
  QualityMetric,
  QualityTarget,
  RepeatUntilCorrected,
  UnsetKpiRule
} from './fine-schedule'
export {
  DEFAULT_PENALTY_COUNTING,
  FINE_TRIGGER_LABELS,
  PENALISED_ROLE_LABELS,
  PENALTY_UNIT_LABELS,
  QUALITY_METRIC_LABELS,
  unsetKpiRules
} from './fine-schedule'
export type { LoanPolicy, OutsiderDocument } from './loan-policy'
export { OUTSIDER_DOCUMENT_LABELS } from './loan-policy'
export type { Policy, PolicyChanges, PolicyVersionRef, PresetId } from './policy'
export type { PolicyIssue } from './policy-issue'
export { policyShapeSchema } from './policy-schema'
export { FACT_TYPE_LABELS, findPolicyInconsistencies, resolveFact } from './policy-consistency'
export type { ReconciliationCadence, ReconciliationPolicy, ReconciliationRule } from './reconciliation-policy'
export { DEFAULT_RECONCILIATION_CADENCE } from './reconciliation-policy'
export type { DormancyClock, RetentionPolicy } from './retention-policy'
export { LEGAL_MINIMUM_RETENTION_YEARS } from './retention-policy'
export type { PrintedFormsPolicy } from './printed-forms'
export { DEFAULT_PRINTED_FORMS, printedForms } from './printed-forms'
export type { SignOffPolicy } from './sign-off-policy'
export type { KnownVisitType, VisitTypeCode, VisitTypeDefinition } from './visit-type'
export { KNOWN_VISIT_TYPES } from './visit-type'
export type { PresetSummary } from './presets/preset-registry'
export { getPreset, listPresets } from './presets/preset-registry'
