import type { AuditHead } from '@shared/audit/audit-chain'
import type { PersonalInfoField, VehicleFile } from '@shared/vehicle/vehicle-file'
import type { VehicleFileForm } from '@shared/vehicle/vehicle-file-schema'
import type { AuditAction, AuditEvent } from '@shared/audit/audit-event'
import type { ChainReport } from '@shared/audit/audit-chain'
import type { DealershipSettings } from '@shared/settings/dealership-settings'
import type { Permission, PermissionMatrix } from '@shared/operators/permissions'
import type { SecrecyLevel } from '@shared/operators/secrecy'
import type { Department, Role } from '@shared/operators/roles'
import type { Operator, StaffMember } from '@shared/operators/operator'
import type { BackupReason } from '@shared/backup/backup-format'
import type { BackupFolderInfo, ChooseBackupFolderResult } from '@shared/ipc/contract'
import type { BackupFile } from './backup/create-backup'
import type { RestoreResult } from './backup/restore-backup'
import type { BackupSource } from '../platform'
import type { Policy, PresetSummary, PolicyChanges } from '@shared/policy'
import type { CalendarOverride, WorkingCalendar } from '@shared/calendar'
import type { Handover, HandoverSheetContent } from '@shared/handover/handover'
import type { NewHandover } from '@shared/handover/handover-open'
import type { HandoverLineInput } from '@shared/handover/handover-line'
import type { PrintRequest, PrintStamp } from '@shared/audit/print-record'
import type { FinePrintRequest } from '@shared/fines/fine-print-record'
import type { PayrollInput } from '@shared/fines/fine-statement'
import type { MonthlyReport } from '@shared/department-report/monthly-report'
import type { ArchiveKind, ArchiveRecord, ArchiveStatus, InspectionRecord } from '@shared/archive'
import type { ArchiveInput, ManualCheckResult, ArchiveEvaluation } from '@shared/rules'
import type { CorrectionNoticeContent } from '@shared/inspection/correction-notice'
import type { LateCorrectionExplanation } from '@shared/inspection/correction-receipt'
import type { VehicleFieldKey } from '@shared/vehicle/vehicle-field-requirement'
import type { VehicleListOrder } from '@shared/vehicle/vehicle-list-order'
import type { VehicleImportRowError, VehicleImportSource } from '@shared/vehicle/vehicle-file-import'
import type { LoanRecord, NewLoanInput } from '@shared/loans/loan-record'
import type { LostFileFineProposal, ReturnedFile } from '@shared/loans'
import type { LoanFileLine, LoanRegisterContent, LoanSlipContent } from '@shared/loans/loan-sheets'
import type { EnvelopeCoverContent, ShelfLabelsContent, ShelfPlace } from '@shared/folders/envelope-cover'
import type {
  DestructionListContent,
  FileRepair,
  FileRepairInput,
  KeepingPrintRequest,
  KeepingPrintStamp,
  LegalHold,
  LegalHoldInput,
  RetentionSchedule,
  SealingBatch,
  SealingTransferList,
  StorageInspection,
  StorageInspectionDue,
  StorageInspectionInput,
  StorageInspectionSheet
} from '@shared/retention'
import type { DestructionRow } from '@shared/destruction'
import type { DormancyClock } from '@shared/policy/retention-policy'
import type { VehicleFileStatus } from '@shared/vehicle/vehicle-file'
import type { ViolationRecord } from '@shared/fines/violation-record'
import type { UnassignedFinding } from '@shared/fines/detect-violations'
import type { DecisionInput, FineMonthState, ManualViolationInput, MonthView } from '@shared/fines/fine-month'
import type { ImportMapping, ImportSource } from '@shared/import/import-mappings'
import type {
  ColumnMapping,
  DeclaredException,
  ReconciliationPeriod,
  ReconciliationReminder,
  ReconciliationResult,
  SystemRowIssue,
  SystemTable
} from '@shared/reconciliation'
import type { ReconciliationReport } from '@shared/reconciliation/reconciliation-reports'
import type { ExpectedArchive, ReconciliationRunRow } from '@shared/reconciliation/reconciliation-run'
import type { SystemListSource } from '@shared/reconciliation/system-list'

