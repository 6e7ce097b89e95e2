// The public face of shared/reconciliation: counting the archives received against the dealer systems.
export type { ColumnMapping } from './column-mapping'
export { guessColumnMapping, resolveColumnMapping } from './column-mapping'
export type { ParsedSystemRows, SystemRowIssue, SystemTable } from './parse-system-rows'
export { parseSystemDate, parseSystemRows } from './parse-system-rows'
export type {
  DeclaredException,
  ExceptedLine,
  ReceivedArchive,
  ReconcileInput,
  ReconciliationLine,
  ReconciliationPeriod,
  ReconciliationResult
} from './reconcile'
export { expectedArchivesFrom, reconcile } from './reconcile'
export type { ReconciliationReminder } from './reconciliation-reminder'
export { reconciliationReminder } from './reconciliation-reminder'
export type { ReconciliationReport, ReconciliationReportInput, ReportSection } from './reconciliation-reports'
export {
  buildMissingArchiveReport,
  buildUnreportedRecord,
  describeReportDeadline,
  missingArchiveReportDeadline
} from './reconciliation-reports'
export type { SystemField, SystemRecord } from './system-record'
export { SYSTEM_FIELDS, reconciliationKey, requiredSystemFields, systemFieldLabel } from './system-record'
