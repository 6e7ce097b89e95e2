// Sandboxed preload, bundled into one CommonJS file (out/preload/index.cjs). It may import only
// `electron` and tiny pure modules (no zod): the channel names come from shared/ipc/channels.
// It exposes one function per operation and nothing else: never ipcRenderer, never a generic invoke.
import { contextBridge, ipcRenderer } from 'electron'
import { IpcChannel } from '../../shared/ipc/channels'
import type { AuditTrustBridge, ChedangBridge } from '../../shared/ipc/contract'

const bridge = {
  saveFile: (request) => ipcRenderer.invoke(IpcChannel.saveFile, request),
  openFile: (request) => ipcRenderer.invoke(IpcChannel.openFile, request),
  printPdf: (request) => ipcRenderer.invoke(IpcChannel.printPdf, request),
  appInfo: () => ipcRenderer.invoke(IpcChannel.appInfo),
  chooseBackupFolder: () => ipcRenderer.invoke(IpcChannel.chooseBackupFolder),
  getBackupFolder: () => ipcRenderer.invoke(IpcChannel.getBackupFolder),
  writeBackup: (request) => ipcRenderer.invoke(IpcChannel.writeBackup, request),
  listBackups: () => ipcRenderer.invoke(IpcChannel.listBackups),
  readBackup: (request) => ipcRenderer.invoke(IpcChannel.readBackup, request),
  auditKey: () => ipcRenderer.invoke(IpcChannel.auditKey),
  appendAuditAnchors: (request) => ipcRenderer.invoke(IpcChannel.appendAuditAnchors, request),
  readAuditAnchors: () => ipcRenderer.invoke(IpcChannel.readAuditAnchors),
  readBackupPiece: (request) => ipcRenderer.invoke(IpcChannel.readBackupPiece, request),
  beginBackupWrite: (request) => ipcRenderer.invoke(IpcChannel.beginBackupWrite, request),
  appendBackupWrite: (request) => ipcRenderer.invoke(IpcChannel.appendBackupWrite, request),
  finishBackupWrite: (request) => ipcRenderer.invoke(IpcChannel.finishBackupWrite, request),
  abortBackupWrite: (request) => ipcRenderer.invoke(IpcChannel.abortBackupWrite, request),
  saveBackupAuthKey: (request) => ipcRenderer.invoke(IpcChannel.saveBackupAuthKey, request),
  readBackupAuthKey: (request) => ipcRenderer.invoke(IpcChannel.readBackupAuthKey, request)
} satisfies ChedangBridge & AuditTrustBridge

contextBridge.exposeInMainWorld('chedang', bridge)
