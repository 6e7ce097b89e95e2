import { describe, expect, it } from 'vitest'
import { expectedByDefault } from '../../tests/fixtures/expected-permissions'
import type { PermissionMatrix } from './permissions'
import { DEFAULT_PERMISSION_MATRIX, isAllowed, normalisePermissionMatrix, PERMISSIONS } from './permissions'
import type { Role } from './roles'
import { ROLES } from './roles'

describe('the shipped permission matrix', () => {
  for (const role of ROLES) {
    it(`gives ${role} exactly the rights of the written-out table`, () => {
      const allowed = PERMISSIONS.filter((p) => isAllowed(DEFAULT_PERMISSION_MATRIX, role, p))
      expect(allowed).toEqual(PERMISSIONS.filter((p) => expectedByDefault(role, p)))
    })
  }
})

describe('isAllowed', () => {
  it('refuses a role the matrix does not know, instead of allowing it everything', () => {
    const partial = { auditor: ['audit.read'] } as unknown as PermissionMatrix
    expect(isAllowed(partial, 'sales_advisor', 'vehicleFile.read')).toBe(false)
    expect(isAllowed(partial, 'auditor', 'audit.read')).toBe(true)
    expect(isAllowed(partial, 'auditor', 'vehicleFile.read')).toBe(false)
  })
})

describe('normalisePermissionMatrix: a matrix the director saved', () => {
  it('keeps what was saved for each role, in the order of the permission list', () => {
    const saved = { sales_advisor: ['audit.read', 'vehicleFile.read'], auditor: [] }
    const matrix = normalisePermissionMatrix(saved)
    expect(matrix.sales_advisor).toEqual(['vehicleFile.read', 'audit.read'])
    expect(matrix.auditor).toEqual([])
  })

  it('gives a role that was not saved its shipped rights', () => {
    const matrix = normalisePermissionMatrix({ sales_advisor: [] })
    expect(matrix.general_manager).toEqual(DEFAULT_PERMISSION_MATRIX.general_manager)
    expect(matrix.archive_manager).toEqual(DEFAULT_PERMISSION_MATRIX.archive_manager)
  })

  it('drops unknown roles and unknown permissions', () => {
    const matrix = normalisePermissionMatrix({
      intern: ['vehicleFile.read'],
      auditor: ['audit.read', 'vehicleFile.delete', 'everything']
    })
    expect(Object.keys(matrix).sort()).toEqual([...ROLES].sort())
    expect(matrix.auditor).toEqual(['audit.read'])
  })

  it('always leaves the director the rights to manage permissions, operators, settings, policies and fines', () => {
    const matrix = normalisePermissionMatrix({ cc_director: ['vehicleFile.read'] })
    expect([...matrix.cc_director].sort()).toEqual([
      'fines.manage',
      'operators.manage',
      'permissions.manage',
      'policy.manage',
      'settings.manage',
      'vehicleFile.read'
    ])
  })

  it('adds each kept right to the director only once, and to nobody else', () => {
    const matrix = normalisePermissionMatrix({ cc_director: ['settings.manage', 'policy.manage'], archive_manager: [] })
    expect(matrix.cc_director.filter((p) => p === 'settings.manage')).toHaveLength(1)
    expect(matrix.cc_director).toHaveLength(5)
    for (const role of ROLES.filter((r): r is Exclude<Role, 'cc_director'> => r !== 'cc_director')) {
      expect(matrix[role]).not.toContain('permissions.manage')
    }
    expect(matrix.archive_manager).toEqual([])
  })
})
