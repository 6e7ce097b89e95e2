import { describe, expect, it } from 'vitest'
import { DEFAULT_PERMISSION_MATRIX } from '@shared/operators/permissions'
import type { Permission } from '@shared/operators/permissions'
import type { Role } from '@shared/operators/roles'
import { homeRoute, missingPermission, routeAccess } from './route-access'

const allowedFor = (role: Role): ReadonlySet<Permission> => new Set(DEFAULT_PERMISSION_MATRIX[role])

describe('each operator’s home screen', () => {
  it('is the work list for the archive manager and the director, 我的 for advisors, the file list for the rest', () => {
    expect(homeRoute('archive_manager', allowedFor('archive_manager'))).toBe('/work')
    expect(homeRoute('cc_director', allowedFor('cc_director'))).toBe('/work')
    expect(homeRoute('sales_advisor', allowedFor('sales_advisor'))).toBe('/mine')
    expect(homeRoute('service_advisor', allowedFor('service_advisor'))).toBe('/mine')
    expect(homeRoute('sales_info_clerk', allowedFor('sales_info_clerk'))).toBe('/')
    expect(homeRoute('auditor', new Set())).toBe('/account')
  })
})

describe('screens a role may not use', () => {
  it('are refused by name of the missing permission, from the same matrix the data layer uses', () => {
    const advisor = allowedFor('sales_advisor')
    expect(missingPermission(routeAccess('/files/new'), advisor)).toBe('vehicleFile.create')
    expect(missingPermission(routeAccess('/work'), advisor)).toBe('handover.receive')
    expect(missingPermission(routeAccess('/handovers'), advisor)).toBe('handover.receive')
    expect(missingPermission(routeAccess('/settings'), advisor)).toBe('settings.manage')
    expect(missingPermission(routeAccess('/mine'), advisor)).toBeNull()
    expect(missingPermission(routeAccess('/account'), new Set())).toBeNull()
    const manager = allowedFor('archive_manager')
    expect(missingPermission(routeAccess('/work'), manager)).toBeNull()
    expect(missingPermission(routeAccess('/files/new'), manager)).toBeNull()
    expect(missingPermission(routeAccess('/settings'), manager)).toBe('settings.manage')
  })
})
