import { version } from '../../package.json'

/** The app's version, stamped into backups and shown in Settings. */
export const APP_VERSION: string = version
