import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { App } from 'electron'

/**
 * The folder under the OS "appData" directory that holds everything the app stores.
 *
 * FROZEN. IndexedDB data (every customer archive) lives under userData + the page origin
 * (app://chedang). Changing this name, or letting it drift with package.json's productName
 * ("CheDang 车档"), would silently start every user on an empty database.
 */
export const USER_DATA_FOLDER_NAME = 'CheDang'

/**
 * Pins userData (and sessionData, where Chromium actually keeps IndexedDB; it defaults to
 * userData but is pinned explicitly so a future Electron default cannot move it).
 * Must run before `app.whenReady()` and before `requestSingleInstanceLock()`, whose lock file
 * lives in userData. Returns the pinned path.
 */
export function pinUserDataPath(app: Pick<App, 'getPath' | 'setPath'>): string {
  const userData = join(app.getPath('appData'), USER_DATA_FOLDER_NAME)
  // app.setPath may throw for a folder that does not exist yet (first launch).
  mkdirSync(userData, { recursive: true })
  app.setPath('userData', userData)
  app.setPath('sessionData', userData)
  return userData
}
