import { calendarOverridesDocument } from '../calendar/calendar-override'
import type { StoredDocument } from '../model/stored-document'
import { importMappingsDocument } from '../import/import-mappings'
import { permissionMatrixDocument } from '../operators/permission-matrix-document'
import { activePolicyDocument } from '../policy/policy-document'
import { dealershipSettingsDocument } from './dealership-settings'

// The rows of the settings table that hold a stored document, by row id: what the data layer reads and
// writes through, and what a restore checks each settings row against.

export const SETTING_KEYS = {
  dealership: 'dealership',
  permissions: 'permissions',
  activePolicy: 'activePolicy',
  calendarOverrides: 'calendarOverrides',
  /** The service department's own open/closed days (FAW-VW 五(二)4(1)(2) count service days). */
  serviceDayOverrides: 'serviceDayOverrides',
  /** The column mapping each import screen last used (shared/import/import-mappings.ts). */
  importMappings: 'importMappings'
} as const

export const SETTING_DOCUMENTS: Readonly<Record<string, StoredDocument<unknown>>> = Object.freeze({
  [SETTING_KEYS.dealership]: dealershipSettingsDocument,
  [SETTING_KEYS.permissions]: permissionMatrixDocument,
  [SETTING_KEYS.activePolicy]: activePolicyDocument,
  [SETTING_KEYS.calendarOverrides]: calendarOverridesDocument,
  [SETTING_KEYS.serviceDayOverrides]: calendarOverridesDocument,
  [SETTING_KEYS.importMappings]: importMappingsDocument
})
