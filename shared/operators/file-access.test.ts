import { describe, expect, it } from 'vitest'
import type { Permission } from './permissions'
import { DEFAULT_PERMISSION_MATRIX } from './permissions'
import type { Role } from './roles'
import { decideFileAccess, visibleSecrecyLevels } from './file-access'

const as = (role: Role) => (permission: Permission) => DEFAULT_PERMISSION_MATRIX[role].includes(permission)

describe('the one access decision for a vehicle file', () => {
  it('shows ordinary files masked to every reader, and in full for editing only with the reveal right', () => {
    expect(decideFileAccess({ secrecy: 'ordinary' }, as('sales_advisor'))).toEqual({ shows: 'masked', logView: false })
    expect(decideFileAccess({ secrecy: 'ordinary' }, as('sales_info_clerk'), 'edit')).toEqual({
      shows: 'masked',
      logView: false
    })
    expect(decideFileAccess({ secrecy: 'ordinary' }, as('archive_manager'), 'edit')).toEqual({
      shows: 'full',
      logView: false
    })
    expect(decideFileAccess({ secrecy: 'ordinary' }, as('archive_manager'))).toEqual({
      shows: 'masked',
      logView: false
    })
  })

  it('hides 机密 and 绝密 files from those without the level’s right, naming the right; logs every view of them', () => {
    expect(decideFileAccess({ secrecy: 'confidential' }, as('sales_advisor'))).toEqual({
      shows: 'none',
      missing: 'vehicleFile.readConfidential'
    })
    expect(decideFileAccess({ secrecy: 'top_secret' }, as('archive_manager'))).toEqual({
      shows: 'none',
      missing: 'vehicleFile.readTopSecret'
    })
    expect(decideFileAccess({ secrecy: 'confidential' }, as('archive_manager'))).toEqual({
      shows: 'masked',
      logView: true
    })
    expect(decideFileAccess({ secrecy: 'top_secret' }, as('general_manager'))).toEqual({
      shows: 'masked',
      logView: true
    })
    expect(decideFileAccess({ secrecy: 'ordinary' }, () => false)).toEqual({
      shows: 'none',
      missing: 'vehicleFile.read'
    })
  })

  it('derives the visible levels from the same decision', () => {
    expect(visibleSecrecyLevels(as('sales_advisor'))).toEqual(['ordinary'])
    expect(visibleSecrecyLevels(as('archive_manager'))).toEqual(['ordinary', 'confidential'])
    expect(visibleSecrecyLevels(as('cc_director'))).toEqual(['ordinary', 'confidential', 'top_secret'])
    expect(visibleSecrecyLevels(() => false)).toEqual([])
  })
})
