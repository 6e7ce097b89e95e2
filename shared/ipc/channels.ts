// IPC channel names, split from contract.ts so the sandboxed preload can import them without
// pulling zod into its bundle. Frozen: the renderer and main must agree on these strings.
export const IpcChannel = {
  saveFile: 'chedang:save-file',
  openFile: 'chedang:open-file',
  printPdf: 'chedang:print-pdf',
  appInfo: 'chedang:app-info',
  chooseBackupFolder: 'chedang:choose-backup-folder',
  getBackupFolder: 'chedang:get-backup-folder',
  writeBackup: 'chedang:write-backup',
  listBackups: 'chedang:list-backups',
  readBackup: 'chedang:read-backup',
  auditKey: 'chedang:audit-key',
  appendAuditAnchors: 'chedang:append-audit-anchors',
  readAuditAnchors: 'chedang:read-audit-anchors',
  saveBackupAuthKey: 'chedang:save-backup-auth-key',
  readBackupAuthKey: 'chedang:read-backup-auth-key',
  beginBackupWrite: 'chedang:begin-backup-write',
  appendBackupWrite: 'chedang:append-backup-write',
  finishBackupWrite: 'chedang:finish-backup-write',
  abortBackupWrite: 'chedang:abort-backup-write',
  readBackupPiece: 'chedang:read-backup-piece'
} as const

export type IpcChannelName = (typeof IpcChannel)[keyof typeof IpcChannel]
