export type { RetentionFacts, RetentionSchedule, SealBasis, VehicleFileStage } from './retention-schedule'
export {
  DEFAULT_DORMANCY_CLOCK,
  filesDueForDestructionReview,
  filesDueForSealing,
  retentionSchedule
} from './retention-schedule'
export { assertFileWritable } from './file-writability'
export type { LegalHold, LegalHoldInput, LegalHoldKind } from './legal-hold'
export { isHeld, LEGAL_HOLD_KIND_LABELS, LEGAL_HOLD_KINDS, placeLegalHold, releaseLegalHold } from './legal-hold'
export { retentionFactsOf } from './retention-facts'
export type { PlannedSealing, SealedFilePatch, SealingBatch, SealingCandidate, SealingLine } from './sealing-batch'
export {
  planSealingBatch,
  SEALING_BATCH_MAX_FILES,
  sealingBatchCounterId,
  sealingBatchNumber,
  shelfLocation
} from './sealing-batch'
export type {
  FileRepair,
  FileRepairInput,
  FileRepairProblem,
  StorageCheckItem,
  StorageCheckResult,
  StorageInspection,
  StorageInspectionDue,
  StorageInspectionInput
} from './storage-inspection'
export {
  checkResultOf,
  FILE_REPAIR_PROBLEM_LABELS,
  FILE_REPAIR_PROBLEMS,
  recordFileRepair,
  recordStorageInspection,
  STORAGE_CHECK_ITEMS,
  STORAGE_CHECK_LABELS,
  STORAGE_INSPECTION_INTERVAL_MONTHS,
  storageInspectionDue
} from './storage-inspection'
export type {
  DestructionListContent,
  DestructionListLine,
  KeepingPrintRequest,
  KeepingPrintStamp,
  SealingTransferLine,
  SealingTransferList,
  StorageInspectionSheet
} from './keeping-sheets'
export {
  DESTRUCTION_LIST_TITLE,
  keepingPrintEntry,
  SEALING_TRANSFER_LIST_TITLE,
  sealBasisText,
  STORAGE_INSPECTION_TITLE
} from './keeping-sheets'
