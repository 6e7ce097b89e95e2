import type { AuditEntry } from '../audit/audit-entry'
import type { ArchiveRecord } from './archive-record'
import type { ArchiveEvent } from './archive-status'
import { ARCHIVE_STATUS_LABELS, transition } from './archive-status'

// One move of an archive through the state machine, as the record to write and its audit event.

export interface ArchiveStep {
  readonly record: ArchiveRecord
  readonly audit: AuditEntry
}

/** Fields kept as JSON (what was received, the ticks) are recorded by the events that change them, not here. */
const NOT_DIFFED: ReadonlySet<string> = new Set(['input', 'manual'])

/** `event` applied to `archive` with `patch`, at `at` by `operatorId`; refused when the table forbids it. */
export function archiveStep(
  archive: ArchiveRecord,
  event: ArchiveEvent,
  patch: Partial<ArchiveRecord>,
  summary: string,
  at: string,
  operatorId: string
): ArchiveStep {
  const status = transition(archive.status, event)
  const record: ArchiveRecord = {
    ...archive,
    ...patch,
    status,
    updatedAt: at,
    updatedBy: operatorId,
    rev: archive.rev + 1
  }
  const changes = {
    status: [ARCHIVE_STATUS_LABELS[archive.status], ARCHIVE_STATUS_LABELS[status]],
    ...Object.fromEntries(
      Object.entries(patch)
        .filter(([k]) => !NOT_DIFFED.has(k))
        .map(([k, v]) => [k, [archive[k as keyof ArchiveRecord] ?? null, v]])
    )
  }
  return {
    record,
    audit: { action: 'status.change', entity: 'archive', entityId: archive.id, changes, summary }
  }
}