// The app reads and writes through these interfaces; their types are ours, never the storage's,
// so the archive can move onto a sync engine by replacing one adapter. Every implementation is bound
// to the logged-in operator and checks the permission matrix on every call.

export interface VehicleSearchResult {
  files: VehicleFile[]
  /** True when more files matched than were returned. */
  truncated: boolean
}

/** Rows of a file to import as vehicle files (parsed by the caller), with the file they came from. */
export interface VehicleImportRequest {
  source: VehicleImportSource
  rows: readonly VehicleFileForm[]
  /** Each row's line in the file, for the messages; by default 1, 2, 3… */
  lines?: readonly number[]
}

/** What a preview of an import found: every row-level fault, in Chinese; none means it may be confirmed. */
export interface VehicleImportCheck {
  rows: number
  errors: VehicleImportRowError[]
}

export type VehicleImportResult =
  | { ok: true; importId: string; created: number; ids: string[] }
  | { ok: false; rows: number; errors: VehicleImportRowError[] }

/** Files come back with ID numbers and phones masked; `revealPersonalInfo` gives one value in full. */
/** Files lacking fields the policy requires: how many, and the first of them with what each lacks. */
export interface FilesLackingFields {
  total: number
  files: { id: string; archiveNo: string; missing: VehicleFieldKey[] }[]
}

export interface VehicleFiles {
  /** Files lacking the policy's required fields (FAW-VW 五(二)3), for the data-quality list; hidden files stay out. */
  lackingFields(fields: readonly VehicleFieldKey[], limit?: number): Promise<FilesLackingFields>
  /** Command: create a file from a form; validates, checks VIN and archive number are unique, audits. */
  create(form: VehicleFileForm): Promise<VehicleFile>
  /** The import's preview: every row checked as `importBulk` would, nothing written. */
  validateImport(request: Omit<VehicleImportRequest, 'source'>): Promise<VehicleImportCheck>
  /**
   * Command: import many files at once (an existing archive from a spreadsheet; the benchmark's seeding).
   * All or nothing: when any row is wrong, nothing is written and every fault is returned; else one
   * transaction, blank archive numbers given in sequence, and one audit event for the whole import.
   */
  importBulk(request: VehicleImportRequest): Promise<VehicleImportResult>
  /** Command: write the fields that changed; refused if the file changed since `expectedRev`. */
  update(id: string, form: VehicleFileForm, expectedRev: number): Promise<VehicleFile>
  /** Command: set the secrecy level (普通/机密/绝密), with the reason. */
  setSecrecy(id: string, level: SecrecyLevel, reason: string): Promise<VehicleFile>
  /** Opens one file (logged when it is confidential); refused when the operator may not see it. */
  get(id: string): Promise<VehicleFile | undefined>
  /**
   * The file for its edit form: unmasked (and logged as a view of personal information) for those who may
   * reveal it, masked for the others; an untouched mask sent back to `update` keeps the stored value.
   */
  getForEdit(id: string): Promise<VehicleFile | undefined>
  /** Rows for a list: files the operator may not see are left out. */
  getMany(ids: readonly string[]): Promise<VehicleFile[]>
  /** The file with this VIN; for a file the operator may not see, a duplicate-VIN refusal that names nothing of it. */
  findByVin(vin: string): Promise<VehicleFile | undefined>
  /** Ids of the live files the operator may see, in `order` (newest first unless given); the first `limit` only when given. */
  listIds(limit?: number, order?: VehicleListOrder): Promise<string[]>
  count(): Promise<number>
  search(query: string, limit?: number): Promise<VehicleSearchResult>
  /** The archive number the next new file would get, without using it up; `pattern` previews an unsaved pattern. */
  previewArchiveNo(origin: VehicleFile['origin'], date?: string, pattern?: string): Promise<string>
  /** One personal-information value in full; needs the permission and a reason, and is logged. */
  revealPersonalInfo(id: string, field: PersonalInfoField, reason: string): Promise<string | null>
}

