// The public face of shared/rules: other code imports from here.
export type { ArchiveFacts, LocatedFactDefinition } from './archive-facts'
export { buildArchiveFacts, factLabel } from './archive-facts'
export type { ArchiveInput, DocumentInput, ManualCheckResult } from './archive-input'
export type { CheckOutcome, CheckStatus } from './check-outcome'
export { CHECK_STATUS_LABELS } from './check-outcome'
export type {
  ArchiveEvaluation,
  ArchiveFailure,
  ArchiveVerdict,
  CheckItemResult,
  CheckItemSource,
  CheckItemStatus,
  DocumentResult,
  DocumentStatus
} from './evaluate-archive'
export {
  ARCHIVE_VERDICT_LABELS,
  CHECK_ITEM_STATUS_LABELS,
  DOCUMENT_STATUS_LABELS,
  evaluateArchive,
  findCheckResult
} from './evaluate-archive'
export type { FactValue, SignatureEntry } from './fact-value'
export type { AutoRule, FactRequirement } from './rule-definition'
export { findRule, RULES } from './rule-registry'
export type { RuleContext, WeeklyHours } from './rule-context'
export { DEFAULT_RULE_CONTEXT, ruleContextOf } from './rule-context'
export type { NewPolicyIdentity } from './clone-preset'
export { clonePreset } from './clone-preset'
export { policyDocument } from './policy-document'
export type { PolicyValidation } from './policy-validation'
export { assertValidPolicy, policySchema, validatePolicy } from './policy-validation'
export { revisePolicy } from './revise-policy'
export { findRuleReferenceIssues } from './rule-references'
