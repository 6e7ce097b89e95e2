import type { Role } from './roles'
import { ROLES } from './roles'

// The permission matrix is data: shipped as below, shown in Settings, edited by the customer-care director.
// The data layer checks it on every repository call; hiding buttons is only a courtesy.

export type Permission =
  | 'vehicleFile.read'
  | 'vehicleFile.create'
  | 'vehicleFile.update'
  | 'vehicleFile.readConfidential'
  | 'vehicleFile.readTopSecret'
  | 'vehicleFile.setSecrecy'
  | 'personalInfo.reveal'
  | 'settings.manage'
  | 'permissions.manage'
  | 'operators.manage'
  | 'audit.read'
  | 'audit.exportPersonalInfoAccess'
  | 'backup.export'
  | 'backup.restore'
  | 'integrity.check'
  | 'handover.receive'
  | 'archive.inspect'
  | 'policy.manage'
  | 'loan.manage'
  | 'retention.manage'
  | 'destruction.propose'
  | 'destruction.approve'
  | 'reports.read'
  | 'fines.read'
  | 'fines.manage'
  | 'fines.payCut'
  | 'reconciliation.manage'

export const PERMISSIONS: readonly Permission[] = [
  'vehicleFile.read',
  'vehicleFile.create',
  'vehicleFile.update',
  'vehicleFile.readConfidential',
  'vehicleFile.readTopSecret',
  'vehicleFile.setSecrecy',
  'personalInfo.reveal',
  'settings.manage',
  'permissions.manage',
  'operators.manage',
  'audit.read',
  'audit.exportPersonalInfoAccess',
  'backup.export',
  'backup.restore',
  'integrity.check',
  'handover.receive',
  'archive.inspect',
  'policy.manage',
  'reports.read',
  'fines.read',
  'fines.manage',
  'fines.payCut',
  'reconciliation.manage',
  'retention.manage',
  'destruction.propose',
  'destruction.approve',
  'loan.manage'
]

export const PERMISSION_LABELS: Record<Permission, string> = {
  'vehicleFile.read': '查看车辆档案',
  'vehicleFile.create': '新建车辆档案',
  'vehicleFile.update': '修改车辆档案',
  'vehicleFile.readConfidential': '查看机密档案',
  'vehicleFile.readTopSecret': '查看绝密档案',
  'vehicleFile.setSecrecy': '设定档案密级',
  'personalInfo.reveal': '查看完整个人信息',
  'settings.manage': '修改系统设置',
  'permissions.manage': '修改权限矩阵',
  'operators.manage': '管理操作员账号',
  'audit.read': '查看审计日志',
  'audit.exportPersonalInfoAccess': '导出个人信息访问记录',
  'backup.export': '备份与导出',
  'backup.restore': '从备份恢复',
  'integrity.check': '运行完整性检查',
  'handover.receive': '接收档案交接',
  'archive.inspect': '检查档案',
  'policy.manage': '维护档案制度',
  'loan.manage': '办理档案借阅',
  'retention.manage': '档案保管（封存、法律保全、保管检查）',
  'destruction.propose': '提出档案销毁',
  'destruction.approve': '审批档案销毁',
  'reports.read': '查看月度报表、打印奖罚通知单与导出工资表',
  'fines.read': '查看罚款考核',
  'fines.manage': '确认罚款考核',
  'fines.payCut': '设定绩效工资扣罚',
  'reconciliation.manage': '导入系统清单与核对档案'
}

export type PermissionMatrix = Record<Role, readonly Permission[]>

const READ: Permission[] = ['vehicleFile.read']
const EDIT: Permission[] = [...READ, 'vehicleFile.create', 'vehicleFile.update']

export const DEFAULT_PERMISSION_MATRIX: PermissionMatrix = {
  archive_manager: [
    ...EDIT,
    'vehicleFile.readConfidential',
    'personalInfo.reveal',
    'audit.read',
    'backup.export',
    'integrity.check',
    'handover.receive',
    'archive.inspect',
    'reconciliation.manage',
    'retention.manage',
    'destruction.propose',
    'loan.manage'
  ],
  cc_director: [...PERMISSIONS],
  sales_advisor: [...READ],
  service_advisor: [...READ],
  sales_info_clerk: [...EDIT],
  service_info_clerk: [...EDIT],
  sales_manager: [...READ, 'vehicleFile.readConfidential', 'reports.read', 'fines.read'],
  service_manager: [...READ, 'vehicleFile.readConfidential', 'reports.read', 'fines.read', 'fines.payCut'],
  general_manager: [
    ...READ,
    'vehicleFile.readConfidential',
    'vehicleFile.readTopSecret',
    'personalInfo.reveal',
    'audit.read',
    'audit.exportPersonalInfoAccess',
    'integrity.check',
    'reports.read',
    'fines.read',
    'fines.payCut',
    'destruction.approve'
  ],
  auditor: [...READ, 'audit.read', 'audit.exportPersonalInfoAccess', 'integrity.check', 'fines.read']
}

/**
 * Permissions that arrived with a version of the stored matrix: a matrix saved before knows nothing of them,
 * so upgrading it gives each to the roles that hold it by default (an edited matrix keeps its edits).
 */
export const PERMISSIONS_ADDED_IN_MATRIX_VERSION: Readonly<Record<number, readonly Permission[]>> = {
  2: ['reports.read'],
  3: ['fines.read', 'fines.manage', 'fines.payCut'],
  4: ['reconciliation.manage'],
  5: ['retention.manage', 'destruction.propose', 'destruction.approve'],
  6: ['loan.manage']
}

/** A stored matrix of version `from` brought to `from + 1`: the new permissions go to their default holders. */
export function addPermissionsOfVersion(
  matrix: Partial<Record<string, readonly string[]>>,
  version: number
): Partial<Record<string, readonly string[]>> {
  const added = PERMISSIONS_ADDED_IN_MATRIX_VERSION[version] ?? []
  const next: Partial<Record<string, readonly string[]>> = { ...matrix }
  for (const role of ROLES) {
    const stored = next[role]
    if (stored === undefined) continue
    const extra = added.filter((p) => DEFAULT_PERMISSION_MATRIX[role].includes(p) && !stored.includes(p))
    next[role] = [...stored, ...extra]
  }
  return next
}

export function isAllowed(matrix: PermissionMatrix, role: Role, permission: Permission): boolean {
  return matrix[role]?.includes(permission) ?? false
}

/**
 * A matrix the director saved: unknown roles and permissions are dropped, and the director always keeps
 * the right to manage permissions, so nobody can lock the department out of its own settings.
 */
export function normalisePermissionMatrix(input: Partial<Record<string, readonly string[]>>): PermissionMatrix {
  const matrix = {} as Record<Role, Permission[]>
  for (const role of ROLES) {
    const given = input[role] ?? DEFAULT_PERMISSION_MATRIX[role]
    matrix[role] = PERMISSIONS.filter((p) => given.includes(p))
  }
  for (const keep of ['permissions.manage', 'operators.manage', 'settings.manage', 'policy.manage'] as const) {
    if (!matrix.cc_director.includes(keep)) matrix.cc_director.push(keep)
  }
  return matrix
}
