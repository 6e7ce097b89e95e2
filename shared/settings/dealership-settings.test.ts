import { describe, expect, it } from 'vitest'
import {
  dealershipNameSchema,
  dealershipSettingsDocument,
  dealershipSettingsSchema,
  DEFAULT_DEALERSHIP_SETTINGS,
  readDealershipSettingsDocument
} from './dealership-settings'

const messagesOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((i) => i.message)

describe('the dealership settings', () => {
  it('start with no name and the default archive-number pattern, which is valid', () => {
    expect(DEFAULT_DEALERSHIP_SETTINGS).toEqual({ dealershipName: '', archiveNoPattern: '{ORIGIN}{YYYY}-{SEQ:5}' })
    expect(dealershipSettingsSchema.safeParse(DEFAULT_DEALERSHIP_SETTINGS).success).toBe(true)
  })

  it('read a pattern typed in lower case or with spaces as the director meant it', () => {
    expect(dealershipSettingsSchema.parse({ dealershipName: '宏达', archiveNoPattern: ' xs{YYYY}-{SEQ:4} ' })).toEqual({
      dealershipName: '宏达',
      archiveNoPattern: 'XS{YYYY}-{SEQ:4}'
    })
  })

  it('refuse a pattern with the reason the pattern check gives', () => {
    expect(
      messagesOf(dealershipSettingsSchema.safeParse({ dealershipName: '', archiveNoPattern: 'XS{YYYY}' }))
    ).toEqual(['编号规则必须包含且只包含一个流水号 {SEQ:n}（n 为 3–8 位）'])
  })

  it('ask for a name of 2 to 60 characters at first start', () => {
    expect(messagesOf(dealershipNameSchema.safeParse(''))).toEqual(['请填写经销商名称，如“长春一汽大众某某4S店”'])
    expect(dealershipNameSchema.safeParse('宏达').success).toBe(true)
    expect(dealershipNameSchema.safeParse('店'.repeat(60)).success).toBe(true)
    expect(dealershipNameSchema.safeParse('店'.repeat(61)).success).toBe(false)
    expect(
      dealershipSettingsSchema.safeParse({ dealershipName: '店'.repeat(61), archiveNoPattern: '{SEQ:5}' }).success
    ).toBe(false)
  })
})

describe('the stored dealership row', () => {
  it('reads as the defaults before anything is saved, and fills what was not saved from them', () => {
    expect(readDealershipSettingsDocument(undefined)).toEqual(DEFAULT_DEALERSHIP_SETTINGS)
    const saved = dealershipSettingsDocument.write({ dealershipName: '长春一汽大众某某4S店' })
    expect(readDealershipSettingsDocument(saved)).toEqual({
      dealershipName: '长春一汽大众某某4S店',
      archiveNoPattern: DEFAULT_DEALERSHIP_SETTINGS.archiveNoPattern
    })
  })
})
