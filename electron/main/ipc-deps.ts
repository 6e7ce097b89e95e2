import { app, BrowserWindow, dialog, safeStorage } from 'electron'
import { writeFileAtomic } from './atomic-write'
import type { IpcDeps } from './ipc-handlers'
import { createPdfPrinter } from './print-pdf'

/** The real Electron-backed dependencies of the IPC handlers. Call after app is ready. */
export function createIpcDeps(options: { trustedOrigins: readonly string[]; devTools: boolean }): IpcDeps {
  return {
    trustedOrigins: options.trustedOrigins,
    ownerWindowOf: (sender) => BrowserWindow.fromWebContents(sender),
    showSaveDialog: (owner, dialogOptions) =>
      owner === null ? dialog.showSaveDialog(dialogOptions) : dialog.showSaveDialog(owner, dialogOptions),
    showOpenDialog: (owner, dialogOptions) =>
      owner === null ? dialog.showOpenDialog(dialogOptions) : dialog.showOpenDialog(owner, dialogOptions),
    writeFileAtomic,
    defaultSaveFolder: () => app.getPath('documents'),
    showPdfForPrinting: createPdfPrinter({ tempDir: app.getPath('temp'), devTools: options.devTools }),
    appInfo: () => ({ version: app.getVersion(), userDataPath: app.getPath('userData'), platform: process.platform }),
    safeStorage
  }
}
