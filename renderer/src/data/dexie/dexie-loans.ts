import { DomainError } from '@shared/model/domain-error'
import type { PrintStamp } from '@shared/audit/print-record'
import type { LoanFile, ReturnedFile } from '@shared/loans'
import { overdueLoans } from '@shared/loans'
import type { LoanRecord, NewLoanInput } from '@shared/loans/loan-record'
import {
  lendStep,
  loanCounterId,
  loanDaysOverdue,
  loanNumber,
  openLoansOf,
  returnStep
} from '@shared/loans/loan-record'
import type { LoanFileLine, LoanRegisterContent, LoanSlipContent } from '@shared/loans/loan-sheets'
import {
  buildLoanSlip,
  LOAN_REGISTER_TITLE,
  loanRegisterPrintEntry,
  loanRegisterRow,
  loanSlipPrintEntry
} from '@shared/loans/loan-sheets'
import { newSyncMeta } from '@shared/model/sync-meta'
import type { Policy } from '@shared/policy'
import { chinaDate } from '@shared/time/china-date'
import type { VehicleFile } from '@shared/vehicle/vehicle-file'
import type { LoanFilter, LoanFineProposal, LoanPrintRequest, Loans, LoanView } from '../repositories'
import { actorOf } from '../session'
import type { AccessGuard } from './access-guard'
import { appendAuditEvent, recordAuditEvent } from './audit-writer'
import type { ChedangDatabase } from './database'
import type { DexiePolicies } from './dexie-policies'
import { readDealershipSettings } from './dexie-settings'
import { FileAccessGate } from './file-access-gate'

const WITHHELD_ARCHIVE_NO = '—'

/** The register of loans: loads rows and files, asks shared/loans, writes the row and its audit event together. */
export class DexieLoans implements Loans {
  private readonly gate: FileAccessGate

  constructor(
    private readonly db: ChedangDatabase,
    private readonly guard: AccessGuard,
    private readonly policies: DexiePolicies,
    private readonly now: () => Date
  ) {
    this.gate = new FileAccessGate(db, guard, now)
  }

  private get actor() {
    return actorOf(this.guard.session)
  }

  private today(): string {
    return chinaDate(this.now())
  }

  private async loadLoan(id: string): Promise<LoanRecord> {
    const loan = await this.db.loans.get(id)
    if (!loan || loan.deletedAt) throw new DomainError('LOAN_NOT_FOUND', '找不到该借阅记录')
    return loan
  }

  /** The files of a loan opened one by one (refused, and logged, when the operator may not see one). */
  private async openFiles(ids: readonly string[], what: string): Promise<VehicleFile[]> {
    const files = await this.db.vehicleFiles.bulkGet([...ids])
    const opened: VehicleFile[] = []
    for (const file of files) {
      if (!file || file.deletedAt) throw new DomainError('LOAN_FILE_NOT_FOUND', '找不到要借阅的档案')
      opened.push(await this.gate.open(file, what))
    }
    return opened
  }

  private loanFiles(loan: Pick<LoanRecord, 'lines'>, files: readonly VehicleFile[]): LoanFile[] {
    return loan.lines.map((line, i) => ({
      fileId: line.fileId,
      archiveNumber: files[i]!.archiveNo,
      secrecy: files[i]!.secrecy,
      pieces: line.pieces,
      staysInRoom: line.staysInRoom
    }))
  }

  private policyOf(loan: Pick<LoanRecord, 'policyId' | 'policyVersion'>): Promise<Policy> {
    return this.policies.getVersion(loan.policyId, loan.policyVersion).then((policy) => {
      if (!policy)
        throw new DomainError('POLICY_MISSING', `档案所依据的制度（第 ${loan.policyVersion} 版）不存在`, {
          version: String(loan.policyVersion)
        })
      return policy
    })
  }

