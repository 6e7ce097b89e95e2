import type { AuditAnchor } from '@shared/audit/audit-chain'
// The renderer reaches the operating system only through this interface:
// the desktop shell implements it over the preload bridge, a plain browser with web APIs.

export interface FileFilter {
  name: string
  extensions: string[]
}

/** Bytes that own their buffer (what crosses the desktop bridge). */
export type Bytes = Uint8Array<ArrayBuffer>

export interface Platform {
  kind: 'desktop' | 'browser'
  /** Saves bytes to a file the user chooses; false when the user cancelled. */
  saveFile(suggestedName: string, data: Bytes, filters?: FileFilter[]): Promise<boolean>
  /** Lets the user pick one file; null when cancelled. */
  openFile(filters?: FileFilter[]): Promise<{ name: string; data: Bytes } | null>
  /** Shows a PDF with the system's print dialog at hand. */
  printPdf(title: string, data: Bytes): Promise<void>
}

/** Keeps a backup's K_auth for one key id where only this PC (this OS account) finds it. */
export interface BackupAuthKeyStore {
  /** 'database': the key ring row holds K_auth (browser); 'os': the OS keeps it (desktop). */
  readonly kind: 'database' | 'os'
  read(keyId: string): Promise<Uint8Array | null>
  /** Saves K_auth for `keyId` (never overwrites another key id's). Not called for 'database'. */
  save(keyId: string, authKey: Uint8Array): Promise<void>
}

/**
 * What keeps the audit trail honest from outside the database: the key that seals the chain and an
 * append-only store of chain heads (anchors). Desktop: main keeps both in the app-data folder, the key
 * encrypted with the OS; browser mode: a weaker fallback in the browser's localStorage.
 */
export interface AuditTrust {
  kind: 'desktop' | 'browser'
  key: Uint8Array
  appendAnchors(anchors: readonly AuditAnchor[]): Promise<void>
  readAnchors(): Promise<{ anchors: AuditAnchor[]; unreadableLines: number[] }>
}
