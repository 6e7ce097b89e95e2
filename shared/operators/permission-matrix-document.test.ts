import { describe, expect, it } from 'vitest'
import { DEFAULT_PERMISSION_MATRIX } from './permissions'
import { permissionMatrixDocument } from './permission-matrix-document'

// A matrix the director saved before 导入系统清单与核对档案 existed: the archive manager and the director keep
// the work the shipped matrix gives them; the director's other edits stay as saved.

describe('a stored permission matrix from before reconciliation.manage', () => {
  const saved = {
    ...DEFAULT_PERMISSION_MATRIX,
    archive_manager: DEFAULT_PERMISSION_MATRIX.archive_manager.filter(
      (p) => p !== 'reconciliation.manage' && p !== 'audit.read'
    ),
    cc_director: DEFAULT_PERMISSION_MATRIX.cc_director.filter((p) => p !== 'reconciliation.manage')
  }
  const version1 = JSON.stringify({ documentVersion: 1, items: saved })

  it('gives it to the roles the shipped matrix gives it to, and to no other', () => {
    const read = permissionMatrixDocument.read(version1)
    expect(read.archive_manager).toContain('reconciliation.manage')
    expect(read.cc_director).toContain('reconciliation.manage')
    expect(read.sales_advisor).not.toContain('reconciliation.manage')
    expect(read.auditor).not.toContain('reconciliation.manage')
  })

  it('keeps what the director took away', () => {
    expect(permissionMatrixDocument.read(version1).archive_manager).not.toContain('audit.read')
  })

  it('leaves a matrix saved after it as saved: taking the permission away holds', () => {
    const without = { ...DEFAULT_PERMISSION_MATRIX, archive_manager: saved.archive_manager }
    const read = permissionMatrixDocument.read(permissionMatrixDocument.write(without))
    expect(read.archive_manager).not.toContain('reconciliation.manage')
  })
})