  async lend(input: NewLoanInput): Promise<LoanRecord> {
    await this.guard.require('loan.manage')
    const ids = input.files.map((f) => f.fileId)
    const files = await this.openFiles(ids, '借阅档案')
    for (const file of files) {
      if (file.status === 'destroyed')
        throw new DomainError('LOAN_FILE_DESTROYED', `档案 ${file.archiveNo} 已销毁，不能借阅`, {
          archiveNumber: file.archiveNo
        })
    }
    const loanFiles: LoanFile[] = input.files.map((f, i) => ({
      fileId: f.fileId,
      archiveNumber: files[i]!.archiveNo,
      secrecy: files[i]!.secrecy,
      pieces: f.pieces,
      staysInRoom: f.staysInRoom === true
    }))
    const policy = await this.policies.active()
    const at = this.now()
    const stamp = at.toISOString()
    const { db } = this
    return db.transaction('rw', [db.loans, db.counters, db.auditEvents], async () => {
      // Read inside the transaction, so two lendings of one file cannot both pass the check.
      const open = openLoansOf(await db.loans.where('fileIds').anyOf(ids).toArray())
      const counterId = loanCounterId(at)
      const seq = ((await db.counters.get(counterId))?.value ?? 0) + 1
      const { record, audit } = lendStep(
        policy,
        input,
        loanFiles,
        open,
        { id: crypto.randomUUID(), number: loanNumber(at, seq) },
        this.actor,
        stamp
      )
      const counter = await db.counters.get(counterId)
      if (counter)
        await db.counters.update(counterId, {
          value: seq,
          rev: counter.rev + 1,
          updatedAt: stamp,
          updatedBy: this.actor.operatorId
        })
      else await db.counters.add({ ...newSyncMeta(counterId, this.actor, stamp), value: seq })
      await db.loans.add(record)
      await appendAuditEvent(db, this.actor, audit, stamp)
      return record
    })
  }

  async returnFiles(
    loanId: string,
    returned: { returnedOn: string; files: readonly ReturnedFile[] }
  ): Promise<LoanRecord> {
    await this.guard.require('loan.manage')
    const current = await this.loadLoan(loanId)
    const files = await this.openFiles(current.fileIds, '归还借阅档案')
    const policy = await this.policyOf(current)
    const stamp = this.now().toISOString()
    const { db } = this
    return db.transaction('rw', [db.loans, db.counters, db.auditEvents], async () => {
      const loan = await this.loadLoan(loanId)
      const { record, audit } = returnStep(policy, loan, this.loanFiles(loan, files), returned, this.actor, stamp)
      await db.loans.put(record)
      await appendAuditEvent(db, this.actor, audit, stamp)
      return record
    })
  }

  /** Loans with their files as a list shows them: a hidden file withheld in its line; a loan of hidden files only left out. */
  private async views(loans: readonly LoanRecord[]): Promise<LoanView[]> {
    const ids = [...new Set(loans.flatMap((l) => l.fileIds))]
    const listed = await this.gate.listed(await this.db.vehicleFiles.bulkGet(ids))
    const byId = new Map(ids.map((id, i) => [id, listed[i] ?? null]))
    const today = this.today()
    return loans.flatMap((loan) => {
      const files = loan.lines.map((line) => lineOf(line, byId.get(line.fileId) ?? null))
      if (!files.some((f) => f.visible)) return []
      return [{ loan, files, daysOverdue: loanDaysOverdue(loan, today) }]
    })
  }

  async get(loanId: string): Promise<LoanView | undefined> {
    await this.guard.require('loan.manage')
    const loan = await this.db.loans.get(loanId)
    if (!loan || loan.deletedAt) return undefined
    const [view] = await this.views([loan])
    return view
  }

  async register(filter: LoanFilter = {}): Promise<LoanView[]> {
    await this.guard.require('loan.manage')
    const today = this.today()
    const needle = filter.borrower?.trim() ?? ''
    let loans = (await this.db.loans.orderBy('outOn').reverse().toArray()).filter((l) => l.deletedAt === null)
    if (filter.status === 'overdue') {
      const byId = new Map(loans.map((l) => [l.id, l]))
      loans = overdueLoans(
        loans.map((l) => ({ loanId: l.id, dueOn: l.dueOn, returnedOn: l.returnedOn })),
        today
      ).map((l) => byId.get(l.loanId)!)
    } else if (filter.status) loans = loans.filter((l) => l.status === filter.status)
    if (needle)
      loans = loans.filter((l) => l.borrowerName.includes(needle) || (l.borrowerOrganisation ?? '').includes(needle))
    if (filter.from) loans = loans.filter((l) => l.outOn >= filter.from!)
    if (filter.to) loans = loans.filter((l) => l.outOn <= filter.to!)
    return this.views(loans)
  }

  overdue(): Promise<LoanView[]> {
    return this.register({ status: 'overdue' })
  }

