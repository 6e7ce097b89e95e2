import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { validateCreditCode } from './credit-code'
import { checkFreeText, freeText, freeTextOrEmpty } from './free-text'
import { issueDetails } from './issue-details'
import { validateOrgCode } from './org-code'
import { validateOrganisationId } from './organisation-id'
import { validatePersonName } from './person-name'
import { validatePhone } from './phone'
import { validatePlate } from './plate'
import { validateResidentId } from './resident-id'
import { VALIDATION_CODES, VALIDATION_MESSAGES, type ValidationCode, validationSentence } from './validation-messages'
import { problem, problemDetails, type ValidationResult } from './validation-result'
import { validateVin } from './vin'

// Each refusal carries a stable code and its parameters beside the Chinese sentence, so a screen in
// another language can word it; the sentence is always the code's text with those parameters.

type Case = [input: () => ValidationResult, code: ValidationCode, params: Record<string, string>]

const TODAY = { today: '2026-03-01' }
const CASES: Case[] = [
  [() => validateVin(' '), 'VIN_REQUIRED', {}],
  [() => validateVin('LFV2A21K#S1234567'), 'VIN_ILLEGAL_CHAR', { position: '9', char: '#' }],
  [() => validateVin('LFV2A21KOS1234567'), 'VIN_FORBIDDEN_LETTER', { position: '9', letter: 'O', digit: '0' }],
  [() => validateVin('LFV2A21K0S12345'), 'VIN_LENGTH', { length: '15' }],
  [() => validateVin('LFV2A21K0S1234567'), 'VIN_CHECK_DIGIT', { expected: '4', actual: '0' }],
  [() => validatePlate(''), 'PLATE_REQUIRED', {}],
  [() => validatePlate('A12345'), 'PLATE_NO_PROVINCE', {}],
  [() => validatePlate('中A12345'), 'PLATE_UNKNOWN_PROVINCE', { char: '中' }],
  [() => validatePlate('吉'), 'PLATE_INCOMPLETE', {}],
  [() => validatePlate('吉I12345'), 'PLATE_AUTHORITY_I_O', {}],
  [() => validatePlate('吉112345'), 'PLATE_AUTHORITY_LETTER', { province: '吉' }],
  [() => validatePlate('吉A'), 'PLATE_SERIAL_MISSING', {}],
  [() => validatePlate('使'), 'PLATE_SERIAL_MISSING', {}],
  [() => validatePlate('吉A1234O'), 'PLATE_SERIAL_I_O', {}],
  [() => validatePlate('吉A12#45'), 'PLATE_SERIAL_CHAR', { char: '#' }],
  [() => validatePlate('吉A1234港'), 'PLATE_HONG_KONG_MACAU', {}],
  [() => validatePlate('粤B123456'), 'PLATE_NEW_ENERGY', {}],
  [() => validatePlate('吉A1234'), 'PLATE_SERIAL_LENGTH', { length: '4' }],
  [() => validatePlate('使22400'), 'PLATE_EMBASSY', {}],
  [() => validateResidentId('', TODAY), 'RESIDENT_ID_REQUIRED', {}],
  [() => validateResidentId('220102800101123', TODAY), 'RESIDENT_ID_OLD_FORMAT', {}],
  [() => validateResidentId('22010219800101123', TODAY), 'RESIDENT_ID_LENGTH', { length: '17' }],
  [() => validateResidentId('2201021980010112A4', TODAY), 'RESIDENT_ID_CHARS', {}],
  [() => validateResidentId('990102198001011234', TODAY), 'RESIDENT_ID_PROVINCE', { province: '99' }],
  [() => validateResidentId('220102198002301234', TODAY), 'RESIDENT_ID_BIRTH_DATE_INVALID', { date: '1980-02-30' }],
  [() => validateResidentId('220102189912311234', TODAY), 'RESIDENT_ID_BIRTH_DATE_TOO_EARLY', { date: '1899-12-31' }],
  [() => validateResidentId('220102202604011234', TODAY), 'RESIDENT_ID_BIRTH_DATE_FUTURE', { date: '2026-04-01' }],
  [() => validateResidentId('220102198001011230', TODAY), 'RESIDENT_ID_CHECK_CHAR', { expected: '4', actual: '0' }],
  [() => validateCreditCode(''), 'CREDIT_CODE_REQUIRED', {}],
  [() => validateCreditCode('91220101#23456789X'), 'CREDIT_CODE_ILLEGAL_CHAR', { position: '9', char: '#' }],
  [
    () => validateCreditCode('91220101O23456789X'),
    'CREDIT_CODE_CONFUSABLE_LETTER',
    { position: '9', char: 'O', lookalike: '0' }
  ],
  [() => validateCreditCode('9122010112345678'), 'CREDIT_CODE_LENGTH', { length: '16' }],
  [() => validateCreditCode('91A20101123456789X'), 'CREDIT_CODE_REGION', {}],
  [() => validateOrgCode(''), 'ORG_CODE_REQUIRED', {}],
  [() => validateOrgCode('D214356#X'), 'ORG_CODE_ILLEGAL_CHAR', { char: '#' }],
  [() => validateOrgCode('D214356'), 'ORG_CODE_LENGTH', { length: '7' }],
  [() => validateOrgCode('D2143569-1'), 'ORG_CODE_CHECK_CHAR', { expected: 'X', actual: '1' }],
  [() => validateOrganisationId(' '), 'ORGANISATION_ID_REQUIRED', {}],
  [() => validateOrganisationId('D21435'), 'ORGANISATION_ID_LENGTH', { length: '6' }],
  [() => validatePersonName(''), 'PERSON_NAME_REQUIRED', {}],
  [() => validatePersonName('王2'), 'PERSON_NAME_DIGITS', {}],
  [() => validatePersonName('王某'), 'PERSON_NAME_PLACEHOLDER', {}],
  [() => validatePersonName('王A'), 'PERSON_NAME_MIXED_SCRIPT', {}],
  [() => validatePersonName('王先生'), 'PERSON_NAME_FORM_OF_ADDRESS', { name: '王先生' }],
  [() => validatePersonName('阿卜杜拉·'), 'PERSON_NAME_MIDDLE_DOT', {}],
  [() => validatePersonName(`王${'明'.repeat(20)}`), 'PERSON_NAME_TOO_LONG', { length: '21' }],
  [() => validatePersonName(`阿卜杜拉·${'买'.repeat(30)}`), 'PERSON_NAME_TOO_LONG', { length: '35' }],
  [() => validatePersonName('王小、明'), 'PERSON_NAME_NOT_HAN', {}],
  [() => validatePersonName('乙明'), 'PERSON_NAME_UNKNOWN_SURNAME', { char: '乙' }],
  [() => validatePersonName('令狐'), 'PERSON_NAME_SURNAME_ONLY', { name: '令狐' }],
  [() => validatePersonName('John_Smith'), 'LATIN_NAME_CHARS', {}],
  [() => validatePersonName('John Unknown'), 'LATIN_NAME_PLACEHOLDER', {}],
  [() => validatePersonName('Mr Smith'), 'LATIN_NAME_TITLE', {}],
  [() => validatePersonName('Smith'), 'LATIN_NAME_PARTS', {}],
  [() => validatePersonName(`John ${'a'.repeat(60)}`), 'LATIN_NAME_TOO_LONG', { max: '60' }],
  [() => validatePhone(''), 'PHONE_REQUIRED', {}],
  [() => validatePhone('138abc'), 'PHONE_CHARS', {}],
  [() => validatePhone('13812345678转12'), 'PHONE_MOBILE_EXTENSION', {}],
  [() => validatePhone('+1 4155551234'), 'PHONE_COUNTRY_CODE', {}],
  [() => validatePhone('1381234567'), 'PHONE_MOBILE_LENGTH', { length: '10' }],
  [() => validatePhone('12812345678'), 'PHONE_MOBILE_PREFIX', {}],
  [() => validatePhone('40012345'), 'PHONE_SERVICE_LENGTH', { prefix: '400' }],
  [() => validatePhone('85551234'), 'PHONE_AREA_CODE_MISSING', {}],
  [() => validatePhone('0131-85551234'), 'PHONE_AREA_CODE_INVALID', { areaCode: '0131' }],
  [() => validatePhone('0431-855512'), 'PHONE_LOCAL_LENGTH', { length: '6' }],
  [() => validatePhone('0431-05551234'), 'PHONE_LOCAL_START', {}],
  [() => checkFreeText(' ', { label: '车系', max: 40 }), 'TEXT_REQUIRED', { label: '车系' }],
  [
    () => checkFreeText('王', { label: '交档人姓名', min: 2, max: 20 }),
    'TEXT_TOO_SHORT',
    { label: '交档人姓名', min: '2' }
  ],
  [
    () => checkFreeText('', { label: '原因', max: 60, requiredMessage: '请填写原因，如“国庆值班”' }),
    'TEXT_REQUIRED_WORDED',
    { message: '请填写原因，如“国庆值班”' }
  ],
  [() => checkFreeText('长'.repeat(41), { label: '车系', max: 40 }), 'TEXT_TOO_LONG', { label: '车系', max: '40' }]
]

