// How the vehicle list can be ordered, the way an archive room looks files up: by archive number, by
// creation date (newest or oldest first), by owner, or by where the paper file sits (cabinet–shelf–box).
// Every order ends in the archive number, which is unique, so files created together (an import, a
// batch) always come out in the same order: never the arbitrary order of their random ids.

export type VehicleListOrder = 'newest' | 'oldest' | 'archiveNo' | 'ownerName' | 'location'

export const VEHICLE_LIST_ORDERS: readonly VehicleListOrder[] = [
  'newest',
  'oldest',
  'archiveNo',
  'ownerName',
  'location'
]

export interface VehicleListSort {
  /** The fields compared in turn; the last is always archiveNo. */
  readonly fields: readonly ('createdAt' | 'archiveNo' | 'ownerName' | 'cabinet' | 'shelf' | 'box')[]
  readonly descending: boolean
  /** Files without a value in the first field (not yet shelved) come after the others, by archive number. */
  readonly unsetLast: boolean
}

export const VEHICLE_LIST_SORTS: Record<VehicleListOrder, VehicleListSort> = {
  newest: { fields: ['createdAt', 'archiveNo'], descending: true, unsetLast: false },
  oldest: { fields: ['createdAt', 'archiveNo'], descending: false, unsetLast: false },
  archiveNo: { fields: ['archiveNo'], descending: false, unsetLast: false },
  ownerName: { fields: ['ownerName', 'archiveNo'], descending: false, unsetLast: false },
  location: { fields: ['cabinet', 'shelf', 'box', 'archiveNo'], descending: false, unsetLast: true }
}