export interface AuditFilter {
  from?: string
  to?: string
  actions?: readonly AuditAction[]
  actorId?: string
  text?: string
  limit?: number
}

export interface AuditLog {
  forEntity(entity: string, entityId: string): Promise<AuditEvent[]>
  recent(limit: number): Promise<AuditEvent[]>
  query(filter: AuditFilter): Promise<AuditEvent[]>
  /** Recomputes every device's hash chain and says where it breaks; the check itself is logged. */
  verify(): Promise<ChainReport>
  /** Who viewed which personal information or confidential file, for a compliance review (XLSX); logged as an export. */
  exportPersonalInfoAccess(filter: AuditFilter): Promise<ExportFile>
}

/** A register as an XLSX file, ready to save: operator and time in its properties, the export already logged. */
export interface ExportFile {
  fileName: string
  bytes: Uint8Array<ArrayBuffer>
  rows: number
}

/**
 * The registers and lists as XLSX (备份与导出): files through the one access decision (personal information
 * masked, files the operator may not see left out), each export logged with its row count.
 */
export interface Exports {
  vehicleFiles(): Promise<ExportFile>
  handovers(): Promise<ExportFile>
  inspections(): Promise<ExportFile>
  correctionNotices(): Promise<ExportFile>
}

/** A print of the month's fines, recorded: who, when, the audit event for the footer, the dealership's name. */
export interface FinePrintStamp extends PrintStamp {
  dealershipName: string
}

/**
 * The month's fines on paper and in figures (奖罚通知单, 月度奖罚明细, 档案管理月度报告): for the director, the
 * general manager and the department managers ('reports.read').
 */
export interface FineReports {
  /** Records the print of a notice, a statement or the report; its audit event goes in the footer. */
  recordPrint(request: FinePrintRequest): Promise<FinePrintStamp>
  /** The month's payroll sheet (XLSX, one row per person: yuan, KPI points, pay-cut percent), logged as an export. */
  payrollExport(input: PayrollInput): Promise<ExportFile>
  /** The department's monthly report with its 12-month trend, against the policy's targets. */
  monthlyReport(month: string): Promise<MonthlyReport>
}

export interface Settings {
  /** Opening the settings to change them: refused (and the attempt logged) without the permission. */
  openForEditing(): Promise<{ dealership: DealershipSettings; matrix: PermissionMatrix; canEditPermissions: boolean }>
  getDealership(): Promise<DealershipSettings>
  saveDealership(settings: DealershipSettings): Promise<DealershipSettings>
  getPermissionMatrix(): Promise<PermissionMatrix>
  savePermissionMatrix(matrix: PermissionMatrix): Promise<PermissionMatrix>
}

export interface NewOperator {
  name: string
  department: Department
  role: Role
  phone: string
  username: string
  password: string
  birthDate?: string
}

export interface OperatorSummary {
  staff: StaffMember
  username: string | null
  accountId: string | null
  disabled: boolean
  lockedUntil: string | null
  passwordChangedAt: string | null
}

export interface Operators {
  list(): Promise<OperatorSummary[]>
  create(input: NewOperator): Promise<OperatorSummary>
  setDisabled(accountId: string, disabled: boolean): Promise<void>
  resetPassword(accountId: string, newPassword: string): Promise<void>
}

export interface IntegrityProblem {
  kind: 'orphan' | 'chain'
  table: string
  id: string
  message: string
}

export interface IntegrityReport {
  at: string
  tables: { name: string; count: number }[]
  problems: IntegrityProblem[]
  chain: ChainReport
}

