import { auditAnchorLines, parseAuditAnchorLines } from '@shared/audit/audit-anchor-schema'
import { AUDIT_KEY_BYTES, type AuditAnchor } from '@shared/audit/audit-chain'
import type { AuditTrust } from './platform'

// Browser mode's weaker fallback (see README, "The audit trail"): the key and the anchors live in this
// browser profile's localStorage, apart from the IndexedDB archive. It catches edits made to the
// database alone (its files, a copied or restored database, a table edited in developer tools); it
// does not stop someone who can also read this profile's localStorage.

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>

/** Where localStorage does not exist (Node tests): a store that lives as long as the process. */
const processStore = new Map<string, string>()
const memoryStorage: KeyValueStore = {
  getItem: (key) => processStore.get(key) ?? null,
  setItem: (key, value) => void processStore.set(key, value)
}

function defaultStorage(): KeyValueStore {
  return typeof globalThis.localStorage === 'undefined' ? memoryStorage : globalThis.localStorage
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
const fromHex = (hex: string) => new Uint8Array(hex.match(/../g)!.map((pair) => parseInt(pair, 16)))

/** The browser-mode audit trust of the database `databaseName` (made synchronously, on first need). */
export function browserAuditTrust(databaseName: string, storage: KeyValueStore = defaultStorage()): AuditTrust {
  const keyItem = `chedang.auditKey.${databaseName}`
  const anchorItem = `chedang.auditAnchors.${databaseName}`
  let hex = storage.getItem(keyItem)
  if (hex === null || !new RegExp(`^[0-9a-f]{${AUDIT_KEY_BYTES * 2}}$`).test(hex)) {
    // A damaged key is kept aside, never silently overwritten: verification will then say the seals fail.
    if (hex !== null) storage.setItem(`${keyItem}.damaged.${Date.now()}`, hex)
    hex = toHex(crypto.getRandomValues(new Uint8Array(AUDIT_KEY_BYTES)))
    storage.setItem(keyItem, hex)
  }
  return {
    kind: 'browser',
    key: fromHex(hex),
    async appendAnchors(anchors: readonly AuditAnchor[]) {
      storage.setItem(anchorItem, (storage.getItem(anchorItem) ?? '') + auditAnchorLines(anchors))
    },
    async readAnchors() {
      return parseAuditAnchorLines(storage.getItem(anchorItem) ?? '')
    }
  }
}
