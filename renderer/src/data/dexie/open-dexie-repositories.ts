import type { Repositories } from '../repositories'
import type { Session } from '../session'
import { ChedangDatabase } from './database'
import { DexieVehicleFiles } from './dexie-vehicle-files'
import { DexieSettings, readPermissionMatrix } from './dexie-settings'
import { DexieAuditLog } from './dexie-audit-log'
import { DexieOperators } from './dexie-operators'
import { AccessGuard } from './access-guard'
import { DexieIntegrity } from './dexie-integrity'
import { DexieBackups } from './dexie-backups'
import { DexiePolicies } from './dexie-policies'
import { DexieArchives, DexieHandovers } from './dexie-archives'
import { DexieExports } from './dexie-exports'
import { DexieLoans } from './dexie-loans'
import { DexieFolders } from './dexie-folders'
import { DexieRetention } from './dexie-retention'
import { DexieFines } from './dexie-fines'
import { DexieFineReports } from './dexie-fine-reports'
import { DexieReconciliations } from './dexie-reconciliations'
import { APP_VERSION } from '../../version'
import type { BackupAuthKeyStore } from '../backup/backup-key'
import { mapStorageErrors } from './storage-guards'

export interface RepositoryOptions {
  now?: () => Date
  /** PBKDF2 iterations for passwords set through these repositories (tests use fewer). */
  iterations?: number
  /** Where this PC keeps the backup authentication key (desktop: the OS; default: the database). */
  backupAuthKeys?: BackupAuthKeyStore
}

/** The repositories bound to one logged-in operator: every call is checked against the permission matrix. */
export function createDexieRepositories(
  db: ChedangDatabase,
  session: Session,
  options: RepositoryOptions = {}
): Repositories {
  const now = options.now ?? (() => new Date())
  const guard = new AccessGuard(db, session, () => readPermissionMatrix(db), now)
  const policies = new DexiePolicies(db, guard, now)
  const fines = new DexieFines(db, guard, policies, now)
  return {
    operator: session.operator,
    can: (permission) => guard.allows(permission),
    require: (permission, what) => guard.require(permission, { entity: 'screen', entityId: permission, summary: what }),
    settings: new DexieSettings(db, guard, options.now),
    vehicleFiles: new DexieVehicleFiles(db, guard, options.now),
    auditLog: new DexieAuditLog(db, guard, options.now),
    operators: new DexieOperators(db, guard, options.now, options.iterations),
    integrity: new DexieIntegrity(db, guard, options.now),
    backups: new DexieBackups(db, guard, APP_VERSION, options.now, options.backupAuthKeys),
    policies,
    handovers: new DexieHandovers(db, guard, policies, now),
    archives: new DexieArchives(db, guard, policies, now),
    exports: new DexieExports(db, guard, now),
    loans: new DexieLoans(db, guard, policies, now),
    folders: new DexieFolders(db, guard, policies, now),
    retention: new DexieRetention(db, guard, policies, now),
    fines,
    fineReports: new DexieFineReports(db, guard, policies, now, {
      // The report's fines come through the fines repository: its own permission and access decision.
      fineMonths: async (month) => {
        const view = await fines.month(month)
        return { violations: [...view.violations], lines: [...view.lines] }
      }
    }),
    reconciliations: new DexieReconciliations(db, guard, policies, now)
  }
}

/** Opens the browser database and asks the browser not to evict it under storage pressure. */
export async function openDatabase(name?: string): Promise<{ db: ChedangDatabase; persisted: boolean }> {
  const db = new ChedangDatabase(name)
  mapStorageErrors(db)
  await db.open()
  let persisted = false
  try {
    persisted = (await navigator.storage?.persist?.()) ?? false
  } catch {
    persisted = false
  }
  return { db, persisted }
}
