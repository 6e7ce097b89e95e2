import { describe, expect, it } from 'vitest'
import { FAW_VW_PRESET } from '../policy/presets/faw-vw'
import { SVW_SKODA_PRESET } from '../policy/presets/svw-skoda'
import type { RetentionPolicy } from '../policy/retention-policy'
import type { RetentionFacts } from './retention-schedule'
import {
  DEFAULT_DORMANCY_CLOCK,
  filesDueForDestructionReview,
  filesDueForSealing,
  retentionSchedule
} from './retention-schedule'

const FAW = FAW_VW_PRESET.retention
const SVW = SVW_SKODA_PRESET.retention
const file = (over: Partial<RetentionFacts> = {}): RetentionFacts => ({
  fileId: 'LFV2A21K5M3123456',
  createdOn: '2020-03-05',
  visitDates: [],
  legalHold: false,
  ...over
})

describe('retentionSchedule under FAW-VW 四', () => {
  it('四.2: no repair or maintenance here → kept 5 years from creation: not due on the last day, due the day after', () => {
    const s = retentionSchedule(FAW, file())
    expect(s.sealDueOn).toBe('2025-03-06')
    expect(s.sealBasis).toBe('dormant_from_creation')
    expect(filesDueForSealing(FAW, [file()], '2025-03-05')).toEqual([])
    expect(filesDueForSealing(FAW, [file()], '2025-03-06').map((f) => f.fileId)).toEqual(['LFV2A21K5M3123456'])
  })

  it('四.2 on a leap day: a file created 2024-02-29 is kept through 2029-02-28 (民法典 第二百零二条)', () => {
    expect(retentionSchedule(FAW, file({ createdOn: '2024-02-29' })).sealDueOn).toBe('2029-03-01')
  })

  it('四.1: a service visit resets the clock to last repair + 5 years', () => {
    const s = retentionSchedule(FAW, file({ visitDates: ['2021-06-01', '2023-09-10', '2022-01-15'] }))
    expect(s.sealDueOn).toBe('2028-09-11')
    expect(s.sealBasis).toBe('after_last_visit')
    expect(filesDueForSealing(FAW, [file({ visitDates: ['2023-09-10'] })], '2026-01-01')).toEqual([])
  })

  it('四.2 read since the last visit (the default): a visit in year 4 keeps the file until that visit + 5 years', () => {
    expect(DEFAULT_DORMANCY_CLOCK).toBe('since_last_visit')
    expect(retentionSchedule(FAW, file({ visitDates: ['2024-01-10'] })).sealDueOn).toBe('2029-01-11')
  })

  it('四.2 read since creation (policy option): a visit on the last day of the first 3 years still counts', () => {
    const sinceCreation: RetentionPolicy = { ...FAW, dormancyClock: 'since_creation' }
    const s = retentionSchedule(sinceCreation, file({ visitDates: ['2023-03-05'] }))
    expect(s.sealDueOn).toBe('2028-03-06')
    expect(s.sealBasis).toBe('after_last_visit')
  })

  it('四.2 read since creation: a visit on the day the file is created counts; a visit recorded before it does not', () => {
    const sinceCreation: RetentionPolicy = { ...FAW, dormancyClock: 'since_creation' }
    expect(retentionSchedule(sinceCreation, file({ visitDates: ['2020-03-05'] })).sealBasis).toBe('after_last_visit')
    expect(retentionSchedule(sinceCreation, file({ visitDates: ['2020-03-04'] })).sealBasis).toBe(
      'dormant_from_creation'
    )
  })

  it('四.2 read since creation: no visit within exactly 3 years → sealed 5 years after creation, a later visit does not help', () => {
    const sinceCreation: RetentionPolicy = { ...FAW, dormancyClock: 'since_creation' }
    const s = retentionSchedule(sinceCreation, file({ visitDates: ['2023-03-06', '2024-05-01'] }))
    expect(s.sealDueOn).toBe('2025-03-06')
    expect(s.sealBasis).toBe('dormant_from_creation')
  })

  it('四.2 read since creation: one visit in the first 3 years is enough, later visits do not undo it', () => {
    const sinceCreation: RetentionPolicy = { ...FAW, dormancyClock: 'since_creation' }
    const s = retentionSchedule(sinceCreation, file({ visitDates: ['2021-05-10', '2024-08-01'] }))
    expect(s.sealDueOn).toBe('2029-08-02')
    expect(s.sealBasis).toBe('after_last_visit')
  })

  it('四.2 read since creation, without 四.1: a file visited in the first 3 years is still sealed 5 years after creation', () => {
    const sinceCreationOnly: RetentionPolicy = {
      ...FAW,
      dormancyClock: 'since_creation',
      keepYearsAfterLastService: null
    }
    const s = retentionSchedule(sinceCreationOnly, file({ visitDates: ['2021-05-10'] }))
    expect(s.sealDueOn).toBe('2025-03-06')
    expect(s.sealBasis).toBe('dormant_from_creation')
  })

  it('四.1 and 四.2 give the same day for a visit on the day the file is created: the visit (四.1) is named', () => {
    const s = retentionSchedule(FAW, file({ visitDates: ['2020-03-05'] }))
    expect(s.sealDueOn).toBe('2025-03-06')
    expect(s.sealBasis).toBe('after_last_visit')
  })

  it('a policy without 四.1 keeps a visited file until 3 years without visits and at least 5 from creation', () => {
    const dormancyOnly: RetentionPolicy = { ...FAW, keepYearsAfterLastService: null }
    expect(retentionSchedule(dormancyOnly, file({ visitDates: ['2024-07-01'] })).sealDueOn).toBe('2027-07-02')
    expect(retentionSchedule(dormancyOnly, file({ visitDates: ['2021-07-01'] })).sealDueOn).toBe('2025-03-06')
  })

  it('legal hold: a held file is never due for sealing or destruction, however old', () => {
    const held = file({ createdOn: '2001-01-01', legalHold: true })
    const s = retentionSchedule(FAW, held)
    expect(s.sealDueOn).toBeNull()
    expect(s.destructionReviewOn).toBeNull()
    expect(s.sealBasis).toBe('legal_hold')
    expect(filesDueForSealing(FAW, [held], '2030-01-01')).toEqual([])
    expect(filesDueForDestructionReview(FAW, [held], '2030-01-01')).toEqual([])
  })
})