describe('validation codes', () => {
  it.each(CASES)('%#: refuses with its code, its parameters and the sentence made from them', (run, code, params) => {
    const result = run()
    expect(result).toMatchObject({ ok: false, code, params, reason: validationSentence(code, params) })
  })

  it('words a refusal in Chinese, parameters filled in', () => {
    expect(validateVin('LFV2A21K0S1234567')).toMatchObject({
      reason: '车架号第9位校验位应为 4（现为 0），请逐位核对车架号是否抄错'
    })
    expect(validationSentence('TEXT_TOO_LONG', { label: '备注', max: '500' })).toBe('备注不能超过 500 个字')
  })

  it('has a Chinese text for every code, with no parameter left unfilled by the sentence', () => {
    for (const code of VALIDATION_CODES) {
      const names = [...VALIDATION_MESSAGES[code].matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!)
      const sentence = validationSentence(code, Object.fromEntries(names.map((name) => [name, `<${name}>`])))
      expect(sentence).not.toMatch(/\{\{|\}\}/)
      for (const name of names) expect(sentence).toContain(`<${name}>`)
    }
  })

  it('leaves an unknown parameter of a text empty rather than printing its name', () => {
    expect(validationSentence('VIN_LENGTH')).toBe('车架号应为17位，现在填了位，请核对是否漏填或多填')
  })

  it('gives a refusal its details: every parameter and the codes, several joined', () => {
    expect(problemDetails(problem('VIN_CHECK_DIGIT', { expected: '4', actual: '0' }))).toEqual({
      expected: '4',
      actual: '0',
      reasonCode: 'VIN_CHECK_DIGIT'
    })
    expect(problemDetails([problem('PASSWORD_TOO_SHORT', { minLength: '8' }), problem('PASSWORD_SPACES')])).toEqual({
      minLength: '8',
      reasonCode: 'PASSWORD_TOO_SHORT,PASSWORD_SPACES'
    })
  })
})