export interface Integrity {
  /** Counts rows, follows references and verifies the audit chain; reports, never repairs. */
  run(): Promise<IntegrityReport>
}

/** The backup key as the panel shows it: never the passphrase, never a key. */
export interface BackupKeyStatus {
  /** Fingerprint of the public key, as printed on the 《备份密钥登记表》. */
  keyId: string
  setAt: string
  setBy: string
}

/** What choosing the backup folder goes through (the desktop target; null in the browser). */
export interface BackupFolderChooser {
  folder(): Promise<BackupFolderInfo | null>
  chooseFolder(): Promise<ChooseBackupFolderResult | null>
}

export interface Backups {
  /** The backup key of this PC, or null while no passphrase was set. Needs 备份与导出 or 从备份恢复. */
  keyStatus(): Promise<BackupKeyStatus | null>
  /** First passphrase (从备份恢复: only who may read backups sets what opens them); audited. */
  setPassphrase(passphrase: string): Promise<BackupKeyStatus>
  /** A new passphrase for the same key (old backups keep opening with the old one); audited. */
  changePassphrase(current: string, next: string): Promise<BackupKeyStatus>
  /** An encrypted backup of the whole archive (备份与导出), audited whatever its reason. */
  create(reason: Extract<BackupReason, 'manual' | 'daily'>): Promise<BackupFile>
  /** Verified restore (从备份恢复): nothing changes unless the file checks out and the safety backup was saved. */
  restore(
    bytes: Uint8Array | BackupSource,
    options: {
      passphrase: string
      acceptUnauthenticated?: boolean
      saveSafetyBackup: (backup: BackupFile) => Promise<void>
    }
  ): Promise<RestoreResult>
  /** Lets the operator choose the backup folder (备份与导出); the change is audited with old and new path. */
  changeFolder(chooser: BackupFolderChooser): Promise<ChooseBackupFolderResult | null>
  /** Records the printing of the 《备份密钥登记表》 and returns what it shows. */
  printKeySheet(): Promise<
    BackupKeyStatus & { dealershipName: string; printedBy: string; printedAt: string; auditHead: AuditHead }
  >
}

/** A file on a keeping list, with the dates retention gives it (files through the access decision). */
export interface KeepingFileRow {
  file: VehicleFile
  schedule: RetentionSchedule
  /** 建档: the earlier of entry here and the sales archive's delivery day. */
  createdOn: string
  lastVisitOn: string | null
}

/** The retention clauses of the policy in force, as the keeping screen states them. */
export interface KeepingPolicySummary {
  policyName: string
  clause: string
  /** False under a policy without a period (SVW-Skoda): nothing is sealed by age. */
  sealsByAge: boolean
  keepYearsAfterLastService: number | null
  noServiceYears: number | null
  keepYearsFromCreation: number | null
  dormancyClock: DormancyClock
  destroyNotBeforeYears: number
}

/** What a file's page shows of its keeping: sealed where, holds, repairs, destruction, its dates. */
export interface FileKeeping {
  status: VehicleFileStatus
  sealedAt: string | null
  sealLocation: string | null
  batchNumber: string | null
  holds: LegalHold[]
  held: boolean
  repairs: FileRepair[]
  destruction: DestructionRow | null
  /** Null for a destroyed file. */
  schedule: RetentionSchedule | null
}

/**
 * Keeping (保管): sealing by the policy's periods, legal holds, destruction by approval, storage inspections.
 * Lists need one of 档案保管 / 提出销毁 / 审批销毁 and reading files; each command its own permission.
 */
