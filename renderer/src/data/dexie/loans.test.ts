import 'fake-indexeddb/auto'
import { beforeAll, describe, expect, it } from 'vitest'
import { isDomainError } from '@shared/model/domain-error'
import type { NewLoanInput } from '@shared/loans/loan-record'
import type { VehicleFile } from '@shared/vehicle/vehicle-file'
import { createRandom, makeVehicleFileForm } from '../../../../tests/fixtures/vehicle-generator'
import type { Repositories } from '../repositories'
import { ChedangDatabase } from './database'
import { DexieAuth } from './dexie-auth'
import { createDexieRepositories } from './open-dexie-repositories'

// The loan register as the archive manager keeps it: lending, refusals that write nothing, the return
// counted, lateness and lost files, and the file's page telling who has it.

let db: ChedangDatabase
let clock = new Date('2026-03-09T02:00:00Z')
const now = () => clock
let director: Repositories
let advisor: Repositories
let files: VehicleFile[]

const staffLoan = (fileIds: string[], overrides: Partial<NewLoanInput> = {}): NewLoanInput => ({
  borrower: { kind: 'staff', operatorId: '', name: '王建华', department: '销售部' },
  files: fileIds.map((fileId) => ({ fileId, pieces: 3 })),
  purpose: '客户投诉核对合同',
  mode: 'take_out',
  takeOutReason: '到展厅与客户当面核对',
  approvals: [{ approverTitle: '部门负责人', approvedBy: '李华' }],
  outOn: '2026-03-09',
  ...overrides
})

async function refusal(
  p: Promise<unknown>
): Promise<{ code: string; message: string; details: Record<string, string> }> {
  const error = await p.then(
    () => null,
    (e: unknown) => e
  )
  if (!isDomainError(error)) throw new Error(`expected a refusal, got ${String(error)}`)
  return { code: error.code, message: error.message, details: { ...error.details } }
}

const loanEvents = async () =>
  (await director.auditLog.query({ actions: ['loan.lend', 'loan.return'], limit: 1000 })).length

beforeAll(async () => {
  db = new ChedangDatabase('loans-register')
  await db.open()
  const auth = new DexieAuth(db, 'pc-archive-room', { iterations: 1000, now })
  const session = await auth.setup({
    dealershipName: '长春一汽大众某某4S店',
    name: '张丽',
    username: 'zhangli',
    password: 'Chedang#2026'
  })
  director = createDexieRepositories(db, session, { iterations: 1000, now })
  await director.operators.create({
    name: '王建华',
    role: 'sales_advisor',
    department: 'sales',
    phone: '',
    username: 'wangjianhua',
    password: 'Initial#2026'
  })
  const login = await auth.login('wangjianhua', 'Initial#2026')
  await auth.changePassword(login.session, 'Initial#2026', 'Personal#8842')
  advisor = createDexieRepositories(db, login.session, { iterations: 1000, now })
  const rnd = createRandom(1212)
  files = []
  for (let i = 1; i <= 4; i++) files.push(await director.vehicleFiles.create(makeVehicleFileForm(rnd, i)))
})

