// The database's schema history. Append a new entry for every change; never edit a released one
// (a user's browser database is upgraded step by step through this list). Versions only add.

export interface SchemaVersion {
  version: number
  stores: Record<string, string | null>
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // &vin / &archiveNo: unique; vinReversed: VIN-suffix search; plateTail: plate typed without province.
      vehicleFiles:
        'id, &vin, &archiveNo, vinReversed, plate, plateTail, ownerName, contactName, ownerPhone, ownerPhone2, contactPhone, createdAt, updatedAt, deletedAt',
      auditEvents: 'id, at, entityId, [entity+entityId], action, actorId, deviceSeq',
      settings: 'id',
      counters: 'id'
    }
  }
]

export const DATABASE_NAME = 'chedang'
export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version
