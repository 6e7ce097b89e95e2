import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { isDomainError } from '@shared/model/domain-error'
import { ROLE_DEPARTMENT } from '@shared/operators/roles'
import { computeDeadline } from '@shared/deadlines/compute-deadline'
import { chinaDateTimeText } from '@shared/time'
import { firstLogin } from '../../../../tests/fixtures/first-login'
import { ChedangDatabase } from './database'
import { DexieAuth } from './dexie-auth'
import { createDexieRepositories } from './open-dexie-repositories'

// FAW-VW 五(二)4(1)/4(2) 「每天」: the service hand-in counts the service department's own days, edited in Settings.

let n = 0
async function dealership() {
  const db = new ChedangDatabase(`service-days-${++n}`)
  await db.open()
  const auth = new DexieAuth(db, 'pc-archive-room', { iterations: 1000 })
  const session = await auth.setup({
    dealershipName: '长春一汽大众某某4S店',
    name: '张丽',
    username: 'zhangli',
    password: 'Chedang#2026'
  })
  return { db, auth, director: createDexieRepositories(db, session, { iterations: 1000 }) }
}

describe('the service-day calendar in Settings', () => {
  it('a closed service day moves the FAW-VW 10:00 hand-in to the next service day, and is audited', async () => {
    const { db, director } = await dealership()
    const rule = (await director.policies.active()).deadlines.serviceHandIn[0]!.rule
    const saturday = '2026-11-21T08:00:00.000Z'
    expect(chinaDateTimeText(computeDeadline(rule, saturday, await director.policies.calendar()))).toBe(
      '2026-11-22 10:00'
    )
    await director.policies.saveServiceDayOverrides([{ date: '2026-11-22', kind: 'closed', note: '年度盘点' }])
    expect(await director.policies.serviceDayOverrides()).toEqual([
      { date: '2026-11-22', kind: 'closed', note: '年度盘点' }
    ])
    const calendar = await director.policies.calendar()
    expect(chinaDateTimeText(computeDeadline(rule, saturday, calendar))).toBe('2026-11-23 10:00')
    // The working-day adjustments are a different list: the sales side is untouched.
    expect(await director.policies.calendarOverrides()).toEqual([])
    const events = await db.auditEvents.toArray()
    expect(events.map((e) => e.summary)).toContain('修改本店服务日（服务部停业/营业日）')
  })

  it('refuses a closure without a reason in Chinese and keeps the list as it was', async () => {
    const { director } = await dealership()
    const refused = await director.policies
      .saveServiceDayOverrides([{ date: '2026-11-22', kind: 'closed', note: '' }])
      .catch((e: unknown) => e)
    expect(isDomainError(refused) && refused.code).toBe('CALENDAR_OVERRIDE_INVALID')
    expect(isDomainError(refused) && refused.message).toBe('请填写原因，如“国庆值班”')
    expect(await director.policies.serviceDayOverrides()).toEqual([])
  })

  it('refuses an operator without 制度管理 and writes nothing', async () => {
    const { db, auth, director } = await dealership()
    const created = await director.operators.create({
      name: '陈杰',
      role: 'service_advisor',
      department: ROLE_DEPARTMENT.service_advisor,
      phone: '',
      username: 'chenjie',
      password: 'Archive#2026'
    })
    const advisor = createDexieRepositories(db, await firstLogin(auth, created.username!, 'Archive#2026'), {
      iterations: 1000
    })
    const refused = await advisor.policies
      .saveServiceDayOverrides([{ date: '2026-11-22', kind: 'closed', note: '年度盘点' }])
      .catch((e: unknown) => e)
    expect(isDomainError(refused) && refused.code).toBe('PERMISSION_DENIED')
    expect(await director.policies.serviceDayOverrides()).toEqual([])
  })
})
