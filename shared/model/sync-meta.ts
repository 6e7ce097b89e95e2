// Every stored row carries these, so the archive can later move onto a sync engine unchanged
// (see "Data that can sync later"): client-made UUID keys, authorship, a revision, soft removal.
export interface SyncMeta {
  /** String UUID made on the client; never changes. */
  id: string
  createdAt: string
  createdBy: string
  updatedAt: string
  updatedBy: string
  /** Incremented on every write; a write that names an older rev is refused as stale. */
  rev: number
  /** Removal is a status: the ISO time it was removed, or null while live. */
  deletedAt: string | null
}

/** Who performs a command. Until operators exist every write is signed by this device's local operator. */
export interface Actor {
  operatorId: string
  operatorName: string
  deviceId: string
}

export function newSyncMeta(id: string, actor: Actor, now: string): SyncMeta {
  return {
    id,
    createdAt: now,
    createdBy: actor.operatorId,
    updatedAt: now,
    updatedBy: actor.operatorId,
    rev: 1,
    deletedAt: null
  }
}
