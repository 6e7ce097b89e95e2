import { z } from 'zod'
import { DomainError } from '../model/domain-error'
import { ROLES, DEPARTMENTS } from '../operators/roles'
import { LANGUAGES } from '../operators/language'
import { SECRECY_LEVELS } from '../operators/secrecy'
import { VEHICLE_ORIGINS, OWNER_KINDS } from '../vehicle/vehicle-file'
import { ARCHIVE_STATUSES } from '../archive/archive-status'
import { ARCHIVE_KINDS } from '../archive/archive-kind'
import { policyDocument } from '../rules/policy-document'
import type { StoredDocument } from '../model/stored-document'
import { archiveFailuresDocument, archiveInputDocument, manualResultsDocument } from '../rules/archive-input-document'
import { SETTING_DOCUMENTS } from '../settings/stored-settings'
import { BackupErrorCode } from './backup-format'
import { AUDIT_CHAIN_KEYED } from '../audit/audit-event'
import { FILE_REPAIR_PROBLEMS, LEGAL_HOLD_KINDS, STORAGE_CHECK_ITEMS } from '../retention'
import { KEEPING_TEXT_MAX } from '../retention/keeping-text'
import { DESTRUCTION_METHODS } from '../destruction'

// The shape of every stored row, checked before a restore writes anything: a backup is data from
// outside (a USB stick, a share), so it is parsed like any other input. Unknown enum values (a
// secrecy of "public", a role nobody defined) are refused. Security-relevant tables (accounts, staff)
// admit no extra fields; the others keep fields this version does not know, so nothing is dropped.

const text = (max: number) => z.string().max(max)
const optionalText = (max: number) => z.string().max(max).nullable()
const instant = z.iso.datetime({ offset: true })
const nullableInstant = instant.nullable()

const syncMeta = {
  id: z.string().min(1).max(200),
  createdAt: instant,
  createdBy: text(200),
  updatedAt: instant,
  updatedBy: text(200),
  rev: z.number().int().min(1),
  deletedAt: nullableInstant
}

const jsonText = z
  .string()
  .max(10_000_000)
  .refine((value) => {
    try {
      JSON.parse(value)
      return true
    } catch {
      return false
    }
  }, 'not JSON')

/** Stored JSON text that the app would read: parsed, upgraded to this version's format and validated. */
const storedDocumentText = (document: StoredDocument<unknown>) =>
  z
    .string()
    .max(10_000_000)
    .superRefine((value, ctx) => {
      const problem = document.problemOf(value)
      if (problem !== null) ctx.addIssue({ code: 'custom', message: problem })
    })

const vehicleFileRow = z.looseObject({
  ...syncMeta,
  vin: text(17),
  archiveNo: text(60),
  plate: optionalText(20),
  series: text(100),
  model: optionalText(100),
  productCode: optionalText(100),
  colour: optionalText(50),
  registrationDate: optionalText(30),
  origin: z.enum(VEHICLE_ORIGINS as [string, ...string[]]),
  ownerKind: z.enum(OWNER_KINDS as [string, ...string[]]),
  ownerName: text(200),
  ownerIdNumber: optionalText(30),
  ownerPhone: text(30),
  ownerPhone2: optionalText(30),
  contactName: optionalText(100),
  contactPhone: optionalText(30),
  vinReversed: text(17),
  plateTail: optionalText(20),
  status: z.enum(['active', 'sealed', 'destroyed']),
  secrecy: z.enum(SECRECY_LEVELS as [string, ...string[]])
})

const auditEventRow = z.strictObject({
  id: z.string().min(1).max(200),
  at: instant,
  actorId: text(200),
  actorName: text(200),
  deviceId: text(200),
  deviceSeq: z.number().int().min(1),
  action: text(60),
  entity: text(100),
  entityId: text(500),
  changes: jsonText,
  summary: text(2000),
  prevHash: text(200),
  // Absent for events written before keyed chains; 2 for HMAC-sealed ones (shared/audit/audit-event.ts).
  chain: z.literal(AUDIT_CHAIN_KEYED).optional(),
  hash: text(200)
})

