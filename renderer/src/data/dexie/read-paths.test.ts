import 'fake-indexeddb/auto'
import { beforeAll, describe, expect, it } from 'vitest'
import { isDomainError } from '@shared/model/domain-error'
import { ROLE_DEPARTMENT } from '@shared/operators/roles'
import { allManualChecksPassed, FAW_VW_SALES_EXAMPLE, withFacts } from '../../../../tests/fixtures/example-archives'
import { getPreset } from '@shared/policy'
import { toVehicleFileForm } from '@shared/vehicle/vehicle-file-schema'
import { createRandom, makeVehicleFileForm } from '../../../../tests/fixtures/vehicle-generator'
import type { ParsedTable } from '@shared/import'
import { parseTable } from '@shared/import'
import type { ExportFile, Repositories } from '../repositories'
import type { Session } from '../session'
import { ChedangDatabase } from './database'
import { DexieAuth } from './dexie-auth'
import { createDexieRepositories } from './open-dexie-repositories'
import { firstLogin } from '../../../../tests/fixtures/first-login'

// Every repository method, walked with a 绝密 file by an archive manager (who may read 机密 files but not
// 绝密 ones, and may receive handovers, inspect and read the audit trail): nothing of the file comes out.
// A method added to a repository without an entry here fails the first test.

const rnd = createRandom(77)
let db: ChedangDatabase
let director: Repositories
let manager: Repositories
let managerSession: Session
let secret: {
  id: string
  archiveId: string
  handoverId: string
  loanId: string
  vin: string
  values: string[]
}
let ordinary: { id: string; archiveId: string }
/** Keeping records about the 绝密 file, written as an earlier year's work would have left them. */
const kept = {
  batchId: 'batch-secret',
  holdId: 'hold-secret',
  destructionId: 'destruction-secret',
  inspectionId: 'insp-1'
}

type Walk = (r: Repositories) => Promise<unknown>
/** A call to make, or why the method returns nothing taken from a vehicle file. */
type Entry = Walk | { noFileData: string }

