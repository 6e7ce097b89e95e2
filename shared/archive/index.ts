// The public face of shared/archive: other code imports from here.
export type { ArchiveEvent, ArchiveStatus, ArchiveTransition } from './archive-status'
export {
  allowedArchiveEvents,
  ARCHIVE_EVENT_LABELS,
  ARCHIVE_EVENTS,
  ARCHIVE_STATUS_LABELS,
  ARCHIVE_STATUSES,
  ARCHIVE_TRANSITIONS,
  canTransition,
  INITIAL_ARCHIVE_STATUSES,
  transition
} from './archive-status'
export type { ArchiveDepartment, ArchiveRecord, InspectionRecord } from './archive-record'
export { readArchiveInput, readFailureCount, readFailures, readManualResults, sameArchiveInput } from './archive-record'
export { documentsPresent, requiredDocumentsMissing } from './archive-documents'
export type { TimelineEntry, TimelineRound } from './archive-timeline'
export { archiveTimeline } from './archive-timeline'
