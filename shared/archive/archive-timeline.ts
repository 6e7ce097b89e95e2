import { chinaDate } from '../time'
import type { ArchiveRecord, InspectionRecord } from './archive-record'
import { readFailureCount } from './archive-record'
import type { ArchiveStatus } from './archive-status'

// A vehicle file's archives as the archive room reads them: the sales archive, then each service visit,
// in the order the car came through (delivery / hand-back day), each with where it stands.

export interface TimelineRound {
  round: number
  /** YYYY-MM-DD, China time. */
  date: string
  inspectorName: string
  accepted: boolean
  failures: number
}

export interface TimelineEntry {
  archiveId: string
  kind: ArchiveRecord['kind']
  /** The visit type's name from the archive's policy (首保, 保养…), null for sales. */
  visitName: string | null
  repairOrderNo: string | null
  advisorName: string
  /** Delivery (sales) or hand-back (service) day, YYYY-MM-DD; null when the handover did not record it. */
  date: string | null
  status: ArchiveStatus
  /** Correction deadline while the file is out for correction, else the hand-in deadline and whether it was met. */
  deadline: { kind: 'correction' | 'handIn'; at: string; missed: boolean } | null
  rounds: TimelineRound[]
  location: string | null
}

function deadlineOf(archive: ArchiveRecord, now: string): TimelineEntry['deadline'] {
  if (archive.status === 'returned' && archive.correctionDueAt) {
    return { kind: 'correction', at: archive.correctionDueAt, missed: now > archive.correctionDueAt }
  }
  if (archive.handInDueAt) {
    return { kind: 'handIn', at: archive.handInDueAt, missed: (archive.handedOverAt ?? now) > archive.handInDueAt }
  }
  return null
}

export function archiveTimeline(
  archives: readonly ArchiveRecord[],
  rounds: ReadonlyMap<string, readonly InspectionRecord[]>,
  visitName: (archive: ArchiveRecord) => string | null,
  now: string
): TimelineEntry[] {
  const entries = archives
    .filter((a) => !a.deletedAt)
    .map((archive): TimelineEntry => ({
      archiveId: archive.id,
      kind: archive.kind,
      visitName: archive.kind === 'service' ? visitName(archive) : null,
      repairOrderNo: archive.repairOrderNo,
      advisorName: archive.advisorName,
      date: archive.anchorAt ? chinaDate(archive.anchorAt) : null,
      status: archive.status,
      deadline: deadlineOf(archive, now),
      rounds: [...(rounds.get(archive.id) ?? [])]
        .sort((a, b) => a.round - b.round)
        .map((r) => ({
          round: r.round,
          date: chinaDate(r.inspectedAt),
          inspectorName: r.inspectorName,
          accepted: r.verdict === 'accepted',
          failures: readFailureCount(r)
        })),
      location: archive.location
    }))
  // The sales archive first (the car's delivery starts its file), then visits by day; ties by creation.
  const order = new Map(archives.map((a, i) => [a.id, `${a.createdAt}#${String(i).padStart(6, '0')}`]))
  return entries.sort((a, b) => {
    if (a.kind !== b.kind) return a.kind === 'sales' ? -1 : 1
    const day = (a.date ?? '9999') < (b.date ?? '9999') ? -1 : (a.date ?? '9999') > (b.date ?? '9999') ? 1 : 0
    return day !== 0 ? day : order.get(a.archiveId)!.localeCompare(order.get(b.archiveId)!)
  })
}