const WALK: Record<string, Record<string, Entry>> = {
  vehicleFiles: {
    lackingFields: (r) => r.vehicleFiles.lackingFields(['ownerPhone2']),
    create: (r) => r.vehicleFiles.create({ ...makeVehicleFileForm(rnd, 900), vin: secret.vin }),
    validateImport: (r) =>
      r.vehicleFiles.validateImport({ rows: [{ ...makeVehicleFileForm(rnd, 901), vin: secret.vin }] }),
    importBulk: (r) =>
      r.vehicleFiles.importBulk({
        source: { fileName: '导入.csv', sha256: '0'.repeat(64) },
        rows: [{ ...makeVehicleFileForm(rnd, 902), vin: secret.vin }]
      }),
    update: async (r) => {
      const mine = await r.vehicleFiles.getForEdit(ordinary.id)
      return r.vehicleFiles.update(ordinary.id, { ...toVehicleFileForm(mine!), vin: secret.vin }, mine!.rev)
    },
    setSecrecy: (r) => r.vehicleFiles.setSecrecy(secret.id, 'ordinary', '试图降低密级'),
    get: (r) => r.vehicleFiles.get(secret.id),
    getForEdit: (r) => r.vehicleFiles.getForEdit(secret.id),
    getMany: (r) => r.vehicleFiles.getMany([secret.id, ordinary.id]),
    findByVin: (r) => r.vehicleFiles.findByVin(secret.vin),
    listIds: (r) => r.vehicleFiles.listIds(),
    count: (r) => r.vehicleFiles.count(),
    search: async (r) => Promise.all(secret.values.map((v) => r.vehicleFiles.search(v))),
    previewArchiveNo: { noFileData: 'the next free number of the pattern' },
    revealPersonalInfo: (r) => r.vehicleFiles.revealPersonalInfo(secret.id, 'ownerPhone', '回访核对电话')
  },
  handovers: {
    open: { noFileData: 'a new empty handover' },
    get: (r) => r.handovers.get(secret.handoverId),
    list: (r) => r.handovers.list(),
    addArchive: async (r) => {
      const handover = await r.handovers.open({ department: 'service', handedByName: '李明' })
      return r.handovers.addArchive(handover.id, {
        scan: secret.vin,
        kind: 'service',
        visitType: 'routine',
        repairOrderNo: 'RO26031501',
        advisorName: '李明',
        anchorDate: '2026-03-02',
        documentsPresent: []
      })
    },
    lines: (r) => r.handovers.lines(secret.handoverId),
    matchScan: (r) => r.handovers.matchScan(secret.vin.slice(-6)),
    submit: (r) => r.handovers.submit(secret.handoverId),
    markSigned: (r) => r.handovers.markSigned(secret.handoverId),
    sheet: (r) => r.handovers.sheet(secret.handoverId)
  },
  archives: {
    get: (r) => r.archives.get(secret.archiveId),
    forVehicle: (r) => r.archives.forVehicle(secret.id),
    list: (r) => r.archives.list({}),
    mine: (r) => r.archives.mine(),
    saveProgress: (r) => r.archives.saveProgress(secret.archiveId, FAW_VW_SALES_EXAMPLE, {}),
    completeInspection: (r) =>
      r.archives.completeInspection(
        secret.archiveId,
        FAW_VW_SALES_EXAMPLE,
        allManualChecksPassed(getPreset('faw-vw').archiveTemplates.sales)
      ),
    resubmit: (r) => r.archives.resubmit(secret.archiveId),
    file: (r) => r.archives.file(secret.archiveId, 'A1-1-1'),
    inspections: (r) => r.archives.inspections(secret.archiveId),
    correctionNotice: (r) => r.archives.correctionNotice(secret.archiveId),
    recordPrint: async (r) =>
      Promise.all([
        r.archives.recordPrint({ document: 'correctionNotice', archiveId: secret.archiveId }).catch(refused),
        r.archives.recordPrint({ document: 'handoverSheet', handoverId: secret.handoverId })
      ]),
    recordNoticeReceipt: (r) =>
      r.archives.recordNoticeReceipt(secret.archiveId, { receivedAt: '2026-03-09T10:00:00+08:00', receivedBy: '陈杰' }),
    recordLateCorrection: (r) =>
      r.archives.recordLateCorrection(secret.archiveId, {
        reason: '客户出差',
        promisedAt: '2026-03-12T10:00:00+08:00',
        signedBy: '吴刚'
      })
  },
  auditLog: {
    forEntity: async (r) =>
      Promise.all([
        r.auditLog.forEntity('vehicleFile', secret.id).catch(refused),
        r.auditLog.forEntity('archive', secret.archiveId).catch(refused),
        r.auditLog.forEntity('handover', secret.handoverId)
      ]),
    recent: (r) => r.auditLog.recent(1000),
    query: async (r) =>
      Promise.all([r.auditLog.query({ limit: 1000 }), ...secret.values.map((text) => r.auditLog.query({ text }))]),
    verify: { noFileData: 'a count of events and where the chain breaks' },
    exportPersonalInfoAccess: async (r) => exportedText(await r.auditLog.exportPersonalInfoAccess({}))
  },
  exports: {
    vehicleFiles: async (r) => exportedText(await r.exports.vehicleFiles()),
    handovers: async (r) => exportedText(await r.exports.handovers()),
    inspections: async (r) => exportedText(await r.exports.inspections()),
    correctionNotices: async (r) => exportedText(await r.exports.correctionNotices())
  },
  settings: {
    openForEditing: { noFileData: 'dealership settings and the permission matrix' },
    getDealership: { noFileData: 'dealership settings' },
    saveDealership: { noFileData: 'dealership settings' },
    getPermissionMatrix: { noFileData: 'the permission matrix' },
    savePermissionMatrix: { noFileData: 'the permission matrix' }
  },
  operators: {
    list: { noFileData: 'staff and accounts' },
    create: { noFileData: 'staff and accounts' },
    setDisabled: { noFileData: 'staff and accounts' },
    resetPassword: { noFileData: 'staff and accounts' }
  },
  integrity: {
    run: (r) => r.integrity.run()
  },
  backups: {
    create: {
      noFileData: 'the whole archive for safe keeping: its own permission (backup.export), logged as an export'
    },
    restore: { noFileData: 'writes a backup back; returns its manifest' },
    keyStatus: { noFileData: 'the backup key fingerprint and who set it' },
    setPassphrase: { noFileData: 'the backup key fingerprint and who set it' },
    changePassphrase: { noFileData: 'the backup key fingerprint and who set it' },
    changeFolder: { noFileData: 'the backup folder path' },
    printKeySheet: { noFileData: 'the backup key fingerprint, the dealership name and who prints' }
  },
  loans: {
    lend: (r) =>
      r.loans.lend({
        borrower: { kind: 'staff', operatorId: '', name: '王强', department: '销售部' },
        files: [{ fileId: secret.id, pieces: 1 }],
        purpose: '核对购车发票',
        mode: 'in_room',
        approvals: [
          { approverTitle: '部门负责人', approvedBy: '李华' },
          { approverTitle: '经理', approvedBy: '张丽' }
        ],
        outOn: '2026-03-09'
      }),
    returnFiles: (r) =>
      r.loans.returnFiles(secret.loanId, {
        returnedOn: '2026-03-09',
        files: [{ fileId: secret.id, piecesCounted: 1, condition: 'intact' }]
      }),
    get: (r) => r.loans.get(secret.loanId),
    register: (r) => r.loans.register(),
    overdue: (r) => r.loans.overdue(),
    onLoan: (r) => r.loans.onLoan(secret.id),
    fineProposals: (r) => r.loans.fineProposals(),
    slip: (r) => r.loans.slip(secret.loanId),
    registerSheet: (r) => r.loans.registerSheet(),
    recordPrint: async (r) =>
      Promise.all([
        r.loans.recordPrint({ document: 'loanSlip', loanId: secret.loanId }).catch(refused),
        r.loans.recordPrint({ document: 'loanRegister', filter: {} })
      ])
  },
  folders: {
    cover: (r) => r.folders.cover(secret.id),
    labels: (r) => r.folders.labels({ cabinet: 'A9' }),
    findByCode: async (r) => Promise.all(secret.values.map((v) => r.folders.findByCode(v))),
    recordPrint: async (r) =>
      Promise.all([
        r.folders.recordPrint({ document: 'envelopeCover', fileId: secret.id }).catch(refused),
        r.folders.recordPrint({ document: 'shelfLabels', place: { cabinet: 'A9', shelf: '2' } })
      ])
  },
  retention: {
    policy: { noFileData: 'the retention clauses of the policy in force' },
    dueForSealing: (r) => r.retention.dueForSealing(),
    seal: (r) => r.retention.seal({ fileIds: [secret.id], location: '档案库 3 号柜' }),
    sealingBatches: (r) => r.retention.sealingBatches(),
    transferList: (r) => r.retention.transferList(kept.batchId),
    fileKeeping: (r) => r.retention.fileKeeping(secret.id),
    placeHold: (r) => r.retention.placeHold(secret.id, { kind: 'complaint', reason: '试图保全' }),
    releaseHold: (r) => r.retention.releaseHold(kept.holdId, '试图解除'),
    holds: (r) => r.retention.holds(),
    dueForDestruction: (r) => r.retention.dueForDestruction(),
    proposeDestruction: (r) => r.retention.proposeDestruction(secret.id, '保管期满'),
    approveDestruction: (r) => r.retention.approveDestruction(kept.destructionId),
    recordDestruction: (r) =>
      r.retention.recordDestruction(kept.destructionId, { method: 'shredding', witnessName: '张丽' }),
    destructions: (r) => r.retention.destructions(),
    destructionList: (r) => r.retention.destructionList([kept.destructionId]),
    inspectionDue: { noFileData: 'the day the next storage inspection is due' },
    recordInspection: { noFileData: 'a storage inspection of the whole store' },
    inspections: (r) => r.retention.inspections(),
    inspectionSheet: (r) => r.retention.inspectionSheet(kept.inspectionId),
    recordRepair: (r) =>
      r.retention.recordRepair(secret.id, {
        problem: 'fading',
        description: '字迹褪色',
        repair: '复印加盖核对章',
        repairedOn: '2026-03-09',
        repairedByName: '刘敏'
      }),
    recordPrint: async (r) =>
      Promise.all([
        r.retention.recordPrint({ document: 'sealingTransferList', batchId: kept.batchId }),
        r.retention.recordPrint({ document: 'destructionList', destructionIds: [kept.destructionId] }),
        r.retention.recordPrint({ document: 'storageInspection', inspectionId: kept.inspectionId })
      ])
  },
  fines: {
    month: (r) => r.fines.month('2026-03'),
    mine: (r) => r.fines.mine(),
    people: { noFileData: 'staff names, departments and roles' },
    detect: (r) => r.fines.detect('2026-03'),
    decide: (r) => r.fines.decide(`item:${secret.archiveId}`, { decision: 'confirm' }),
    object: (r) => r.fines.object(`item:${secret.archiveId}`, '申诉'),
    answer: (r) => r.fines.answer(`item:${secret.archiveId}`, { note: '答复', upheld: false }),
    recordManual: { noFileData: 'a violation the operator describes; refused without 确认罚款考核' },
    closeMonth: { noFileData: 'the month state' },
    correct: (r) => r.fines.correct(`item:${secret.archiveId}`, '2026-04', { reason: '更正', yuan: -1, kpiPoints: 0 }),
    setPayCut: { noFileData: 'the month state and its pay cuts' }
  },
  reconciliations: {
    mapping: { noFileData: 'the column mapping last used' },
    saveMapping: { noFileData: 'the column mapping last used' },
    checkSystemList: { noFileData: 'the problems of the rows the user gave' },
    importSystemList: { noFileData: 'counts and ids of the rows the user gave' },
    exceptionChoices: { noFileData: 'the policy’s allowed reasons' },
    preview: (r) => r.reconciliations.preview({ department: 'sales', period: RECONCILED_PERIOD }),
    record: (r) => r.reconciliations.record({ department: 'sales', period: RECONCILED_PERIOD }),
    list: (r) => r.reconciliations.list(),
    get: async (r) => r.reconciliations.get(await directorsCount()),
    expectedArchives: (r) => r.reconciliations.expectedArchives(),
    report: async (r) =>
      Promise.all([
        r.reconciliations.report(await directorsCount(), 'missingArchiveReport'),
        r.reconciliations.report(await directorsCount(), 'unreportedRecord')
      ]),
    recordPrint: { noFileData: 'who printed which count, and when' },
    exportResult: async (r) => exportedText(await r.reconciliations.exportResult(await directorsCount())),
    reminders: { noFileData: 'whether a count is due' }
  },
  policies: {
    active: { noFileData: 'policy documents' },
    getVersion: { noFileData: 'policy documents' },
    list: { noFileData: 'policy documents' },
    presets: { noFileData: 'policy documents' },
    adoptPreset: { noFileData: 'policy documents' },
    revise: { noFileData: 'policy documents' },
    calendarOverrides: { noFileData: 'the working calendar' },
    saveCalendarOverrides: { noFileData: 'the working calendar' },
    serviceDayOverrides: { noFileData: 'the service-day calendar' },
    saveServiceDayOverrides: { noFileData: 'the service-day calendar' },
    calendar: { noFileData: 'the working calendar' }
  },
  fineReports: {
    recordPrint: { noFileData: 'who printed, when, the print audit event and the dealership name' },
    monthlyReport: { noFileData: 'rates and counts per department and advisor; no field of any file' },
    payrollExport: { noFileData: 'totals per person of the violations the caller read and passes in; no archive data' }
  }
}

