import type { Permission } from './permissions'

// 密级 (customer-information policy: secrecy levels; DOMAIN §6): confidential files are stored apart,
// listed only to those allowed, and every opening is logged.

export type SecrecyLevel = 'ordinary' | 'confidential' | 'top_secret'
export const SECRECY_LEVELS: readonly SecrecyLevel[] = ['ordinary', 'confidential', 'top_secret']

export const SECRECY_LABELS: Record<SecrecyLevel, string> = {
  ordinary: '普通',
  confidential: '机密',
  top_secret: '绝密'
}

/** The permission needed to see a file of this level, or null when anyone who may read files may. */
export function permissionForSecrecy(level: SecrecyLevel): Permission | null {
  if (level === 'confidential') return 'vehicleFile.readConfidential'
  if (level === 'top_secret') return 'vehicleFile.readTopSecret'
  return null
}
