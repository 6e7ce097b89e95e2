import { describe, expect, it } from 'vitest'
import { expectedByDefault } from '../../tests/fixtures/expected-permissions'
import type { PermissionMatrix } from './permissions'
import { DEFAULT_PERMISSION_MATRIX, isAllowed, normalisePermissionMatrix, PERMISSIONS } from './permissions'
import { permissionMatrixDocument } from './permission-matrix-document'
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

  it('always leaves the director the rights to manage permissions, operators, settings and policies', () => {
    const matrix = normalisePermissionMatrix({ cc_director: ['vehicleFile.read'] })
    expect([...matrix.cc_director].sort()).toEqual([
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
    expect(matrix.cc_director).toHaveLength(4)
    for (const role of ROLES.filter((r): r is Exclude<Role, 'cc_director'> => r !== 'cc_director')) {
      expect(matrix[role]).not.toContain('permissions.manage')
    }
    expect(matrix.archive_manager).toEqual([])
  })
})

describe('a matrix saved before the monthly reports existed', () => {
  // Stored as version 1 by an older CheDang, edited: the auditor was given backup.export, the sales manager
  // lost readConfidential. 'reports.read' did not exist then.
  const edited = {
    ...DEFAULT_PERMISSION_MATRIX,
    sales_manager: ['vehicleFile.read'],
    auditor: [...DEFAULT_PERMISSION_MATRIX.auditor, 'backup.export']
  }
  const v1 = JSON.stringify({
    documentVersion: 1,
    items: Object.fromEntries(
      Object.entries(edited).map(([role, list]) => [role, list.filter((p) => p !== 'reports.read')])
    )
  })

  it('gives the reports to the roles that hold them by default and keeps every edit', () => {
    const matrix = permissionMatrixDocument.read(v1)
    const holders = ROLES.filter((role) => matrix[role].includes('reports.read'))
    expect(holders).toEqual(['cc_director', 'sales_manager', 'service_manager', 'general_manager'])
    expect(matrix.sales_manager).toEqual(['vehicleFile.read', 'reports.read', 'fines.read'])
    expect(matrix.auditor).toContain('backup.export')
    expect(matrix.sales_advisor).not.toContain('reports.read')
  })

  it('leaves a matrix saved with the reports as the director edited it', () => {
    const saved = permissionMatrixDocument.write({
      ...DEFAULT_PERMISSION_MATRIX,
      general_manager: ['vehicleFile.read']
    })
    expect(permissionMatrixDocument.read(saved).general_manager).toEqual(['vehicleFile.read'])
  })
})

describe('a matrix saved before the fines existed', () => {
  // Stored as version 2, edited: the service manager lost readConfidential; the fines did not exist then.
  const v2 = JSON.stringify({
    documentVersion: 2,
    items: Object.fromEntries(
      Object.entries({ ...DEFAULT_PERMISSION_MATRIX, service_manager: ['vehicleFile.read', 'reports.read'] }).map(
        ([role, list]) => [role, list.filter((p) => !p.startsWith('fines.'))]
      )
    )
  })

  it('gives 查看/确认罚款考核 and the pay cut to their default holders and keeps every edit', () => {
    const matrix = permissionMatrixDocument.read(v2)
    expect(ROLES.filter((role) => matrix[role].includes('fines.manage'))).toEqual(['cc_director'])
    expect(ROLES.filter((role) => matrix[role].includes('fines.read'))).toEqual([
      'cc_director',
      'sales_manager',
      'service_manager',
      'general_manager',
      'auditor'
    ])
    expect(matrix.service_manager).toEqual(['vehicleFile.read', 'reports.read', 'fines.read', 'fines.payCut'])
    expect(matrix.service_advisor).toEqual(['vehicleFile.read'])
  })
})

describe('a matrix saved before keeping and destruction existed', () => {
  it('gives each role the new rights as shipped, and keeps what the director had taken away', async () => {
    const { permissionMatrixDocument } = await import('./permission-matrix-document')
    // Version 4: the director had taken 备份与导出 away from the archive manager.
    const saved = Object.fromEntries(
      ROLES.map((role) => [
        role,
        DEFAULT_PERMISSION_MATRIX[role].filter(
          (p) =>
            !['retention.manage', 'destruction.propose', 'destruction.approve'].includes(p) &&
            !(role === 'archive_manager' && p === 'backup.export')
        )
      ])
    )
    const matrix = permissionMatrixDocument.read(JSON.stringify({ documentVersion: 4, items: saved }))
    expect(isAllowed(matrix, 'archive_manager', 'retention.manage')).toBe(true)
    expect(isAllowed(matrix, 'archive_manager', 'destruction.propose')).toBe(true)
    expect(isAllowed(matrix, 'archive_manager', 'destruction.approve')).toBe(false)
    expect(isAllowed(matrix, 'archive_manager', 'backup.export')).toBe(false)
    expect(isAllowed(matrix, 'general_manager', 'destruction.approve')).toBe(true)
    expect(isAllowed(matrix, 'sales_advisor', 'retention.manage')).toBe(false)
    // Saved again, the director's later choice stands: a right taken away stays away.
    const withdrawn = { ...matrix, archive_manager: matrix.archive_manager.filter((p) => p !== 'retention.manage') }
    const reread = permissionMatrixDocument.read(permissionMatrixDocument.write(withdrawn))
    expect(isAllowed(reread, 'archive_manager', 'retention.manage')).toBe(false)
  })
})
