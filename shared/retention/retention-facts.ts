import type { ArchiveRecord } from '../archive/archive-record'
import { chinaDate } from '../time'
import type { VehicleFile } from '../vehicle/vehicle-file'
import { isHeld } from './legal-hold'
import type { LegalHold } from './legal-hold'
import type { RetentionFacts } from './retention-schedule'

// What retention reads of the stored records, decided once for the lists, the sealing and the destruction:
// - 建档 (the file's creation) is the earlier of the day it was entered here and the delivery day of its
//   sales archive: a paper file begins at delivery, and an archive brought in from the old cabinets keeps
//   its age instead of starting again on the day it was typed in.
// - A visit (FAW-VW 四: 维修、保养记录) is a service archive of this dealership, dated the day the car
//   was handed back (its anchor day).
// - Removed archives do not count; a standing legal hold stops both clocks.

export function retentionFactsOf(
  file: Pick<VehicleFile, 'id' | 'createdAt' | 'status'>,
  archives: readonly Pick<ArchiveRecord, 'kind' | 'anchorAt' | 'deletedAt'>[],
  holds: readonly Pick<LegalHold, 'releasedAt' | 'deletedAt'>[]
): RetentionFacts {
  let createdOn: string = chinaDate(file.createdAt)
  const visitDates: string[] = []
  for (const archive of archives) {
    if (archive.deletedAt || !archive.anchorAt) continue
    const day = chinaDate(archive.anchorAt)
    if (archive.kind === 'service') visitDates.push(day)
    else if (day < createdOn) createdOn = day
  }
  return { fileId: file.id, createdOn, visitDates, legalHold: isHeld(holds), stage: file.status }
}