// A settings row that holds one of the app's stored documents is checked as that document; others (the
// backup keyring, checked by its own reader) need only be JSON.
const settingRow = z.looseObject({ ...syncMeta, value: jsonText }).superRefine((row, ctx) => {
  const document = Object.hasOwn(SETTING_DOCUMENTS, row.id) ? SETTING_DOCUMENTS[row.id] : undefined
  const problem = document?.problemOf(row.value) ?? null
  if (problem !== null) ctx.addIssue({ code: 'custom', path: ['value'], message: problem })
})
const counterRow = z.looseObject({ ...syncMeta, value: z.number().int().min(0), lastHash: text(200).optional() })

const staffRow = z.strictObject({
  ...syncMeta,
  name: text(100),
  department: z.enum(DEPARTMENTS as [string, ...string[]]),
  role: z.enum(ROLES as [string, ...string[]]),
  phone: optionalText(30),
  active: z.boolean()
})

const accountRow = z.strictObject({
  ...syncMeta,
  staffId: z.string().min(1).max(200),
  username: z.string().regex(/^[a-z][a-z0-9._-]{2,31}$/),
  passwordHash: z.string().min(1).max(500),
  passwordChangedAt: instant,
  failedAttempts: z.number().int().min(0),
  lockedUntil: nullableInstant,
  disabled: z.boolean(),
  language: z.enum(LANGUAGES).optional()
})

const policyRow = z.looseObject({
  ...syncMeta,
  policyId: text(80),
  version: z.number().int().min(1),
  name: text(200),
  document: storedDocumentText(policyDocument)
})

const archiveRow = z.looseObject({
  ...syncMeta,
  vehicleFileId: z.string().min(1).max(200),
  kind: z.enum(ARCHIVE_KINDS as [string, ...string[]]),
  visitType: optionalText(60),
  repairOrderNo: optionalText(60),
  status: z.enum(ARCHIVE_STATUSES as [string, ...string[]]),
  policyId: text(80),
  policyVersion: z.number().int().min(1),
  department: z.enum(['sales', 'service']),
  advisorName: text(100),
  anchorAt: optionalText(40),
  handInDueAt: optionalText(40),
  handoverId: optionalText(200),
  handoverLine: z.number().int().min(1).nullable(),
  handedOverAt: optionalText(40),
  missingNote: optionalText(2000),
  input: storedDocumentText(archiveInputDocument),
  manual: storedDocumentText(manualResultsDocument),
  round: z.number().int().min(0),
  correctionDueAt: optionalText(40),
  location: optionalText(200)
})

const handoverRow = z.looseObject({
  ...syncMeta,
  number: text(60),
  department: z.enum(['sales', 'service']),
  handedByName: text(100),
  receivedByName: text(100),
  handedAt: instant,
  status: z.enum(['open', 'submitted', 'signed']),
  signedAt: nullableInstant,
  policyId: text(80),
  policyVersion: z.number().int().min(1)
})

const inspectionRow = z.looseObject({
  ...syncMeta,
  archiveId: z.string().min(1).max(200),
  round: z.number().int().min(0),
  inspectedAt: instant,
  inspectorName: text(100),
  verdict: z.enum(['accepted', 'nonconforming']),
  failures: storedDocumentText(archiveFailuresDocument),
  input: storedDocumentText(archiveInputDocument),
  manual: storedDocumentText(manualResultsDocument),
  correctionDueAt: optionalText(40),
  returnedUnchanged: z.boolean()
})

