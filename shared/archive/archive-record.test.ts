import { describe, expect, it } from 'vitest'
import type { DomainError } from '../model/domain-error'
import type { ArchiveFailure } from '../rules'
import { archiveInputDocument } from '../rules/archive-input-document'
import { FAW_VW_SALES_EXAMPLE } from '../../tests/fixtures/example-archives'
import { readFailureCount, sameArchiveInput } from './archive-record'

const failure = (checkCode: string): ArchiveFailure => ({
  documentCode: 'invoice',
  documentName: '购车发票',
  checkCode,
  title: '发票日期与PDI日期相符',
  message: '晚 48 小时',
  clause: '一汽大众 五(一)2(2)'
})

describe('how many items a round found nonconforming', () => {
  it('is none for an accepted round, whatever was kept, and the length of the stored list otherwise', () => {
    expect(readFailureCount({ verdict: 'accepted', failures: '[]' })).toBe(0)
    const three = [failure('a'), failure('b'), failure('c')]
    expect(readFailureCount({ verdict: 'nonconforming', failures: JSON.stringify(three) })).toBe(3)
    expect(
      readFailureCount({ verdict: 'nonconforming', failures: JSON.stringify({ documentVersion: 1, items: three }) })
    ).toBe(3)
  })

  it('refuses a stored value that is not a list of failures instead of counting its characters', () => {
    const refusal = (failures: string) => {
      try {
        readFailureCount({ verdict: 'nonconforming', failures })
      } catch (error) {
        return (error as DomainError).code
      }
      return 'read'
    }
    expect(refusal('"两项"')).toBe('STORED_DOCUMENT_INVALID')
    expect(refusal(JSON.stringify([{ itemId: 'a' }]))).toBe('STORED_DOCUMENT_INVALID')
  })
})

describe('a file returned unchanged', () => {
  it('is told from the input a round judged, whether it was stored before or after format versions', () => {
    const unversioned = { input: JSON.stringify(FAW_VW_SALES_EXAMPLE) }
    const stamped = { input: archiveInputDocument.write(FAW_VW_SALES_EXAMPLE) }
    expect(unversioned.input).not.toBe(stamped.input)
    expect(sameArchiveInput(unversioned, stamped)).toBe(true)
    const changed = { input: archiveInputDocument.write({ ...FAW_VW_SALES_EXAMPLE, facts: { note: '补' } }) }
    expect(sameArchiveInput(unversioned, changed)).toBe(false)
  })
})