export interface Retention {
  policy(): Promise<KeepingPolicySummary>
  /** Active files due for sealing today under the policy in force, earliest first; held files never. */
  dueForSealing(): Promise<KeepingFileRow[]>
  /** Command (档案保管): seal the chosen due files into one batch at `location`; all or nothing. */
  seal(input: { fileIds: readonly string[]; location: string; note?: string | null }): Promise<SealingBatch>
  sealingBatches(): Promise<SealingBatch[]>
  /** The 《档案封存移交清单》 of a batch; reading it logs no print (see recordPrint). */
  transferList(batchId: string): Promise<SealingTransferList>
  /** A file's keeping, for its page (needs only to be allowed to see the file). */
  fileKeeping(fileId: string): Promise<FileKeeping>
  placeHold(fileId: string, input: LegalHoldInput): Promise<LegalHold>
  releaseHold(holdId: string, reason: string): Promise<LegalHold>
  /** Standing holds with their files. */
  holds(): Promise<{ hold: LegalHold; file: VehicleFile }[]>
  /** Files not destroyed whose destruction-review day has come (the legal 10 years at least). */
  dueForDestruction(): Promise<KeepingFileRow[]>
  proposeDestruction(fileId: string, reason: string): Promise<DestructionRow>
  /** The next approval in order: the customer-care director, then the general manager. */
  approveDestruction(id: string): Promise<DestructionRow>
  /** After both approvals: destroyed by `method` before a witness; personal information erased, the record kept. */
  recordDestruction(id: string, input: { method: string; witnessName: string }): Promise<DestructionRow>
  destructions(): Promise<DestructionRow[]>
  destructionList(ids: readonly string[]): Promise<DestructionListContent>
  inspectionDue(): Promise<StorageInspectionDue>
  recordInspection(input: StorageInspectionInput): Promise<StorageInspection>
  inspections(): Promise<StorageInspection[]>
  inspectionSheet(id: string): Promise<StorageInspectionSheet>
  recordRepair(fileId: string, input: FileRepairInput): Promise<FileRepair>
  /** Records the printing of a keeping sheet; its audit event goes in the footer. */
  recordPrint(request: KeepingPrintRequest): Promise<KeepingPrintStamp>
}

export interface Repositories {
  operator: Operator
  can(permission: Permission): Promise<boolean>
  /** Opening a screen that needs `permission`: refused with the Chinese reason, and the attempt logged, without it. */
  require(permission: Permission, what: string): Promise<void>
  vehicleFiles: VehicleFiles
  auditLog: AuditLog
  settings: Settings
  operators: Operators
  integrity: Integrity
  backups: Backups
  policies: Policies
  handovers: Handovers
  archives: Archives
  exports: Exports
  loans: Loans
  folders: Folders
  retention: Retention
  fineReports: FineReports
  fines: Fines
  reconciliations: Reconciliations
}

export interface PolicySummary {
  policyId: string
  version: number
  name: string
  createdAt: string
  active: boolean
}

export interface Policies {
  /** The policy in force (installed from the FAW-VW preset the first time). */
  active(): Promise<Policy>
  getVersion(policyId: string, version: number): Promise<Policy | undefined>
  list(): Promise<PolicySummary[]>
  presets(): readonly PresetSummary[]
  /** A new version of the dealership's policy copied from a preset. */
  adoptPreset(presetId: string, name: string): Promise<Policy>
  /** A new version with the changes; the old version stays, and archives keep the version they were checked under. */
  revise(changes: PolicyChanges): Promise<Policy>
  calendarOverrides(): Promise<CalendarOverride[]>
  saveCalendarOverrides(overrides: CalendarOverride[]): Promise<CalendarOverride[]>
  /** The service department's own closures (and openings) on its every-day calendar (FAW-VW 「每天」). */
  serviceDayOverrides(): Promise<CalendarOverride[]>
  saveServiceDayOverrides(overrides: CalendarOverride[]): Promise<CalendarOverride[]>
  /** The PRC working calendar with the dealership's overrides; serviceDays() gives the service-day calendar. */
  calendar(): Promise<WorkingCalendar>
}

export type { NewHandover } from '@shared/handover/handover-open'
export type { HandoverLineInput } from '@shared/handover/handover-line'

