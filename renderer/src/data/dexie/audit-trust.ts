import type Dexie from 'dexie'
import type { AuditTrust } from '../../platform/platform'
import { browserAuditTrust } from '../../platform/audit-trust.browser'

// Which audit trust seals the chain of which database. Keyed by the database's name, so every Dexie
// object opened on the archive (the app's, the check before a schema upgrade) uses the same key.

const trustByName = new Map<string, AuditTrust>()

/** Call at start, before the database is used: the desktop's trust, or browser mode's fallback. */
export function attachAuditTrust(databaseName: string, trust: AuditTrust): void {
  trustByName.set(databaseName, trust)
}

/** The trust attached to `db`'s name; where none was attached, browser mode's fallback for that name. */
export function auditTrustOf(db: Pick<Dexie, 'name'>): AuditTrust {
  let trust = trustByName.get(db.name)
  if (!trust) trustByName.set(db.name, (trust = browserAuditTrust(db.name)))
  return trust
}