describe('destruction review: never before the 10 years of 《汽车销售管理办法》', () => {
  it('a file sealed after 5 years (FAW-VW 四.2) may be proposed for destruction only from the day after 10 years', () => {
    expect(retentionSchedule(FAW, file()).destructionReviewOn).toBe('2030-03-06')
    expect(filesDueForDestructionReview(FAW, [file()], '2030-03-05')).toEqual([])
    expect(filesDueForDestructionReview(FAW, [file()], '2030-03-06')).toHaveLength(1)
  })

  it('a policy asking for fewer than 10 years still waits 10; one asking for 12 waits 12', () => {
    expect(retentionSchedule({ ...FAW, destroyNotBeforeYears: 3 }, file()).destructionReviewOn).toBe('2030-03-06')
    expect(retentionSchedule({ ...FAW, destroyNotBeforeYears: 12 }, file()).destructionReviewOn).toBe('2032-03-06')
  })

  it('a file still kept by 四.1 beyond 10 years is reviewed only once it is due for sealing', () => {
    expect(retentionSchedule(FAW, file({ visitDates: ['2029-11-20'] })).destructionReviewOn).toBe('2034-11-21')
  })

  it('a destroyed file is not listed again; a sealed one is listed for review but not for sealing', () => {
    const files = [
      file({ fileId: 'a', stage: 'destroyed' }),
      file({ fileId: 'b', stage: 'sealed' }),
      file({ fileId: 'c' })
    ]
    expect(filesDueForDestructionReview(FAW, files, '2031-01-01').map((f) => f.fileId)).toEqual(['b', 'c'])
    expect(filesDueForSealing(FAW, files, '2031-01-01').map((f) => f.fileId)).toEqual(['c'])
  })
})