const RECONCILED_PERIOD = { from: '2026-03-01', to: '2026-03-07' }
let directorsCountId: string | null = null
/** A count the director kept (who may see the 绝密 file): its extra line is that file's archive. */
async function directorsCount(): Promise<string> {
  directorsCountId ??= (await director.reconciliations.record({ department: 'sales', period: RECONCILED_PERIOD })).run
    .id
  return directorsCountId
}

// Helpers the adapters share between their methods; not part of the repository interfaces.
const INTERNAL = new Set([
  'keptKeys',
  'readMappings',
  'countAgainstSystem',
  'receivedArchives',
  'withoutHidden',
  'hiddenArchiveIds',
  'loadOrRefuse',
  'filesForScan',
  'lookUpNamePart',
  'loadHandover',
  'write',
  'setCounter',
  'drawNumber',
  'sheetContent',
  'noticeContent',
  'openFile',
  'insert',
  'nameDuplicate',
  'advanceArchiveNoCounters',
  'readImportArchive',
  'visibleLevels',
  'hiddenIds',
  'lookUp',
  'fileOf',
  'view',
  'views',
  'policyOf',
  'step',
  'load',
  'linesFor',
  'select',
  'inspectionLines',
  'write',
  'writeXlsx',
  'withheld',
  'changeAccount',
  'activeRef',
  'install',
  'returnedRound',
  'saveOverrides',
  'now',
  'loadLoan',
  'openFiles',
  'loanFiles',
  'today',
  'requireKeeping',
  'liveFile',
  'factsOf',
  'liveFiles',
  'rowsFor',
  'loadDestruction',
  'today',
  'writableFileOf',
  'state',
  'policiesFor',
  'presented',
  'archivesFor',
  'change',
  'monthForPayCut',
  'monthRecords',
  'checkRules'
])

