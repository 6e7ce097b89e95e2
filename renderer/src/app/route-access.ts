import type { Permission } from '@shared/operators/permissions'
import type { Role } from '@shared/operators/roles'
import { ADVISOR_ROLES } from '@shared/operators/roles'

// Which screen needs which permission: one table, read against the same permission matrix the data
// layer checks. A screen the operator may not use shows a refusal instead of its form.

export interface RouteAccess {
  /** The route as the router declares it. */
  path: string
  /** The operator needs one of these; an empty list means every logged-in operator. */
  anyOf: readonly Permission[]
  /** What opening it is called in the audit trail when refused. */
  summary: string
}

export const ROUTE_ACCESS: readonly RouteAccess[] = [
  { path: '/', anyOf: ['vehicleFile.read'], summary: '打开车辆档案列表' },
  { path: '/mine', anyOf: ['vehicleFile.read'], summary: '打开“我的”' },
  { path: '/files/new', anyOf: ['vehicleFile.create'], summary: '打开新建档案表单' },
  { path: '/files/:id', anyOf: ['vehicleFile.read'], summary: '打开车辆档案' },
  { path: '/files/:id/edit', anyOf: ['vehicleFile.update'], summary: '打开档案修改表单' },
  { path: '/settings', anyOf: ['settings.manage'], summary: '打开系统设置' },
  { path: '/audit', anyOf: ['audit.read'], summary: '打开审计日志' },
  { path: '/operators', anyOf: ['operators.manage'], summary: '打开操作员管理' },
  { path: '/account', anyOf: [], summary: '打开我的账号' },
  { path: '/system', anyOf: ['integrity.check', 'backup.export', 'backup.restore'], summary: '打开系统检查' },
  { path: '/work', anyOf: ['handover.receive', 'archive.inspect'], summary: '打开工作台' },
  { path: '/handovers', anyOf: ['handover.receive'], summary: '打开档案交接' },
  { path: '/handovers/:id', anyOf: ['handover.receive'], summary: '打开交接单' },
  { path: '/archives/:id', anyOf: ['archive.inspect'], summary: '打开档案检查' },
  { path: '/loans', anyOf: ['loan.manage'], summary: '打开档案借阅' },
  {
    path: '/keeping',
    anyOf: ['retention.manage', 'destruction.propose', 'destruction.approve'],
    summary: '打开档案保管'
  },
  { path: '/reports', anyOf: ['reports.read'], summary: '打开月度报表' },
  { path: '/import', anyOf: ['reconciliation.manage', 'vehicleFile.create'], summary: '打开导入' },
  { path: '/reconciliation', anyOf: ['reconciliation.manage'], summary: '打开与系统核对' },
  { path: '/fines', anyOf: ['fines.read'], summary: '打开罚款考核' }
]

export function routeAccess(path: string): RouteAccess {
  const found = ROUTE_ACCESS.find((route) => route.path === path)
  if (!found) throw new Error(`No access rule for route ${path}`)
  return found
}

/** The permission a refusal names: the first the route would accept. */
export function missingPermission(route: RouteAccess, allowed: ReadonlySet<Permission>): Permission | null {
  if (route.anyOf.length === 0 || route.anyOf.some((p) => allowed.has(p))) return null
  return route.anyOf[0]!
}

/**
 * Where an operator lands after logging in: the work list for those who receive or inspect archives,
 * 我的 for advisors, the file list for everyone else who may read files, else their account.
 */
export function homeRoute(role: Role, allowed: ReadonlySet<Permission>): string {
  if (allowed.has('handover.receive') || allowed.has('archive.inspect')) return '/work'
  if (ADVISOR_ROLES.includes(role) && allowed.has('vehicleFile.read')) return '/mine'
  if (allowed.has('vehicleFile.read')) return '/'
  return '/account'
}
