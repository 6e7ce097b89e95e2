import { describe, expect, it } from 'vitest'
import { isDomainError } from '../model/domain-error'
import { readHandoverScan } from './handover-scan'

describe('a handover scan', () => {
  it('is the whole VIN from the barcode, checked', () => {
    expect(readHandoverScan(' lfv2a21k4s1234567 ')).toEqual({ kind: 'vin', vin: 'LFV2A21K4S1234567' })
  })

  it('or its last 6–8 characters, as in the list search', () => {
    expect(readHandoverScan('234567')).toEqual({ kind: 'suffix', suffix: '234567' })
    expect(readHandoverScan('s1234567')).toEqual({ kind: 'suffix', suffix: 'S1234567' })
  })

  it('refuses anything else in Chinese, naming both ways', () => {
    for (const bad of ['12345', '123456789', 'LFV2A21K4S1234568', 'O12345']) {
      try {
        readHandoverScan(bad)
        throw new Error(`accepted ${bad}`)
      } catch (error) {
        expect(isDomainError(error) && error.message, bad).toContain('后 6–8 位')
      }
    }
  })
})
