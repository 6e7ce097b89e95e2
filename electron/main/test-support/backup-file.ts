import type { BackupReason } from '../../../shared/backup/backup-format'
import { backupManifestSchema } from '../../../shared/backup/backup-format'

/**
 * A file shaped like a format-2 backup: the header line with a manifest, a MAC line and chunk frames
 * of random bytes. Main never holds a key, so it can check only this shape; the cryptography is
 * tested in shared/backup and the renderer.
 */
export function encryptedBackupShape(at: Date, reason: BackupReason, rows = 1): Uint8Array {
  const manifest = backupManifestSchema.parse({
    appVersion: '0.1.0',
    schemaVersion: 3,
    createdAt: at.toISOString(),
    createdBy: '王芳',
    deviceId: 'd1',
    reason,
    tables: { vehicleFiles: rows, auditEvents: 0 },
    latestAuditHash: null,
    keyId: '3F2A-91C0-7B44-E015',
    auditHeads: []
  })
  const head = new TextEncoder().encode(
    `${JSON.stringify({ format: 'chedang-backup', formatVersion: 2, manifest })}\n{"mac":"${'0'.repeat(64)}"}\n`
  )
  const body = new Uint8Array(4 + 16 + 32 * rows)
  new DataView(body.buffer).setUint32(0, body.byteLength - 4)
  for (let i = 4; i < body.byteLength; i++) body[i] = (i * 131 + rows) & 0xff
  const bytes = new Uint8Array(head.byteLength + body.byteLength)
  bytes.set(head)
  bytes.set(body, head.byteLength)
  return bytes
}
