import { describe, expect, it } from 'vitest'
import { FAW_VW_PRESET } from '../../policy/presets/faw-vw'
import { policyDocument } from '../policy-document'
import { RULES } from '../rule-registry'
import { evaluateArchive, findCheckResult } from '../evaluate-archive'
import { allManualChecksPassed, FAW_VW_SERVICE_EXAMPLE, withFacts } from '../../../tests/fixtures/example-archives'
import type { SignatureEntry } from '../fact-value'
import { DEFAULT_RULE_CONTEXT, ruleContextOf } from '../rule-context'
import type { RuleContext } from '../rule-context'

// FAW-VW 五(二)2(7)《救援单》: 「如果下班以后服务经理和服务总监不用签字，上班期间救援必须要有相关领导签字。」
// The text gives no hours: they are the dealership's setting (default 08:30–17:30, every day).
const BOTH: SignatureEntry[] = [{ role: 'service_manager' }, { role: 'service_director' }]
const check = (rescueAt: string, signatures: SignatureEntry[], context: RuleContext = DEFAULT_RULE_CONTEXT) =>
  findCheckResult(
    evaluateArchive(
      FAW_VW_PRESET,
      withFacts(FAW_VW_SERVICE_EXAMPLE, { 'rescue.rescueAt': rescueAt, 'rescue.signatures': signatures }),
      allManualChecksPassed(FAW_VW_PRESET.archiveTemplates.service),
      context
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
})

describe('rescue: the working hours are the dealership setting', () => {
  const hours = (rescueWorkStart: string, rescueWorkEnd: string, rescueWorkdays = [1, 2, 3, 4, 5, 6, 7]) =>
    ruleContextOf({ rescueWorkStart, rescueWorkEnd, rescueWorkdays })

  it('a rescue at 08:00 without signatures passes when work starts at 08:30 and fails when it starts at 08:00', () => {
    expect(check('2026-03-05 08:00', [], hours('08:30', '17:30'))?.status).toBe('not_applicable')
    const early = check('2026-03-05 08:00', [], hours('08:00', '17:00'))
    expect(early?.status).toBe('fail')
    expect(early?.message).toBe(
      '《救援单》救援时间 2026-03-05 08:00 在上班期间（工作时间 08:00–17:00），缺少服务经理、服务总监签字'
    )
    expect(check('2026-03-05 17:15', [], hours('08:00', '17:00'))?.status).toBe('not_applicable')
  })

  it('takes the working weekdays from the setting: a Sunday rescue is after hours when the week is Monday–Friday', () => {
    expect(check('2026-03-08 10:00', [], hours('08:30', '17:30', [1, 2, 3, 4, 5]))?.message).toBe(
      '《救援单》救援时间 2026-03-08 10:00（周日）在下班时间（工作时间 08:30–17:30），服务经理、服务总监无需签字'
    )
    expect(check('2026-03-08 10:00', [], hours('08:30', '17:30'))?.status).toBe('fail')
  })
})

describe('rescue rule parameters in a policy', () => {
  const schema = RULES['leaders-sign-in-working-hours']!.paramsSchema
  const base = { when: 'rescue.rescueAt', signatures: 'rescue.signatures', roles: ['service_manager'] }

  it('no longer takes working hours from the policy', () => {
    expect(schema.safeParse(base).success).toBe(true)
    expect(schema.safeParse({ ...base, workStart: '08:30', workEnd: '17:30' }).success).toBe(false)
  })

  it('a policy stored with the hours as parameters loads without them and judges by the setting', () => {
    const stored = JSON.parse(JSON.stringify(FAW_VW_PRESET)) as {
      archiveTemplates: { service: { documents: { checks: { code: string; params?: object }[] }[] } }
    }
    const rescue = stored.archiveTemplates.service.documents
      .flatMap((d) => d.checks)
      .find((c) => c.code === 'rescue-leaders-signed')!
    rescue.params = { ...rescue.params, workStart: '07:00', workEnd: '20:00', workdays: [1, 2, 3, 4, 5] }
    const loaded = policyDocument.read(JSON.stringify(stored))
    const params = loaded.archiveTemplates.service.documents
      .flatMap((d) => d.checks)
      .find((c) => c.code === 'rescue-leaders-signed')
    expect(params?.mode === 'auto' ? params.params : undefined).toEqual({
      when: 'rescue.rescueAt',
      signatures: 'rescue.signatures',
      roles: ['service_manager', 'service_director']
    })
    const judged = findCheckResult(
      evaluateArchive(
        loaded,
        withFacts(FAW_VW_SERVICE_EXAMPLE, { 'rescue.rescueAt': '2026-03-05 07:30', 'rescue.signatures': [] }),
        allManualChecksPassed(loaded.archiveTemplates.service),
        DEFAULT_RULE_CONTEXT
      ),
      'rescue-leaders-signed'
    )
    expect(judged?.status).toBe('not_applicable')
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
