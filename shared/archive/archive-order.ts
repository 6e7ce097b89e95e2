import type { ArchiveRecord } from './archive-record'

/** When an archive is next due: back from correction, else handed in, else (neither set) when it was recorded. */
export function nextDueAt(archive: Pick<ArchiveRecord, 'correctionDueAt' | 'handInDueAt' | 'createdAt'>): string {
  return archive.correctionDueAt ?? archive.handInDueAt ?? archive.createdAt
}

/** Work lists run by what falls due first. */
export function compareByDue(
  a: Pick<ArchiveRecord, 'correctionDueAt' | 'handInDueAt' | 'createdAt'>,
  b: Pick<ArchiveRecord, 'correctionDueAt' | 'handInDueAt' | 'createdAt'>
): number {
  return nextDueAt(a).localeCompare(nextDueAt(b))
}
