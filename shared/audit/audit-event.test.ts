import { describe, expect, it } from 'vitest'
import { diffFields } from './audit-event'

interface Fields {
  plate: string | null
  colour: string | null
  notes: string | null
  rev: number
}
const KEYS = ['plate', 'colour', 'notes'] as const

describe('diffFields: what an audit event records of a change', () => {
  it('records each listed field that changed as [before, after], and nothing else', () => {
    expect(
      diffFields<Fields>(
        { plate: '吉A12345', colour: '白', notes: null, rev: 1 },
        { plate: '吉A54321', colour: '白', notes: '换牌', rev: 2 },
        KEYS
      )
    ).toEqual({ plate: ['吉A12345', '吉A54321'], notes: [null, '换牌'] })
  })

  it('reads a missing field as null: a new record lists every field it sets', () => {
    expect(diffFields<Fields>({}, { plate: '吉A12345', colour: null }, KEYS)).toEqual({ plate: [null, '吉A12345'] })
  })

  it('records nothing when nothing listed changed', () => {
    expect(diffFields<Fields>({ plate: 'x', rev: 1 }, { plate: 'x', rev: 2 }, KEYS)).toEqual({})
  })
})
