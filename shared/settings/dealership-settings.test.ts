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

const HOURS = { rescueWorkStart: '08:30', rescueWorkEnd: '17:30', rescueWorkdays: [1, 2, 3, 4, 5, 6, 7] }

describe('the dealership settings', () => {
  it('start with no name and the default archive-number pattern, which is valid', () => {
    expect(DEFAULT_DEALERSHIP_SETTINGS).toEqual({
      dealershipName: '',
      archiveNoPattern: '{ORIGIN}{YYYY}-{SEQ:5}',
      rescueWorkStart: '08:30',
      rescueWorkEnd: '17:30',
      rescueWorkdays: [1, 2, 3, 4, 5, 6, 7]
    })
    expect(dealershipSettingsSchema.safeParse(DEFAULT_DEALERSHIP_SETTINGS).success).toBe(true)
  })

  it('read a pattern typed in lower case or with spaces as the director meant it', () => {
    expect(
      dealershipSettingsSchema.parse({ ...HOURS, dealershipName: '宏达', archiveNoPattern: ' xs{YYYY}-{SEQ:4} ' })
    ).toEqual({ ...HOURS, dealershipName: '宏达', archiveNoPattern: 'XS{YYYY}-{SEQ:4}' })
  })

  it('refuse a pattern with the reason the pattern check gives', () => {
    expect(
      messagesOf(dealershipSettingsSchema.safeParse({ ...HOURS, dealershipName: '', archiveNoPattern: 'XS{YYYY}' }))
    ).toEqual(['编号规则必须包含且只包含一个流水号 {SEQ:n}（n 为 3–8 位）'])
  })

  it('ask for a name of 2 to 60 characters at first start', () => {
    expect(messagesOf(dealershipNameSchema.safeParse(''))).toEqual(['请填写经销商名称，如“长春一汽大众某某4S店”'])
    expect(dealershipNameSchema.safeParse('宏达').success).toBe(true)
    expect(dealershipNameSchema.safeParse('店'.repeat(60)).success).toBe(true)
    expect(dealershipNameSchema.safeParse('店'.repeat(61)).success).toBe(false)
    expect(
      dealershipSettingsSchema.safeParse({ ...HOURS, dealershipName: '店'.repeat(61), archiveNoPattern: '{SEQ:5}' })
        .success
    ).toBe(false)
  })
})

describe('the rescue working hours (FAW-VW 五(二)2(7) names no hours: the dealership sets them)', () => {
  const valid = { ...DEFAULT_DEALERSHIP_SETTINGS, dealershipName: '宏达' }

  it('accept hours that end after they start on at least one weekday', () => {
    expect(
      dealershipSettingsSchema.safeParse({
        ...valid,
        rescueWorkStart: '09:00',
        rescueWorkEnd: '18:00',
        rescueWorkdays: [1, 2, 3, 4, 5]
      }).success
    ).toBe(true)
  })

  it('refuse hours that end when or before they start, a time not written as HH:mm, and no weekday', () => {
    expect(messagesOf(dealershipSettingsSchema.safeParse({ ...valid, rescueWorkEnd: '08:30' }))).toEqual([
      '救援下班时间应晚于上班时间'
    ])
    expect(messagesOf(dealershipSettingsSchema.safeParse({ ...valid, rescueWorkStart: '8:30' }))).toEqual([
      '救援上班时间应写作24小时制 时:分，如 08:30'
    ])
    expect(messagesOf(dealershipSettingsSchema.safeParse({ ...valid, rescueWorkdays: [] }))).toEqual([
      '救援工作时间至少要有一个工作日'
    ])
    expect(messagesOf(dealershipSettingsSchema.safeParse({ ...valid, rescueWorkdays: [0, 8] }))).toHaveLength(2)
    expect(messagesOf(dealershipSettingsSchema.safeParse({ ...valid, rescueWorkdays: [2, 1] }))).toEqual([
      '工作日不能重复，按周一至周日排列'
    ])
  })

  it('read a stored row saved before the hours existed with the default hours', () => {
    const old = JSON.stringify({ dealershipName: '宏达', archiveNoPattern: '{SEQ:5}' })
    expect(readDealershipSettingsDocument(old)).toMatchObject({
      rescueWorkStart: '08:30',
      rescueWorkEnd: '17:30',
      rescueWorkdays: [1, 2, 3, 4, 5, 6, 7]
    })
  })
})

describe('the stored dealership row', () => {
  it('reads as the defaults before anything is saved, and fills what was not saved from them', () => {
    expect(readDealershipSettingsDocument(undefined)).toEqual(DEFAULT_DEALERSHIP_SETTINGS)
    const saved = dealershipSettingsDocument.write({ dealershipName: '长春一汽大众某某4S店' })
    expect(readDealershipSettingsDocument(saved)).toEqual({
      ...DEFAULT_DEALERSHIP_SETTINGS,
      dealershipName: '长春一汽大众某某4S店',
      archiveNoPattern: DEFAULT_DEALERSHIP_SETTINGS.archiveNoPattern
    })
  })
})
