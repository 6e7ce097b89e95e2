import { describe, it, expect } from 'vitest'
import * as validation from './index'
import type { ValidationResult } from './index'

describe('shared/validation public API', () => {
  it('exports exactly the contract other code relies on', () => {
    expect(Object.keys(validation).sort()).toEqual([
      'VALIDATION_CODES',
      'VALIDATION_MESSAGES',
      'accept',
      'computeCreditCodeCheckChar',
      'computeOrgCodeCheckChar',
      'computeResidentIdCheckChar',
      'computeVinCheckDigit',
      'issueDetails',
      'maskPhone',
      'maskResidentId',
      'normalizeInput',
      'problem',
      'problemDetails',
      'refuse',
      'validateCreditCode',
      'validateOrgCode',
      'validateOrganisationId',
      'validatePersonName',
      'validatePhone',
      'validatePlate',
      'validateResidentId',
      'validateVin',
      'validationSentence'
    ])
  })

  it('lets every validator be used as a plain (input: string) => ValidationResult', () => {
    const validators: Array<(input: string) => ValidationResult> = [
      validation.validateVin,
      validation.validatePlate,
      validation.validateResidentId,
      validation.validateCreditCode,
      validation.validateOrgCode,
      validation.validateOrganisationId,
      validation.validatePhone,
      validation.validatePersonName
    ]
    for (const validate of validators)
      expect(validate('')).toMatchObject({ ok: false, reason: expect.stringMatching(/^请填写/) })
  })
})
