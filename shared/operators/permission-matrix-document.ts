import { z } from 'zod'
import { defineStoredDocument } from '../model/stored-document'
import {
  type Permission,
  type PermissionMatrix,
  DEFAULT_PERMISSION_MATRIX,
  normalisePermissionMatrix
} from './permissions'
import type { Role } from './roles'

/** A stored matrix from before `permission` existed, with it given to every role the shipped matrix gives it to. */
function withPermissionAdded(body: unknown, permission: Permission): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return body
  const matrix = { ...(body as Record<string, unknown>) }
  for (const [role, granted] of Object.entries(DEFAULT_PERMISSION_MATRIX) as [Role, readonly Permission[]][]) {
    const stored = matrix[role]
    if (granted.includes(permission) && Array.isArray(stored) && !stored.includes(permission))
      matrix[role] = [...(stored as unknown[]), permission]
  }
  return matrix
}

// The 'permissions' settings row: permissions by role (a map, so kept wrapped). Roles and permissions this
// version does not know are dropped and the director keeps the rights that run the archive (normalised).
export const permissionMatrixDocument = defineStoredDocument<PermissionMatrix>({
  kind: 'permissionMatrix',
  label: '权限矩阵',
  shape: 'wrapped',
  current: 2,
  upgrades: {
    // Version 2 brought reconciliation.manage: a matrix saved before it gives it to the roles shipped with it.
    1: (body) => withPermissionAdded(body, 'reconciliation.manage')
  },
  schema: z.record(z.string(), z.array(z.string())).transform((matrix) => normalisePermissionMatrix(matrix))
})