describe('free-text schemas carry the code in their issues', () => {
  const issueOf = (schema: ReturnType<typeof freeText> | ReturnType<typeof freeTextOrEmpty>, input: unknown) => {
    const parsed = schema.safeParse(input)
    if (parsed.success) throw new Error('accepted')
    return parsed.error.issues[0]!
  }

  it('gives each issue its code and parameters beside the Chinese message', () => {
    const issue = issueOf(freeText({ label: '交档人姓名', min: 2, max: 20 }), '王')
    expect(issue.message).toBe('交档人姓名至少 2 个字')
    expect(issueDetails(issue)).toEqual({ reasonCode: 'TEXT_TOO_SHORT', label: '交档人姓名', min: '2' })
    const long = issueOf(freeTextOrEmpty({ label: '缺件说明', max: 3 }), '四个字呢')
    expect(issueDetails(long)).toEqual({ reasonCode: 'TEXT_TOO_LONG', label: '缺件说明', max: '3' })
  })

  it('accepts an empty value only where empty is allowed', () => {
    expect(freeTextOrEmpty({ label: '缺件说明', max: 3 }).safeParse('  ').success).toBe(true)
    expect(issueDetails(issueOf(freeText({ label: '车系', max: 40 }), '  '))).toEqual({
      reasonCode: 'TEXT_REQUIRED',
      label: '车系'
    })
  })

  it('refuses what is not text at all in Chinese, without a code', () => {
    const notText = issueOf(freeText({ label: '车系', max: 40 }), 42)
    expect(notText.message).toBe('请填写车系')
    expect(issueDetails(notText)).toEqual({})
    expect(
      issueOf(freeText({ label: '原因', max: 60, requiredMessage: '请填写原因，如“国庆值班”' }), null).message
    ).toBe('请填写原因，如“国庆值班”')
    expect(issueOf(freeTextOrEmpty({ label: '缺件说明', max: 3 }), 7).message).toBe('缺件说明应为文字')
  })

  it('passes on only the text parameters of an issue', () => {
    const schema = z.string().refine(() => false, { message: '不对', params: { reasonCode: 'TEXT_TOO_LONG', max: 3 } })
    const parsed = schema.safeParse('abcd')
    expect(parsed.success).toBe(false)
    expect(issueDetails(parsed.error!.issues[0]!)).toEqual({ reasonCode: 'TEXT_TOO_LONG' })
  })
})