// 借阅 (schema v9): one row per loan of the register 《档案借阅登记簿》.
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const loanRow = z.looseObject({
  ...syncMeta,
  number: text(60),
  policyId: text(80),
  policyVersion: z.number().int().min(1),
  borrowerKind: z.enum(['staff', 'outsider']),
  borrowerName: text(100),
  borrowerOperatorId: optionalText(200),
  borrowerDepartment: optionalText(100),
  borrowerOrganisation: optionalText(200),
  borrowerDocuments: z.array(z.enum(['introduction_letter', 'id_document'])).max(2),
  fileIds: z.array(z.string().min(1).max(200)).min(1).max(1000),
  lines: z
    .array(z.object({ fileId: z.string().min(1).max(200), pieces: z.number().int().min(1), staysInRoom: z.boolean() }))
    .min(1)
    .max(1000),
  purpose: text(400),
  mode: z.enum(['take_out', 'in_room']),
  takeOutReason: optionalText(400),
  requiredApprovers: z.array(text(40)).max(10),
  approvals: z.array(z.object({ approverTitle: text(40), approvedBy: text(100) })).max(10),
  clause: text(400),
  outOn: calendarDate,
  dueOn: calendarDate,
  status: z.enum(['out', 'returned']),
  returnedOn: calendarDate.nullable(),
  returnedFiles: z
    .array(
      z.object({
        fileId: z.string().min(1).max(200),
        piecesCounted: z.number().int().min(0),
        condition: z.enum(['intact', 'damaged', 'lost'])
      })
    )
    .max(1000)
    .nullable(),
  daysLate: z.number().int().min(0).nullable(),
  violation: z.boolean(),
  fineProposals: z.array(z.looseObject({ ruleCode: text(80), fileId: text(200), archiveNumber: text(60) })).max(1000)
})

// Keeping a file (保管): holds, sealing, the destruction register, storage inspections and repairs.
const chinaDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const nullableChinaDay = chinaDay.nullable()
const legalHoldRow = z.looseObject({
  ...syncMeta,
  vehicleFileId: z.string().min(1).max(200),
  kind: z.enum(LEGAL_HOLD_KINDS as [string, ...string[]]),
  reason: text(KEEPING_TEXT_MAX),
  placedAt: instant,
  placedByName: text(100),
  releasedAt: nullableInstant,
  releasedByName: optionalText(100),
  releaseReason: optionalText(KEEPING_TEXT_MAX)
})
const sealingBatchRow = z.looseObject({
  ...syncMeta,
  number: text(30),
  location: text(100),
  note: optionalText(KEEPING_TEXT_MAX),
  sealedAt: instant,
  sealedByName: text(100),
  fileCount: z.number().int().min(1),
  policyId: text(80),
  policyVersion: z.number().int().min(1)
})
const sealingLineRow = z.looseObject({
  ...syncMeta,
  batchId: z.string().min(1).max(200),
  vehicleFileId: z.string().min(1).max(200),
  line: z.number().int().min(1),
  previousLocation: optionalText(200),
  sealDueOn: chinaDay,
  sealBasis: z.enum(['after_last_visit', 'dormant_from_creation', 'no_period', 'legal_hold'])
})
const destructionRow = z.looseObject({
  ...syncMeta,
  vehicleFileId: z.string().min(1).max(200),
  vin: text(17),
  archiveNo: text(60),
  reason: text(KEEPING_TEXT_MAX),
  status: z.enum(['proposed', 'director_approved', 'approved', 'destroyed']),
  proposedById: text(200),
  proposedByName: text(100),
  proposedByRole: z.enum(ROLES as [string, ...string[]]),
  proposedOn: chinaDay,
  directorById: optionalText(200),
  directorByName: optionalText(100),
  directorOn: nullableChinaDay,
  generalManagerById: optionalText(200),
  generalManagerByName: optionalText(100),
  generalManagerOn: nullableChinaDay,
  destroyedOn: nullableChinaDay,
  method: z.enum(DESTRUCTION_METHODS as [string, ...string[]]).nullable(),
  destroyedById: optionalText(200),
  destroyedByName: optionalText(100),
  witnessName: optionalText(100),
  erasedFields: z.array(text(60)).max(60)
})
const storageInspectionRow = z.looseObject({
  ...syncMeta,
  inspectedOn: chinaDay,
  inspectorName: text(100),
  scope: text(200),
  ...Object.fromEntries(
    STORAGE_CHECK_ITEMS.flatMap((item) => [
      [`${item}Ok`, z.boolean()],
      [`${item}Note`, optionalText(200)]
    ])
  ),
  findings: text(1000),
  actions: text(1000),
  recordedByName: text(100)
})
const fileRepairRow = z.looseObject({
  ...syncMeta,
  vehicleFileId: z.string().min(1).max(200),
  inspectionId: optionalText(200),
  problem: z.enum(FILE_REPAIR_PROBLEMS as [string, ...string[]]),
  description: text(300),
  repair: text(300),
  repairedOn: chinaDay,
  repairedByName: text(100)
})