  async onLoan(fileId: string): Promise<{
    loanId: string
    number: string
    borrowerName: string
    outOn: string
    dueOn: string
    mode: LoanRecord['mode']
  } | null> {
    await this.guard.require('vehicleFile.read')
    const file = await this.db.vehicleFiles.get(fileId)
    if (!file || file.deletedAt || !(await this.gate.maySee(file))) return null
    const loan = openLoansOf(await this.db.loans.where('fileIds').equals(fileId).toArray())[0]
    if (!loan) return null
    const record = (await this.db.loans.get(loan.loanId))!
    return {
      loanId: record.id,
      number: record.number,
      borrowerName: record.borrowerName,
      outOn: record.outOn,
      dueOn: record.dueOn,
      mode: record.mode
    }
  }

  async fineProposals(): Promise<LoanFineProposal[]> {
    await this.guard.require('loan.manage')
    const returned = (await this.db.loans.where('status').equals('returned').toArray()).filter(
      (l) => l.deletedAt === null && l.fineProposals.length > 0
    )
    const ids = [...new Set(returned.flatMap((l) => l.fineProposals.map((p) => p.fileId)))]
    const listed = await this.gate.listed(await this.db.vehicleFiles.bulkGet(ids))
    const visible = new Set(ids.filter((_, i) => listed[i] !== null))
    return returned.flatMap((loan) =>
      loan.fineProposals
        .filter((p) => visible.has(p.fileId))
        .map((p) => ({
          ...p,
          loanId: loan.id,
          loanNumber: loan.number,
          borrowerName: loan.borrowerName,
          returnedOn: loan.returnedOn ?? ''
        }))
    )
  }

  async slip(loanId: string): Promise<LoanSlipContent> {
    await this.guard.require('loan.manage')
    const loan = await this.loadLoan(loanId)
    const [view] = await this.views([loan])
    if (!view) throw new DomainError('LOAN_NOT_FOUND', '找不到该借阅记录')
    // Printing opens the files it shows: a confidential one is logged.
    const shown = await this.db.vehicleFiles.bulkGet(view.files.filter((f) => f.visible).map((f) => f.fileId))
    await this.gate.present(
      shown.filter((f): f is VehicleFile => !!f),
      '打印借阅单'
    )
    const { dealershipName } = await readDealershipSettings(this.db)
    return buildLoanSlip(loan, view.files, dealershipName)
  }

  async registerSheet(filter: LoanFilter = {}): Promise<LoanRegisterContent> {
    const views = await this.register(filter)
    const today = this.today()
    const policy = await this.policies.active()
    const { dealershipName } = await readDealershipSettings(this.db)
    return {
      dealershipName,
      title: LOAN_REGISTER_TITLE,
      scope: scopeText(filter),
      asOf: today,
      rows: views.map((v) => loanRegisterRow(v.loan, v.files, today)),
      signOffBlock: [...policy.signOff.block]
    }
  }

  async recordPrint(request: LoanPrintRequest): Promise<PrintStamp> {
    const entry =
      request.document === 'loanSlip'
        ? loanSlipPrintEntry(request.loanId, await this.slip(request.loanId))
        : loanRegisterPrintEntry(await this.registerSheet(request.filter))
    const at = this.now().toISOString()
    const printed = await recordAuditEvent(this.db, this.actor, entry, at)
    return {
      printedBy: this.guard.session.operator.name,
      printedAt: at,
      auditHead: { deviceSeq: printed.deviceSeq, hash: printed.hash }
    }
  }
}

function lineOf(line: LoanRecord['lines'][number], file: VehicleFile | null): LoanFileLine {
  if (!file)
    return {
      fileId: line.fileId,
      archiveNo: WITHHELD_ARCHIVE_NO,
      vin: '',
      plate: null,
      ownerName: '（无权查看）',
      pieces: line.pieces,
      visible: false
    }
  return {
    fileId: line.fileId,
    archiveNo: file.archiveNo,
    vin: file.vin,
    plate: file.plate,
    ownerName: file.ownerName,
    pieces: line.pieces,
    visible: true
  }
}

/** 全部 / 逾期未还 / 2026-03-01 至 2026-03-31 / 借阅人含“王”: what a printed register covers. */
export function scopeText(filter: LoanFilter): string {
  const parts: string[] = []
  if (filter.status === 'overdue') parts.push('逾期未还')
  else if (filter.status === 'out') parts.push('未归还')
  else if (filter.status === 'returned') parts.push('已归还')
  if (filter.from || filter.to) parts.push(`${filter.from ?? '…'} 至 ${filter.to ?? '…'}`)
  if (filter.borrower?.trim()) parts.push(`借阅人含“${filter.borrower.trim()}”`)
  return parts.length ? parts.join('，') : '全部'
}
