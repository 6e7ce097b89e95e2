import { describe, expect, it } from 'vitest'
import { FAW_VW_PRESET } from '../../policy/presets/faw-vw'
import { RULES } from '../rule-registry'
import { buildArchiveFacts } from '../archive-facts'
import { evaluateArchive, findCheckResult } from '../evaluate-archive'
import { allManualChecksPassed, FAW_VW_SERVICE_EXAMPLE, withFacts } from '../../../tests/fixtures/example-archives'
import type { SignatureEntry } from '../fact-value'

// FAW-VW 救援单: leaders sign a rescue during working hours (preset: 08:30–17:30, every day).
const BOTH: SignatureEntry[] = [{ role: 'service_manager' }, { role: 'service_director' }]
const check = (rescueAt: string, signatures: SignatureEntry[]) =>
  findCheckResult(
    evaluateArchive(
      FAW_VW_PRESET,
      withFacts(FAW_VW_SERVICE_EXAMPLE, { 'rescue.rescueAt': rescueAt, 'rescue.signatures': signatures }),
      allManualChecksPassed(FAW_VW_PRESET.archiveTemplates.service)
    ),
    'rescue-leaders-signed'
  )

describe('rescue: leaders sign during working hours', () => {
  it('during working hours both leaders must have signed', () => {
    expect(check('2026-03-05 10:15', BOTH)?.status).toBe('pass')
    const missing = check('2026-03-05 10:15', [{ role: 'service_manager' }])
    expect(missing?.status).toBe('fail')
    expect(missing?.message).toBe(
      '《救援单》救援时间 2026-03-05 10:15 在上班期间（工作时间 08:30–17:30），缺少服务总监签字'
    )
  })

  it('counts 08:30 as working time and 17:30 as after hours', () => {
    expect(check('2026-03-05 08:30', [])?.status).toBe('fail')
    expect(check('2026-03-05 08:29', [])?.status).toBe('not_applicable')
    expect(check('2026-03-05 17:29', [])?.status).toBe('fail')
    const after = check('2026-03-05 17:30', [])
    expect(after?.status).toBe('not_applicable')
    expect(after?.message).toBe(
      '《救援单》救援时间 2026-03-05 17:30（周四）在下班时间（工作时间 08:30–17:30），服务经理、服务总监无需签字'
    )
  })

  it('needs both the date and the time of the rescue', () => {
    expect(check('2026-03-05', BOTH)?.status).toBe('fail')
  })

  it('takes working days from the policy: Sunday is off when the week is Monday–Friday', () => {
    const template = FAW_VW_PRESET.archiveTemplates.service
    const facts = buildArchiveFacts(
      template,
      withFacts(FAW_VW_SERVICE_EXAMPLE, { 'rescue.rescueAt': '2026-03-08 10:00', 'rescue.signatures': [] })
    )
    const params = {
      when: 'rescue.rescueAt',
      signatures: 'rescue.signatures',
      roles: ['service_manager'],
      workStart: '08:30',
      workEnd: '17:30'
    }
    expect(
      RULES['leaders-sign-in-working-hours']?.evaluate(facts, { ...params, workdays: [1, 2, 3, 4, 5] }).status
    ).toBe('not_applicable')
    expect(RULES['leaders-sign-in-working-hours']?.evaluate(facts, params).status).toBe('fail')
  })
})

describe('rescue rule parameters in a policy', () => {
  const schema = RULES['leaders-sign-in-working-hours']!.paramsSchema
  const base = { when: 'rescue.rescueAt', signatures: 'rescue.signatures', roles: ['service_manager'] }

  it('refuses working hours that end when or before they start', () => {
    for (const [workStart, workEnd] of [
      ['17:30', '08:30'],
      ['08:30', '08:30']
    ]) {
      const result = schema.safeParse({ ...base, workStart, workEnd })
      expect(result.success, `${workStart}–${workEnd}`).toBe(false)
      expect(result.error?.issues.map((i) => i.message)).toEqual(['上班时间应早于下班时间'])
    }
    expect(schema.safeParse({ ...base, workStart: '08:30', workEnd: '08:31' }).success).toBe(true)
  })
})

describe('rescue: what the leaders item says', () => {
  it('names both leaders when they signed during working hours', () => {
    expect(check('2026-03-05 10:15', BOTH)?.message).toBe('上班期间救援，服务经理、服务总监已签字')
  })

  it('asks for both the date and the time of the rescue, quoting what was written', () => {
    expect(check('2026-03-05', BOTH)?.message).toBe('《救援单》救援时间“2026-03-05”须写明日期和时间')
    expect(check('10:15', BOTH)?.message).toBe('《救援单》救援时间“10:15”须写明日期和时间')
  })

  it('waits for the signatures of a rescue during working hours, and for the rescue time', () => {
    expect(check('2026-03-05 10:15', undefined as unknown as SignatureEntry[])).toMatchObject({
      status: 'incomplete',
      message: '尚未录入：《救援单》领导签字'
    })
    expect(check(undefined as unknown as string, BOTH)).toMatchObject({
      status: 'incomplete',
      message: '尚未录入：《救援单》救援时间'
    })
  })
})
