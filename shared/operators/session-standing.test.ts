import { describe, expect, it } from 'vitest'
import { PASSWORD_SET_BY_DIRECTOR_AT, sessionStanding } from './session-standing'

const now = new Date('2026-11-22T02:00:00Z')
const account = { disabled: false, passwordChangedAt: '2026-11-20T02:00:00Z', deletedAt: null }
const staff = { active: true, role: 'sales_advisor' as const, deletedAt: null }

describe('whether an open session may still act', () => {
  it('stands while the account is enabled, the role unchanged and the password the operator’s own and recent', () => {
    expect(sessionStanding({ role: 'sales_advisor' }, account, staff, now)).toEqual({ kind: 'active' })
  })
  it('ends when the account is disabled, removed, the person left, or the role changed', () => {
    expect(sessionStanding({ role: 'sales_advisor' }, { ...account, disabled: true }, staff, now)).toEqual({
      kind: 'ended',
      reason: 'disabled'
    })
    expect(sessionStanding({ role: 'sales_advisor' }, undefined, staff, now)).toEqual({
      kind: 'ended',
      reason: 'disabled'
    })
    expect(sessionStanding({ role: 'sales_advisor' }, account, { ...staff, active: false }, now)).toEqual({
      kind: 'ended',
      reason: 'disabled'
    })
    expect(sessionStanding({ role: 'sales_advisor' }, account, { ...staff, role: 'sales_manager' }, now)).toEqual({
      kind: 'ended',
      reason: 'roleChanged'
    })
  })
  it('asks for a new password when the director set it or it is 30 days old', () => {
    expect(
      sessionStanding(
        { role: 'sales_advisor' },
        { ...account, passwordChangedAt: PASSWORD_SET_BY_DIRECTOR_AT },
        staff,
        now
      )
    ).toEqual({ kind: 'mustChangePassword' })
    expect(
      sessionStanding({ role: 'sales_advisor' }, { ...account, passwordChangedAt: '2026-10-23T02:00:00Z' }, staff, now)
    ).toEqual({ kind: 'mustChangePassword' })
  })
})
