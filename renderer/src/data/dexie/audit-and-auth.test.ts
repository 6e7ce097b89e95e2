import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { isDomainError } from '@shared/model/domain-error'
import { createRandom, makeVehicleFileForm } from '../../../../tests/fixtures/vehicle-generator'
import { ChedangDatabase } from './database'
import { DexieAuth } from './dexie-auth'
import { createDexieRepositories } from './open-dexie-repositories'

let n = 0
async function freshArchive(now?: () => Date) {
  const db = new ChedangDatabase(`audit-auth-${++n}`)
  await db.open()
  const auth = new DexieAuth(db, 'pc-archive-room', { iterations: 1000, ...(now ? { now } : {}) })
  const session = await auth.setup({
    dealershipName: '吉林省长春市某某汽车销售服务有限公司',
    name: '张丽',
    username: 'zhangli',
    password: 'Chedang#2026'
  })
  const repos = createDexieRepositories(db, session, { iterations: 1000, ...(now ? { now } : {}) })
  return { db, auth, session, repos }
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

describe('the audit hash chain', () => {
  it('is intact after ordinary work and names the place where an edited or deleted event breaks it', async () => {
    const { db, repos } = await freshArchive()
    const rnd = createRandom(5)
    for (let i = 1; i <= 4; i++) await repos.vehicleFiles.create(makeVehicleFileForm(rnd, i))
    const intact = await repos.auditLog.verify()
    expect(intact.ok).toBe(true)
    expect(intact.eventsChecked).toBeGreaterThan(6)

    // Someone edits an event directly in the database: the recomputed hash no longer matches.
    const events = (await db.auditEvents.toArray()).sort((a, b) => a.deviceSeq - b.deviceSeq)
    const victim = events.find((e) => e.action === 'create')!
    await db.auditEvents.update(victim.id, { summary: '新建车辆档案 XS2026-99999' })
    const edited = await repos.auditLog.verify()
    expect(edited.ok).toBe(false)
    expect(edited.breaks).toEqual([expect.objectContaining({ reason: 'altered', deviceSeq: victim.deviceSeq })])
    expect(edited.breaks[0]!.message).toContain(`第 ${victim.deviceSeq} 条审计记录`)

    // ...and deletes another: the missing sequence number is reported.
    await db.auditEvents.update(victim.id, { summary: victim.summary })
    const other = events.find((e) => e.deviceSeq === victim.deviceSeq + 2)!
    await db.auditEvents.delete(other.id)
    const deleted = await repos.auditLog.verify()
    expect(deleted.breaks).toEqual([expect.objectContaining({ reason: 'missing', deviceSeq: other.deviceSeq })])
  })

  it('detects the newest event being deleted, using the device’s last sequence number', async () => {
    const { db, repos } = await freshArchive()
    await repos.vehicleFiles.create(makeVehicleFileForm(createRandom(6), 1))
    const last = (await db.auditEvents.toArray()).sort((a, b) => a.deviceSeq - b.deviceSeq).at(-1)
    await db.auditEvents.delete(last!.id)
    const report = await repos.auditLog.verify()
    expect(report.breaks.map((b) => [b.reason, b.deviceSeq])).toContainEqual(['missing', last!.deviceSeq])
  })

  it('is never written to by ordinary commands other than by appending', async () => {
    const { db, repos } = await freshArchive()
    const before = await db.auditEvents.toArray()
    await repos.vehicleFiles.create(makeVehicleFileForm(createRandom(7), 1))
    const after = await db.auditEvents.toArray()
    for (const event of before) expect(after.find((e) => e.id === event.id)).toEqual(event)
  })
})

describe('operators and logins', () => {
  it('lets the first start happen once only', async () => {
    const { auth } = await freshArchive()
    expect(await auth.needsSetup()).toBe(false)
    expect(
      await codeOf(
        auth.setup({ dealershipName: '另一家4S店', name: '李娜', username: 'lina', password: 'Archive#2026' })
      )
    ).toBe('SETUP_DONE')
  })

  it('refuses weak passwords with a Chinese reason for each rule', async () => {
    const { repos } = await freshArchive()
    const attempt = (password: string) =>
      repos.operators
        .create({
          name: '王建华',
          role: 'sales_advisor',
          department: 'sales',
          phone: '13812345678',
          username: 'wangjianhua',
          password
        })
        .catch((e: Error) => e.message)
    expect(await attempt('abc12')).toMatch(/至少 8 位/)
    expect(await attempt('abcdefgh')).toMatch(/字母和数字/)
    expect(await attempt('Wk123456x')).toMatch(/连续/)
    expect(await attempt('wangjianhua9')).toMatch(/用户名/)
    expect(await attempt('王建华Pass2026')).toMatch(/姓名/)
    expect((await repos.operators.list()).map((o) => o.staff.name)).toEqual(['张丽'])
  })

  it('locks an account after repeated failures, logs each one, and unlocks after the lock time', async () => {
    let clock = new Date('2026-11-22T02:00:00Z')
    const { auth, repos } = await freshArchive(() => clock)
    await repos.operators.create({
      name: '陈杰',
      role: 'service_advisor',
      department: 'service',
      phone: '',
      username: 'chenjie',
      password: 'Service#88x'
    })
    for (let i = 1; i <= 4; i++) expect(await codeOf(auth.login('chenjie', 'wrong-pass1'))).toBe('LOGIN_FAILED')
    expect(await codeOf(auth.login('chenjie', 'wrong-pass1'))).toBe('ACCOUNT_LOCKED')
    expect(await codeOf(auth.login('chenjie', 'Service#88x'))).toBe('ACCOUNT_LOCKED')
    const failures = await repos.auditLog.query({ actions: ['login.failed'] })
    expect(failures.length).toBe(6)
    clock = new Date('2026-11-22T02:16:00Z')
    const { session, passwordExpired } = await auth.login('CHENJIE', 'Service#88x')
    expect(session.operator).toMatchObject({ name: '陈杰', role: 'service_advisor' })
    // Still the director's initial password: it must be changed first.
    expect(passwordExpired).toBe(true)
  })

  it('reminds the operator when the password is older than 30 days, and a disabled account cannot log in', async () => {
    let clock = new Date('2026-10-01T02:00:00Z')
    const { auth, repos, session } = await freshArchive(() => clock)
    const created = await repos.operators.create({
      name: '赵静',
      role: 'sales_info_clerk',
      department: 'sales',
      phone: '',
      username: 'zhaojing',
      password: 'Clerk#2026x'
    })
    const clerk = (await auth.login('zhaojing', 'Clerk#2026x')).session
    await auth.changePassword(clerk, 'Clerk#2026x', 'Clerk#8842m')
    expect((await auth.login('zhaojing', 'Clerk#8842m')).passwordExpired).toBe(false)
    clock = new Date('2026-11-01T02:00:00Z')
    expect((await auth.login('zhaojing', 'Clerk#8842m')).passwordExpired).toBe(true)
    // The director's own password is as old: changed first, before managing accounts.
    expect((await auth.login('zhangli', 'Chedang#2026')).passwordExpired).toBe(true)
    await auth.changePassword(session, 'Chedang#2026', 'Director#77k')
    await repos.operators.setDisabled(created.accountId!, true)
    expect(await codeOf(auth.login('zhaojing', 'Clerk#8842m'))).toBe('ACCOUNT_DISABLED')
  })

  it('never stores a password in clear and changes it only with the current one', async () => {
    const { db, auth, session } = await freshArchive()
    const account = await db.accounts.get(session.operator.accountId)
    expect(account!.passwordHash).toMatch(/^pbkdf2-sha256\$1000\$/)
    expect(JSON.stringify(await db.auditEvents.toArray())).not.toContain('Chedang#2026')
    expect(await codeOf(auth.changePassword(session, 'nope', 'Director#77k'))).toBe('PASSWORD_WRONG')
    await auth.changePassword(session, 'Chedang#2026', 'Director#77k')
    expect(await codeOf(auth.login('zhangli', 'Chedang#2026'))).toBe('LOGIN_FAILED')
    expect((await auth.login('zhangli', 'Director#77k')).session.operator.name).toBe('张丽')
  })
})
