import { z } from 'zod'
import { defineStoredDocument } from '../model/stored-document'
import { addPermissionsOfVersion, type PermissionMatrix, normalisePermissionMatrix } from './permissions'

// The 'permissions' settings row: permissions by role (a map, so kept wrapped). Roles and permissions this
// version does not know are dropped and the director keeps the rights that run the archive (normalised).
// A body that is not a map of lists is left as it is, for the schema to refuse.
const isMatrix = (body: unknown): body is Partial<Record<string, readonly string[]>> =>
  typeof body === 'object' &&
  body !== null &&
  !Array.isArray(body) &&
  Object.values(body).every((v) => Array.isArray(v) && v.every((p) => typeof p === 'string'))

export const permissionMatrixDocument = defineStoredDocument<PermissionMatrix>({
  kind: 'permissionMatrix',
  label: '权限矩阵',
  shape: 'wrapped',
  current: 6,
  // Version 2 added 'reports.read' (月度报表), version 3 the fines (查看/确认罚款考核, 绩效扣罚), version 4
  // reconciliation.manage (导入系统清单与核对档案): a matrix saved before gets each for the roles that hold it by default.
  // Version 5 added keeping and destruction (档案保管, 提出/审批销毁), version 6 loans (办理档案借阅).
  upgrades: {
    1: (body) => (isMatrix(body) ? addPermissionsOfVersion(body, 2) : body),
    2: (body) => (isMatrix(body) ? addPermissionsOfVersion(body, 3) : body),
    3: (body) => (isMatrix(body) ? addPermissionsOfVersion(body, 4) : body),
    4: (body) => (isMatrix(body) ? addPermissionsOfVersion(body, 5) : body),
    5: (body) => (isMatrix(body) ? addPermissionsOfVersion(body, 6) : body)
  },
  schema: z.record(z.string(), z.array(z.string())).transform((matrix) => normalisePermissionMatrix(matrix))
})
