import { z } from 'zod'
import { defineStoredDocument } from '../model/stored-document'
import { type PermissionMatrix, normalisePermissionMatrix } from './permissions'

// The 'permissions' settings row: permissions by role (a map, so kept wrapped). Roles and permissions this
// version does not know are dropped and the director keeps the rights that run the archive (normalised).
export const permissionMatrixDocument = defineStoredDocument<PermissionMatrix>({
  kind: 'permissionMatrix',
  label: '权限矩阵',
  shape: 'wrapped',
  current: 1,
  upgrades: {},
  schema: z.record(z.string(), z.array(z.string())).transform((matrix) => normalisePermissionMatrix(matrix))
})