const violationRow = z.looseObject({
  ...syncMeta,
  personId: z.string().min(1).max(200),
  personName: text(100),
  role: z.enum(['sales_advisor', 'service_advisor', 'archive_manager', 'responsible_person']),
  trigger: text(60),
  archiveKind: z.enum(['sales', 'service']).optional(),
  occurredOn: z.iso.date(),
  quantity: z.number().int().min(1),
  archiveId: text(200).optional(),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  ruleCode: text(100),
  clause: text(200),
  policyRef: text(200),
  source: z.enum(['detected', 'manual']),
  reason: text(4000),
  evidence: z.looseObject({
    archiveId: text(200).optional(),
    handoverId: text(200).optional(),
    inspectionId: text(200).optional(),
    note: text(2000).optional()
  }),
  archiveNo: text(60).optional(),
  repeatOf: text(400).optional(),
  status: z.enum(['proposed', 'confirmed', 'waived', 'adjusted']),
  decision: z
    .looseObject({
      reason: text(2000),
      by: text(200),
      at: instant,
      yuan: z.number().finite().optional(),
      kpiPoints: z.number().finite().optional()
    })
    .optional(),
  objection: z
    .looseObject({
      note: text(2000),
      at: instant,
      answer: z.looseObject({ note: text(2000), upheld: z.boolean(), by: text(200), at: instant }).optional()
    })
    .optional(),
  corrects: text(400).optional()
})

const fineMonthRow = z.looseObject({
  ...syncMeta,
  month: z.string().regex(/^\d{4}-\d{2}$/),
  status: z.enum(['open', 'closed']),
  closedAt: nullableInstant,
  closedBy: optionalText(200),
  payCuts: z.array(
    z.looseObject({ personId: text(200), percent: z.number().min(0).max(100), by: text(200), at: instant })
  )
})

const department = z.enum(ARCHIVE_KINDS as [string, ...string[]])
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

const systemRecordRow = z.looseObject({
  ...syncMeta,
  department,
  recordKey: text(120),
  importId: z.string().min(1).max(200),
  sourceRow: z.number().int().min(1),
  vin: text(17),
  date: isoDate,
  advisor: text(200),
  repairOrderNo: text(60),
  customer: text(200),
  plate: text(60),
  model: text(200),
  status: text(200)
})

const importBatchRow = z.looseObject({
  ...syncMeta,
  source: z.enum(['vehicleFiles', 'deliveries', 'repairOrders']),
  fileName: text(255),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  rows: z.number().int().min(0),
  created: z.number().int().min(0),
  alreadyKept: z.number().int().min(0),
  importedAt: instant,
  importedBy: text(200)
})

const count = z.number().int().min(0)
const reconciliationRow = z.looseObject({
  ...syncMeta,
  department,
  periodFrom: isoDate,
  periodTo: isoDate,
  system: text(100),
  clause: text(500),
  policyId: text(80),
  policyVersion: z.number().int().min(1),
  reconciledAt: instant,
  reconciledBy: text(200),
  matched: count,
  missing: count,
  excepted: count,
  extra: count,
  outsidePeriod: count,
  reportDueAt: instant
})