describe('the loan register', () => {
  it('lends a file for three days, shows who has it, and refuses to lend it again while it is out', async () => {
    const loan = await director.loans.lend(staffLoan([files[0]!.id]))
    expect(loan).toMatchObject({ status: 'out', outOn: '2026-03-09', dueOn: '2026-03-12', mode: 'take_out' })
    expect(loan.number).toMatch(/^JY20260309-001$/)
    expect(await director.loans.onLoan(files[0]!.id)).toMatchObject({ borrowerName: '王建华', outOn: '2026-03-09' })
    expect(await director.loans.onLoan(files[1]!.id)).toBeNull()

    const before = await loanEvents()
    const again = await refusal(
      director.loans.lend(
        staffLoan([files[1]!.id, files[0]!.id], {
          borrower: { kind: 'staff', operatorId: '', name: '赵强', department: '服务部' }
        })
      )
    )
    expect(again.code).toBe('LOAN_FILE_ALREADY_OUT')
    expect(again.message).toBe(`档案 ${files[0]!.archiveNo} 已于 2026-03-09 借给王建华，尚未归还`)
    // Nothing written: the other file is not out, no event, the register holds one loan.
    expect(await director.loans.onLoan(files[1]!.id)).toBeNull()
    expect(await loanEvents()).toBe(before)
    expect(await director.loans.register()).toHaveLength(1)
  })

  it('refuses an outsider without an introduction letter, and a loan without the approver the policy names', async () => {
    const outsider = await refusal(
      director.loans.lend(
        staffLoan([files[1]!.id], {
          borrower: { kind: 'outsider', name: '孙立', organisation: '长春市公安局', documents: ['id_document'] },
          approvals: [
            { approverTitle: '负责人', approvedBy: '吴刚' },
            { approverTitle: '经理', approvedBy: '张丽' }
          ]
        })
      )
    )
    expect(outsider).toMatchObject({
      code: 'LOAN_INTRODUCTION_LETTER_MISSING',
      message: '外单位借阅人孙立须持单位介绍信'
    })
    const unapproved = await refusal(director.loans.lend(staffLoan([files[1]!.id], { approvals: [] })))
    expect(unapproved).toMatchObject({ code: 'LOAN_APPROVAL_MISSING', details: { approver: '部门负责人' } })
    expect(await director.loans.onLoan(files[1]!.id)).toBeNull()
  })

  it('keeps a 机密 file in the room and asks for the manager’s approval too', async () => {
    await director.vehicleFiles.setSecrecy(files[2]!.id, 'confidential', '涉及诉讼')
    const missing = await refusal(director.loans.lend(staffLoan([files[2]!.id])))
    expect(missing).toMatchObject({ code: 'LOAN_APPROVAL_MISSING', details: { approver: '经理' } })
    const loan = await director.loans.lend(
      staffLoan([files[2]!.id], {
        approvals: [
          { approverTitle: '部门负责人', approvedBy: '李华' },
          { approverTitle: '经理', approvedBy: '张丽' }
        ]
      })
    )
    expect(loan).toMatchObject({ mode: 'in_room', dueOn: '2026-03-09', takeOutReason: null })
  })

  it('flags a loan past its due date, records the late return as a violation, and frees the file', async () => {
    const [open] = await director.loans
      .register({ status: 'out', borrower: '王建华' })
      .then((views) => views.filter((v) => v.loan.fileIds.includes(files[0]!.id)))
    clock = new Date('2026-03-16T02:00:00Z')
    const overdue = await director.loans.overdue()
    expect(overdue.map((v) => [v.loan.id, v.daysOverdue])).toContainEqual([open!.loan.id, 4])
    const returned = await director.loans.returnFiles(open!.loan.id, {
      returnedOn: '2026-03-16',
      files: [{ fileId: files[0]!.id, piecesCounted: 3, condition: 'intact' }]
    })
    expect(returned).toMatchObject({ status: 'returned', daysLate: 4, violation: true, returnedOn: '2026-03-16' })
    expect(await director.loans.onLoan(files[0]!.id)).toBeNull()
    expect((await director.loans.overdue()).map((v) => v.loan.id)).not.toContain(open!.loan.id)
    const twice = await refusal(
      director.loans.returnFiles(open!.loan.id, {
        returnedOn: '2026-03-16',
        files: [{ fileId: files[0]!.id, piecesCounted: 3, condition: 'intact' }]
      })
    )
    expect(twice.code).toBe('LOAN_ALREADY_RETURNED')
    const sheet = await director.loans.registerSheet({ status: 'returned' })
    expect(sheet.rows[0]).toMatchObject({ daysOverdue: 4, conditionText: '完好', archiveNos: files[0]!.archiveNo })
  })

  it('refuses a short count recorded as intact, and proposes the lost-file fine under SVW-Skoda 五.7', async () => {
    await director.policies.adoptPreset('svw-skoda', '上汽大众斯柯达档案管理制度')
    const loan = await director.loans.lend(staffLoan([files[3]!.id], { outOn: '2026-03-16' }))
    const short = await refusal(
      director.loans.returnFiles(loan.id, {
        returnedOn: '2026-03-17',
        files: [{ fileId: files[3]!.id, piecesCounted: 2, condition: 'intact' }]
      })
    )
    expect(short.code).toBe('LOAN_RETURN_COUNT_MISMATCH')
    expect((await director.loans.get(loan.id))!.loan.status).toBe('out')
    await director.loans.returnFiles(loan.id, {
      returnedOn: '2026-03-17',
      files: [{ fileId: files[3]!.id, piecesCounted: 2, condition: 'lost' }]
    })
    const proposals = await director.loans.fineProposals()
    expect(proposals).toHaveLength(1)
    expect(proposals[0]).toMatchObject({
      loanNumber: loan.number,
      archiveNumber: files[3]!.archiveNo,
      condition: 'lost',
      borrowerName: '王建华'
    })
    expect(JSON.stringify(proposals[0]!.penalty)).toContain('20')
  })

  it('refuses the register and lending to an advisor without 办理档案借阅, and logs the refusal', async () => {
    for (const attempt of [advisor.loans.register(), advisor.loans.lend(staffLoan([files[1]!.id]))]) {
      const refused = await refusal(attempt)
      expect(refused.code).toBe('PERMISSION_DENIED')
      expect(refused.message).toContain('办理档案借阅')
    }
    const denied = await director.auditLog.query({ actions: ['access.denied'], actorId: advisor.operator.accountId })
    expect(denied.length).toBeGreaterThanOrEqual(2)
  })

  it('finds a file by its scanned cover code only for one who may see it', async () => {
    expect(await director.folders.findByCode(` ${files[2]!.archiveNo}\n`)).toEqual({ fileId: files[2]!.id })
    // The advisor may not see 机密 files: the code is "not found", exactly like a code that names nothing.
    expect(await advisor.folders.findByCode(files[2]!.archiveNo)).toBeNull()
    expect(await advisor.folders.findByCode('NO-SUCH-CODE')).toBeNull()
    expect(await advisor.folders.findByCode(files[1]!.archiveNo)).toEqual({ fileId: files[1]!.id })
    const cover = await director.folders.cover(files[1]!.id)
    expect(cover).toMatchObject({ archiveNo: files[1]!.archiveNo, code: files[1]!.archiveNo, vin: files[1]!.vin })
    const owner = [...files[1]!.ownerName]
    expect(cover.ownerName).not.toBe(files[1]!.ownerName)
    expect(cover.ownerName.startsWith(owner[0]!)).toBe(true)
    expect(cover.ownerName).toContain('*')
    expect(cover.checklist.length).toBeGreaterThan(5)
  })
})
