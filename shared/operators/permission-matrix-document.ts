import { z } from 'zod'
import { defineStoredDocument } from '../model/stored-document'
import {
  type Permission,
  type PermissionMatrix,
  DEFAULT_PERMISSION_MATRIX,
  normalisePermissionMatrix
} from './permissions'

// The 'permissions' settings row: permissions by role (a map, so kept wrapped). Roles and permissions this
// version does not know are dropped and the director keeps the rights that run the archive (normalised).

/**
 * Version 2 added keeping (保管) and destruction. A matrix saved before could not have granted or refused
 * them: each role gets them as the default matrix gives them, so the archive manager keeps his files and
 * the general manager can approve, until the director edits the matrix.
 */
const ADDED_IN_2: readonly Permission[] = ['retention.manage', 'destruction.propose', 'destruction.approve']

function grantAdded(added: readonly Permission[]) {
  return (body: unknown): unknown => {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return body
    const matrix: Record<string, unknown> = { ...(body as Record<string, unknown>) }
    for (const [role, defaults] of Object.entries(DEFAULT_PERMISSION_MATRIX)) {
      const held = matrix[role]
      if (!Array.isArray(held)) continue
      matrix[role] = [...held, ...added.filter((p) => defaults.includes(p) && !held.includes(p))]
    }
    return matrix
  }
}

export const permissionMatrixDocument = defineStoredDocument<PermissionMatrix>({
  kind: 'permissionMatrix',
  label: '权限矩阵',
  shape: 'wrapped',
  current: 2,
  upgrades: { 1: grantAdded(ADDED_IN_2) },
  schema: z.record(z.string(), z.array(z.string())).transform((matrix) => normalisePermissionMatrix(matrix))
})