const reconciliationLineRow = z.looseObject({
  ...syncMeta,
  reconciliationId: z.string().min(1).max(200),
  outcome: z.enum(['matched', 'missing', 'excepted', 'extra']),
  department,
  vin: text(17),
  repairOrderNo: text(60),
  date: isoDate.nullable(),
  advisor: text(200),
  plate: text(60),
  model: text(200),
  sourceRow: z.number().int().min(1).nullable(),
  archiveIds: text(10_000),
  exceptionCode: optionalText(60),
  exceptionLabel: optionalText(200),
  exceptionNote: optionalText(500)
})

/** The schema of each table's rows, by table name. A table not listed here is not restored. */
export const BACKUP_ROW_SCHEMAS: Readonly<Record<string, z.ZodType>> = Object.freeze({
  vehicleFiles: vehicleFileRow,
  auditEvents: auditEventRow,
  settings: settingRow,
  counters: counterRow,
  staff: staffRow,
  accounts: accountRow,
  policies: policyRow,
  archives: archiveRow,
  handovers: handoverRow,
  inspections: inspectionRow,
  loans: loanRow,
  legalHolds: legalHoldRow,
  sealingBatches: sealingBatchRow,
  sealingLines: sealingLineRow,
  destructions: destructionRow,
  storageInspections: storageInspectionRow,
  fileRepairs: fileRepairRow,
  violations: violationRow,
  fineMonths: fineMonthRow,
  systemRecords: systemRecordRow,
  importBatches: importBatchRow,
  reconciliations: reconciliationRow,
  reconciliationLines: reconciliationLineRow
})

export function backupRowInvalid(table: string, index: number, detail: string): DomainError {
  return new DomainError(
    BackupErrorCode.rowInvalid,
    `备份中表 ${table} 的第 ${index + 1} 行数据不合规（${detail}），未做任何改动`,
    { table, row: String(index + 1), detail }
  )
}

/** Checks one row of `table`; throws BACKUP_ROW_INVALID naming the table, the row and the field. */
export function assertBackupRow(table: string, row: unknown, index: number): void {
  const schema = Object.hasOwn(BACKUP_ROW_SCHEMAS, table) ? BACKUP_ROW_SCHEMAS[table] : undefined
  if (schema === undefined) throw backupRowInvalid(table, index, '未知的表')
  const result = schema.safeParse(row)
  if (!result.success) {
    const issue = result.error.issues[0]!
    throw backupRowInvalid(table, index, `${issue.path.map(String).join('.') || '行'}：${issue.message}`)
  }
}

/**
 * A restore must bring back someone who can run the archive: at least one active, unlocked account of
 * an active customer-care director. Without one the restored archive would fall back to first start,
 * where anybody at the PC could make themselves director.
 */
export function assertHasActiveDirector(tables: Readonly<Record<string, readonly unknown[]>>): void {
  const staff = new Map<string, { role?: unknown; active?: unknown; deletedAt?: unknown }>()
  // Stryker disable next-line ArrayDeclaration: a stand-in row without a text id is skipped like any such row
  for (const row of tables['staff'] ?? []) {
    const member = row as { id?: unknown; role?: unknown; active?: unknown; deletedAt?: unknown }
    if (typeof member.id === 'string') staff.set(member.id, member)
  }
  // Stryker disable next-line ArrayDeclaration: a stand-in row without a text staffId finds nobody, like any such row
  const ok = (tables['accounts'] ?? []).some((row) => {
    const account = row as { staffId?: unknown; disabled?: unknown; deletedAt?: unknown }
    const member = typeof account.staffId === 'string' ? staff.get(account.staffId) : undefined
    return (
      account.disabled === false &&
      account.deletedAt === null &&
      member?.role === 'cc_director' &&
      member.active === true &&
      member.deletedAt === null
    )
  })
  if (!ok) {
    throw new DomainError(
      BackupErrorCode.noDirector,
      '备份中没有可用的客户总监账号，恢复后无人能管理档案库，已拒绝恢复，未做任何改动'
    )
  }
}