describe('SVW-Skoda sets no period', () => {
  it('nothing is sealed by age, even 20 years on; destruction review still after the legal 10 years', () => {
    const old = file({ createdOn: '2006-05-01', visitDates: ['2007-01-01'] })
    const s = retentionSchedule(SVW, old)
    expect(s.sealDueOn).toBeNull()
    expect(s.sealBasis).toBe('no_period')
    expect(filesDueForSealing(SVW, [old], '2026-11-30')).toEqual([])
    expect(s.destructionReviewOn).toBe('2016-05-02')
  })
})

describe('lists and input', () => {
  it('lists the due files earliest first', () => {
    const files = [
      file({ fileId: 'late', visitDates: ['2021-01-01'] }),
      file({ fileId: 'early' }),
      file({ fileId: 'not-yet', createdOn: '2024-01-01' })
    ]
    expect(filesDueForSealing(FAW, files, '2026-11-30').map((f) => [f.fileId, f.sealDueOn])).toEqual([
      ['early', '2025-03-06'],
      ['late', '2026-01-02']
    ])
  })

  it('refuses a date that is not a real calendar date, with the file and the value', () => {
    expect(() => retentionSchedule(FAW, file({ createdOn: '2023-02-29' }))).toThrow(
      expect.objectContaining({
        code: 'RETENTION_CREATED_ON_INVALID',
        message: '档案 LFV2A21K5M3123456 的建档日期“2023-02-29”不是有效日期（应为 年-月-日）',
        details: { fileId: 'LFV2A21K5M3123456', value: '2023-02-29' }
      })
    )
    expect(() => retentionSchedule(FAW, file({ visitDates: ['2023/1/5'] }))).toThrow(
      expect.objectContaining({
        code: 'RETENTION_VISIT_DATE_INVALID',
        message: '档案 LFV2A21K5M3123456 的维修保养日期“2023/1/5”不是有效日期（应为 年-月-日）',
        details: { fileId: 'LFV2A21K5M3123456', value: '2023/1/5' }
      })
    )
    expect(() => filesDueForSealing(FAW, [file()], '2026-13-01')).toThrow(
      expect.objectContaining({
        code: 'RETENTION_ON_DATE_INVALID',
        message: '查询日期“2026-13-01”不是有效日期（应为 年-月-日）',
        details: { value: '2026-13-01' }
      })
    )
  })
})

describe('policies shaped otherwise (a third dealership needs no code change)', () => {
  it('only a period after the last visit (no dormancy clause): a visited file is sealed at last visit + N, an unvisited one never by age', () => {
    const afterServiceOnly: RetentionPolicy = { ...FAW, dormancy: null }
    const visited = retentionSchedule(afterServiceOnly, file({ visitDates: ['2022-08-08'] }))
    expect([visited.sealDueOn, visited.sealBasis]).toEqual(['2027-08-09', 'after_last_visit'])
    const never = retentionSchedule(afterServiceOnly, file())
    expect([never.sealDueOn, never.sealBasis]).toEqual([null, 'no_period'])
    expect(never.destructionReviewOn).toBe('2030-03-06')
  })

  it('a short period after the last visit does not seal before the dormancy clause allows', () => {
    const short: RetentionPolicy = { ...FAW, keepYearsAfterLastService: 1 }
    const s = retentionSchedule(short, file({ visitDates: ['2021-01-01'] }))
    expect([s.sealDueOn, s.sealBasis]).toEqual(['2025-03-06', 'dormant_from_creation'])
  })
})