export interface ArchiveView {
  archive: ArchiveRecord
  file: VehicleFile
}

export interface Handovers {
  open(input: NewHandover): Promise<Handover>
  get(id: string): Promise<Handover | undefined>
  list(): Promise<Handover[]>
  addArchive(handoverId: string, line: HandoverLineInput): Promise<ArchiveView>
  /** The files a scan names (whole VIN, or last 6–8 characters), masked, only those the operator may see. */
  matchScan(scan: string): Promise<VehicleFile[]>
  lines(handoverId: string): Promise<ArchiveView[]>
  /** The batch is complete and the sheet goes for signatures. */
  submit(handoverId: string): Promise<Handover>
  /** Both sides signed the printed sheet. */
  markSigned(handoverId: string): Promise<Handover>
  /** What the printed handover register shows; reading it logs no print (see Archives.recordPrint). */
  sheet(handoverId: string): Promise<HandoverSheetContent>
}

export interface ArchiveFilter {
  statuses?: readonly ArchiveStatus[]
  department?: ArchiveKind
  advisorName?: string
}

export interface Archives {
  get(id: string): Promise<ArchiveView | undefined>
  forVehicle(vehicleFileId: string): Promise<ArchiveRecord[]>
  list(filter: ArchiveFilter): Promise<ArchiveView[]>
  /** The logged-in advisor's own archives (their name in their department), never another advisor's. */
  mine(): Promise<ArchiveView[]>
  /** Keeps what the checker typed so far (documents, facts, ticks); changes no status. */
  saveProgress(id: string, input: ArchiveInput, manual: Record<string, ManualCheckResult>): Promise<ArchiveRecord>
  /** Judges the round with the policy's rules: accepted, or nonconforming and returned with a deadline. */
  completeInspection(
    id: string,
    input: ArchiveInput,
    manual: Record<string, ManualCheckResult>
  ): Promise<{ archive: ArchiveRecord; evaluation: ArchiveEvaluation }>
  /** The corrected paper file came back: a new round opens. */
  resubmit(id: string): Promise<ArchiveRecord>
  /** An accepted archive put into its place (柜-层-盒). */
  file(id: string, location: string): Promise<ArchiveRecord>
  inspections(id: string): Promise<InspectionRecord[]>
  /** What the printed 《不合格档案记录》 of the latest round shows; reading it logs no print (see recordPrint). */
  correctionNotice(id: string): Promise<CorrectionNoticeContent>
  /**
   * The user prints a handover register or a 《不合格档案记录》: the print is logged (document, ids, number)
   * and its audit event returned for the footer; refused to one who may not read what is printed.
   */
  recordPrint(request: PrintRequest): Promise<PrintStamp>
  /** The advisor signed for the notice (签收); FAW-VW 五(二)4(5) counts the 24 hours from then. */
  recordNoticeReceipt(id: string, receipt: NoticeReceiptInput): Promise<ArchiveRecord>
  /** A late correction's special reason, promised time and the manager's signature. */
  recordLateCorrection(id: string, explanation: LateCorrectionExplanation): Promise<ArchiveRecord>
}

export interface NoticeReceiptInput {
  /** ISO instant, e.g. 2026-03-06T16:30:00+08:00. */
  receivedAt: string
  /** Who signed for the notice, as signed. */
  receivedBy: string
}

/** A loan of the register with its files as the access decision presents them (a hidden file withheld in its line). */
export interface LoanView {
  loan: LoanRecord
  files: LoanFileLine[]
  /** Whole days past the due date, today (China time) or at the return. */
  daysOverdue: number
}

export interface LoanFilter {
  /** 'overdue': still out and past due. */
  status?: 'out' | 'returned' | 'overdue'
  /** Any part of the borrower's name or organisation. */
  borrower?: string
  /** Lent on or after / on or before (China dates). */
  from?: string
  to?: string
}

