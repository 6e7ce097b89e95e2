import type { Transaction } from 'dexie'
import type { VehicleFile } from '@shared/vehicle/vehicle-file'
import { deriveSearchKeys } from '@shared/vehicle/vehicle-file'

// The database's schema history. Append a new entry for every change; never edit a released one
// (a user's database is upgraded step by step through this list). Versions only add: no key is renamed.

export interface SchemaVersion {
  version: number
  stores: Record<string, string | null>
  upgrade?: (tx: Transaction) => Promise<void>
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // &vin / &archiveNo: unique; vinReversed: VIN-suffix search; plateTail: plate typed without province.
      vehicleFiles:
        'id, &vin, &archiveNo, vinReversed, plate, plateTail, ownerName, contactName, ownerPhone, ownerPhone2, contactPhone, createdAt, deletedAt',
      // Every index costs each write: only what is queried (time ranges, a record's history).
      auditEvents: 'id, at, [entity+entityId]',
      settings: 'id',
      counters: 'id'
    }
  },
  {
    version: 2,
    stores: {
      // Secrecy levels (普通/机密/绝密) filter lists; operators and their accounts.
      vehicleFiles:
        'id, &vin, &archiveNo, vinReversed, plate, plateTail, ownerName, contactName, ownerPhone, ownerPhone2, contactPhone, createdAt, deletedAt, secrecy',
      staff: 'id, name, role, department',
      accounts: 'id, &username, staffId'
    },
    async upgrade(tx) {
      await tx
        .table('vehicleFiles')
        .toCollection()
        .modify((file: { secrecy?: string }) => {
          if (!file.secrecy) file.secrecy = 'ordinary'
        })
    }
  },
  {
    version: 3,
    stores: {
      // Policies by version (id = policyId@version); archives with their handovers and inspection rounds.
      policies: 'id, policyId, version',
      archives: 'id, vehicleFileId, status, repairOrderNo, handoverId, advisorName, correctionDueAt, handInDueAt',
      handovers: 'id, &number, status, handedAt',
      inspections: 'id, archiveId, inspectedAt'
    }
  },
  {
    version: 4,
    stores: {
      // *nameGrams: any part of a name (character pairs); *phoneTails: the last four digits of a phone (尾号);
      // ownerIdNumber: an ID number or credit code typed whole. The list's orders (shared/vehicle/vehicle-list-order.ts)
      // each end in the unique archive number so files created together keep one order; a file not yet shelved is
      // absent from the location index.
      vehicleFiles:
        'id, &vin, &archiveNo, vinReversed, plate, plateTail, ownerName, contactName, ownerPhone, ownerPhone2, contactPhone, createdAt, deletedAt, secrecy, *nameGrams, *phoneTails, ownerIdNumber, ' +
        '[createdAt+archiveNo], [ownerName+archiveNo], [cabinet+shelf+box+archiveNo]'
    },
    async upgrade(tx) {
      await tx
        .table('vehicleFiles')
        .toCollection()
        .modify((file: VehicleFile) => {
          if (typeof file.vin === 'string') Object.assign(file, deriveSearchKeys(file))
        })
    }
  },
  {
    version: 5,
    stores: {
      // *nameSuffixes replaces *nameGrams: a name part is one bounded prefix range on the names from each
      // character on (shared/search/search-keys.ts), not the intersection of every pair's whole id list.
      vehicleFiles:
        'id, &vin, &archiveNo, vinReversed, plate, plateTail, ownerName, contactName, ownerPhone, ownerPhone2, contactPhone, createdAt, deletedAt, secrecy, *nameSuffixes, *phoneTails, ownerIdNumber, ' +
        '[createdAt+archiveNo], [ownerName+archiveNo], [cabinet+shelf+box+archiveNo]'
    },
    async upgrade(tx) {
      await tx
        .table('vehicleFiles')
        .toCollection()
        .modify((file: VehicleFile & { nameGrams?: unknown }) => {
          // Derived keys only: the pairs are dropped with their index, the suffixes made from the stored names.
          delete file.nameGrams
          if (typeof file.vin === 'string') Object.assign(file, deriveSearchKeys(file))
        })
    }
  },
  {
    version: 6,
    stores: {
      // Fines and KPI: the violations detected or recorded (ids made from their records, so detection
      // never adds one twice) and the state of each China calendar month (id 'YYYY-MM': open or closed).
      violations: 'id, month, personId, status, archiveId',
      fineMonths: 'id'
    }
  },
  {
    version: 7,
    stores: {
      // The dealer systems' lists (deliveries, closed repair orders), each line once (&recordKey), with the
      // import that brought it; every import of a file; each count against them and its lines.
      systemRecords: 'id, &recordKey, [department+date], importId',
      importBatches: 'id, source, importedAt',
      reconciliations: 'id, [department+reconciledAt], reconciledAt',
      reconciliationLines: 'id, reconciliationId, outcome'
    }
  },
  {
    version: 8,
    stores: {
      // Keeping a file (保管): legal holds, sealing batches with the files each moved, the destruction register
      // (proposal → director → general manager → destroyed), half-yearly storage inspections and the repairs
      // recorded against files. Indexes only for what is listed by file, batch, status or date.
      legalHolds: 'id, vehicleFileId',
      sealingBatches: 'id, &number, sealedAt',
      sealingLines: 'id, batchId, vehicleFileId',
      destructions: 'id, vehicleFileId, status',
      storageInspections: 'id, inspectedOn',
      fileRepairs: 'id, vehicleFileId, inspectionId'
    }
  },
  {
    version: 9,
    stores: {
      // 借阅: the register; *fileIds answers "is this file out, and with whom" for the detail page and the lending check.
      loans: 'id, &number, status, dueOn, outOn, *fileIds'
    }
  }
]

export const DATABASE_NAME = 'chedang'
export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version
