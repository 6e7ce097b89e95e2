import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { isDomainError } from '@shared/model/domain-error'
import { createRandom, makeVehicleFileForm } from '../../../../tests/fixtures/vehicle-generator'
import type { Session } from '../session'
import { ChedangDatabase } from './database'
import { DexieAuth } from './dexie-auth'
import { createDexieRepositories } from './open-dexie-repositories'

let n = 0
const ADVISOR = {
  name: '王建华',
  role: 'sales_advisor',
  department: 'sales',
  phone: '',
  username: 'wangjianhua',
  password: 'Sales#2026q'
} as const

async function archiveWithAdvisor(now?: () => Date) {
  const db = new ChedangDatabase(`login-session-${++n}`)
  await db.open()
  const clock = now ? { now } : {}
  const auth = new DexieAuth(db, 'pc-front-desk', { iterations: 1000, ...clock })
  const directorSession = await auth.setup({
    dealershipName: '长春一汽大众某某4S店',
    name: '张丽',
    username: 'zhangli',
    password: 'Chedang#2026'
  })
  const director = createDexieRepositories(db, directorSession, { iterations: 1000, ...clock })
  const created = await director.operators.create({ ...ADVISOR })
  return { db, auth, director, advisorAccountId: created.accountId! }
}

/** The advisor's first login: the director's initial password is replaced by one only the advisor knows. */
async function advisorAtWork(auth: DexieAuth): Promise<Session> {
  const { session } = await auth.login(ADVISOR.username, ADVISOR.password)
  await auth.changePassword(session, ADVISOR.password, 'Advisor#7731k')
  return session
}

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work
  } catch (error) {
    if (isDomainError(error)) return error.code
    throw error
  }
  return 'OK'
}