export type LoanPrintRequest =
  | { readonly document: 'loanSlip'; readonly loanId: string }
  | { readonly document: 'loanRegister'; readonly filter: LoanFilter }

/** A lost/damaged file's fine proposal (SVW-Skoda 五.7), with the loan it came back from. */
export interface LoanFineProposal extends LostFileFineProposal {
  loanId: string
  loanNumber: string
  borrowerName: string
  returnedOn: string
}

/** 借阅 (档案借阅管理 needs 办理档案借阅): the register; every file through the one access decision. */
export interface Loans {
  /** Command: lend files; refused with the policy's reason (already out, borrower's documents, approvals…). */
  lend(input: NewLoanInput): Promise<LoanRecord>
  /** Command: the files came back, counted; late days, violation and fine proposals recorded. */
  returnFiles(loanId: string, returned: { returnedOn: string; files: readonly ReturnedFile[] }): Promise<LoanRecord>
  get(loanId: string): Promise<LoanView | undefined>
  /** The register, newest first; loans of only files the operator may not see are left out. */
  register(filter?: LoanFilter): Promise<LoanView[]>
  /** Loans still out past their due date, most overdue first. */
  overdue(): Promise<LoanView[]>
  /** Who has the file and since when (null when it is in the room, or the operator may not see it). */
  onLoan(fileId: string): Promise<{
    loanId: string
    number: string
    borrowerName: string
    outOn: string
    dueOn: string
    mode: LoanRecord['mode']
  } | null>
  /** Fine proposals of lost or damaged returns, for the fines module. */
  fineProposals(): Promise<LoanFineProposal[]>
  slip(loanId: string): Promise<LoanSlipContent>
  registerSheet(filter?: LoanFilter): Promise<LoanRegisterContent>
  /** The user prints a slip or the register: logged, and the print's audit event returned for the footer. */
  recordPrint(request: LoanPrintRequest): Promise<PrintStamp>
}

export type FolderPrintRequest =
  | { readonly document: 'envelopeCover'; readonly fileId: string }
  | { readonly document: 'shelfLabels'; readonly place: ShelfPlace }

/** Envelope covers, shelf labels and what a scanned code names; files through the one access decision. */
export interface Folders {
  cover(fileId: string): Promise<EnvelopeCoverContent>
  labels(place: ShelfPlace): Promise<ShelfLabelsContent>
  /** The file a scanned cover code (its archive number) names, or null: a file the operator may not see is not found. */
  findByCode(code: string): Promise<{ fileId: string } | null>
  recordPrint(request: FolderPrintRequest): Promise<PrintStamp>
}

/** What a month's detection did: violations newly proposed, those already there, findings nobody could be named for. */
export interface FineDetection {
  added: number
  known: number
  unassigned: UnassignedFinding[]
}

/** A staff member who can be charged with a violation. */
export interface FinePerson {
  id: string
  name: string
  department: Department
  role: Role
  active: boolean
}

/**
 * Fines and KPI (罚款/考核): detected from the records, decided by the director (确认罚款考核), read by managers
 * (查看罚款考核); an advisor sees and objects to only their own. A closed month refuses every change.
 */
export interface Fines {
  /** The month's violations (files the operator may not see withheld in place), lines, totals and waiting values. */
  month(month: string): Promise<MonthView>
  /** The logged-in person's own violations (all months, or one), newest first. */
  mine(month?: string): Promise<ViolationRecord[]>
  /** Staff who can be charged, for a manual violation. */
  people(): Promise<FinePerson[]>
  /** Proposes what the records show for the month; again adds nothing twice. One transaction, one audit event. */
  detect(month: string): Promise<FineDetection>
  decide(id: string, input: DecisionInput): Promise<ViolationRecord>
  /** 申诉 by the person charged. */
  object(id: string, note: string): Promise<ViolationRecord>
  answer(id: string, answer: { note: string; upheld: boolean }): Promise<ViolationRecord>
  /** A violation the director records (the person's name is read from the staff record). */
  recordManual(input: Omit<ManualViolationInput, 'personName'> & { personName?: string }): Promise<ViolationRecord>
  closeMonth(month: string): Promise<FineMonthState>
  /** A correction entry in the open `month` for a violation of a closed month. */
  correct(
    id: string,
    month: string,
    input: { reason: string; yuan: number; kpiPoints: number }
  ): Promise<ViolationRecord>
  /** SVW-Skoda 五.6: a manager's performance-pay cut for a flagged person (0 or inside the range). */
  setPayCut(month: string, personId: string, percent: number): Promise<FineMonthState>
}

