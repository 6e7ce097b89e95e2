// The public face of shared/fines: other code imports from here.
export type { ArchiveKind, FineLine, ViolationInput } from './violation'
export type { AssessedViolation, AwaitingKpiPoints } from './assess-fines'
export { assessFines, assessViolations, matchingRules, violationsAwaitingKpiPoints } from './assess-fines'
export type { PerformancePayCutFlag } from './performance-pay-cut'
export { checkPerformancePayCut, performancePayCutFlags } from './performance-pay-cut'
export type {
  ViolationEvidence,
  ViolationObjection,
  ViolationRecord,
  ViolationSource,
  ViolationStatus
} from './violation-record'