async function messageOf(work: Promise<unknown>): Promise<string> {
  return work.then(
    () => 'OK',
    (error: unknown) => (error as Error).message
  )
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('failed logins', () => {
  it('counts every one of twelve wrong passwords sent at once, and locks the account', async () => {
    const { db, auth, director, advisorAccountId } = await archiveWithAdvisor()
    const codes = await Promise.all(
      Array.from({ length: 12 }, () => codeOf(auth.login(ADVISOR.username, 'Wrong#pass9')))
    )
    expect(codes.every((c) => c === 'LOGIN_FAILED' || c === 'ACCOUNT_LOCKED')).toBe(true)
    const account = await db.accounts.get(advisorAccountId)
    expect(account!.failedAttempts).toBe(12)
    expect(account!.lockedUntil).not.toBeNull()
    expect(await codeOf(auth.login(ADVISOR.username, ADVISOR.password))).toBe('ACCOUNT_LOCKED')
    const failures = await director.auditLog.query({ actions: ['login.failed'] })
    expect(failures.filter((e) => e.entityId === advisorAccountId)).toHaveLength(13)
  })

  it('answers an unknown user name with the same sentence and the same key derivation as a wrong password', async () => {
    const { auth } = await archiveWithAdvisor()
    await codeOf(auth.login('nobody.here', 'Wrong#pass9')) // the first unknown name also prepares the stand-in hash
    const derive = vi.spyOn(crypto.subtle, 'deriveBits')
    const unknown = await messageOf(auth.login('nobody.else', 'Wrong#pass9'))
    const unknownRuns = derive.mock.calls.map(([params]) => (params as Pbkdf2Params).iterations)
    derive.mockClear()
    const wrong = await messageOf(auth.login(ADVISOR.username, 'Wrong#pass9'))
    const wrongRuns = derive.mock.calls.map(([params]) => (params as Pbkdf2Params).iterations)
    expect(unknown).toBe(wrong)
    expect(unknown).toMatch(/用户名或密码不正确/)
    expect(unknownRuns).toEqual([1000])
    expect(unknownRuns).toEqual(wrongRuns)
  })

  it('does not tell a disabled account apart unless the password is right', async () => {
    const { auth, director, advisorAccountId } = await archiveWithAdvisor()
    const wrongBefore = await messageOf(auth.login(ADVISOR.username, 'Wrong#pass9'))
    await director.operators.setDisabled(advisorAccountId, true)
    expect(await messageOf(auth.login(ADVISOR.username, 'Wrong#pass9'))).toBe(wrongBefore)
    expect(await codeOf(auth.login(ADVISOR.username, ADVISOR.password))).toBe('ACCOUNT_DISABLED')
  })

  it('never writes what was typed into the user-name box for an unknown name', async () => {
    const { db, auth } = await archiveWithAdvisor()
    // Someone types their password into the name box.
    await codeOf(auth.login('Tianyi#Pass2026', 'x'))
    const trail = JSON.stringify(await db.auditEvents.toArray()).toLowerCase()
    expect(trail).not.toContain('tianyi#pass2026')
    expect(trail).toContain('用户名不存在')
  })
})

describe('an open session', () => {
  it('ends at the next action once the director disables the account', async () => {
    const { db, auth, director, advisorAccountId } = await archiveWithAdvisor()
    const advisor = createDexieRepositories(db, await advisorAtWork(auth))
    await director.vehicleFiles.create(makeVehicleFileForm(createRandom(31), 1))
    expect(await advisor.vehicleFiles.count()).toBe(1)
    await director.operators.setDisabled(advisorAccountId, true)
    expect(await codeOf(advisor.vehicleFiles.count())).toBe('SESSION_ENDED')
    expect(await messageOf(advisor.vehicleFiles.listIds())).toMatch(/王建华 的账号已被停用，本次登录已结束/)
    expect(await codeOf(advisor.can('vehicleFile.read'))).toBe('SESSION_ENDED')
  })

  it('ends when the operator’s role is changed, and cannot be unlocked', async () => {
    const { db, auth } = await archiveWithAdvisor()
    const session = await advisorAtWork(auth)
    const advisor = createDexieRepositories(db, session)
    expect(await advisor.vehicleFiles.count()).toBe(0)
    await db.staff.update(session.operator.staffId, { role: 'sales_manager' })
    expect(await codeOf(advisor.vehicleFiles.count())).toBe('SESSION_ENDED')
    expect(await codeOf(auth.unlock(session, 'Advisor#7731k'))).toBe('SESSION_ENDED')
  })
})

describe('passwords that must be changed first', () => {
  it('a password set by the director: the login says so and the data layer refuses everything until it is changed', async () => {
    const { db, auth } = await archiveWithAdvisor()
    const { session, passwordExpired } = await auth.login(ADVISOR.username, ADVISOR.password)
    expect(passwordExpired).toBe(true)
    const advisor = createDexieRepositories(db, session)
    expect(await codeOf(advisor.vehicleFiles.count())).toBe('PASSWORD_CHANGE_REQUIRED')
    expect(await messageOf(advisor.vehicleFiles.search('京A'))).toMatch(/请先修改密码/)
    await auth.changePassword(session, ADVISOR.password, 'Advisor#7731k')
    expect(await advisor.vehicleFiles.count()).toBe(0)
    expect((await auth.login(ADVISOR.username, 'Advisor#7731k')).passwordExpired).toBe(false)
  })

  it('a password reset by the director, and one past the policy’s 30 days, likewise', async () => {
    let clock = new Date('2026-10-01T02:00:00Z')
    const { db, auth, director, advisorAccountId } = await archiveWithAdvisor(() => clock)
    const session = await advisorAtWork(auth)
    const advisor = createDexieRepositories(db, session, { now: () => clock })
    expect(await advisor.vehicleFiles.count()).toBe(0)
    await director.operators.resetPassword(advisorAccountId, 'Reset#2026k')
    expect(await codeOf(advisor.vehicleFiles.count())).toBe('PASSWORD_CHANGE_REQUIRED')
    expect((await auth.login(ADVISOR.username, 'Reset#2026k')).passwordExpired).toBe(true)
    await auth.changePassword(session, 'Reset#2026k', 'Advisor#8842m')
    expect(await advisor.vehicleFiles.count()).toBe(0)
    clock = new Date('2026-11-01T02:00:00Z')
    expect(await codeOf(advisor.vehicleFiles.count())).toBe('PASSWORD_CHANGE_REQUIRED')
    expect((await auth.login(ADVISOR.username, 'Advisor#8842m')).passwordExpired).toBe(true)
  })
})

describe('the lock screen', () => {
  it('counts wrong unlock passwords like wrong logins and locks the account at the limit', async () => {
    const { db, auth, advisorAccountId } = await archiveWithAdvisor()
    const session = await advisorAtWork(auth)
    await auth.lock(session, 'idle')
    for (let i = 1; i <= 4; i++) expect(await codeOf(auth.unlock(session, 'Wrong#pass9'))).toBe('LOGIN_FAILED')
    expect(await codeOf(auth.unlock(session, 'Wrong#pass9'))).toBe('ACCOUNT_LOCKED')
    expect(await codeOf(auth.unlock(session, 'Advisor#7731k'))).toBe('ACCOUNT_LOCKED')
    expect(await codeOf(auth.login(ADVISOR.username, 'Advisor#7731k'))).toBe('ACCOUNT_LOCKED')
    expect((await db.accounts.get(advisorAccountId))!.failedAttempts).toBe(5)
  })

  it('counts a wrong current password on the change-password form like a wrong login', async () => {
    const { db, auth, advisorAccountId } = await archiveWithAdvisor()
    const session = await advisorAtWork(auth)
    for (let i = 1; i <= 4; i++)
      expect(await codeOf(auth.changePassword(session, 'Guess#pass9', 'Advisor#9953n'))).toBe('PASSWORD_WRONG')
    expect(await codeOf(auth.changePassword(session, 'Guess#pass9', 'Advisor#9953n'))).toBe('ACCOUNT_LOCKED')
    expect(await codeOf(auth.changePassword(session, 'Advisor#7731k', 'Advisor#9953n'))).toBe('ACCOUNT_LOCKED')
    expect((await db.accounts.get(advisorAccountId))!.failedAttempts).toBe(5)
  })

  it('says in the audit trail how the screen was locked', async () => {
    const { db, auth } = await archiveWithAdvisor()
    const session = await advisorAtWork(auth)
    await auth.lock(session, 'idle')
    await auth.unlock(session, 'Advisor#7731k')
    await auth.lock(session, 'manual')
    const locks = (await db.auditEvents.toArray())
      .filter((e) => e.action === 'lock')
      .sort((a, b) => a.deviceSeq - b.deviceSeq)
      .map((e) => e.summary)
    expect(locks).toEqual(['王建华 无操作，屏幕已自动锁定', '王建华 锁定屏幕'])
  })
})