/** A dealer system's export (deliveries or closed repair orders), read and mapped, with the file it came from. */
export interface SystemListImportRequest {
  source: SystemListSource
  table: SystemTable
  mapping: ColumnMapping
  file: VehicleImportSource
}

/** The preview of a system list: every row-level problem in Chinese; lines already kept are not kept twice. */
export interface SystemListCheck {
  rows: number
  valid: number
  alreadyKept: number
  blankRows: number
  issues: SystemRowIssue[]
}

export type SystemListImportResult =
  | { ok: true; importId: string; created: number; alreadyKept: number; ids: string[] }
  | { ok: false; issues: SystemRowIssue[] }

export interface ReconciliationRequest {
  department: ArchiveKind
  period: ReconciliationPeriod
  exceptions?: readonly DeclaredException[]
}

export type ReconciliationReportKind = 'missingArchiveReport' | 'unreportedRecord'

/**
 * 导入系统清单与核对档案: the dealer systems' lists kept, and the counts of the archives received against
 * them (FAW-VW 二4, 二5, 五(一)3, 五(二)4(3)); all need reconciliation.manage.
 */
export interface Reconciliations {
  /** The column mapping last used for a source, offered again (vehicle files: needs vehicleFile.create). */
  mapping(source: ImportSource): Promise<ImportMapping | null>
  saveMapping(source: ImportSource, mapping: Readonly<Record<string, string | undefined>>): Promise<void>
  /** Every row checked as the import would, nothing written. */
  checkSystemList(request: Omit<SystemListImportRequest, 'file'>): Promise<SystemListCheck>
  /** Command: all lines in one transaction, or none when any row is wrong; one audit event for the import. */
  importSystemList(request: SystemListImportRequest): Promise<SystemListImportResult>
  /** The reasons the policy in force allows a department's archive not to be handed in yet. */
  exceptionChoices(department: ArchiveKind): Promise<{ code: string; label: string }[]>
  /** The count for a period and a department, not kept. */
  preview(request: ReconciliationRequest): Promise<ReconciliationResult>
  /** Command: the count kept as evidence, audited. */
  record(request: ReconciliationRequest): Promise<{ run: ReconciliationRunRow; result: ReconciliationResult }>
  list(): Promise<ReconciliationRunRow[]>
  get(id: string): Promise<{ run: ReconciliationRunRow; result: ReconciliationResult } | undefined>
  /** Archives the counts found missing that have not arrived since, each with its advisor (archive_missing's input). */
  expectedArchives(): Promise<ExpectedArchive[]>
  /** What the printed 《档案缺失报告》 or 《未上报记录》 of a count shows; reading it logs no print. */
  report(id: string, kind: ReconciliationReportKind): Promise<ReconciliationReport>
  /** The user prints a report: the print is logged and its audit event returned for the footer. */
  recordPrint(id: string, kind: ReconciliationReportKind): Promise<PrintStamp>
  /** The count's lines as XLSX (also needs 备份与导出), logged as an export. */
  exportResult(id: string): Promise<ExportFile>
  /** Whether a count is due for each department, from the policy's cadence and the last count. */
  reminders(): Promise<{ department: ArchiveKind; system: string; reminder: ReconciliationReminder }[]>
}
