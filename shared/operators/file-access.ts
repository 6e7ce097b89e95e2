import type { Permission } from './permissions'
import type { SecrecyLevel } from './secrecy'
import { permissionForSecrecy, SECRECY_LEVELS } from './secrecy'

// The one access decision for vehicle files (customer-information policy: secrecy levels; PIPL art. 51).
// Every read path that returns a file, or data taken from one, asks it what the operator may see.

/**
 * Why the file is read: `view` for pages, lists, printouts and histories (ID numbers and phones masked
 * for everyone; the full value is a separate reveal with a reason); `edit` for the edit form, which
 * shows them in full only to those who may reveal personal information.
 */
export type FilePurpose = 'view' | 'edit'

/** What an operator may see of one file: none of it, the file with personal information masked, or in full. */
export type FileAccess = { shows: 'none'; missing: Permission } | { shows: 'masked' | 'full'; logView: boolean }

/** Whether the operator holds a permission (the permission matrix, for the logged-in role). */
export type Grants = (permission: Permission) => boolean

export function decideFileAccess(
  file: { secrecy: SecrecyLevel },
  granted: Grants,
  purpose: FilePurpose = 'view'
): FileAccess {
  if (!granted('vehicleFile.read')) return { shows: 'none', missing: 'vehicleFile.read' }
  const needed = permissionForSecrecy(file.secrecy)
  if (needed !== null && !granted(needed)) return { shows: 'none', missing: needed }
  // Opening a 机密/绝密 file is logged every time (customer-information policy: 密级).
  const logView = needed !== null
  return { shows: purpose === 'edit' && granted('personalInfo.reveal') ? 'full' : 'masked', logView }
}

/** The secrecy levels whose files the operator may see, from the same decision (for index lookups). */
export function visibleSecrecyLevels(granted: Grants): SecrecyLevel[] {
  return SECRECY_LEVELS.filter((secrecy) => decideFileAccess({ secrecy }, granted).shows !== 'none')
}

/** The secrecy levels whose files the operator may not see: the complement, for index lookups of what to leave out. */
export function hiddenSecrecyLevels(granted: Grants): SecrecyLevel[] {
  const visible = visibleSecrecyLevels(granted)
  return SECRECY_LEVELS.filter((secrecy) => !visible.includes(secrecy))
}

/** The permissions the decision reads: an adapter looks these up once, then decides per file. */
export const FILE_ACCESS_PERMISSIONS: readonly Permission[] = [
  'vehicleFile.read',
  'vehicleFile.readConfidential',
  'vehicleFile.readTopSecret',
  'personalInfo.reveal'
]