function methodsOf(object: object): string[] {
  const names = new Set<string>()
  for (
    let proto = Object.getPrototypeOf(object) as object | null;
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name)
      if (name !== 'constructor' && typeof descriptor?.value === 'function') names.add(name)
    }
  }
  for (const name of Object.keys(object))
    if (typeof (object as Record<string, unknown>)[name] === 'function') names.add(name)
  return [...names].filter((name) => !INTERNAL.has(name)).sort()
}

/** An exported XLSX read back as the text a person would see in it (the walk checks that text). */
async function exportedText(file: ExportFile): Promise<ParsedTable> {
  return parseTable(file.bytes, file.fileName)
}

function refused(error: unknown): string {
  if (isDomainError(error)) return `refused: ${error.code} ${error.message}`
  throw error
}

beforeAll(async () => {
  db = new ChedangDatabase('read-paths')
  await db.open()
  const now = () => new Date('2026-03-09T02:00:00Z')
  const auth = new DexieAuth(db, 'pc-archive-room', { iterations: 1000, now })
  const directorSession = await auth.setup({
    dealershipName: '长春一汽大众4S店',
    name: '张丽',
    username: 'zhangli',
    password: 'Chedang#2026'
  })
  director = createDexieRepositories(db, directorSession, { iterations: 1000, now })
  await director.operators.create({
    name: '刘敏',
    role: 'archive_manager',
    department: ROLE_DEPARTMENT.archive_manager,
    phone: '',
    username: 'liumin',
    password: 'Archive#2026'
  })
  // The manager replaces the director's initial password at the first login, as every new operator must.
  managerSession = await firstLogin(auth, 'liumin', 'Archive#2026')
  manager = createDexieRepositories(db, managerSession, { iterations: 1000, now })

  const form = {
    ...makeVehicleFileForm(rnd, 1),
    ownerName: '诸葛明远',
    contactName: '上官雪梅',
    contactPhone: '13904316688',
    street: '人民大街7088号',
    ownerPhone: '0431-85557321',
    cabinet: 'A9',
    shelf: '2',
    box: '3'
  }
  const file = await director.vehicleFiles.create(form)
  const other = await director.vehicleFiles.create(makeVehicleFileForm(rnd, 2))
  const handover = await director.handovers.open({ department: 'sales', handedByName: '李明' })
  const docs = Object.keys(FAW_VW_SALES_EXAMPLE.documents)
  const line = await director.handovers.addArchive(handover.id, {
    scan: file.vin,
    kind: 'sales',
    advisorName: '李明',
    anchorDate: '2026-03-02',
    documentsPresent: docs
  })
  const otherLine = await director.handovers.addArchive(handover.id, {
    scan: other.vin,
    kind: 'sales',
    advisorName: '李明',
    anchorDate: '2026-03-02',
    documentsPresent: docs
  })
  const late = withFacts(FAW_VW_SALES_EXAMPLE, { 'invoice.invoiceDate': '2026-03-06 16:00' })
  await director.archives.completeInspection(
    line.archive.id,
    late,
    allManualChecksPassed(getPreset('faw-vw').archiveTemplates.sales)
  )
  await director.vehicleFiles.setSecrecy(file.id, 'top_secret', '公安机关调查中')
  // Lent in the room twice (绝密 stays in the room): once returned with a file lost, once still out.
  const lendSecret = () =>
    director.loans.lend({
      borrower: {
        kind: 'outsider',
        name: '孙立',
        organisation: '长春市公安局',
        documents: ['introduction_letter', 'id_document']
      },
      files: [{ fileId: file.id, pieces: 2 }],
      purpose: '案件调查查阅',
      mode: 'take_out',
      takeOutReason: '办案需要',
      approvals: [
        { approverTitle: '负责人', approvedBy: '吴刚' },
        { approverTitle: '经理', approvedBy: '张丽' }
      ],
      outOn: '2026-03-02'
    })
  const first = await lendSecret()
  await director.loans.returnFiles(first.id, {
    returnedOn: '2026-03-06',
    files: [{ fileId: file.id, piecesCounted: 1, condition: 'lost' }]
  })
  const loan = await lendSecret()
  const full = (await director.vehicleFiles.getForEdit(file.id))!
  secret = {
    id: file.id,
    archiveId: line.archive.id,
    handoverId: handover.id,
    loanId: loan.id,
    vin: full.vin,
    values: [
      full.vin,
      full.vin.slice(-8),
      full.archiveNo,
      full.plate!,
      full.ownerName,
      full.ownerIdNumber!,
      full.ownerPhone,
      '85557321',
      full.contactName!,
      full.contactPhone!,
      full.street!
    ]
  }
  ordinary = { id: other.id, archiveId: otherLine.archive.id }
  // A dangling author, so the integrity check has a problem to report about the hidden file.
  await db.vehicleFiles.update(file.id, { updatedBy: 'account-removed-by-hand' })
  const meta = {
    createdAt: '2026-03-09T02:00:00.000Z',
    createdBy: 'x',
    updatedAt: '2026-03-09T02:00:00.000Z',
    updatedBy: 'x',
    rev: 1,
    deletedAt: null
  }
  await db.sealingBatches.add({
    ...meta,
    id: kept.batchId,
    number: 'FC2026-0009',
    location: '档案库',
    note: null,
    sealedAt: meta.createdAt,
    sealedByName: '张丽',
    fileCount: 1,
    policyId: 'dealer-policy',
    policyVersion: 1
  })
  await db.sealingLines.add({
    ...meta,
    id: 'line-secret',
    batchId: kept.batchId,
    vehicleFileId: file.id,
    line: 1,
    previousLocation: 'A1-1-1',
    sealDueOn: '2026-03-01',
    sealBasis: 'dormant_from_creation'
  })
  await db.legalHolds.add({
    ...meta,
    id: kept.holdId,
    vehicleFileId: file.id,
    kind: 'investigation',
    reason: '公安机关调查',
    placedAt: meta.createdAt,
    placedByName: '张丽',
    releasedAt: null,
    releasedByName: null,
    releaseReason: null
  })
  await db.destructions.add({
    ...meta,
    id: kept.destructionId,
    vehicleFileId: file.id,
    vin: full.vin,
    archiveNo: full.archiveNo,
    reason: '保管期满',
    status: 'proposed',
    proposedById: 'x',
    proposedByName: '张丽',
    proposedByRole: 'cc_director',
    proposedOn: '2026-03-09',
    reviewDueOn: '2026-03-01',
    directorById: null,
    directorByName: null,
    directorOn: null,
    generalManagerById: null,
    generalManagerByName: null,
    generalManagerOn: null,
    destroyedOn: null,
    method: null,
    destroyedById: null,
    destroyedByName: null,
    witnessName: null,
    erasedFields: []
  })
  await db.storageInspections.add({
    ...meta,
    id: kept.inspectionId,
    inspectedOn: '2026-03-09',
    inspectorName: '刘敏',
    scope: '全部库房',
    dampOk: true,
    dampNote: null,
    mouldOk: true,
    mouldNote: null,
    fadingOk: false,
    fadingNote: '字迹褪色',
    damageOk: true,
    damageNote: null,
    boxOrderOk: true,
    boxOrderNote: null,
    findings: '',
    actions: '复印',
    recordedByName: '刘敏'
  })
  await db.fileRepairs.add({
    ...meta,
    id: 'repair-secret',
    vehicleFileId: file.id,
    inspectionId: kept.inspectionId,
    problem: 'fading',
    description: '字迹褪色',
    repair: '复印',
    repairedOn: '2026-03-09',
    repairedByName: '刘敏'
  })
})

