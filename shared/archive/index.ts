// The public face of shared/archive: other code imports from here.
export type { ArchiveEvent, ArchiveStatus, ArchiveTransition } from './archive-status'
export {
  allowedArchiveEvents,
  ARCHIVE_EVENT_LABELS,
  ARCHIVE_EVENTS,
  ARCHIVE_STATUS_LABELS,
  ARCHIVE_STATUSES,
  ARCHIVE_TRANSITIONS,
  AWAITING_RESUBMISSION_STATUSES,
  canTransition,
  IN_CORRECTION_STATUSES,
  INITIAL_ARCHIVE_STATUSES,
  INSPECTABLE_STATUSES,
  READY_TO_FILE_STATUSES,
  statusesAllowing,
  transition
} from './archive-status'
export type { ArchiveKind } from './archive-kind'
export { ARCHIVE_KIND_LABELS, ARCHIVE_KINDS, isArchiveKind } from './archive-kind'
export type { ArchiveRecord, InspectionRecord } from './archive-record'
export { readArchiveInput, readFailureCount, readFailures, readManualResults, sameArchiveInput } from './archive-record'
export { documentsPresent, requiredDocumentsMissing } from './archive-documents'
export type { TimelineEntry, TimelineRound } from './archive-timeline'
export { archiveTimeline } from './archive-timeline'