describe('every read path goes through the one access decision', () => {
  it('has an entry for every method of every repository', () => {
    const repositories = manager as unknown as Record<string, unknown>
    for (const [name, repo] of Object.entries(repositories)) {
      if (typeof repo !== 'object' || repo === null || name === 'operator') continue
      expect({ [name]: methodsOf(repo) }).toEqual({ [name]: Object.keys(WALK[name] ?? {}).sort() })
    }
  })

  for (const [repo, methods] of Object.entries(WALK)) {
    for (const [method, entry] of Object.entries(methods)) {
      if (typeof entry !== 'function') continue
      it(`${repo}.${method} gives nothing of a 绝密 file to an archive manager`, async () => {
        const result = await entry(manager).catch(refused)
        const text = JSON.stringify(result) ?? ''
        for (const value of secret.values) expect(text, `${repo}.${method} shows ${value}`).not.toContain(value)
      })
    }
  }

  it('refuses a 绝密 file’s page, edit form, archive, inspections, notice and history, and logs each refusal', async () => {
    const refusals = await Promise.all(
      [
        manager.vehicleFiles.get(secret.id),
        manager.vehicleFiles.getForEdit(secret.id),
        manager.archives.get(secret.archiveId),
        manager.archives.inspections(secret.archiveId),
        manager.archives.correctionNotice(secret.archiveId),
        manager.archives.recordPrint({ document: 'correctionNotice', archiveId: secret.archiveId }),
        manager.auditLog.forEntity('vehicleFile', secret.id)
      ].map((p) => p.then(() => 'allowed', refused))
    )
    for (const outcome of refusals) expect(outcome).toMatch(/^refused: PERMISSION_DENIED .*查看绝密档案/)
    const denied = await director.auditLog.query({
      actions: ['access.denied'],
      actorId: managerSession.operator.accountId
    })
    expect(denied.filter((e) => e.entityId === secret.id).length).toBeGreaterThanOrEqual(7)
  })

  it('shows the handover line of a 绝密 file withheld, so the sheet still counts it', async () => {
    const lines = await manager.handovers.lines(secret.handoverId)
    expect(lines).toHaveLength(2)
    expect(lines[0]!.file.ownerName).toBe('绝密档案（无权查看）')
    expect(lines[1]!.file.id).toBe(ordinary.id)
    const sheet = await manager.handovers.sheet(secret.handoverId)
    expect(sheet.lines.map((l) => l.ownerName)).toContain('绝密档案（无权查看）')
  })

  it('records a print only for one who may read what is printed', async () => {
    const printsBy = async () =>
      (await director.auditLog.query({ actions: ['print'], actorId: managerSession.operator.accountId })).length
    const before = await printsBy()
    const stamp = await manager.archives.recordPrint({ document: 'handoverSheet', handoverId: secret.handoverId })
    expect(stamp.printedBy).toBe('刘敏')
    expect(await printsBy()).toBe(before + 1)
    const matrix = await director.settings.getPermissionMatrix()
    await director.settings.savePermissionMatrix({
      ...matrix,
      archive_manager: matrix.archive_manager.filter((p) => p !== 'vehicleFile.read')
    })
    try {
      // A fresh session's guard reads the matrix as saved.
      const unread = createDexieRepositories(db, managerSession, {
        iterations: 1000,
        now: () => new Date('2026-03-09T02:00:00Z')
      })
      const outcome = await unread.archives
        .recordPrint({ document: 'handoverSheet', handoverId: secret.handoverId })
        .then(() => 'allowed', refused)
      expect(outcome).toMatch(/^refused: PERMISSION_DENIED/)
      expect(await printsBy()).toBe(before + 1)
    } finally {
      await director.settings.savePermissionMatrix(matrix)
    }
  })

  it('tells a clerk a VIN is already filed without naming the hidden file', async () => {
    const error = await manager.vehicleFiles.findByVin(secret.vin).catch((e: unknown) => e)
    expect(isDomainError(error) && error.code).toBe('VEHICLE_DUPLICATE_VIN')
    expect((error as Error).message).toBe('该车架号已建档（您无权查看该档案）')
  })

  it('logs a confidential view on every path that shows a 绝密 file to one who may see it', async () => {
    const gm = await director.operators.create({
      name: '郑伟',
      role: 'general_manager',
      department: 'management',
      phone: '',
      username: 'zhengwei',
      password: 'Archive#2026'
    })
    const session: Session = await firstLogin(
      new DexieAuth(db, 'pc-gm', { iterations: 1000 }),
      'zhengwei',
      'Archive#2026'
    )
    const gmRepos = createDexieRepositories(db, session, { iterations: 1000 })
    const paths: Walk[] = [
      (r) => r.vehicleFiles.get(secret.id),
      (r) => r.vehicleFiles.findByVin(secret.vin),
      (r) => r.handovers.lines(secret.handoverId),
      (r) => r.handovers.sheet(secret.handoverId),
      (r) => r.archives.get(secret.archiveId),
      (r) => r.archives.forVehicle(secret.id),
      (r) => r.archives.inspections(secret.archiveId),
      (r) => r.archives.correctionNotice(secret.archiveId),
      (r) => r.auditLog.forEntity('vehicleFile', secret.id)
    ]
    for (const path of paths) {
      const before = (await director.auditLog.query({ actions: ['confidential.view'], actorId: gm.accountId! })).length
      expect(JSON.stringify(await path(gmRepos))).not.toContain('无权查看')
      expect((await director.auditLog.query({ actions: ['confidential.view'], actorId: gm.accountId! })).length).toBe(
        before + 1
      )
    }
  })
})
